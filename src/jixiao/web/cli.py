"""Web-side subcommands of ``jixiao`` (registered by ``jixiao.cli``): import, dataset, publish.

    jixiao import PATH... [--jobs N] [--errors FILE]   files or folders (recursively) into the database
    jixiao dataset --to csv|xlsx|json --out FILE          the published data, as on the public site
    jixiao publish --out DIR                              the public site as static HTML

Exit status: 0 done; 2 bad input (``jixiao import``: a file or row that could not be imported, each named on
standard error) or settings that cannot be loaded (one line, e.g. the production settings without
DJANGO_SECRET_KEY); 1 a file failed for another reason (a database error); 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from jixiao.core.errors import JixiaoError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
# Problems printed on standard error by ``jixiao import``; the rest are only in the error report.
SHOWN_PROBLEMS = 20


class SettingsError(JixiaoError):
    """The Django settings cannot be loaded (ImproperlyConfigured): ``jixiao`` prints it as one line, status 2."""

    code = "settings"


def setup_django(*, migrate: bool = True) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        raise SettingsError(f"{os.environ['DJANGO_SETTINGS_MODULE']}: {exc}") from None
    if migrate:
        from django.conf import settings
        from django.core.management import call_command

        db = settings.DATABASES["default"]
        if db["ENGINE"].endswith("sqlite3"):
            Path(db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)


def problem_line(e: dict[str, Any]) -> str:
    """One problem of the import as ``FILE[, document D][, line N][, row N][, field F]: message``."""
    where = str(e.get("file") or "<input>")
    doc = e.get("document") or ""
    if doc and doc != os.path.basename(where):
        where += f", document {doc}"
    for key in ("line", "row"):
        if e.get(key) not in (None, ""):
            where += f", {key} {e[key]}"
    if e.get("field"):
        where += f", field {e['field']}"
    return f"{where}: {e.get('message', '')}"


def _cmd_import(args: argparse.Namespace) -> int:
    setup_django()
    from jixiao.web.opendata import bulk

    interrupted = False
    summary = bulk.Summary()
    try:
        summary = bulk.run(args.paths, jobs=args.jobs, office_name=args.office, progress=not args.quiet)
    except KeyboardInterrupt:
        interrupted = True
    if interrupted:
        print("\njixiao import: interrupted; every file is either fully imported or not at all — "
              "run the same command again to go on", file=sys.stderr)
        return EXIT_INTERRUPTED
    print(bulk.format_table(summary))
    if not summary.errors:
        return EXIT_OK
    out = Path(args.errors)
    out.write_bytes(bulk.errors_csv(summary.errors))
    for e in summary.errors[:SHOWN_PROBLEMS]:
        print(f"jixiao: error: {problem_line(e)}", file=sys.stderr)
    more = len(summary.errors) - SHOWN_PROBLEMS
    print(f"jixiao import: {len(summary.errors)} problem(s) in {len({e['file'] for e in summary.errors})} file(s)"
          + (f", {more} more not shown" if more > 0 else "") + f"; all of them are in {out}", file=sys.stderr)
    if any(f.status == "failed" and not f.bad_input for f in summary.files):
        return EXIT_FAILED
    return EXIT_BAD_INPUT


def _cmd_dataset(args: argparse.Namespace) -> int:
    setup_django()
    from jixiao.web.opendata import exports

    fmt = args.to or Path(args.out).suffix.lower().lstrip(".")
    if fmt not in exports.FORMATS:
        print("jixiao dataset: say which format to write: --to csv|xlsx|json", file=sys.stderr)
        return 2
    data = exports.export_dataset(fmt)  # type: ignore[arg-type]
    if args.out == "-":
        sys.stdout.buffer.write(data)
    else:
        Path(args.out).write_bytes(data)
    return EXIT_OK


def _cmd_publish(args: argparse.Namespace) -> int:
    setup_django()
    from jixiao.web.opendata import publish

    try:
        report = publish.publish_site(Path(args.out), site_url=args.site_url, pdf=not args.no_pdf,
                                      progress=not args.quiet)
    except publish.PublishError as exc:
        print(f"jixiao publish: {exc}", file=sys.stderr)
        return 2
    print(f"jixiao publish: {report.pages} pages, {report.files} files in all, written to {args.out}")
    return EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("import", help="import disclosure files or folders of them into the database")
    p.add_argument("paths", nargs="+", help="files or folders (read recursively)")
    p.add_argument("--jobs", "-j", type=int, default=None, help="worker processes (default: the cores)")
    p.add_argument("--errors", default="jixiao-import-errors.csv",
                   help="where to write the per-file error report (CSV; default %(default)s)")
    p.add_argument("--office", help="the appraisal office to file the units under (default from settings)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_import)

    d = sub.add_parser("dataset", help="write every published disclosure as CSV, XLSX or JSON")
    d.add_argument("--to", choices=("csv", "xlsx", "json"))
    d.add_argument("--out", required=True, help="output file, or - for standard output")
    d.set_defaults(func=_cmd_dataset)

    s = sub.add_parser("publish", help="write the public site as static HTML files")
    s.add_argument("--out", required=True, help="the folder to write the site into")
    s.add_argument("--site-url", help="the address the site will be served from (for the sitemap and the feed)")
    s.add_argument("--no-pdf", action="store_true", help="leave out the PDF of each disclosure")
    s.add_argument("--quiet", "-q", action="store_true")
    s.set_defaults(func=_cmd_publish)
