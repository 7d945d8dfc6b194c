"""The phrasebook: common ways reports write a target and its result (data/phrasebook.tsv), each with the row
verdict LABELLING.md asks for. Known failures are strict xfail cases, so a fix shows up as an XPASS to promote."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.core.check import check_row
from jixiao.core.model import Row

CASES_FILE = Path(__file__).parent / "data" / "phrasebook.tsv"
VERDICTS = ("met", "not_met", "unverified")


def _cases() -> list[object]:
    out: list[object] = []
    for n, raw in enumerate(CASES_FILE.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if len(cols) not in (5, 6) or cols[4] not in VERDICTS:
            raise ValueError(f"{CASES_FILE.name}:{n}: want goal, indicator, progress, period, verdict [, xfail: why]")
        marks = []
        if len(cols) == 6:
            if not cols[5].startswith("xfail: "):
                raise ValueError(f"{CASES_FILE.name}:{n}: the sixth column must read 'xfail: reason'")
            marks.append(pytest.mark.xfail(reason=cols[5][len("xfail: ") :], strict=True))
        out.append(pytest.param(*cols[:5], id=f"L{n}-{cols[1][:12]}", marks=marks))
    return out


@pytest.mark.parametrize(("goal", "indicator", "progress", "period", "want"), _cases())
def test_phrase(goal: str, indicator: str, progress: str, period: str, want: str) -> None:
    got = check_row(Row(goal, indicator, progress), period=period, year=2023)
    assert got.verdict == want, [(r.target.text, r.verdict, r.reason) for r in got.targets]


def test_the_phrasebook_holds_each_verdict() -> None:
    # a list of only successes would not test the checker's point: catching shortfalls
    wants = [p.values[4] for p in _cases()]  # type: ignore[attr-defined]
    assert all(wants.count(v) >= 5 for v in VERDICTS)
