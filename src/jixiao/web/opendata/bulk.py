"""Bulk import: many disclosure files (or folders of them) into the database.

Worker processes read and check each file (pure Python: the formats readers and the core checker); the
parent process is the one writer and imports each file through the web's import service
(``services.disclosure_import``) in its own transaction, so an interrupted run leaves every file either
fully imported or not at all, and running again skips what is already in (the service is idempotent by
content). The checks the workers computed are handed to the parent, which reuses them instead of
checking the same rows a second time.

A file holding several disclosures (jixiao's dataset exports) is imported document by document, each as
its own jixiao JSON; the file is still one transaction.
"""

from __future__ import annotations

import csv
import io
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any, TextIO

from jixiao.core.errors import JixiaoError
from jixiao.core.meta import standard_period
from jixiao.core.results import RowResult

# Files a folder walk picks up; named files are always tried, whatever their name.
EXTENSIONS = frozenset((".txt", ".html", ".htm", ".shtml", ".xhtml", ".xlsx", ".xlsm", ".csv", ".tsv", ".json"))

STATUSES = ("imported", "corrected", "unchanged", "already", "failed")
STATUS_LABELS = {
    "imported": "imported (new)",
    "corrected": "new version",
    "unchanged": "unchanged",
    "already": "already imported",
    "failed": "failed",
}
ERROR_COLUMNS = ("file", "document", "row", "line", "field", "message")

# goal, indicator, progress, period, year, shared
CheckKey = tuple[str, str, str, str, int | None, bool, bool]


@dataclass
class Prepared:
    """What a worker hands back for one file."""

    path: str
    documents: list[tuple[str, bytes]] = field(default_factory=list)  # (name, bytes to import)
    checks: dict[CheckKey, RowResult] = field(default_factory=dict)
    rows: int = 0
    error: dict[str, Any] | None = None  # the file cannot be read at all


@dataclass
class FileResult:
    path: str
    status: str
    documents: int = 0
    rows: int = 0
    message: str = ""
    bad_input: bool = True  # a failure is the file's fault (False: a database or model error)


@dataclass
class Summary:
    files: list[FileResult] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0

    def table(self) -> list[tuple[str, int, int, int]]:
        """(status, files, disclosures, rows) per status, then the total."""
        out = []
        for status in STATUSES:
            fs = [f for f in self.files if f.status == status]
            out.append((STATUS_LABELS[status], len(fs), sum(f.documents for f in fs), sum(f.rows for f in fs)))
        out.append(("total", len(self.files), sum(f.documents for f in self.files),
                    sum(f.rows for f in self.files)))
        return out

    @property
    def failed(self) -> int:
        return sum(1 for f in self.files if f.status == "failed")


