"""A printed document of headed tables (the training plan, its results, the training needs, the planning structure
summary): in the PDF an introduction, each table under its heading (I., II., …) and a closing paragraph; in the
workbook a sheet per table, the introduction and closing on the first."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import IO, Generic, TypeVar

from hrapp.io.cells import new_workbook
from hrapp.reports.document import (
    CancelCallback,
    Letterhead,
    OfficialDocument,
    ProgressCallback,
    Signature,
    TableSpec,
    write_atomically,
)
from hrapp.reports.excel import write_document
from hrapp.reports.format import nfc

Target = str | os.PathLike[str] | IO[bytes]


@dataclass(frozen=True)
class Section:
    """One table: its heading in the PDF and its sheet's name in the workbook."""

    heading: str
    sheet: str
    spec: TableSpec


@dataclass(frozen=True)
class SectionedDocument:
    """What the PDF and the workbook print: the title, the text around the tables and the tables. `landscape`
    turns the PDF and the first sheet (None: the PDF upright, each sheet as its width needs); the signatures go
    under the sheet numbered `signed_sheet`."""

    title: str
    sections: Sequence[Section]
    subtitles: Sequence[str] = ()
    intro: Sequence[str] = ()
    outro: Sequence[str] = ()
    landscape: bool | None = None
    signed_sheet: int = 0


def build_pdf(target: Target, letterhead: Letterhead, doc: SectionedDocument, *, day: date | None = None,
              signatures: Sequence[Signature] | None = None, progress: ProgressCallback | None = None,
              cancel: CancelCallback | None = None) -> int:
    pdf = OfficialDocument(letterhead, doc.title, doc.subtitles, day=day, landscape=bool(doc.landscape),
                           signatures=signatures)
    for text in doc.intro:
        if text:
            pdf.paragraph(text)
    for section in doc.sections:
        pdf.paragraph(section.heading, "heading")
        pdf.table(section.spec)
    for text in doc.outro:
        pdf.paragraph(text)
    return pdf.build(target, progress=progress, cancel=cancel)


def build_xlsx(target: Target, letterhead: Letterhead, doc: SectionedDocument, *, day: date | None = None,
               signatures: Sequence[Signature] | None = None, progress: ProgressCallback | None = None,
               cancel: CancelCallback | None = None) -> None:
    wb = new_workbook()
    for i, section in enumerate(doc.sections):
        ws = wb.active if i == 0 else wb.create_sheet(section.sheet)
        ws.title = section.sheet
        signed = signatures if i == doc.signed_sheet else []
        if i == 0:
            write_document(ws, letterhead, doc.title, section.spec, subtitles=doc.subtitles, day=day,
                           intro=[text for text in doc.intro if text], outro=doc.outro, signatures=signed,
                           landscape=doc.landscape, progress=progress, cancel=cancel)
        else:
            write_document(ws, letterhead, doc.title, section.spec, day=day, signatures=signed)
    wb.properties.creator = nfc(letterhead.issuing_unit)
    wb.properties.title = nfc(" ".join(doc.title.split()))
    write_atomically(target, wb.save)


_D = TypeVar("_D")


@dataclass(frozen=True)
class SectionedForm(Generic[_D]):
    """A document whose data `sections` lays out as headed tables: `pdf` and `xlsx` write it."""

    sections: Callable[[_D], SectionedDocument]

    def pdf(self, target: Target, letterhead: Letterhead, data: _D, *, day: date | None = None,
            signatures: Sequence[Signature] | None = None, progress: ProgressCallback | None = None,
            cancel: CancelCallback | None = None) -> int:
        return build_pdf(target, letterhead, self.sections(data), day=day, signatures=signatures, progress=progress,
                         cancel=cancel)

    def xlsx(self, target: Target, letterhead: Letterhead, data: _D, *, day: date | None = None,
             signatures: Sequence[Signature] | None = None, progress: ProgressCallback | None = None,
             cancel: CancelCallback | None = None) -> None:
        build_xlsx(target, letterhead, self.sections(data), day=day, signatures=signatures, progress=progress,
                   cancel=cancel)
