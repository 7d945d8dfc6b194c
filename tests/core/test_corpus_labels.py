"""The project's own labelled corpus keeps LABELLING.md's conventions: a label that breaks them scores the
checker against something the specification does not ask for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jixiao.core.quantities import fold
from jixiao.formats.registry import read_path

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
GOLDS = sorted(CORPUS.glob("*/*.gold.json"))
VERDICTS = {"met", "not_met", "unverified"}


def test_the_corpus_is_there() -> None:
    assert len(GOLDS) >= 40


@pytest.mark.parametrize("gold", GOLDS, ids=lambda p: p.name)
def test_a_label_follows_labelling_md(gold: Path) -> None:
    labels = json.loads(gold.read_text(encoding="utf-8"))
    doc = read_path(gold.with_name(labels["document"]))
    assert len(labels["indicators"]) == len(doc.rows), "one gold indicator per row"
    for row, ind in zip(doc.rows, labels["indicators"], strict=True):
        assert ind["verdict"] in VERDICTS
        for t in ind["targets"]:
            where = f"{gold.name}: {ind['goal']}: {t['text']}"
            assert t["verdict"] in VERDICTS, where
            assert t["kind"] in ("level", "change", "milestone"), where
            assert t["text"] in row.indicator, f"{where}: the text is a substring of the indicator"
            assert t["unit"] is None or fold(t["unit"]) == t["unit"], f"{where}: units in simplified characters"
            if t["kind"] == "milestone":
                assert t["value"] is None and t["unit"] is None and t["comparator"] is None, where
        verdicts = [t["verdict"] for t in ind["targets"]]
        expected = ("unverified" if not verdicts else "not_met" if "not_met" in verdicts
                    else "met" if all(v == "met" for v in verdicts) else "unverified")
        assert ind["verdict"] == expected, f"{gold.name}: {ind['goal']}: the indicator's verdict follows its targets'"