def collect(paths: Iterable[str | Path]) -> tuple[list[Path], list[dict[str, Any]]]:
    """The files named, and those found under the folders named (recursively, hidden ones skipped),
    each once, in order. Paths that do not exist are returned as errors."""
    found: list[Path] = []
    errors: list[dict[str, Any]] = []
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            cands = sorted(
                f for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in EXTENSIONS
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        elif p.is_file():
            cands = [p]
        else:
            errors.append(_error(str(p), message="no such file or folder"))
            continue
        for f in cands:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                found.append(f)
    return found, errors


def _error(path: str, *, document: str = "", row: Any = None, line: Any = None, fld: str = "",
           message: str) -> dict[str, Any]:
    return {"file": path, "document": document, "row": row, "line": line, "field": fld, "message": message}


def prepare(path: str) -> Prepared:
    """Read one file and check its rows (runs in a worker process; no database)."""
    from jixiao.core.check import check_row, shared_paragraphs
    from jixiao.core.errors import JixiaoError
    from jixiao.core.model import Row
    from jixiao.formats.registry import read_documents
    from jixiao.formats.writers import write_disclosures
    from jixiao.web.performance import checking

    out = Prepared(path=path)
    name = os.path.basename(path)
    try:
        data = Path(path).read_bytes()
        docs = read_documents(data, source=name)
    except OSError as exc:
        out.error = _error(path, message=f"cannot read the file: {exc.strerror or exc}")
        return out
    except JixiaoError as exc:
        # the location goes to its own columns; the message is the reader's words without it
        out.error = _error(path, row=getattr(exc, "row", None), line=getattr(exc, "line", None),
                           fld=getattr(exc, "field", None) or "", message=getattr(exc, "detail", None) or str(exc))
        return out
    if len(docs) == 1:
        out.documents.append((name, data))
    else:
        out.documents = [(f"{name}#{i}", write_disclosures([d], "json")) for i, d in enumerate(docs, start=1)]
    for d in docs:
        out.rows += len(d.rows)
        shared = shared_paragraphs([r for r in d.rows if r.indicator.strip()])
        # the year the import files it under: a title naming none takes the publication's (services.import_*)
        year = d.year or (d.published.year if d.published else None)
        for r in d.rows:
            if r.indicator.strip():
                # as the web checks it (checking.check_texts): the row without its line number, for the
                # period the import files it under, knowing whether its results paragraph is shared
                code = checking.period_for_check(d.title, standard_period(d.period))
                later = checking.due_later_by_title(d.title, year)
                out.checks[(r.goal, r.indicator, r.progress, code, year, r.progress in shared, later)] = (
                    check_row(Row(r.goal, r.indicator, r.progress), period=code, year=year,
                              shared=r.progress in shared, due_later=later))
    return out


@contextmanager
def reuse_checks(checks: dict[CheckKey, RowResult]) -> Iterator[None]:
    """While importing, answer ``checking.check_texts`` from the workers' results where they have it."""
    from jixiao.web.performance import checking

    original = checking.check_texts

    def cached(goal: str, indicator: str, progress: str, period: str | None = None,
               year: int | None = None, shared: bool = False, due_later: bool = False) -> RowResult:
        hit = checks.get((goal, indicator, progress, period or "全年", year, shared, due_later))
        return hit if hit is not None else original(goal, indicator, progress, period, year, shared, due_later)

    checking.check_texts = cached  # type: ignore[assignment]
    try:
        yield
    finally:
        checking.check_texts = original  # type: ignore[assignment]


def import_prepared(prep: Prepared, *, office: Any = None) -> tuple[FileResult, list[dict[str, Any]]]:
    """Write one prepared file into the database: all its documents in one transaction, or nothing."""
    from django.db import transaction

    from jixiao.web.performance import services
    from jixiao.web.performance.models import ImportRecord

    if prep.error is not None:
        return FileResult(prep.path, "failed", message=prep.error["message"]), [prep.error]
    errors: list[dict[str, Any]] = []
    statuses: list[str] = []
    failed = ""

    class _Rollback(Exception):
        pass

    try:
        with transaction.atomic(), reuse_checks(prep.checks):
            for name, data in prep.documents:
                record, preview = services.disclosure_import(data=data, filename=name, actor=None, office=office)
                for e in preview.row_errors:
                    # the location is in the columns; the web's message repeats it, so say only what is wrong
                    errors.append(_error(prep.path, document=name, row=e["row"], line=e["line"], fld=e["field"],
                                         message=f"{e['field']} is empty: the row is not imported"))
                if record is None and preview.already_imported:
                    statuses.append("already")
                elif record is None:
                    for msg in preview.errors:
                        errors.append(_error(prep.path, document=name, message=str(msg)))
                    failed = "; ".join(str(m) for m in preview.errors) or "not imported"
                    raise _Rollback
                elif record.status == ImportRecord.Status.UNCHANGED:
                    statuses.append("unchanged")
                else:
                    latest = record.submission.disclosures.order_by("-version").first() if record.submission else None
                    statuses.append("corrected" if latest is not None and latest.version > 1 else "imported")
    except _Rollback:
        return FileResult(prep.path, "failed", len(prep.documents), prep.rows, failed), errors
    except Exception as exc:  # a database or model error: this file only; the run goes on
        msg = f"{type(exc).__name__}: {exc}"
        errors.append(_error(prep.path, message=msg))
        return FileResult(prep.path, "failed", len(prep.documents), prep.rows, msg, bad_input=False), errors
    # a file is as new as its newest document
    status = next((s for s in ("corrected", "imported", "unchanged") if s in statuses), "already")
    return FileResult(prep.path, status, len(prep.documents), prep.rows), errors


class Progress:
    """A progress bar on a terminal; on anything else a line every few seconds."""

    def __init__(self, total: int, stream: TextIO | None = None, enabled: bool = True) -> None:
        self.total, self.done, self.start = total, 0, time.monotonic()
        self.stream = stream or sys.stderr
        self.enabled = enabled and total > 0
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.last = 0.0
        self.failed = 0

    def line(self) -> str:
        elapsed = time.monotonic() - self.start
        rate = self.done / elapsed if elapsed > 0 else 0.0
        eta = (self.total - self.done) / rate if rate > 0 else 0.0
        frac = self.done / self.total if self.total else 1.0
        bar = "#" * int(frac * 30) + "-" * (30 - int(frac * 30))
        fail = f"  {self.failed} failed" if self.failed else ""
        return (f"[{bar}] {self.done}/{self.total} files {frac * 100:5.1f}%  {rate:6.1f}/s  "
                f"ETA {int(eta) // 60}:{int(eta) % 60:02d}{fail}")

    def update(self, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        if not self.enabled:
            return
        now = time.monotonic()
        if self.tty:
            if now - self.last >= 0.1 or self.done == self.total:
                self.stream.write("\r" + self.line())
                self.stream.flush()
                self.last = now
        elif now - self.last >= 5 or self.done == self.total:
            self.stream.write(self.line() + "\n")
            self.stream.flush()
            self.last = now

    def close(self) -> None:
        if self.enabled and self.tty:
            self.stream.write("\n")
            self.stream.flush()


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops the run between files."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _prepared_in_order(paths: list[Path], jobs: int) -> Iterator[Prepared]:
    """Prepared files in the order given; with jobs > 1, read and checked ahead by a pool of workers
    (at most a few files per worker in flight, so memory stays flat however many files there are)."""
    if jobs <= 1 or len(paths) <= 1:
        for p in paths:
            yield prepare(str(p))
        return
    window = jobs * 4
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn"), initializer=_ignore_sigint) as pool:
        pending: deque[Future[Prepared]] = deque()
        it = iter(paths)
        try:
            for p in it:
                pending.append(pool.submit(prepare, str(p)))
                if len(pending) >= window:
                    break
            while pending:
                fut = pending.popleft()
                nxt = next(it, None)
                if nxt is not None:
                    pending.append(pool.submit(prepare, str(nxt)))
                yield fut.result()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


class OfficeError(JixiaoError):
    """The office named for the import cannot take units (its name is a unit's): ``jixiao import`` stops, status 2."""

    code = "office"


def run(paths: Iterable[str | Path], *, jobs: int | None = None, office_name: str | None = None,
        progress: bool = True, stream: TextIO | None = None,
        on_file: Callable[[FileResult], None] | None = None) -> Summary:
    """Import every disclosure file under ``paths``. Django must be set up and migrated.

    The import runs as the operator, into one office: ``office_name`` (made when missing) or the settings'
    JIXIAO_DEFAULT_OFFICE. A document naming a unit of another office, or an office, fails (its file is not
    imported; the error report names the file and the unit)."""
    from jixiao.web.performance import services
    from jixiao.web.performance.models import Organization

    start = time.monotonic()
    files, errors = collect(paths)
    summary = Summary(errors=list(errors))
    for e in errors:
        summary.files.append(FileResult(e["file"], "failed", message=e["message"]))
    office = None
    if office_name:
        from django.core.exceptions import ValidationError

        try:
            office = services.organization_get_or_create(name=office_name, kind=Organization.Kind.OFFICE)
        except ValidationError as exc:  # the name is a unit's: nothing can be filed under it
            raise OfficeError(f"--office {office_name}: {' '.join(exc.messages)}") from None
    jobs = jobs if jobs is not None else max(1, min(os.cpu_count() or 1, 8))
    bar = Progress(len(files), stream=stream, enabled=progress)
    try:
        for prep in _prepared_in_order(files, jobs):
            result, errs = import_prepared(prep, office=office)
            summary.files.append(result)
            summary.errors.extend(errs)
            bar.update(failed=result.status == "failed")
            if on_file is not None:
                on_file(result)
    finally:
        bar.close()
        summary.seconds = time.monotonic() - start
    return summary


def errors_csv(errors: list[dict[str, Any]]) -> bytes:
    """The per-file error report: one line per problem (UTF-8 with BOM, for spreadsheets)."""
    buf = io.StringIO(newline="")
    w = csv.DictWriter(buf, fieldnames=ERROR_COLUMNS, lineterminator="\r\n")
    w.writeheader()
    for e in errors:
        w.writerow({k: "" if e.get(k) is None else e.get(k) for k in ERROR_COLUMNS})
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def format_table(summary: Summary) -> str:
    rows = [("result", "files", "disclosures", "rows"), *[(a, str(b), str(c), str(d)) for a, b, c, d in
                                                           summary.table()]]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for n, r in enumerate(rows):
        lines.append("  ".join(r[0].ljust(widths[0]) if i == 0 else r[i].rjust(widths[i]) for i in range(4)))
        if n == 0 or n == len(rows) - 2:
            lines.append("  ".join("-" * w for w in widths))
    rate = len(summary.files) / summary.seconds if summary.seconds > 0 else 0.0
    lines.append(f"{summary.seconds:.1f} s, {rate:.1f} files/s")
    return "\n".join(lines)
