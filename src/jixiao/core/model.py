"""The document model: a disclosure (公示) and its rows of goal / indicator / progress.

Every text field is kept verbatim as it appeared in the source; parsers only ever add to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Period names as they are normalised; the reader maps the many spellings onto these.
PERIODS = ("一季度", "上半年", "前三季度", "三季度", "全年")


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a disclosure table. ``line`` is the 1-based line (or sheet row) it started at."""

    goal: str
    indicator: str
    progress: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class ReadWarning:
    """A gap or oddity in a document that was read all the same: an empty 发布时间, a title without a unit.

    ``field`` is the metadata field concerned (published, year, organization, period, title); ``line``
    the 1-based line (or sheet row) where the reader saw it, when known."""

    field: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"{where}{self.message}"


@dataclass(slots=True)
class Disclosure:
    title: str
    rows: list[Row]
    organization: str | None = None
    year: int | None = None
    period: str | None = None
    published: date | None = None
    source_name: str | None = None
    # The verbatim original document text (decoded), kept whatever the parser made of it.
    original_text: str | None = field(default=None, repr=False)
    # What the reader could not read but read past (never a reason to reject the document).
    warnings: list[ReadWarning] = field(default_factory=list)
