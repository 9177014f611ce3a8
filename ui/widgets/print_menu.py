"""The print menu of an area page, built from the document catalogue (hrapp/reports/catalogue.py): one entry per
document and format, titled as the Reports page titles the document, so a document added to the catalogue is
offered the same way everywhere."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton

from hrapp import messages
from hrapp.reports.catalogue import PRINTED, Document, document

FORMAT_NAMES = {".pdf": "PDF", ".xlsx": "Excel"}
"""How a format is named after a document's title in a menu."""


def document_title(doc: Document) -> str:
    """The document's title in the language of the window."""
    return doc.title if messages.language() == "vi" else doc.title_en


def document_description(doc: Document) -> str:
    """The document's one-line description in the language of the window."""
    return doc.description if messages.language() == "vi" else doc.description_en


def print_menu(button: QPushButton, keys: Sequence[str],
               chosen: Callable[[str, str], object]) -> dict[tuple[str, str], QAction]:
    """Give `button` a menu with an entry for each printed format (PDF, Excel) of each catalogue document in
    `keys` (in that order); an entry calls `chosen(key, suffix)`. Returns the entries by (key, suffix), for the page to enable."""
    menu = QMenu(button)
    actions: dict[tuple[str, str], QAction] = {}
    for key in keys:
        doc = document(key)
        for suffix in (f for f in doc.formats if f in PRINTED):
            action = menu.addAction(f"{document_title(doc)} ({FORMAT_NAMES[suffix]})…")
            action.setData((key, suffix))
            action.setToolTip(document_description(doc))
            action.triggered.connect(lambda _checked=False, k=key, s=suffix: chosen(k, s))
            actions[key, suffix] = action
    button.setMenu(menu)
    return actions
