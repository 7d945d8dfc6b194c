"""From a grid of cell texts (an HTML table, a sheet, CSV records) to disclosures.

Every tabular reader turns its source into ``GridRow``s (cell texts in column order, merged cells already
copied into every row they cover, and the source line or sheet row). This module finds the header row
that names the columns (目标名称 / 考核指标 / 完成进度 in their usual wordings, or jixiao's own export
columns), takes the rows after it, reads metadata from the rows before it, and builds ``Disclosure``s.

jixiao's own exports (``writers.py``) carry the metadata in columns (document, title, organization, year,
period, published, row) so that one file may hold many disclosures and one row may span several lines (one per
target); they are recognised by their English column keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from jixiao.core.errors import ReaderError
from jixiao.core.lexicon import LEXICON
from jixiao.core.meta import infer_period, note_gaps, organization_of, parse_date, period_of, year_of
from jixiao.core.model import Disclosure, ReadWarning, Row
from jixiao.core.quantities import fold

EDGE = " \t\u3000\u00a0\ufeff\r\n"

# jixiao's own export columns (writers.py). Those marked meta describe the disclosure, not the row.
OWN_ROLES = {"goal": "goal", "indicator": "indicator", "progress": "progress"}
OWN_META = ("document", "title", "organization", "year", "period", "published", "row")
_DOCUMENT_KEY = OWN_META[:6]  # the columns that tell one exported disclosure from the next

# Labels of metadata rows above a table (the XLSX template writes these), label → field.
_PREAMBLE_LABELS = {
    "标题": "title", "公示标题": "title", "名称": "title", "文件名称": "title", "表名": "title",
    "发布时间": "published", "发布日期": "published", "公示时间": "published", "公布时间": "published",
    "公示日期": "published", "填报日期": "published", "日期": "published", "时间": "published",
    "发布单位": "organization", "发布机构": "organization", "单位": "organization",
    "单位名称": "organization", "部门": "organization", "部门名称": "organization",
    "填报单位": "organization", "年度": "year", "年份": "year", "期间": "period", "报告期": "period",
    "考核期": "period", "考核期间": "period",
}
_LABEL_RE = re.compile(
    "^(" + "|".join(sorted(map(re.escape, _PREAMBLE_LABELS), key=len, reverse=True)) + r")\s*[:：]\s*(.*)$",
    re.S,
)
_DATE_LABEL_RE = re.compile(r"(发布时间|发布日期|公示时间|公布时间|公示日期|填报日期)\s*[:：]?")
# Characters that make a CSV cell a formula in a spreadsheet; writers.py prefixes "'" to such text cells.
FORMULA_START = re.compile(r"^'*[=+\-@\t\r]")


def clean_cell(text: str) -> str:
    """A cell's text as read: line ends made ``\\n`` and blank edges removed, otherwise verbatim."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip(EDGE)


def unescape_formula(text: str) -> str:
    """Undo writers.py's guard against spreadsheet formulas: ``'=x`` → ``=x``."""
    if text.startswith("'") and FORMULA_START.match(text):
        return text[1:]
    return text


def _same(text: str) -> str:
    return text


def _norm_header(text: str) -> str:
    """A header or label as the word lists hold it: no spaces, no brackets after it, traditional characters
    and full-width forms folded (發佈時間, 考核指標 read as 发布时间, 考核指标)."""
    t = fold("".join(text.split())).strip(":：*＊")
    for bracket in "（(【[":
        i = t.find(bracket)
        if i > 0:
            t = t[:i]
    return t


@dataclass(frozen=True, slots=True)
class GridRow:
    cells: list[str]
    line: int


@dataclass(frozen=True, slots=True)
class Layout:
    goal: int | None
    indicator: int
    progress: int | None
    meta: dict[str, int]
    own: bool
    line: int


@dataclass(frozen=True, slots=True)
class Record:
    goal: str
    indicator: str
    progress: str
    line: int
    meta: dict[str, str]
    own: bool


@dataclass(slots=True)
class Table:
    preamble: list[GridRow] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    header_line: int | None = None


def find_layout(cells: Sequence[str], line: int = 0) -> Layout | None:
    """The column layout when ``cells`` is a header row, else None."""
    roles: dict[str, int] = {}
    meta: dict[str, int] = {}
    own = False
    for i, cell in enumerate(cells):
        n = _norm_header(cell)
        if not n or len(n) > 12:
            continue
        low = n.lower()
        role: str | None = None
        if low in OWN_ROLES:
            role, own = OWN_ROLES[low], True
        elif low in OWN_META:
            meta.setdefault(low, i)
            continue
        elif n in LEXICON.goal_headers:
            role = "goal"
        elif n in LEXICON.indicator_headers:
            role = "indicator"
        elif n in LEXICON.progress_headers:
            role = "progress"
        if role is not None:
            roles.setdefault(role, i)
    if "indicator" not in roles or ("goal" not in roles and "progress" not in roles):
        return None
    progress = roles.get("progress")
    if progress is None:
        # The published tables often leave the third header cell blank (目标名称 | 考核指标 | ).
        j = roles["indicator"] + 1
        if j not in roles.values() and (j >= len(cells) or not cells[j].strip(EDGE)):
            progress = j
    return Layout(
        goal=roles.get("goal"),
        indicator=roles["indicator"],
        progress=progress,
        meta=meta if own else {},
        own=own,
        line=line,
    )


