"""The ``jixiao`` command line: ``jixiao check FILE``, ``jixiao start`` and friends."""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections.abc import Sequence

from jixiao import __version__
from jixiao.core.check import check_disclosure
from jixiao.core.errors import JixiaoError
from jixiao.core.report import report_to_dict
from jixiao.core.results import Report
from jixiao.formats.registry import read_document, read_path

EXIT_OK = 0
EXIT_BAD_INPUT = 2

_COLOURS = {"met": "\033[32m", "not_met": "\033[31m", "unverified": "\033[33m"}
_LABELS = {"met": "达成", "not_met": "未达成", "unverified": "无法核实"}
_RESET = "\033[0m"


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _cut(s: str, width: int) -> str:
    s = " ".join(s.split())
    out, w = "", 0
    for ch in s:
        cw = _width(ch)
        if w + cw > width:
            break
        out += ch
        w += cw
    if out != s:
        while _width(out) > width - 1:
            out = out[:-1]
        out += "…"
    return out + " " * (width - _width(out))


def render_table(report: Report, *, colour: bool) -> str:
    d = report.disclosure
    lines = [d.title]
    meta = [x for x in (d.organization, str(d.year) if d.year else None, d.period,
                        f"发布时间 {d.published.isoformat()}" if d.published else None) if x]
    if meta:
        lines.append(" · ".join(meta))
    cols = (("目标名称", 14), ("目标", 30), ("进度所称", 26), ("结论", 8), ("理由", 48))
    lines.append("  ".join(_cut(name, w) for name, w in cols))
    lines.append("  ".join("─" * w for _, w in cols))
    counts = {"met": 0, "not_met": 0, "unverified": 0}
    for row in report.rows:
        if not row.targets:
            lines.append("  ".join([_cut(row.row.goal, 14), _cut("（无可核查目标）", 30), _cut("", 26),
                                    _paint(row.verdict, colour, 8), _cut("指标未给出可核查的数字或阶段", 48)]))
            counts[row.verdict] += 1
            continue
        for i, tr in enumerate(row.targets):
            counts[tr.verdict] += 1
            claimed = tr.actual.text if tr.actual else (tr.evidence[0].text if tr.evidence else "")
            lines.append("  ".join([
                _cut(row.row.goal if i == 0 else "", 14),
                _cut(tr.target.text, 30),
                _cut(claimed, 26),
                _paint(tr.verdict, colour, 8),
                _cut(tr.reason, 48),
            ]))
    lines.append("")
    lines.append(f"达成 {counts['met']} · 未达成 {counts['not_met']} · 无法核实 {counts['unverified']}")
    return "\n".join(lines)


def _paint(verdict: str, colour: bool, width: int) -> str:
    text = _cut(_LABELS.get(verdict, verdict), width)
    return f"{_COLOURS[verdict]}{text}{_RESET}" if colour and verdict in _COLOURS else text


def _cmd_check(args: argparse.Namespace) -> int:
    stdin = args.file == "-"
    disclosure = read_document(sys.stdin.buffer.read(), source="<stdin>") if stdin else read_path(args.file)
    report = check_disclosure(disclosure)
    for warning in disclosure.warnings:
        print(f"jixiao: warning: {disclosure.source_name or args.file}: {warning}", file=sys.stderr)
    if args.format == "json":
        json.dump(report_to_dict(report), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        colour = args.colour == "always" or (
            args.colour == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        )
        print(render_table(report, colour=colour))
    return EXIT_OK


def _cmd_start(args: argparse.Namespace) -> int:
    try:
        import django  # noqa: F401

        from jixiao.web import launch
    except ImportError:
        # Without the web system, the main job is checking the example disclosures.
        from pathlib import Path

        folder = args.examples or os.environ.get("JIXIAO_EXAMPLES", "../shared/examples")
        for path in sorted(Path(folder).glob("*.txt")):
            print(render_table(check_disclosure(read_path(path)), colour=sys.stdout.isatty()))
            print()
        return EXIT_OK
    return launch.run(args)


def _start_arguments(parser: argparse.ArgumentParser) -> None:
    try:
        from jixiao.web.launch import add_arguments
    except ImportError:  # pragma: no cover - the web package ships with jixiao
        parser.add_argument("--examples", help="folder of *.txt disclosures to check")
        return
    add_arguments(parser)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jixiao", description="绩效: check public-sector performance disclosures")
    parser.add_argument("--version", action="version", version=f"jixiao {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="read a disclosure and judge every target against its progress")
    p.add_argument("file", help="the disclosure document, or - for standard input")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--colour", "--color", choices=("auto", "always", "never"), default="auto")
    p.set_defaults(func=_cmd_check)
    s = sub.add_parser("start", help="set up the database with the example and start the web site")
    _start_arguments(s)
    s.set_defaults(func=_cmd_start)
    for module in ("jixiao.formats.cli_export", "jixiao.evaluation", "jixiao.web.cli"):
        try:
            mod = __import__(module, fromlist=["register"])
        except ImportError:
            continue
        mod.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except JixiaoError as exc:
        print(f"jixiao: error [{exc.code}]: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
