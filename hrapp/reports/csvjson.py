"""CSV and JSON exports of a TableSpec's data rows, for other software (not for printing)."""

from __future__ import annotations

import io
import json
import os
import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from typing import IO

from hrapp.io.cells import csv_writer
from hrapp.reports.document import TableSpec, cell_text, iter_data_rows, leaf_titles, write_atomically
from hrapp.reports.format import nfc

__all__ = ["column_keys", "csv_text", "json_text", "write_csv", "write_json"]

_NON_WORD = re.compile(r"[^a-z0-9]+")


def _ascii_key(text: str) -> str:
    """'Mức lương đang hưởng Bậc' -> 'muc_luong_dang_huong_bac'."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D").lower())
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return _NON_WORD.sub("_", text).strip("_")


def column_keys(spec: TableSpec) -> list[str]:
    """JSON keys: each Column.key, else its folded title path ('muc_luong_dang_huong_bac'); unique."""
    keys: list[str] = []
    for column, title in zip(spec.columns, leaf_titles(spec, " "), strict=True):
        key = column.key or _ascii_key(title) or "col"
        base, n = key, 2
        while key in keys:
            key, n = f"{base}_{n}", n + 1
        keys.append(key)
    return keys


def _plain(value: object) -> object:
    """Machine-readable value: ISO dates, Decimals as exact strings, NFC text."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, str):
        return nfc(value)
    return value


def csv_text(spec: TableSpec, localized: bool = False) -> str:
    """CSV with one header line of title paths and one line per data row (sections/subtotals left out).

    `localized=True` writes values as printed (dd/mm/yyyy, '2,34') separated by ';', the way Excel
    opens CSV on a Vietnamese Windows; otherwise ISO dates and '2.34' separated by ','.
    """
    out = io.StringIO()
    writer = csv_writer(out, delimiter=";" if localized else ",", lineterminator="\r\n")
    writer.writerow(leaf_titles(spec))
    for row in iter_data_rows(spec):
        cells = [row[i] if i < len(row) else None for i in range(len(spec.columns))]
        if localized:  # the printed text of each value; text neutralised, numbers ('-1,5') left as they are
            writer.writerow(cells, shown=[cell_text(v, c) for v, c in zip(cells, spec.columns, strict=True)])
        else:
            writer.writerow(cells, shown=[_plain(v) for v in cells])
    return out.getvalue()


def json_text(spec: TableSpec, title: str = "", extra: dict[str, object] | None = None) -> str:
    """JSON: {"title", "columns": [{"key", "title"}], "rows": [{key: value}], ...extra}."""
    keys = column_keys(spec)
    rows = [
        {k: _plain(row[i] if i < len(row) else None) for i, k in enumerate(keys)}
        for row in iter_data_rows(spec)
    ]
    doc: dict[str, object] = {
        "title": nfc(" ".join(title.split())),
        "columns": [{"key": k, "title": t} for k, t in zip(keys, leaf_titles(spec), strict=True)],
        "rows": rows,
    }
    doc.update(extra or {})
    return json.dumps(doc, ensure_ascii=False, indent=1, default=_plain)


def write_csv(target: str | os.PathLike[str] | IO[bytes], spec: TableSpec, localized: bool = False) -> None:
    """UTF-8 with a BOM so Excel shows the Vietnamese letters; written atomically to a path."""
    data = csv_text(spec, localized).encode("utf-8-sig")
    write_atomically(target, lambda fh: fh.write(data))


def write_json(target: str | os.PathLike[str] | IO[bytes], spec: TableSpec, title: str = "",
               extra: dict[str, object] | None = None) -> None:
    data = json_text(spec, title, extra).encode("utf-8")
    write_atomically(target, lambda fh: fh.write(data))
