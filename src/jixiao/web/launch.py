"""``jixiao start``: set up the database, import the example disclosures, create demo accounts, serve.

Demo accounts (a published password) are created only in the local demo: with DEBUG on (``JIXIAO_DEBUG=1``)
and not under the production settings; otherwise the command says why in one line. The server is Django's
``runserver``, which also serves the static files when DEBUG is off (``--insecure``), so the local demo looks the
same either way.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

DEFAULT_ADDR = "127.0.0.1:8000"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``jixiao start`` (shared by ``jixiao.cli`` and ``python -m jixiao.web.launch``)."""
    parser.add_argument("--addr", default=DEFAULT_ADDR, help="address:port to serve on (default %(default)s)")
    parser.add_argument("--examples", help="folder of *.txt disclosures to import (default ../shared/examples)")
    parser.add_argument("--no-serve", action="store_true", help="set up only; do not start the server")


def prepare(*, examples: str | None = None, quiet: bool = False) -> list[dict[str, str]]:
    """Migrate, import every ``*.txt`` disclosure in the examples folder (idempotently), create demo users.

    Returns the demo accounts; none (an empty list) outside the local demo.
    """
    from jixiao.web.cli import setup_django

    setup_django(migrate=True)
    from django.conf import settings

    from jixiao.web.performance import services

    folder = Path(examples or os.environ.get("JIXIAO_EXAMPLES") or settings.JIXIAO_EXAMPLES)
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not files and not quiet:
        print(f"jixiao: no *.txt disclosures in {folder} (set JIXIAO_EXAMPLES)", file=sys.stderr)
    for path in files:
        record, preview = services.disclosure_import(data=path.read_bytes(), filename=path.name, actor=None)
        if quiet:
            continue
        if record is not None:
            print(f"imported {path.name}: {record.message}")
        elif preview.already_imported:
            print(f"{path.name}: already imported, unchanged")
        else:
            for err in preview.errors:
                print(f"jixiao: {err}", file=sys.stderr)
    if services.demo_accounts_refusal() is not None:
        return []
    return services.demo_accounts_create()


def run(args: argparse.Namespace) -> int:
    """``jixiao start`` with its options parsed."""
    accounts = prepare(examples=args.examples)
    from django.conf import settings

    from jixiao.web.performance import services

    refusal = services.demo_accounts_refusal()
    if accounts:
        print("\nDemo accounts (local use only):")
        for a in accounts:
            print(f"  {a['username']:<12} password {a['password']:<12} {a['role']} · {a['organization']}")
    else:
        print(f"\njixiao: no demo accounts: {refusal or 'none were created'}")
    print(f"\njixiao: http://{args.addr}/  (admin: /admin/, API schema: /api/schema/)\n", flush=True)
    if args.no_serve:
        return 0
    from django.core.management import call_command

    # runserver serves the static files itself only with DEBUG on; --insecure keeps the local demo styled with
    # DEBUG off too (never under the production settings, which expect a web server in front).
    call_command("runserver", args.addr, use_reloader=False,
                 insecure_serving=not getattr(settings, "JIXIAO_PRODUCTION", False))
    return 0


def start(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="jixiao start", description="Set up and start the jixiao web site.")
    add_arguments(parser)
    args = parser.parse_args(argv)
    from jixiao.web.cli import EXIT_BAD_INPUT, SettingsError

    try:
        return run(args)
    except SettingsError as exc:
        print(f"jixiao: error [{exc.code}]: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(start(sys.argv[1:]))
