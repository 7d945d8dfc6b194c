"""Charts drawn on the server as SVG: plain strings, no JavaScript, readable by screen readers.

Each chart has a ``<title>`` and ``<desc>`` and writes its numbers next to the marks, so the picture
says the same as the data table printed under it. Widths of Chinese text are estimated (a CJK character
is one em, other characters about 0.6 em), which is enough to lay labels out without a font engine.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
COLOURS = {"met": "#2e7d32", "not_met": "#c62828", "unverified": "#9a7b00"}
LABELS = {"met": "已完成", "not_met": "未完成", "unverified": "无法核实"}
BAR = "#0b4f8a"
GRID = "#d0d7de"
TEXT = "#1a1a1a"
MUTED = "#4a4a4a"


def text_width(text: str, size: float) -> float:
    """Estimated width in pixels of ``text`` at font size ``size``."""
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.6 for ch in text)


def fit(text: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so that it fits in ``width`` pixels."""
    if text_width(text, size) <= width:
        return text
    out = ""
    for ch in text:
        if text_width(out + ch + "…", size) > width:
            break
        out += ch
    return out + "…"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _svg(width: float, height: float, title: str, desc: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-labelledby="t d" '
        f'font-family="{escape(FONT)}" font-size="14" fill="{TEXT}">\n'
        f'<title id="t">{escape(title)}</title>\n<desc id="d">{escape(desc)}</desc>\n'
        f'<rect width="100%" height="100%" fill="#ffffff"/>\n'
        + "\n".join(body)
        + "\n</svg>\n"
    )


def _text(x: float, y: float, s: str, *, size: float = 14, anchor: str = "start", fill: str = TEXT,
          weight: str = "normal") -> str:
    w = ' font-weight="bold"' if weight == "bold" else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" text-anchor="{anchor}" fill="{fill}"{w}>'
            f"{escape(s)}</text>")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # 0..1; None: no score
    note: str = ""


def bar_chart(title: str, bars: Sequence[Bar], *, width: int = 760, empty: str = "暂无数据") -> str:
    """Horizontal bars of shares (0..1), one per label, with the percentage written after each bar."""
    size, row_h, top = 14.0, 30.0, 48.0
    label_w = min(260.0, max([text_width(b.label, size) for b in bars] + [60.0]) + 12)
    value_w = max([text_width(_pct(b.value) + (f" {b.note}" if b.note else ""), 13) for b in bars] + [50.0]) + 8
    plot_x, plot_w = label_w + 8, width - label_w - 8 - value_w - 12
    height = top + max(1, len(bars)) * row_h + 34
    body = [_text(12, 26, title, size=16, weight="bold")]
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        x = plot_x + plot_w * tick
        body.append(f'<line x1="{x:.1f}" y1="{top - 6:.1f}" x2="{x:.1f}" y2="{height - 28:.1f}" '
                    f'stroke="{GRID}" stroke-width="1"/>')
        body.append(_text(x, height - 10, f"{tick * 100:.0f}%", size=12, anchor="middle", fill=MUTED))
    if not bars:
        body.append(_text(plot_x, top + 20, empty, fill=MUTED))
    for i, b in enumerate(bars):
        y = top + i * row_h
        body.append(_text(label_w, y + 19, fit(b.label, size, label_w - 12), anchor="end"))
        if b.value is not None:
            w = max(0.0, min(1.0, b.value)) * plot_w
            body.append(f'<rect x="{plot_x:.1f}" y="{y + 5:.1f}" width="{w:.1f}" height="{row_h - 10:.1f}" '
                        f'fill="{BAR}"><title>{escape(b.label)}：{_pct(b.value)}</title></rect>')
        body.append(_text(plot_x + plot_w + 8, y + 19, _pct(b.value) + (f" {b.note}" if b.note else ""),
                          size=13))
    desc = "；".join(f"{b.label} {_pct(b.value)}" for b in bars) or empty
    return _svg(width, height, title, desc, body)


@dataclass(frozen=True)
class Point:
    label: str
    value: float | None


