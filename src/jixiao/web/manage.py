"""Django's command-line utility for jixiao: ``python -m jixiao.web.manage`` or the ``jixiao-manage`` script."""

from __future__ import annotations

import os
import sys

EXIT_SETTINGS = 2


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 - loads the settings module: a missing setting is one line, no traceback
    except ImproperlyConfigured as exc:
        print(f"jixiao-manage: error: {os.environ['DJANGO_SETTINGS_MODULE']}: {exc}", file=sys.stderr)
        return EXIT_SETTINGS
    execute_from_command_line(["jixiao-manage", *(sys.argv[1:] if argv is None else argv)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
