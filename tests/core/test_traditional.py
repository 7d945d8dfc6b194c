"""Every labelled document, written in traditional characters (OpenCC's s2hk, the Hong Kong standard), is
read exactly as in simplified: the same rows, targets, verdicts and figures. Headers, labels (發佈時間,
目標名稱) and the first column included. A rule or word list that only matches simplified text fails here."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest

from jixiao.core.check import check_disclosure
from jixiao.formats.textdump import read_text_dump

REPO = Path(__file__).resolve().parents[2]
FOLDERS = [REPO.parent / "shared" / "examples", REPO.parent / "shared" / "examples" / "more", REPO / "corpus" / "dev"]
DOCS = sorted(p for f in FOLDERS if f.is_dir() for p in f.glob("*.txt") if p.with_suffix(".gold.json").exists())
_S2HK = opencc.OpenCC("s2hk")


def _verdicts(text: str) -> list[tuple[str, list[tuple[str, str, float | None]]]]:
    report = check_disclosure(read_text_dump(text))
    return [(r.verdict, [(t.target.kind, t.verdict, t.actual.value if t.actual else None) for t in r.targets])
            for r in report.rows]


def test_documents_were_found() -> None:
    if not (REPO.parent / "shared" / "examples").is_dir():
        pytest.skip("../shared missing")  # under CI, conftest fails the run instead
    assert len(DOCS) > 20


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_traditional_characters_read_as_simplified(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    converted = _S2HK.convert(text)
    simplified, traditional = _verdicts(text), _verdicts(converted)
    assert traditional == simplified
    doc = read_text_dump(converted)
    assert doc.published == read_text_dump(text).published  # 發佈時間 is a date label too