def line_chart(title: str, points: Sequence[Point], *, width: int = 760, empty: str = "暂无数据") -> str:
    """A line of shares (0..1) over time, each point labelled with its percentage; gaps where None."""
    height, left, right, top, bottom = 320.0, 56.0, 24.0, 50.0, 64.0
    plot_w, plot_h = width - left - right, height - top - bottom
    body = [_text(12, 26, title, size=16, weight="bold")]
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        y = top + plot_h * (1 - tick)
        body.append(f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{left + plot_w:.1f}" y2="{y:.1f}" '
                    f'stroke="{GRID}" stroke-width="1"/>')
        body.append(_text(left - 6, y + 4, f"{tick * 100:.0f}%", size=12, anchor="end", fill=MUTED))
    if not points:
        body.append(_text(left + 10, top + plot_h / 2, empty, fill=MUTED))
    n = len(points)
    step = plot_w / n if n else plot_w
    coords: list[tuple[float, float] | None] = []
    for i, p in enumerate(points):
        x = left + step * (i + 0.5)
        label = fit(p.label, 12, max(step - 4, 24))
        body.append(_text(x, top + plot_h + 20, label, size=12, anchor="middle"))
        if p.value is None:
            coords.append(None)
            body.append(_text(x, top + plot_h - 6, "—", size=12, anchor="middle", fill=MUTED))
            continue
        y = top + plot_h * (1 - max(0.0, min(1.0, p.value)))
        coords.append((x, y))
    segment: list[tuple[float, float]] = []
    for c in [*coords, None]:
        if c is None:
            if len(segment) > 1:
                pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in segment)
                body.append(f'<polyline points="{pts}" fill="none" stroke="{BAR}" stroke-width="2.5"/>')
            segment = []
        else:
            segment.append(c)
    for p, c in zip(points, coords, strict=True):
        if c is None:
            continue
        x, y = c
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{BAR}"><title>{escape(p.label)}：'
                    f"{_pct(p.value)}</title></circle>")
        body.append(_text(x, y - 10 if y > top + 16 else y + 22, _pct(p.value), size=12, anchor="middle"))
    desc = "；".join(f"{p.label} {_pct(p.value)}" for p in points) or empty
    return _svg(width, height, title, desc, body)


@dataclass(frozen=True)
class Stack:
    label: str
    counts: dict[str, int]  # verdict → number of targets

    @property
    def total(self) -> int:
        return sum(self.counts.get(k, 0) for k in COLOURS)


def stacked_chart(title: str, stacks: Sequence[Stack], *, width: int = 760, empty: str = "暂无数据") -> str:
    """Per label, a bar split into met / not met / unverified targets (shares of the label's targets)."""
    size, row_h, top = 14.0, 30.0, 74.0
    label_w = min(260.0, max([text_width(s.label, size) for s in stacks] + [60.0]) + 12)
    total_w = 56.0
    plot_x, plot_w = label_w + 8, width - label_w - 8 - total_w - 12
    height = top + max(1, len(stacks)) * row_h + 16
    body = [_text(12, 26, title, size=16, weight="bold")]
    lx = 12.0
    for key, colour in COLOURS.items():
        body.append(f'<rect x="{lx:.1f}" y="40" width="14" height="14" fill="{colour}"/>')
        body.append(_text(lx + 20, 52, LABELS[key], size=13))
        lx += 20 + text_width(LABELS[key], 13) + 24
    body.append(_text(width - 12, 52, "目标数", size=12, anchor="end", fill=MUTED))
    if not stacks:
        body.append(_text(plot_x, top + 20, empty, fill=MUTED))
    for i, s in enumerate(stacks):
        y = top + i * row_h
        body.append(_text(label_w, y + 19, fit(s.label, size, label_w - 12), anchor="end"))
        x = plot_x
        total = s.total
        for key, colour in COLOURS.items():
            n = s.counts.get(key, 0)
            if not n or not total:
                continue
            w = plot_w * n / total
            body.append(f'<rect x="{x:.1f}" y="{y + 5:.1f}" width="{w:.1f}" height="{row_h - 10:.1f}" '
                        f'fill="{colour}"><title>{escape(s.label)}：{LABELS[key]} {n}</title></rect>')
            if text_width(str(n), 12) + 6 < w:
                body.append(_text(x + w / 2, y + 19, str(n), size=12, anchor="middle", fill="#ffffff"))
            x += w
        body.append(_text(width - 12, y + 19, str(total), size=13, anchor="end"))
    desc = "；".join(
        f"{s.label}：" + "，".join(f"{LABELS[k]} {s.counts.get(k, 0)}" for k in COLOURS) for s in stacks
    ) or empty
    return _svg(width, height, title, desc, body)
