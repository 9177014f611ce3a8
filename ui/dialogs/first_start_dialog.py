"""Offered once on an empty database: load the demo department or start with no data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

DEMO = "demo"
EMPTY = "empty"


class FirstStartDialog(QDialog):
    """`choice` is DEMO or EMPTY after the dialog was accepted; closing it means EMPTY."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome"))
        self.setMinimumWidth(520)
        self.choice = EMPTY
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        heading = QLabel(self.tr("The database is empty"))
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        text = QLabel(self.tr("How would you like to start?"))
        text.setWordWrap(True)
        layout.addWidget(text)

        self.demo_button = QPushButton(
            self.tr("Load the demo department") + "\n"
            + self.tr("A sample Department of Science and Technology with its units and staff, to try the application.")
        )
        self.empty_button = QPushButton(
            self.tr("Start with an empty database") + "\n"
            + self.tr("Enter your own units and staff records.")
        )
        for button in (self.demo_button, self.empty_button):
            button.setObjectName("choice")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setMinimumHeight(64)
            layout.addWidget(button)
        self.demo_button.clicked.connect(lambda: self._choose(DEMO))
        self.empty_button.clicked.connect(lambda: self._choose(EMPTY))
        self.demo_button.setDefault(True)
        self.demo_button.setFocus()

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
