"""The fonts of every printed document (Liberation Serif, the metric twin of Times New Roman), the page's text
width and grid line, and the callbacks a long document reports to."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Literal

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from hrapp.paths import FONTS

FONT = "TimesVN"
FONT_BOLD = "TimesVN-Bold"
FONT_ITALIC = "TimesVN-Italic"
FONT_BOLD_ITALIC = "TimesVN-BoldItalic"
_FONT_FILES = {
    FONT: "LiberationSerif-Regular.ttf",
    FONT_BOLD: "LiberationSerif-Bold.ttf",
    FONT_ITALIC: "LiberationSerif-Italic.ttf",
    FONT_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}
PORTRAIT_TEXT_MM = 165.0
"""Text width of a portrait A4 page with the default 30 + 15 mm side margins."""
LINE_WIDTH = 0.5
"""Table grid, in points: a thin single black line as on printed official lists."""

Align = Literal["left", "center", "right"]
ProgressCallback = Callable[[int, int], None]
CancelCallback = Callable[[], bool]


class ReportCancelled(Exception):
    """The user cancelled building a report; nothing was written to the target path."""


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register Liberation Serif (metric twin of Times New Roman) once; returns the family name.

    ReportLab embeds a subset of each TrueType font it uses, so every PDF carries its own fonts.
    """
    for name, filename in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONTS / filename)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC,
                                  boldItalic=FONT_BOLD_ITALIC)
    return FONT
