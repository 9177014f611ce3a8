"""Print preview of a generated PDF: its pages drawn (via PDFium) into Qt's print preview, from which the
user prints on any installed printer."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

PRINT_DPI = 200


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


def print_pages(printer: QPrinter, images: list[QImage]) -> None:
    """Draw each image on a page of its own, filling the paper (the PDF already has its margins)."""
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        for i, image in enumerate(images):
            if i:
                printer.newPage()
            paper = printer.pageLayout().fullRectPixels(printer.resolution())
            target = QRectF(0, 0, paper.width(), paper.height())
            painter.drawImage(target, image)
    finally:
        painter.end()


class PdfPreviewDialog(QPrintPreviewDialog):
    """Qt's print preview over the pages of a PDF file; the orientation follows the document."""

    def __init__(self, path: str | Path, parent: QWidget | None = None):
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.images = page_images(path)
        landscape = bool(self.images) and self.images[0].width() > self.images[0].height()
        self.printer.setPageLayout(QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
            self.printer.pageLayout().margins(), QPageLayout.Unit.Millimeter))
        self.printer.setFullPage(True)
        self.printer.setDocName(Path(path).stem)
        super().__init__(self.printer, parent)
        self.setWindowTitle(self.tr("Print preview – %1").replace("%1", Path(path).name))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.paintRequested.connect(lambda printer: print_pages(printer, self.images))
