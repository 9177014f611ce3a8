"""A landscape list on the agency's letterhead (the retirement list, the planning list, the planning review): one
table under the title, the lines under the title and the introduction above the table, in a PDF and its Excel twin
on one named sheet."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import IO, Generic, TypeVar

from hrapp.reports.document import (
    CancelCallback,
    Letterhead,
    ProgressCallback,
    Signature,
    TableSpec,
    build_pdf,
)
from hrapp.reports.excel import build_xlsx

Target = str | os.PathLike[str] | IO[bytes]

_D = TypeVar("_D")


def _no_lines(_data: object) -> list[str]:
    return []


@dataclass(frozen=True)
class ListForm(Generic[_D]):
    """How a list's data is printed: its title, table, introduction and sheet name, and the lines under the title
    (none unless given). `pdf` and `xlsx` write it."""

    title: Callable[[_D], str]
    spec: Callable[[_D], TableSpec]
    intro: Callable[[_D], list[str]]
    sheet: Callable[[_D], str]
    subtitles: Callable[[_D], list[str]] = _no_lines

    def pdf(self, target: Target, letterhead: Letterhead, data: _D, *, day: date | None = None,
            signatures: Sequence[Signature] | None = None, progress: ProgressCallback | None = None,
            cancel: CancelCallback | None = None) -> int:
        return build_pdf(target, letterhead, self.title(data), self.spec(data), subtitles=self.subtitles(data),
                         day=day, intro=self.intro(data), signatures=signatures, landscape=True, progress=progress,
                         cancel=cancel)

    def xlsx(self, target: Target, letterhead: Letterhead, data: _D, *, day: date | None = None,
             signatures: Sequence[Signature] | None = None, progress: ProgressCallback | None = None,
             cancel: CancelCallback | None = None) -> None:
        build_xlsx(target, letterhead, self.title(data), self.spec(data), subtitles=self.subtitles(data), day=day,
                   intro=self.intro(data), signatures=signatures, landscape=True, sheet_title=self.sheet(data),
                   progress=progress, cancel=cancel)
