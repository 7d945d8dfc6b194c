"""``jixiao-manage import_disclosure FILE... [--office NAME] [--dry-run]``: import disclosure documents (idempotent).

Runs as the operator: the units are filed under the office named (made when missing), else the settings'
JIXIAO_DEFAULT_OFFICE. A document naming another office's unit, or an office, is refused and nothing of it is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from jixiao.web.performance import services
from jixiao.web.performance.models import Organization


class _DryRun(Exception):
    pass


class Command(BaseCommand):
    help = ("Import disclosure files (the text-dump format) into one appraisal office. Importing the same file "
            "twice changes nothing.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--office", help="the appraisal office to import into (made when missing; default "
                                             "JIXIAO_DEFAULT_OFFICE)")
        parser.add_argument("--dry-run", action="store_true", help="preview what would be read; change nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        failed = 0
        for path in options["files"]:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise CommandError(f"{path}: cannot read file: {exc.strerror}") from None
            if options["dry_run"]:
                preview = self._dry_run(data, path.name, options["office"])
                record = None
            else:
                office = self._office(options["office"]) if options["office"] else None
                record, preview = services.disclosure_import(data=data, filename=path.name, actor=None, office=office)
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
                new = " (new unit)" if preview.new_unit else ""
                self.stdout.write(f"{path.name}: {doc.title} — {len(doc.rows)} rows "
                                  f"({preview.office_name} / {doc.organization}{new}, {doc.year}, {doc.period})")
            elif preview.already_imported:
                self.stdout.write(f"{path.name}: already imported, unchanged")
            elif record is not None:
                self.stdout.write(f"{path.name}: {record.get_status_display()} — {record.message}")
        if failed:
            raise CommandError(f"{failed} file(s) could not be imported")

    def _office(self, name: str) -> Organization:
        try:
            return services.organization_get_or_create(name=name, kind=Organization.Kind.OFFICE)
        except ValidationError as exc:
            raise CommandError(f"--office {name}: {' '.join(exc.messages)}") from None

    def _dry_run(self, data: bytes, filename: str, office_name: str | None) -> services.ImportPreview:
        """The preview, as the import would see it: the office named is made for it and rolled back."""
        preview = None
        try:
            with transaction.atomic():
                office = self._office(office_name) if office_name else None
                preview = services.disclosure_import_preview(data=data, filename=filename, office=office)
                raise _DryRun
        except _DryRun:
            pass
        assert preview is not None
        return preview
