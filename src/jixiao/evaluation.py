"""Error analysis in one step: the checker against hand-labelled disclosures (``jixiao eval DIR...``).

Every ``NAME.gold.json`` in the folders names its document; the document is read and checked in this
process (no subprocess per file) and the report compared with the labels the way
``../shared/eval/score.py`` compares them: rows paired by goal name in order (else by position),
numeric targets matched on value and unit, milestones on the characters their texts share, then
comparators, actual values (within 0.5%), target and row verdicts, shortfalls caught and false alarms.
Unlike the scorer it lists every miss with the checker's own reason, the predicted targets no label
asks for, and a line per document, so that one command is the whole error analysis.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from jixiao.core.check import check_disclosure
from jixiao.core.errors import JixiaoError
from jixiao.core.report import report_to_dict
from jixiao.formats.registry import read_path

_UNIT_SAME = {"％": "%", "百分比": "%", "个百分点": "百分点", "pct": "%", "percent": "%"}
MILESTONE_OVERLAP = 0.6  # share of the shorter text's characters a milestone's text must share
ACTUAL_TOLERANCE = 0.005


def _unit(u: Any) -> str | None:
    if u is None:
        return None
    s = str(u).strip()
    return _UNIT_SAME.get(s, s)


def _key(goal: Any) -> str:
    return "".join(ch for ch in str(goal or "") if ch.isalnum())


def _close(a: Any, b: Any, rel: float = 1e-6) -> bool:
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= rel * max(abs(x), abs(y), 1.0)


def _shared_chars(a: str | None, b: str | None) -> float:
    if not a or not b:
        return 0.0
    short, other = (a, b) if len(a) <= len(b) else (b, a)
    chars = set(short)
    return sum(1 for ch in chars if ch in other) / len(chars)


@dataclass
class Tally:
    """Counts for one document or a whole set; ``misses`` are lines a person reads."""

    gold_targets: int = 0
    pred_targets: int = 0
    matched: int = 0
    comparator_ok: int = 0
    actual_gold: int = 0
    actual_ok: int = 0
    verdicts: int = 0
    verdict_ok: int = 0
    indicators: int = 0
    indicator_ok: int = 0
    shortfalls: int = 0
    shortfall_ok: int = 0
    met_gold: int = 0
    false_alarms: int = 0
    failed: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for f in fields(self):
            if f.name != "misses":
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def figures(self) -> dict[str, float]:
        """The scorer's headline figures (the names of its ``score:`` line)."""
        recall = self.matched / max(self.gold_targets, 1)
        precision = self.matched / max(self.pred_targets, 1)
        return {
            "target_f1": 2 * recall * precision / max(recall + precision, 1e-9),
            "actual_acc": self.actual_ok / max(self.actual_gold, 1),
            "verdict_acc": self.verdict_ok / max(self.verdicts, 1),
            "indicator_acc": self.indicator_ok / max(self.indicators, 1),
            "shortfall_recall": self.shortfall_ok / max(self.shortfalls, 1),
            "false_alarm_rate": self.false_alarms / max(self.met_gold, 1),
            "failed_docs": float(self.failed),
        }


_Row = dict[str, Any]


def _pair_rows(gold: list[_Row], pred: list[_Row]) -> list[tuple[_Row, _Row | None]]:
    taken: set[int] = set()
    out: list[tuple[_Row, _Row | None]] = []
    for i, g in enumerate(gold):
        pick = next((j for j, p in enumerate(pred) if j not in taken and _key(p.get("goal")) == _key(g.get("goal"))),
                    None)
        if pick is None and i < len(pred) and i not in taken:
            pick = i
        if pick is not None:
            taken.add(pick)
        out.append((g, pred[pick] if pick is not None else None))
    return out


def _show(t: dict[str, Any]) -> str:
    value = t.get("value")
    what = f"{t.get('comparator') or ''}{'' if value is None else value}{t.get('unit') or ''}"
    return f"{t.get('text')!r} ({t.get('kind')} {what})" if what else f"{t.get('text')!r} ({t.get('kind')})"


