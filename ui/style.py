"""The look of the application: Fusion style, a calm light palette, the default font size, a style sheet."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#1f5f99"
INK = "#1f2d3d"
MUTED = "#5f6f82"
ERROR_STYLE = "color: #b3261e;"  # the text of an error line under a field or a form
LINE = "#d5dde6"
SIDEBAR = "#eef2f6"
WINDOW = "#f6f8fa"

DEFAULT_POINT_SIZE = 10

STYLE_SHEET = f"""
QWidget#header {{ background: #ffffff; border-bottom: 1px solid {LINE}; }}
QLabel#parentAgency {{ color: {MUTED}; font-size: 8.5pt; letter-spacing: 0.5px; }}
QLabel#agencyName {{ color: #17324d; font-size: 13pt; font-weight: 600; }}
QLabel#pageTitle {{ color: {INK}; font-size: 14pt; font-weight: 600; }}
QLabel#pageSubtitle, QLabel#muted {{ color: {MUTED}; }}
QLabel#countLabel {{ color: {MUTED}; padding: 0 4px; }}
QLabel#sectionTitle {{ color: #17324d; font-weight: 600; font-size: 10.5pt; }}
QLabel#personName {{ color: #17324d; font-size: 15pt; font-weight: 600; }}
QListWidget#sidebar {{
    background: {SIDEBAR}; border: none; border-right: 1px solid {LINE}; padding: 8px 0; outline: 0;
}}
QListWidget#sidebar::item {{
    color: {INK}; padding: 7px 10px; margin: 1px 8px; border-radius: 6px;
}}
QListWidget#sidebar::item:hover {{ background: #e2e9f1; }}
QListWidget#sidebar::item:selected {{ background: #d3e2f1; color: #0f3457; }}
QTableView {{
    background: #ffffff; alternate-background-color: #f5f8fb; gridline-color: #e6ebf0;
    border: 1px solid {LINE}; selection-background-color: #cfe0f1; selection-color: #0f2a43;
}}
QTableView::item {{ padding: 0 6px; }}
QHeaderView::section {{
    background: #eef2f6; color: #2c3e50; padding: 5px 6px; border: none;
    border-right: 1px solid #dde3ea; border-bottom: 1px solid {LINE}; font-weight: 600;
}}
QLineEdit {{
    background: #ffffff; border: 1px solid #c3ccd6; border-radius: 4px; padding: 4px 6px; min-height: 20px;
}}
QLineEdit:focus {{ border: 1px solid {ACCENT}; }}
QLineEdit[readOnly="true"] {{ background: #f7f9fb; }}
QLineEdit[invalid="true"] {{ border: 1px solid #b3261e; }}
QPushButton#primary {{
    background: {ACCENT}; color: #ffffff; border: 1px solid #184d7d; border-radius: 4px; padding: 6px 14px;
}}
QPushButton#primary:hover {{ background: #246aa8; }}
QPushButton#primary:disabled {{ background: #a9bccf; border-color: #93a8bd; color: #f4f7fa; }}
QPushButton#choice {{
    text-align: left; padding: 12px 14px; border: 1px solid #c3ccd6; border-radius: 6px; background: #ffffff;
}}
QPushButton#choice:hover {{ border-color: {ACCENT}; background: #f2f7fc; }}
QPushButton#choice:focus {{ border: 2px solid {ACCENT}; }}
QTabWidget::pane {{ border: 1px solid {LINE}; background: #ffffff; top: -1px; }}
QStatusBar {{ background: #eef2f6; color: {MUTED}; border-top: 1px solid {LINE}; }}
QStatusBar QLabel {{ color: {MUTED}; padding: 0 6px; }}
"""


def palette() -> QPalette:
    p = QPalette()
    colors = {
        QPalette.ColorRole.Window: WINDOW,
        QPalette.ColorRole.WindowText: INK,
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f5f8fb",
        QPalette.ColorRole.Text: INK,
        QPalette.ColorRole.Button: "#f2f4f7",
        QPalette.ColorRole.ButtonText: INK,
        QPalette.ColorRole.Highlight: "#2f6ea5",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: INK,
        QPalette.ColorRole.PlaceholderText: "#8a97a6",
        QPalette.ColorRole.Link: ACCENT,
    }
    for role, color in colors.items():
        p.setColor(role, QColor(color))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#9aa5b1"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#9aa5b1"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#9aa5b1"))
    return p


def apply_style(app: QApplication) -> None:
    """Fusion with the palette above and a readable default size; the family stays the system's."""
    app.setStyle("Fusion")
    app.setPalette(palette())
    font = QFont(app.font())
    font.setPointSize(DEFAULT_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
