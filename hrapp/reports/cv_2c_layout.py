"""The building blocks of the Sơ yếu lý lịch form (Mẫu 2C-BNV/2008): its type sizes, the dotted answer lines,
hint lines under an item, and the bordered tables."""

from __future__ import annotations

import re
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    Paragraph,
    Table,
    TableStyle,
)

from hrapp.reports.document import (
    FONT,
    FONT_BOLD,
    FONT_ITALIC,
    LINE_WIDTH,
    register_fonts,
)
from hrapp.reports.format import nfc

SIZE = 12.0  # body text
LEADING = 15.5
HINT = 9.5  # the small italic hint lines under some items
TABLE = 11.0
DOTS = "."
GAP = "…/……"  # a blank month/year

Run = tuple[str, str]  # (text, font)


# ============================================================================================== flowables


class _Fields(Flowable):
    """One line of the form: cells side by side, each a label with its value, the rest of the cell filled with
    dots as on the printed form; a long value wraps inside its cell."""

    def __init__(self, cells: Sequence[tuple], size: float = SIZE, leading: float = LEADING, fill: bool = True):
        """`cells`: (fraction, runs) or (fraction, runs, suffix) or (fraction, runs, suffix, fill); the suffix
        (a comma between items) is printed after the dots, as on the form."""
        super().__init__()
        self.cells = [(c[0], [r for r in c[1] if r[0]], c[2] if len(c) > 2 else "",
                       c[3] if len(c) > 3 else fill) for c in cells]
        self.size, self.leading, self.fill = size, leading, fill
        self._lines: list[list[list[tuple[float, str, str]]]] = []
        self._ends: list[tuple[float, float, int, str, bool]] = []

    def _words(self, runs: Sequence[Run]) -> list[tuple[str, str, bool]]:
        """(word, font, space_before) tokens; a space at a run boundary is kept."""
        out: list[tuple[str, str, bool]] = []
        pending_space = False
        for text, font in runs:
            parts = re.split(r"( +)", nfc(text))
            for part in parts:
                if not part:
                    continue
                if part.startswith(" "):
                    pending_space = True
                    continue
                out.append((part, font, pending_space and bool(out)))
                pending_space = False
        return out

    def _break(self, runs: Sequence[Run], width: float) -> tuple[list[list[tuple[float, str, str]]], float]:
        """Lines of (x, text, font) and the x where the last line ends."""
        space = stringWidth(" ", FONT, self.size)
        lines: list[list[tuple[float, str, str]]] = [[]]
        x = 0.0
        for word, font, spaced in self._words(runs):
            w = stringWidth(word, font, self.size)
            lead = space if spaced and lines[-1] else 0.0
            if x + lead + w > width and lines[-1]:
                lines.append([])
                x, lead = 0.0, 0.0
            while w > width and len(word) > 1:  # a word longer than the cell: cut it
                cut = len(word)
                while cut > 1 and stringWidth(word[:cut], font, self.size) > width - x:
                    cut -= 1
                lines[-1].append((x, word[:cut], font))
                lines.append([])
                word, x = word[cut:], 0.0
                w = stringWidth(word, font, self.size)
            lines[-1].append((x + lead, word, font))
            x += lead + w
        return lines, x

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        register_fonts()
        self.width = availWidth
        self._lines, self._ends = [], []
        height_lines = 1
        left = 0.0
        for frac, runs, suffix, dotted in self.cells:
            width = availWidth * frac
            room = width - 2 - stringWidth(suffix, FONT, self.size)
            lines, end = self._break(runs, room)
            self._lines.append([[(left + x, t, f) for x, t, f in line] for line in lines])
            self._ends.append((left + end, left + room, len(lines) - 1, suffix, dotted))
            height_lines = max(height_lines, len(lines))
            left += width
        self.height = height_lines * self.leading
        return availWidth, self.height

    def draw(self) -> None:
        c = self.canv
        base = self.height - self.leading + (self.leading - self.size) / 2 + 1.5
        for lines in self._lines:
            for i, line in enumerate(lines):
                y = base - i * self.leading
                for x, text, font in line:
                    c.setFont(font, self.size)
                    c.drawString(x, y, text)
        dot = stringWidth(DOTS, FONT, self.size)
        c.setFont(FONT, self.size)
        for start, stop, row, suffix, dotted in self._ends:
            y = base - row * self.leading
            count = int((stop - start - 2) // dot) if dotted else 0
            if count >= 3:
                c.drawString(stop - count * dot, y, DOTS * count)
                c.drawString(stop, y, suffix)
            elif suffix:
                c.drawString(start, y, suffix)


def _style(name: str, size: float = SIZE, font: str = FONT, align: int = TA_LEFT,
           leading: float | None = None) -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.25, alignment=align)


