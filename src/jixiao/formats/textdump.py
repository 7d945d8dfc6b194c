"""Reader for a disclosure web table saved as text (the example's format).

The layout: a title line, an optional ``-`` line, header lines such as ``发布时间:2017年01月09日``, then
cells, each ending in ``|``. A header block (``目标名称 |``, ``考核指标 |``, a blank ``|`` and ``||``)
may be repeated before every row or stand once; each row is three cells: goal, indicator, progress.
A cell may run over several lines: it ends at the first line that ends in ``|``.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.core.errors import ReaderError
from jixiao.core.lexicon import LEXICON
from jixiao.core.meta import infer_period, note_gaps, organization_of, parse_date, period_of, year_of
from jixiao.core.model import Disclosure, ReadWarning, Row
from jixiao.core.quantities import fold
from jixiao.formats.decode import decode_bytes

_BARS = ("|", "｜")
_EDGE = " \t\u3000\u00a0\ufeff"
_HEADER_WORDS = LEXICON.goal_headers | LEXICON.indicator_headers | LEXICON.progress_headers
_DATE_LABELS = ("发布时间", "发布日期", "公示时间", "公布时间", "时间", "日期")


@dataclass(frozen=True, slots=True)
class _Cell:
    text: str
    line: int  # first line of the cell, 1-based
    row_end: bool  # the cell was written as "||": the end of a (header) row


def _split_cells(lines: list[str], first_line: int) -> list[_Cell]:
    cells: list[_Cell] = []
    pending: list[str] = []
    start = first_line
    for offset, raw in enumerate(lines):
        lineno = first_line + offset
        line = raw.rstrip(_EDGE)
        if not pending:
            start = lineno
        stripped = line.strip(_EDGE)
        if stripped in ("||", "｜｜"):
            if pending:
                cells.append(_Cell("\n".join(pending).strip(_EDGE), start, False))
                pending = []
            cells.append(_Cell("", lineno, True))
            continue
        if line.endswith(_BARS):
            pending.append(line[:-1])
            cells.append(_Cell("\n".join(pending).strip(_EDGE), start, False))
            pending = []
        elif stripped or pending:
            pending.append(line)
    if pending:
        text = "\n".join(pending).strip(_EDGE)
        if text:
            cells.append(_Cell(text, start, False))
    return cells


def _is_header(text: str, *, inside: bool) -> bool:
    """A header cell. Short words (目标, 指标) only continue a header block; they never start one."""
    word = fold(text.replace(" ", "").replace("\u3000", ""))  # 目標名稱 is 目标名称
    return word in _HEADER_WORDS and (inside or len(word) >= 4)


def read_text_dump(data: bytes | str, *, source: str = "<input>") -> Disclosure:
    """Read a disclosure from the text-dump format. Raises ReaderError naming the line on bad input."""
    text = decode_bytes(data, source=source) if isinstance(data, bytes) else data
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise ReaderError("binary data (NUL bytes): not a text disclosure", source=source)
    lines = text.splitlines()
    # The preamble: everything before the first header cell or the first line that ends in "|".
    body_start = None
    for i, raw in enumerate(lines):
        if raw.rstrip(_EDGE).endswith(_BARS):
            body_start = i
            break
    if body_start is None:
        raise ReaderError(
            "no table found: expected cells ending in '|' (目标名称 | 考核指标 | 完成进度)",
            source=source,
            line=len(lines) or 1,
        )
    preamble = [(i + 1, ln.strip(_EDGE)) for i, ln in enumerate(lines[:body_start]) if ln.strip(_EDGE)]
    title = ""
    published = None
    warnings: list[ReadWarning] = []
    for lineno, ln in preamble:
        if ln in ("-", "—", "--"):
            continue
        label_date = fold(ln).startswith(_DATE_LABELS)  # 發佈時間 is 发布时间
        if label_date and published is None:
            published = parse_date(ln)
            if published is None:
                rest = ln.split(":", 1)[-1].split("：", 1)[-1].strip(_EDGE)
                message = f"cannot read the date in {ln!r}" if rest else f"{ln.rstrip(':：')} is empty"
                warnings.append(ReadWarning("published", message, lineno))
            continue
        if not title:
            title = ln
    cells = _split_cells(lines[body_start:], body_start + 1)
    rows: list[Row] = []
    current: list[_Cell] = []
    in_header = False
    saw_header = False

    def flush() -> None:
        if not current:
            return
        if all(not c.text for c in current):
            current.clear()
            return
        if len(current) > 3:
            extra = current[3]
            raise ReaderError(
                f"a row has {len(current)} cells, expected 3 (目标名称, 考核指标, 完成进度)",
                source=source,
                line=extra.line,
            )
        padded = [c.text for c in current] + [""] * (3 - len(current))
        rows.append(Row(goal=padded[0], indicator=padded[1], progress=padded[2], line=current[0].line))
        current.clear()

    header_closed = False  # a header block has just ended: the next cell opens a row, whatever it reads
    for cell in cells:
        if cell.row_end:
            if in_header:
                in_header = False
                header_closed = True
            else:
                flush()
                header_closed = False
            continue
        strong = _is_header(cell.text, inside=False) and not (header_closed and not current)
        if strong or (_is_header(cell.text, inside=in_header) and (in_header or not current) and not header_closed):
            flush()
            in_header = True
            saw_header = True
            continue
        if in_header and not cell.text:
            continue
        in_header = False
        header_closed = False
        current.append(cell)
        if len(current) == 3:
            flush()
    flush()
    if not rows:
        where = cells[-1].line if cells else body_start + 1
        raise ReaderError("the table has no rows of goal, indicator and progress", source=source, line=where)
    if not saw_header and not title:
        raise ReaderError("neither a title nor a 目标名称/考核指标 header: not a disclosure", source=source, line=1)
    return note_gaps(infer_period(Disclosure(
        title=title,
        rows=rows,
        organization=organization_of(title),
        year=year_of(title),
        period=period_of(title) or "全年",
        published=published,
        source_name=source,
        original_text=text,
        warnings=warnings,
    )))