def compare(gold: dict[str, Any], report: dict[str, Any]) -> Tally:
    """Compare one checker report with its gold labels."""
    tally = Tally()
    for g_row, p_row in _pair_rows(gold.get("indicators") or [], report.get("indicators") or []):
        tally.indicators += 1
        goal = g_row.get("goal")
        p_targets: list[dict[str, Any]] = (p_row or {}).get("targets") or []
        if p_row is not None and p_row.get("verdict") == g_row.get("verdict"):
            tally.indicator_ok += 1
        elif p_row is not None:
            tally.misses.append(f"{goal}: row verdict {p_row.get('verdict')}, gold {g_row.get('verdict')}")
        numeric = [t for t in p_targets if t.get("kind") != "milestone" and t.get("value") is not None]
        tally.pred_targets += len(numeric)
        used: set[int] = set()
        used_milestones: set[int] = set()
        for g in g_row.get("targets") or []:
            tally.verdicts += 1
            if g["verdict"] == "not_met":
                tally.shortfalls += 1
            elif g["verdict"] == "met":
                tally.met_gold += 1
            if g["kind"] == "milestone":
                hit = next((k for k, t in enumerate(p_targets) if k not in used_milestones
                            and t.get("kind") == "milestone"
                            and _shared_chars(t.get("text"), g.get("text")) >= MILESTONE_OVERLAP), None)
                if hit is not None:
                    used_milestones.add(hit)
                pool = p_targets
            else:
                tally.gold_targets += 1
                hit = next((k for k, t in enumerate(numeric) if k not in used and _close(t.get("value"), g.get("value"))
                            and _unit(t.get("unit")) == _unit(g.get("unit"))), None)
                if hit is not None:
                    used.add(hit)
                pool = numeric
            if hit is None:
                tally.misses.append(f"{goal}: target {_show(g)} not found")
                continue
            t = pool[hit]
            if g["kind"] != "milestone":
                tally.matched += 1
                if t.get("comparator") == g.get("comparator"):
                    tally.comparator_ok += 1
                else:
                    tally.misses.append(f"{goal}: comparator of {g['text']!r} is {t.get('comparator')}, "
                                        f"gold {g.get('comparator')}")
                if g.get("actual") is not None:
                    tally.actual_gold += 1
                    actual = (t.get("actual") or {}).get("value")
                    if actual is not None and _close(actual, g["actual"], rel=ACTUAL_TOLERANCE):
                        tally.actual_ok += 1
                    else:
                        tally.misses.append(f"{goal}: actual for {g['text']!r} is {actual}, gold {g['actual']}")
            if t.get("verdict") == g["verdict"]:
                tally.verdict_ok += 1
                if g["verdict"] == "not_met":
                    tally.shortfall_ok += 1
                continue
            if g["verdict"] == "met" and t.get("verdict") == "not_met":
                tally.false_alarms += 1
            tally.misses.append(f"{goal}: verdict for {g['text']!r} is {t.get('verdict')}, gold {g['verdict']}"
                                f" — {t.get('reason') or ''}")
        for k, t in enumerate(numeric):
            if k not in used:
                tally.misses.append(f"{goal}: extra target {_show(t)} (no label)")
    return tally


@dataclass
class DocumentResult:
    name: str
    tally: Tally
    error: str | None = None


def gold_files(folders: Iterable[Path]) -> list[Path]:
    return sorted(p for d in folders for p in Path(d).glob("*.gold.json"))


def evaluate(folders: Iterable[Path]) -> tuple[list[DocumentResult], Tally]:
    """Check every labelled document in ``folders``; the per-document tallies and their sum."""
    results: list[DocumentResult] = []
    total = Tally()
    for gold_path in gold_files(folders):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = gold_path.with_name(gold["document"])
        error = None
        try:
            report = report_to_dict(check_disclosure(read_path(doc)))
        except JixiaoError as exc:
            error = f"{exc.code}: {exc}"
            report = {"indicators": []}
        tally = compare(gold, report)
        tally.failed = 1 if error else 0
        total.add(tally)
        results.append(DocumentResult(name=f"{gold_path.parent.name}/{doc.name}", tally=tally, error=error))
    return results, total


def _ratio(a: int, b: int) -> str:
    return f"{a}/{b}" + (f" ({100 * a / b:.0f}%)" if b else "")


def format_line(name: str, t: Tally) -> str:
    return (f"{name}: targets {_ratio(t.matched, t.gold_targets)}, precision {_ratio(t.matched, t.pred_targets)}, "
            f"actuals {_ratio(t.actual_ok, t.actual_gold)}, verdicts {_ratio(t.verdict_ok, t.verdicts)}, "
            f"rows {_ratio(t.indicator_ok, t.indicators)}, shortfalls {_ratio(t.shortfall_ok, t.shortfalls)}, "
            f"false alarms {_ratio(t.false_alarms, t.met_gold)}")


def format_figures(t: Tally) -> str:
    f = t.figures()
    return " ".join(f"{k}={v:.3f}" if k != "failed_docs" else f"{k}={int(v)}" for k, v in f.items())


def _arguments(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("folders", nargs="+", type=Path, help="folders of NAME.txt (or .html, .xlsx …) + NAME.gold.json")
    ap.add_argument("--quiet", "-q", action="store_true", help="per-document lines and totals only, no misses")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="jixiao eval", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    _arguments(ap)
    args = ap.parse_args(argv)
    return run(args.folders, quiet=args.quiet, as_json=args.json)


def run(folders: Sequence[Path], *, quiet: bool = False, as_json: bool = False) -> int:
    missing = [str(d) for d in folders if not Path(d).is_dir()]
    if missing:
        print(f"jixiao eval: not a folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    results, total = evaluate(folders)
    if not results:
        print("jixiao eval: no NAME.gold.json in the folders given", file=sys.stderr)
        return 2
    if as_json:
        out = {"documents": {r.name: r.tally.figures() for r in results}, "total": total.figures()}
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for r in results:
        print(format_line(r.name, r.tally))
        if r.error:
            print(f"    FAILED: {r.error}")
        if not quiet:
            for miss in r.tally.misses:
                print(f"    {miss}")
    print(format_line(f"TOTAL ({len(results)} documents)", total))
    print("score: " + format_figures(total))
    return 0


def register(sub: Any) -> None:
    """Add ``jixiao eval`` to the command line."""
    p = sub.add_parser("eval", help="score the checker against labelled folders and list every miss",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    _arguments(p)
    p.set_defaults(func=lambda a: run(a.folders, quiet=a.quiet, as_json=a.json))


if __name__ == "__main__":
    sys.exit(main())
