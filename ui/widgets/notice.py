"""A non-modal confirmation floating at the bottom-right of a window: what happened, and for a written file
"Open file" and "Open folder". It fades away by itself (not while the pointer rests on it) and takes no focus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QEnterEvent, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

HIDE_AFTER_MS = 15_000
MARGIN = 16
TEXT_WIDTH = 460

NOTICE_STYLE = """
QFrame#notice { background: #17324d; border: 1px solid #0f2336; border-radius: 6px; }
QFrame#notice QLabel { color: #ffffff; background: transparent; }
QFrame#notice QLabel#noticePath { color: #c9d6e3; }
QFrame#notice QPushButton {
    color: #ffffff; background: #2a567f; border: 1px solid #4f7aa3; border-radius: 4px; padding: 4px 10px;
}
QFrame#notice QPushButton:hover { background: #346894; }
QFrame#notice QPushButton#noticeClose { background: transparent; border: none; padding: 2px 6px; font-weight: 600; }
"""


class Notice(QFrame):
    """One per window (see `for_window`); `show_text(text, path)` replaces what it showed before."""

    def __init__(self, host: QWidget):
        super().__init__(host)
        self.setObjectName("notice")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(NOTICE_STYLE)
        self.path: Path | None = None

        self.text_label = QLabel()
        self.text_label.setObjectName("noticeText")
        self.text_label.setWordWrap(True)
        self.text_label.setMaximumWidth(TEXT_WIDTH)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label = QLabel()
        self.path_label.setObjectName("noticePath")
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_file_button = QPushButton(self.tr("Open file"))
        self.open_file_button.setToolTip(self.tr("Open the file with the program the computer uses for it"))
        self.open_file_button.clicked.connect(lambda: self.open_file())
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_folder_button.setToolTip(self.tr("Show the folder holding the file"))
        self.open_folder_button.clicked.connect(lambda: self.open_folder())
        self.close_button = QPushButton("×")
        self.close_button.setObjectName("noticeClose")
        self.close_button.setToolTip(self.tr("Close"))
        self.close_button.clicked.connect(lambda: self.hide())
        for b in (self.open_file_button, self.open_folder_button, self.close_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setCursor(Qt.CursorShape.PointingHandCursor)

        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.text_label)
        texts.addWidget(self.path_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 8, 10)
        row.setSpacing(8)
        row.addLayout(texts, 1)
        row.addWidget(self.open_file_button, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.open_folder_button, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(HIDE_AFTER_MS)
        self.timer.timeout.connect(self.hide)
        host.installEventFilter(self)
        self.hide()

    @staticmethod
    def for_window(widget: QWidget) -> Notice:
        """The notice of the window holding `widget` (made on first use)."""
        host = widget.window()
        notice = host.findChild(Notice, "notice", Qt.FindChildOption.FindDirectChildrenOnly)
        return notice if notice is not None else Notice(host)

    def follow_layout(self) -> None:
        """Take a place again (the window shows another page, whose buttons it must not hide)."""
        if self.isVisible():
            self._place()

    def show_text(self, text: str, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.text_label.setText(text)
        self.open_file_button.setVisible(self.path is not None)
        self.open_folder_button.setVisible(self.path is not None)
        if self.path is not None:
            full = str(self.path)
            metrics = QFontMetrics(self.path_label.font())
            self.path_label.setText(metrics.elidedText(full, Qt.TextElideMode.ElideMiddle, TEXT_WIDTH))
            self.path_label.setToolTip(full)
            self.path_label.show()
        else:
            self.path_label.clear()
            self.path_label.hide()
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self.timer.start()

    def open_file(self) -> None:
        if self.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))

    def open_folder(self) -> None:
        if self.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))

    def _place(self) -> None:
        host = self.parentWidget()
        if host is None:
            return
        area = host.rect()
        if isinstance(host, QMainWindow) and host.centralWidget() is not None:
            area = host.centralWidget().geometry()
        size = self.sizeHint().boundedTo(area.size())
        self.resize(size)
        rect = QRect(QPoint(max(area.left(), area.right() - size.width() - MARGIN),
                            max(area.top(), area.bottom() - size.height() - MARGIN)), size)
        # Never over a button (a dialog's Close, a page's bottom row): moved up above the ones it would hide.
        buttons = [QRect(b.mapTo(host, QPoint(0, 0)), b.size()) for b in host.findChildren(QAbstractButton)
                   if b.isVisible() and not self.isAncestorOf(b)]
        moved = True
        while moved and rect.top() > area.top():
            moved = False
            for b in buttons:
                if b.intersects(rect):
                    rect.moveBottom(b.top() - MARGIN // 2)
                    moved = True
        self.move(rect.topLeft())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return super().eventFilter(watched, event)

    def enterEvent(self, event: QEnterEvent) -> None:
        self.timer.stop()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self.timer.start()
        super().leaveEvent(event)
