"""``jixiao start``: set up the database, import the example disclosures, create demo accounts, serve."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    import django

    django.setup()


def prepare(*, examples: str | None = None, quiet: bool = False) -> list[dict[str, str]]:
    """Migrate, import every ``*.txt`` disclosure in the examples folder (idempotently), create demo users."""
    _setup_django()
    from django.conf import settings
    from django.core.management import call_command

    from jixiao.web.performance import services

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        Path(db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
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
    return services.demo_accounts_create()


def start(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="jixiao start", description="Set up and start the jixiao web site.")
    parser.add_argument("--addr", default="127.0.0.1:8000", help="address:port to serve on")
    parser.add_argument("--examples", help="folder of *.txt disclosures to import (default ../shared/examples)")
    parser.add_argument("--no-serve", action="store_true", help="set up only; do not start the server")
    args = parser.parse_args(argv)
    accounts = prepare(examples=args.examples)
    print("\nDemo accounts (local use only):")
    for a in accounts:
        print(f"  {a['username']:<12} password {a['password']:<12} {a['role']} · {a['organization']}")
    print(f"\njixiao: http://{args.addr}/  (admin: /admin/, API schema: /api/schema/)\n", flush=True)
    if args.no_serve:
        return 0
    from django.core.management import call_command

    call_command("runserver", args.addr, use_reloader=False)
    return 0


if __name__ == "__main__":
    sys.exit(start(sys.argv[1:]))