def _esc(text: str | None) -> str:
    return escape(nfc(text or ""))


def _hint(*texts: str, fractions: Sequence[float] | None = None) -> Flowable:
    """The small italic line under an item, centred; two hints sit under the two halves of the line."""
    style = _style("cv-hint", HINT, FONT_ITALIC, TA_CENTER)
    if len(texts) == 1:
        return Paragraph(_esc(texts[0]), style)
    fr = fractions or [1 / len(texts)] * len(texts)
    return _Cells([Paragraph(_esc(t), style) for t in texts], fr)


class _Cells(Flowable):
    """Flowables side by side in fractions of the width, without borders."""

    def __init__(self, parts: Sequence[Flowable], fractions: Sequence[float]):
        super().__init__()
        self.parts, self.fractions = list(parts), list(fractions)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.sizes = [p.wrap(availWidth * f, availHeight) for p, f in zip(self.parts, self.fractions, strict=True)]
        self.height = max(h for _, h in self.sizes)
        return availWidth, self.height

    def draw(self) -> None:
        x = 0.0
        for part, frac, (_, h) in zip(self.parts, self.fractions, self.sizes, strict=True):
            part.drawOn(self.canv, x, self.height - h)
            x += self.width * frac


def _dotted_lines(count: int) -> list[Flowable]:
    return [_Fields([(1.0, [])]) for _ in range(count)]


def _heading(text: str) -> Paragraph:
    return Paragraph(_esc(text), _style("cv-heading", SIZE, FONT_BOLD, TA_LEFT, LEADING))


def _grid(rows: list[list[object]], widths_pt: Sequence[float], width: float, header_rows: int = 1,
          bold_first_col: bool = False, repeat: bool = True, size: float = TABLE) -> Table:
    """A bordered table scaled to the text width; header cells bold and centred, cells wrap."""
    scale = width / sum(widths_pt)
    cell = _style(f"cv-cell-{size}", size, FONT, TA_LEFT, size * 1.2)
    centre = _style(f"cv-cell-c-{size}", size, FONT, TA_CENTER, size * 1.2)
    head = _style(f"cv-head-{size}", size, FONT_BOLD, TA_CENTER, size * 1.2)
    bold = _style(f"cv-cell-b-{size}", size, FONT_BOLD, TA_LEFT, size * 1.2)
    data: list[list[object]] = []
    for r, row in enumerate(rows):
        out: list[object] = []
        for c, value in enumerate(row):
            if isinstance(value, Flowable):
                out.append(value)
                continue
            text = _esc(str(value) if value is not None else "")
            if r < header_rows:
                out.append(Paragraph(text, head))
            elif bold_first_col and c == 0:
                out.append(Paragraph(text, bold))
            else:
                out.append(Paragraph(text, centre if isinstance(value, _Centre) else cell))
        data.append(out)
    style = TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, TABLE),
        ("GRID", (0, 0), (-1, -1), LINE_WIDTH, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3 if size >= TABLE else 1.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3 if size >= TABLE else 1.5),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ])
    return Table(data, colWidths=[w * scale for w in widths_pt], style=style,
                 repeatRows=header_rows if repeat else 0, hAlign="LEFT")


class _Centre(str):
    """A cell value printed centred (periods, years)."""