def extract(rows: Iterable[GridRow], *, formula_guard: bool = False) -> Table:
    """Split grid rows into the preamble (before the first header) and the records after it.

    ``formula_guard``: the source is a CSV file, in which jixiao's own exports put ``'`` before text
    that a spreadsheet would take for a formula; it is taken off again.
    """
    guard = unescape_formula if formula_guard else _same
    table = Table()
    layout: Layout | None = None
    for r in rows:
        found = find_layout(r.cells, r.line)
        if found is not None and layout is not None and layout.own and not found.own:
            found = None  # under jixiao's own header, a record whose cells read 考核指标 or 目标 is a record
        if found is not None:
            layout = found
            if table.header_line is None:
                table.header_line = r.line
            continue
        if layout is None:
            table.preamble.append(r)
            continue
        cells = r.cells

        def at(i: int | None, cells: list[str] = cells) -> str:
            return cells[i] if i is not None and i < len(cells) else ""

        goal, indicator, progress = at(layout.goal), at(layout.indicator), at(layout.progress)
        if layout.own:
            goal, indicator, progress = guard(goal), guard(indicator), guard(progress)
        if not indicator and not progress:
            continue  # a blank row, a section heading or a footnote: nothing to check
        meta = {k: guard(at(i)) for k, i in layout.meta.items()}
        table.records.append(Record(goal, indicator, progress, r.line, meta, layout.own))
    return table


def _label_role(cell: str) -> str | None:
    n = _norm_header(cell)
    if n in LEXICON.goal_headers:
        return "goal"
    if n in LEXICON.indicator_headers:
        return "indicator"
    if n in LEXICON.progress_headers:
        return "progress"
    return None


def extract_vertical(rows: Iterable[GridRow]) -> Table:
    """Tables laid out label by value (目标名称 | X, then 考核指标 | Y, then 完成进度 | Z, per target).

    A row's cells alternate between labels and values; a label already seen, or a new 目标名称, starts
    the next record. Used for tables without a header row.
    """
    table = Table()
    current: dict[str, list[str]] = {}
    first_line = 0

    def flush() -> None:
        texts = {k: "\n".join(v) for k, v in current.items()}
        if texts.get("indicator") or texts.get("progress"):
            table.records.append(Record(texts.get("goal", ""), texts.get("indicator", ""),
                                        texts.get("progress", ""), first_line, {}, False))
        current.clear()

    for r in rows:
        role: str | None = None
        labelled = False
        for cell in r.cells:
            if not cell:
                continue
            found = _label_role(cell)
            if found is not None:
                if found in current or (found == "goal" and current):
                    flush()
                if not current:
                    first_line = r.line
                role = found
                current[role] = []
                labelled = True
                if table.header_line is None:
                    table.header_line = r.line
            elif role is not None:
                current[role].append(cell)
        if not labelled and table.header_line is None:
            table.preamble.append(r)
    flush()
    if not table.records:
        table.header_line = None
    return table


@dataclass(slots=True)
class _Meta:
    title: str | None = None
    published: str | None = None
    organization: str | None = None
    year: str | None = None
    period: str | None = None
    free: list[str] = field(default_factory=list)


def _read_preamble(rows: Iterable[GridRow]) -> _Meta:
    m = _Meta()
    for r in rows:
        cells = [c for c in r.cells if c]
        if not cells:
            continue
        first = cells[0]
        kind: str | None = None
        value = ""
        label = _norm_header(first)
        if label in _PREAMBLE_LABELS:
            if len(cells) == 1:
                continue  # a label left blank (the template's 标题 row before it is filled in)
            kind, value = _PREAMBLE_LABELS[label], cells[1]
        else:
            lm = _LABEL_RE.match(fold(first))  # fold keeps every character's place: the value is sliced verbatim
            if lm:
                kind, value = _PREAMBLE_LABELS[lm.group(1)], first[lm.start(2) :].strip(EDGE)
        if kind is None:
            joined = "  ".join(cells)
            dm = _DATE_LABEL_RE.search(fold(joined))
            if dm and m.published is None and parse_date(joined[dm.end():]) is not None:
                m.published = joined[dm.end():]
            else:
                m.free.append(joined)
            continue
        if value and getattr(m, kind) is None:
            setattr(m, kind, value)
    return m


