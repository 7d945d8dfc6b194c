"""``jixiao-manage import_disclosure FILE...``: import disclosure documents (idempotent)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jixiao.web.performance import services


class Command(BaseCommand):
    help = "Import disclosure files (the text-dump format). Importing the same file twice changes nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="preview what would be read; change nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        failed = 0
        for path in options["files"]:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise CommandError(f"{path}: cannot read file: {exc.strerror}") from None
            if options["dry_run"]:
                preview = services.disclosure_import_preview(data=data, filename=path.name)
            else:
                record, preview = services.disclosure_import(data=data, filename=path.name, actor=None)
            for err in preview.errors:
                self.stderr.write(f"error: {err}")
            for row_err in preview.row_errors:
                self.stderr.write(f"row error: {row_err['message']}")
            for warning in preview.warnings:
                self.stderr.write(f"warning: {warning}")
            if preview.errors:
                failed += 1
                continue
            doc = preview.document
            assert doc is not None
            if options["dry_run"]:
                self.stdout.write(f"{path.name}: {doc.title} — {len(doc.rows)} rows "
                                  f"({doc.organization}, {doc.year}, {doc.period})")
            elif preview.already_imported:
                self.stdout.write(f"{path.name}: already imported, unchanged")
            elif record is not None:
                self.stdout.write(f"{path.name}: {record.get_status_display()} — {record.message}")
        if failed:
            raise CommandError(f"{failed} file(s) could not be imported")
