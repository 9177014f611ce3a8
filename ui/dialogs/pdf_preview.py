"""Print preview of a generated PDF: its pages drawn (via PDFium) into Qt's print preview, from which the
user prints on any installed printer, or saves the PDF itself ("Save PDF…": the vector file ReportLab
wrote, with its text, not the pictures drawn for the printer)."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QToolBar, QToolButton, QWidget

from hrapp import clock
from ui.messages import confirm

PRINT_DPI = 200
_TEMP_TAIL = re.compile(r"_[a-z0-9_]{8}$")  # the random part tempfile adds after a prefix ending in "_"


def page_images(path: str | Path, dpi: int = PRINT_DPI) -> list[QImage]:
    """Every page of the PDF as an image at `dpi`."""
    doc = pdfium.PdfDocument(str(path))
    try:
        out = []
        for i in range(len(doc)):
            bitmap = doc[i].render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
            out.append(image.copy())  # own the pixels before PDFium frees its buffer
        return out
    finally:
        doc.close()


def print_pages(printer: QPrinter, images: list[QImage]) -> int:
    """Draw each image on a page of its own, filling the paper (the PDF already has its margins); returns the
    number of pages drawn (0 when the printer could not be opened)."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for i, image in enumerate(images):
            if i:
                printer.newPage()
            paper = printer.pageLayout().fullRectPixels(printer.resolution())
            target = QRectF(0, 0, paper.width(), paper.height())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return len(images)


def ascii_name(text: str) -> str:
    """A file-name part without diacritics or spaces: 'Trần Văn Đức' → 'tran_van_duc'."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def suggested_file_name(path: str | Path) -> str:
    """The name to offer when saving: a temporary file's prefix ('bien_che_x1y2z3w4.pdf' → 'bien_che') with
    today's date, or the file's own name when it is not a temporary file."""
    path = Path(path)
    in_temp = os.path.normcase(str(path.parent.resolve())) == os.path.normcase(
        str(Path(tempfile.gettempdir()).resolve()))
    if not in_temp:
        return path.name
    stem = _TEMP_TAIL.sub("", path.stem) or "tai_lieu"
    return f"{stem}_{clock.today():%d-%m-%Y}.pdf"


class PdfPreviewDialog(QPrintPreviewDialog):
    """Qt's print preview over the pages of a PDF file; the orientation follows the document.

    `suggested_name` is the file name "Save PDF…" offers (default: from the file's name and today's date).
    """

    saved = Signal(str)  # the path the PDF was saved to
    printed = Signal(int)  # pages sent to the printer

    def __init__(self, path: str | Path, parent: QWidget | None = None, suggested_name: str | None = None):
        self.path = Path(path)
        self.pdf_bytes = self.path.read_bytes()  # the file may be a temporary one removed later
        self.suggested_name = suggested_name or suggested_file_name(self.path)
        self.last_saved: str | None = None
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.images = page_images(path)
        landscape = bool(self.images) and self.images[0].width() > self.images[0].height()
        self.printer.setPageLayout(QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
            self.printer.pageLayout().margins(), QPageLayout.Unit.Millimeter))
        self.printer.setFullPage(True)
        self.printer.setDocName(self.path.stem)
        super().__init__(self.printer, parent)
        self.setWindowTitle(self.tr("Print preview – %1").replace("%1", self.suggested_name))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.pages_drawn = 0
        self.paintRequested.connect(self._paint)

        self.save_action = QAction(self.tr("Save PDF…"), self)
        self.save_action.setIconText(self.save_action.text())  # a tool button would drop the "…"
        self.save_action.setToolTip(self.tr("Save this document as a PDF file (with its text, ready to send)"))
        self.save_action.triggered.connect(lambda: self.save_pdf())
        toolbar = self.findChild(QToolBar)
        # first on the bar, so a narrow window never hides it behind the bar's overflow arrow
        first = toolbar.actions()[0] if toolbar.actions() else None
        toolbar.insertAction(first, self.save_action)
        toolbar.insertSeparator(first)
        self.save_button = toolbar.widgetForAction(self.save_action)
        assert isinstance(self.save_button, QToolButton)
        self.save_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # Qt's own Print prints without a word; this one says how many pages went to which printer
        self.print_action = self._qt_print_action(toolbar)
        if self.print_action is not None:
            self.print_action.triggered.disconnect()
            self.print_action.triggered.connect(lambda: self.print_document())
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        if screen is not None:  # room to read a page: most of the screen, not Qt's small default
            area = screen.availableGeometry()
            self.resize(min(1100, area.width() * 9 // 10), min(680, area.height() * 9 // 10))

    @staticmethod
    def _qt_print_action(toolbar: QToolBar) -> QAction | None:
        """The preview's "Print" action: the last on Qt's bar, after "Page setup"."""
        actions = [a for a in toolbar.actions() if not a.isSeparator()]
        return actions[-1] if actions else None

    def _paint(self, printer: QPrinter) -> None:
        self.pages_drawn = print_pages(printer, self.images)

    def print_document(self) -> int:
        """Ask for the printer (Qt's print dialog), print every page, then say so: "Sent N pages to the printer
        …" in the main window (the preview closes, as Qt's own Print does) or on the preview when it has no
        parent window. Returns the pages sent (0 when cancelled or the printer could not be opened)."""
        dialog = QPrintDialog(self.printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        self.pages_drawn = 0
        self.findChild(QPrintPreviewWidget).print()
        pages = self.pages_drawn
        if pages == 0:
            QMessageBox.warning(self, self.tr("Print"), self.tr("Nothing was printed: the printer could not be "
                                                                "opened."))
            return 0
        to_file = self.printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and self.printer.outputFileName()
        if to_file:
            text = self.tr("Sent %1 pages to the printer (printed to the file %2).").replace(
                "%1", str(pages)).replace("%2", Path(to_file).name)
        else:
            text = self.tr("Sent %1 pages to the printer %2.").replace("%1", str(pages)).replace(
                "%2", self.printer.printerName())
        parent = self.parentWidget()
        if parent is not None:
            self.accept()
        confirm(parent.window() if parent is not None else self, text, to_file or None)
        self.printed.emit(pages)
        return pages

    def save_pdf(self, path: str | None = None) -> str | None:
        """Ask where (unless `path` is given) and write the PDF file as it was made; returns the path."""
        if path is None:
            default = str(Path.home() / self.suggested_name)
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), default, self.tr("PDF files (*.pdf)"))
            if not path:
                return None
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
        tmp = Path(path).with_name(f".{Path(path).name}.part")
        try:
            tmp.write_bytes(self.pdf_bytes)
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            QMessageBox.warning(self, self.tr("Save PDF"),
                                self.tr("The PDF could not be saved: %1").replace("%1", exc.strerror or str(exc)))
            return None
        self.last_saved = path
        confirm(self, path=path)  # a notice on the preview with "Open file" / "Open folder", and the status bar
        self.saved.emit(path)
        return path
