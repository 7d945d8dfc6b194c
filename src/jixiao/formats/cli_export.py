"""``jixiao export FILE... --to csv|xlsx|json --out PATH``: check documents and write them as open data.

``--plain`` writes the disclosures without verdicts; ``--template`` writes the blank XLSX template.
Registered by ``jixiao.cli`` through ``register(subparsers)``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from jixiao.core.errors import ReaderError
from jixiao.core.model import Disclosure
from jixiao.formats.registry import read_documents, read_paths
from jixiao.formats.writers import OUT_FORMATS, OutFormat, write_disclosures, write_reports


def _guess_format(out: str | None) -> OutFormat | None:
    if not out or out == "-":
        return None
    suffix = Path(out).suffix.lower().lstrip(".")
    for fmt in OUT_FORMATS:
        if suffix == fmt:
            return fmt
    return None


def _cmd_export(args: argparse.Namespace) -> int:
    fmt: OutFormat | None = args.to or _guess_format(args.out)
    if args.template:
        from jixiao.formats.template import template_workbook

        blob = template_workbook()
    else:
        if not args.files:
            raise ReaderError("no documents given (jixiao export FILE... --to csv|xlsx|json)", source="<args>")
        if fmt is None:
            raise ReaderError("say which format to write: --to csv|xlsx|json (or an --out name ending in one)",
                              source="<args>")
        disclosures: list[Disclosure] = []
        for name in args.files:
            if name == "-":
                disclosures.extend(read_documents(sys.stdin.buffer.read(), source="<stdin>"))
            else:
                disclosures.extend(read_paths(name))
        if args.plain:
            blob = write_disclosures(disclosures, fmt)
        else:
            from jixiao.core.check import check_disclosure

            blob = write_reports([check_disclosure(d) for d in disclosures], fmt)
    if args.out in (None, "-"):
        if (fmt == "xlsx" or args.template) and sys.stdout.isatty():
            raise ReaderError("refusing to write XLSX to a terminal: give --out PATH", source="<args>")
        sys.stdout.buffer.write(blob)
        sys.stdout.buffer.flush()
    else:
        try:
            Path(args.out).write_bytes(blob)
        except OSError as exc:
            raise ReaderError(f"cannot write: {exc.strerror or exc}", source=args.out) from None
    return 0


def add_export_parser(subparsers: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "export",
        help="check documents and write them (targets, actuals, verdicts) as CSV, XLSX or JSON",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="documents in any format jixiao reads; - for stdin")
    p.add_argument("--to", choices=OUT_FORMATS, help="the output format (default: from --out's name)")
    p.add_argument("--out", "-o", help="where to write (default: standard output)")
    p.add_argument("--plain", action="store_true", help="the disclosures only, without checking them")
    p.add_argument("--template", action="store_true", help="write the blank XLSX template to fill in")
    p.set_defaults(func=_cmd_export)
    return p


def register(subparsers: Any) -> None:
    add_export_parser(subparsers)
