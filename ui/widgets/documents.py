"""A page writing one of the catalogue's documents (hrapp/reports/catalogue.py) to a file: asking where to save a PDF
or Excel copy, writing it on a worker thread, and the print preview of a PDF written to a temporary file.

The texts of this module are translated in its own context, "DocumentFiles" (QCoreApplication.translate), not in
the calling page's: `self.tr()` would look them up under the page's class, where ui.i18n_update does not file them."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from hrapp.context import ServiceContext
from hrapp.reports.catalogue import export
from ui.file_names import suggested_path
from ui.tasks import Task, run_task

if TYPE_CHECKING:
    from ui.dialogs.pdf_preview import PdfPreviewDialog


def ask_save_path(parent: QWidget, ctx: ServiceContext, name: str, suffix: str) -> Path | None:
    """Ask where to save a document as `suffix` (".pdf" or ".xlsx"), offering `name` + `suffix` in the usual
    folder; None when the user cancels."""
    if suffix == ".pdf":
        file_filter = QCoreApplication.translate("DocumentFiles", "PDF files (*.pdf)")
    else:
        file_filter = QCoreApplication.translate("DocumentFiles", "Excel workbooks (*.xlsx)")
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("DocumentFiles", "Save as"),
                                          suggested_path(ctx, f"{name}{suffix}"), file_filter)
    return Path(path) if path else None


def write_document(parent: QWidget, ctx: ServiceContext, key: str, params: Mapping[str, Any], path: str | Path,
                   on_done: Callable[[Any], None], *, title: str | None = None, label: str | None = None,
                   writes: bool = False, data: Any = None) -> Task:
    """Write catalogue document `key` with `params` to `path` (its suffix picks the format) on a worker thread,
    under a progress dialog titled `title` saying `label` (by default "Printing", "Writing the document…");
    `on_done(path)` once the file is there. `data` is the list the page already shows, when the document is
    that list."""
    if title is None:
        title = QCoreApplication.translate("DocumentFiles", "Printing")
    if label is None:
        label = QCoreApplication.translate("DocumentFiles", "Writing the document…")

    def work(progress, cancelled):
        export(ctx, key, params, path, progress, cancelled, data=data)
        return path

    return run_task(work, parent=parent, title=title, label=label, writes=writes, on_result=on_done)


def temporary_pdf(prefix: str) -> str:
    """The path of a new, empty temporary PDF file named `prefix`…; the file stays for the preview to read."""
    handle = tempfile.NamedTemporaryFile(prefix=prefix, suffix=".pdf", delete=False)
    handle.close()
    return handle.name


def open_preview(path: str | Path, parent: QWidget, suggested_name: str | None = None) -> PdfPreviewDialog:
    """Open the print preview of the PDF at `path` over `parent` and return it (the page keeps it)."""
    # Start-up: the preview's PDF renderer and Qt's print support are loaded when a preview is first shown.
    from ui.dialogs.pdf_preview import PdfPreviewDialog

    preview = PdfPreviewDialog(path, parent, suggested_name)
    preview.open()
    return preview
