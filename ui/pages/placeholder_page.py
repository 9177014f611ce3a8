"""The page of an area that is not built yet: its name and one plain sentence of what it will hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hrapp.services.context import ServiceContext
from ui.icons import icon
from ui.pages.base import BasePage


class PlaceholderPage(BasePage):
    def __init__(self, ctx: ServiceContext, title: str, summary: str, icon_name: str,
                 parent: QWidget | None = None):
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(2)
        picture = QLabel()
        picture.setPixmap(icon(icon_name).pixmap(56, 56))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(picture)
        layout.addSpacing(12)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("placeholderTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title_label)
        layout.addSpacing(6)
        self.status_label = QLabel(self.tr("This part of the application has not been built yet."))
        self.status_label.setObjectName("placeholderText")
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.status_label)
        self.summary_label = QLabel(summary)
        self.summary_label.setObjectName("placeholderText")
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary_label.setWordWrap(True)
        self.summary_label.setFixedWidth(560)  # a fixed width lets the wrapped text get its full height
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.summary_label)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(3)