def _year(text: str | None, *, warnings: list[ReadWarning], line: int | None) -> int | None:
    """The year a metadata cell states; an unreadable one is a warning and None, never an error."""
    if text is None or not text.strip(EDGE):
        return None
    t = text.strip(EDGE)
    if t.isdigit() and len(t) == 4:
        return int(t)
    y = year_of(t)
    if y is None:
        warnings.append(ReadWarning("year", f"cannot read a year in {t!r}", line))
    return y


def _published(text: str | None, *, warnings: list[ReadWarning], line: int | None) -> date | None:
    """The publication date a metadata cell states; an unreadable one is a warning and None."""
    if text is None or not text.strip(EDGE):
        return None
    d = parse_date(text)
    if d is None:
        warnings.append(ReadWarning("published", f"cannot read a date in {text.strip(EDGE)!r}", line))
    return d


def _own_disclosures(records: list[Record], *, source: str, original_text: str | None) -> list[Disclosure]:
    out: list[Disclosure] = []

    def key_of(r: Record) -> tuple[str, ...]:
        return tuple(r.meta.get(k, "") for k in _DOCUMENT_KEY)

    groups: list[list[Record]] = []
    for rec in records:
        if groups and key_of(groups[-1][-1]) == key_of(rec):
            groups[-1].append(rec)
        else:
            groups.append([rec])
    for group in groups:
        first = group[0]
        rows: list[Row] = []
        last_key: tuple[str, ...] | None = None
        for rec in group:
            rowno = rec.meta.get("row", "")
            k = (rowno,) if rowno else (rec.goal, rec.indicator, rec.progress)
            if k == last_key:
                continue  # another target of the same row
            last_key = k
            rows.append(Row(rec.goal, rec.indicator, rec.progress, rec.line))
        warnings: list[ReadWarning] = []
        published = _published(first.meta.get("published"), warnings=warnings, line=first.line)
        period = first.meta.get("period") or None
        year = _year(first.meta.get("year"), warnings=warnings, line=first.line)
        out.append(note_gaps(
            Disclosure(
                title=first.meta.get("title", ""),
                rows=rows,
                organization=first.meta.get("organization") or None,
                year=year,
                period=period,
                published=published,
                source_name=source,
                original_text=original_text,
                warnings=warnings,
            )
        ))
    return out


def assemble(
    tables: Sequence[Table],
    *,
    source: str,
    title_hint: str | None = None,
    published_hint: str | None = None,
    original_text: str | None = None,
) -> list[Disclosure]:
    """Build the disclosures of the tables' records. Raises ReaderError when no table has a header."""
    headed = [t for t in tables if t.header_line is not None]
    if not headed:
        raise ReaderError(
            "no header row naming the columns (目标名称 / 考核指标 / 完成进度): not a disclosure table",
            source=source,
        )
    records = [r for t in headed for r in t.records]
    if not records:
        raise ReaderError("the table has a header but no rows of goal, indicator and progress",
                          source=source, line=headed[0].header_line)
    own = [r for r in records if r.own]
    if own:
        return _own_disclosures(own, source=source, original_text=original_text)
    m = _read_preamble(r for t in headed for r in t.preamble)
    title = m.title or title_hint or (m.free[0] if m.free else "")
    title = clean_cell(title)
    rows: list[Row] = []
    for rec in records:
        if rows and (rows[-1].goal, rows[-1].indicator, rows[-1].progress) == (
            rec.goal, rec.indicator, rec.progress
        ):
            continue  # the same cells merged over several sheet rows
        rows.append(Row(rec.goal, rec.indicator, rec.progress, rec.line))
    warnings: list[ReadWarning] = []
    published = _published(m.published or published_hint, warnings=warnings, line=None)
    year = _year(m.year, warnings=warnings, line=None) if m.year else year_of(title)
    period = (period_of(m.period) or m.period) if m.period else (period_of(title) or "全年")
    return [
        note_gaps(infer_period(Disclosure(
            title=title,
            rows=rows,
            organization=m.organization or organization_of(title),
            year=year,
            period=period,
            published=published,
            source_name=source,
            original_text=original_text,
            warnings=warnings,
        )))
    ]


def single(disclosures: list[Disclosure], *, source: str) -> Disclosure:
    """The one disclosure of a document; a clear error when it holds several (a dataset export)."""
    if len(disclosures) != 1:
        raise ReaderError(
            f"the document holds {len(disclosures)} disclosures (a dataset) where one was expected; "
            "read it with read_documents, or export it with `jixiao export`",
            source=source,
        )
    return disclosures[0]
