"""Letterhead, signatures and page geometry of an official document (NĐ 30/2020 Phụ lục I), and the small
flowables drawn in them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    Flowable,
    TableStyle,
)

from hrapp.reports.document.fonts import FONT, register_fonts
from hrapp.reports.format import nfc

_SPACE_RUN = re.compile(r" {2,}")
_PLAIN = TableStyle([
    ("FONT", (0, 0), (-1, -1), FONT, 12),  # even empty cells set a font: keep Helvetica out of the PDF
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
])


def _markup(text: str | None) -> str:
    """Plain text as Paragraph markup: escaped, NFC, line breaks kept, and runs of spaces kept (they
    leave room to write a number by hand, as in 'Số:       /DS-SKHCN')."""
    text = escape(nfc(text)).replace("\n", "<br/>")
    return _SPACE_RUN.sub(lambda m: " " + "\u00a0" * (len(m.group()) - 1), text)


# ----------------------------------------------------------------------------------------------------
# Letterhead, signatures, page geometry


@dataclass(frozen=True)
class Signature:
    """A signature block: optional authority line ('KT. GIÁM ĐỐC'), title, caption, signer name."""

    title: str
    name: str = ""
    authority: str | None = None
    caption: str | None = None


@dataclass(frozen=True)
class Letterhead:
    """Who issues the document and who signs it (NĐ 30/2020 Phụ lục I, ô số 2, 3, 4 and 7)."""

    issuing_unit: str
    parent_agency: str = ""
    number: str | None = None
    place: str = ""
    signer_title: str = "GIÁM ĐỐC"
    signer_name: str = ""
    signer_authority: str | None = None
    preparer_title: str = "NGƯỜI LẬP BIỂU"
    preparer_name: str = ""

    def number_line(self) -> str | None:
        """'Số: 125/BC-SKHCN' (the prefix is added when the number is given bare)."""
        if self.number is None:
            return None
        text = nfc(self.number).strip()
        return text if text.lower().startswith("số") else f"Số: {text}"

    def head_signature(self, caption: str | None = None) -> Signature:
        return Signature(self.signer_title, self.signer_name, self.signer_authority, caption)

    def preparer_signature(self, caption: str | None = None) -> Signature:
        return Signature(self.preparer_title, self.preparer_name, None, caption)

    def default_signatures(self) -> list[Signature]:
        """Preparer on the left (when titled) and the head of the unit on the right."""
        sigs = [self.preparer_signature()] if self.preparer_title else []
        return sigs + [self.head_signature()]


@dataclass(frozen=True)
class Margins:
    """Page margins in mm; the defaults sit inside the NĐ 30/2020 ranges."""

    top: float = 20
    bottom: float = 20
    left: float = 30
    right: float = 15


@cache
def _style(name: str, size: float, font: str = FONT, align: int = TA_CENTER, leading: float | None = None,
           indent: float = 0, space_before: float = 0, space_after: float = 0,
           keep_with_next: bool = False) -> ParagraphStyle:
    """Paragraph styles are cached: a report of 10,000 rows must not build 10,000 style objects."""
    register_fonts()
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or round(size * 1.2, 2),
                          alignment=align, firstLineIndent=indent, spaceBefore=space_before,
                          spaceAfter=space_after, splitLongWords=True, keepWithNext=keep_with_next)


class _Rule(Flowable):
    """A short horizontal rule, centred by its container (under the unit name and the motto)."""

    def __init__(self, width: float, gap: float = 4.5, weight: float = 0.6):
        super().__init__()
        self.width, self.gap, self.weight = width, gap, weight
        self.drawn_width = width
        self.height = gap + weight + 1

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.drawn_width = min(self.width, availWidth)
        return self.drawn_width, self.height

    def draw(self) -> None:
        self.canv.setLineWidth(self.weight)
        y = self.height - self.gap
        self.canv.line(0, y, self.drawn_width, y)


class _VerticalText(Flowable):
    """Header text turned 90° counter-clockwise, one turned line per '\n'."""

    def __init__(self, text: str, font: str, size: float):
        super().__init__()
        self.lines = [line.strip() for line in nfc(text).split("\n")]
        self.font, self.size, self.leading = font, size, round(size * 1.15, 2)
        self.width = len(self.lines) * self.leading
        self.height = max(pdfmetrics.stringWidth(line, font, size) for line in self.lines) + 2

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFont(self.font, self.size)
        canv.rotate(90)  # x now runs up the page, y to the left
        for k, line in enumerate(self.lines):
            baseline = (k + 1) * self.leading - 0.28 * self.size  # glyph feet face right
            canv.drawCentredString(self.height / 2, -baseline, line)
        canv.restoreState()
