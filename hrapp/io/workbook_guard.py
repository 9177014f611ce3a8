"""Checks a workbook before anything parses it: the zip's size and entries, each part's uncompressed size and
compression ratio, the sheets' real extent (rows, columns, cells) and declared dimension, the shared strings —
against limits set from the largest real file — and finds the formula cells, which the import reads as text.

Why: python-calamine (Rust) builds every sheet as a dense grid from its first to its last cell. A 1.6 kB .xlsx
naming the cells A1 and XFD1048576 asks for 17 billion cells (512 GiB) and the failed allocation aborts the whole
process, which no `except` can catch; a 1.5 MB part of repeated shared strings inflates to gigabytes. This module
reads the zip with the standard library only, streaming each part in bounded chunks (it never holds a whole part,
and stops as soon as a limit is passed), so checking a bomb costs a few milliseconds and a few megabytes. The
reading itself then happens in a child process with a memory limit (hrapp/io/workbook_reader.py): the guard
refuses what is certainly too large, the limit catches what a check cannot foresee.

Only .xlsx/.xlsm (zip of XML) are checked part by part. An .xls (Excel 97-2003) is checked for its size only: its
format caps a sheet at 65,536 × 256 cells (about 700 MB as calamine holds it), and the child's memory limit does
the rest. .xlsb and .ods, whose sizes hide in binary records or repeat attributes, are refused with a line asking
for .xlsx.
"""

from __future__ import annotations

import html
import os
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from types import SimpleNamespace

from hrapp.errors import DomainError

__all__ = ["FormulaCell", "ImportCancelled", "ImportFileError", "Limits", "LIMITS", "SheetShape", "WorkbookShape", "check_workbook"]


class ImportFileError(DomainError):
    """The file cannot be read as a workbook: wrong type, password-protected, damaged, too large, no data sheet."""

    exceeded: str | None = None  # for a file past a limit, which one (a key of _WHAT)


class ImportCancelled(DomainError):
    def __init__(self) -> None:
        super().__init__("cancelled", "Đã hủy nhập dữ liệu; không có dữ liệu nào được ghi.")


@dataclass(frozen=True)
class Limits:
    """What a workbook may hold. The largest real file is the benchmark's generated import of 30,000 people (and
    the staff-list export of a 30,000-person province: 26,809 active people, 4.6 MB, one sheet part of 50 MB of
    XML, 26,810 rows × 27 columns = 0.72 million cells, compression 11×); the app is sized for 100,000 staff,
    3.7 times that. Each limit is that 100,000-person file times a margin of 3 to 4, rounded; a limit that the
    format itself sets (Excel's rows and columns) is kept as it is."""

    file_bytes: int = 64 * 2**20  # 100,000 people ≈ 17 MB compressed
    entries: int = 2_000  # a workbook has about ten parts plus three per sheet
    part_bytes: int = 512 * 2**20  # one sheet of 100,000 people ≈ 190 MB of XML
    total_bytes: int = 1024 * 2**20  # all parts together, uncompressed
    # XML of cells compresses 5-15× (11× measured); a zip bomb is made of repeats compressing 200-1000×. Small parts
    # (styles, a nearly empty sheet) may compress better without costing anything, hence the floor.
    ratio: int = 100
    ratio_floor_bytes: int = 2**20
    sheets: int = 100  # the template has 8 sheets
    rows: int = 1_048_576  # Excel's own limit per sheet
    columns: int = 16_384  # Excel's own limit (XFD)
    # calamine holds a sheet as a dense grid from A1 to its last cell and the import turns it into Python lists:
    # about 200 bytes a cell while reading (153 MB peak for the 0.72 million cells above). 100,000 people × 27
    # columns = 2.7 million cells; 8 million keeps the child under about 1.6 GB, inside its memory limit.
    cells: int = 8_000_000
    shared_strings: int = 3_000_000  # about ten distinct texts a person: 1 million for 100,000 people
    formulas: int = 100_000  # each formula cell is reported on its row; past this the file is refused whole


LIMITS = Limits()

_ZIP_MAGIC = b"PK\x03\x04"
_CHUNK = 1 << 20
_TAIL_MAX = 16 << 20  # a single row longer than this is scanned without waiting for its end
_NS = rb"(?:[A-Za-z_][\w.-]*:)?"  # an optional namespace prefix (<x:row>, <x:c>)
_ROW_TAG = re.compile(rb"<" + _NS + rb"row(?=[\s/>])([^>]*)>")
_ROW_REF = re.compile(rb'\sr\s*=\s*["\'](\d{1,10})["\']')
_CELL_TAG = re.compile(rb"<" + _NS + rb"c(?=[\s/>])")
_CELL_REF = re.compile(rb"<" + _NS + rb'c\s[^>]*?(?<=\s)r\s*=\s*["\']([A-Za-z]{1,4})(\d{1,10})["\']')
# a cell whose first child is <f> (the schema's order: f, v, is), its text and cached value; no '<' can occur in
# either (it is written &lt;), so each part of the pattern stops at the next tag and the scan stays linear
_FORMULA = re.compile(
    rb"<" + _NS + rb"c\s([^>]*?)(?<!/)>\s*<" + _NS + rb"f(\s[^>]*?)?(?:/>|>([^<]*)</" + _NS + rb"f\s*>)"
    rb"(?:\s*<" + _NS + rb"v(?:\s[^>]*)?>([^<]*)</" + _NS + rb"v\s*>)?")
_ATTR_REF = re.compile(rb'(?:^|\s)r\s*=\s*["\']([A-Za-z]{1,4})(\d{1,10})["\']')
_ATTR_SHARED = re.compile(rb'\st\s*=\s*["\']shared["\']')
_ATTR_SI = re.compile(rb'\ssi\s*=\s*["\'](\d+)["\']')
_SST_HEAD = re.compile(rb"<" + _NS + rb"sst\b([^>]*)>")
_SST_COUNT = re.compile(rb'(?:count|uniqueCount)\s*=\s*["\'](\d+)["\']')
_SHEET_TAG = re.compile(rb"<" + _NS + rb"sheet\s([^>]*)>")
_NAME_ATTR = re.compile(rb'\sname\s*=\s*"([^"]*)"|\sname\s*=\s*\'([^\']*)\'')
_RID_ATTR = re.compile(rb'\s[\w.-]*:id\s*=\s*["\']([^"\']*)["\']')
_REL_TAG = re.compile(rb"<" + _NS + rb"Relationship\s([^>]*)>")
_ID_ATTR = re.compile(rb'\sId\s*=\s*["\']([^"\']*)["\']')
_TARGET_ATTR = re.compile(rb'\sTarget\s*=\s*["\']([^"\']*)["\']')
_SMALL_PART = 16 * 2**20  # workbook.xml and its relationships: a few kilobytes in any real file


@dataclass(frozen=True)
class FormulaCell:
    """A cell holding a formula: where (1-based), its text as written (without '='), its cached value if any."""

    row: int
    column: int
    text: str
    cached: str | None


@dataclass
class SheetShape:
    name: str
    part: str
    rows: int = 0  # row elements
    last_row: int = 0  # the grid calamine builds runs to this row…
    last_column: int = 0  # …and this column
    formulas: list[FormulaCell] = field(default_factory=list)

    @property
    def cells(self) -> int:
        return self.last_row * self.last_column


@dataclass
class WorkbookShape:
    """What the guard found: the sheets with their extent and formula cells, the shared strings counted."""

    sheets: list[SheetShape] = field(default_factory=list)
    shared_strings: int = 0
    checked: bool = False  # False for a format read on the memory limit alone (.xls)

    def formulas(self, sheet: str) -> list[FormulaCell]:
        return next((s.formulas for s in self.sheets if s.name == sheet), [])


# what each limit is called in the one line the user reads (English in hrapp/messages TERMS)
_WHAT = {
    "size": "dung lượng tệp (MB)", "entries": "số thành phần trong tệp nén",
    "part": "dung lượng giải nén của một thành phần (MB)", "total": "tổng dung lượng giải nén (MB)",
    "ratio": "tỉ lệ nén của một thành phần", "sheets": "số trang tính", "rows": "số dòng của một trang tính",
    "columns": "số cột của một trang tính", "cells": "số ô (từ ô A1 đến ô cuối của mỗi trang tính)",
    "shared_strings": "số chuỗi văn bản dùng chung", "formulas": "số ô chứa công thức",
}


def _too_large(what: str, found: int, limit: int) -> ImportFileError:
    """The one line for a file past a limit; `limit` names which (a key of _WHAT)."""
    error = ImportFileError("workbook_too_large", what=_WHAT[what], found=found, limit=limit)
    error.exceeded = what
    return error


def _mb(n: int) -> int:
    return (n + 2**20 - 1) // 2**20


def column_number(letters: bytes | str) -> int:
    n = 0
    for ch in letters.upper() if isinstance(letters, str) else letters.decode("ascii").upper():
        n = n * 26 + ord(ch) - 64
    return n


def check_workbook(path: str | os.PathLike[str], limits: Limits = LIMITS) -> WorkbookShape:
    """Refuse (ImportFileError "workbook_too_large" or "corrupt_file") a file past the limits; return its shape.

    The caller has already recognised the file's kind (excel_import._sniff)."""
    path = Path(path)
    size = path.stat().st_size
    if size > limits.file_bytes:
        raise _too_large("size", _mb(size), _mb(limits.file_bytes))
    with path.open("rb") as fh:
        head = fh.read(4)
    if not head.startswith(_ZIP_MAGIC):
        return WorkbookShape()  # .xls: its size is all we check; the child's memory limit does the rest
    try:
        with zipfile.ZipFile(path) as z:
            return _check_zip(z, limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, struct.error, EOFError, NotImplementedError,
            ValueError, OSError, RuntimeError) as exc:
        if isinstance(exc, RuntimeError) and "password" not in str(exc).lower() and "encrypt" not in str(exc):
            raise
        raise ImportFileError("corrupt_file", "Tệp bị hỏng hoặc chưa được chép/tải về hết: không đọc được cấu "
                              "trúc bảng tính .xlsx. Hãy mở bằng Excel và lưu lại.") from None


def _check_zip(z: zipfile.ZipFile, limits: Limits) -> WorkbookShape:
    infos = z.infolist()
    if len(infos) > limits.entries:
        raise _too_large("entries", len(infos), limits.entries)
    total = 0
    for info in infos:
        if info.file_size > limits.part_bytes:
            raise _too_large("part", _mb(info.file_size), _mb(limits.part_bytes))
        total += info.file_size
        if total > limits.total_bytes:
            raise _too_large("total", _mb(total), _mb(limits.total_bytes))
        if info.file_size > limits.ratio_floor_bytes and info.file_size > limits.ratio * max(info.compress_size, 1):
            raise _too_large("ratio", info.file_size // max(info.compress_size, 1), limits.ratio)
    names = {i.filename for i in infos}
    if "xl/workbook.bin" in names:
        raise ImportFileError("xlsb_refused")
    if "xl/workbook.xml" not in names:
        # an OpenDocument sheet repeats rows and cells by attribute (a 1 kB file asks calamine for 100 million
        # cells) and keeps formulas in another form: not checked here, so not read
        raise ImportFileError("ods_refused")
    shape = WorkbookShape(checked=True)
    budget = [limits.total_bytes]
    parts = _sheet_parts(z, names)
    if len(parts) > limits.sheets:
        raise _too_large("sheets", len(parts), limits.sheets)
    cells = 0
    for name, part in parts:
        sheet = SheetShape(name, part)
        if part in names:
            _scan_sheet(z, part, sheet, limits, budget)
        cells += sheet.cells
        if cells > limits.cells:
            raise _too_large("cells", cells, limits.cells)
        shape.sheets.append(sheet)
    if sum(len(s.formulas) for s in shape.sheets) > limits.formulas:
        raise _too_large("formulas", sum(len(s.formulas) for s in shape.sheets), limits.formulas)
    for part in names:
        if PurePosixPath(part).name.lower() == "sharedstrings.xml":
            shape.shared_strings += _scan_shared_strings(z, part, limits, budget)
    for info in infos:  # every other part is inflated too: its size must be what the directory says
        if not (info.filename.startswith("xl/worksheets/") or info.filename.lower().endswith("sharedstrings.xml")):
            for _chunk in _chunks(z, info.filename, budget):
                pass
    return shape


def _read_small(z: zipfile.ZipFile, part: str) -> bytes:
    info = z.getinfo(part)
    if info.file_size > _SMALL_PART:
        raise _too_large("part", _mb(info.file_size), _mb(_SMALL_PART))
    with z.open(info) as fh:
        data = fh.read(_SMALL_PART + 1)
    if len(data) > _SMALL_PART:
        raise _too_large("part", _mb(len(data)), _mb(_SMALL_PART))
    return data


def _sheet_parts(z: zipfile.ZipFile, names: set[str]) -> list[tuple[str, str]]:
    """(sheet name, part path) in the workbook's order, as calamine resolves them."""
    workbook = _read_small(z, "xl/workbook.xml")
    rels: dict[str, str] = {}
    if "xl/_rels/workbook.xml.rels" in names:
        for attrs in _REL_TAG.findall(_read_small(z, "xl/_rels/workbook.xml.rels")):
            attrs = b" " + attrs
            rid, target = _ID_ATTR.search(attrs), _TARGET_ATTR.search(attrs)
            if rid and target:
                rels[rid.group(1).decode("utf-8", "replace")] = _resolve(target.group(1).decode("utf-8", "replace"))
    out = []
    for n, attrs in enumerate(_SHEET_TAG.findall(workbook)):
        attrs = b" " + attrs
        m = _NAME_ATTR.search(attrs)
        name = html.unescape((m.group(1) or m.group(2)).decode("utf-8", "replace")) if m else f"Sheet{n + 1}"
        rid = _RID_ATTR.search(attrs)
        part = rels.get(rid.group(1).decode("utf-8", "replace"), "") if rid else ""
        out.append((name, part))
    known = {p for _, p in out}
    # a worksheet part no sheet names is not read by calamine, but a name may be mis-resolved: scan it as well
    out.extend(("", n) for n in sorted(names) if n.startswith("xl/worksheets/") and n.endswith(".xml")
               and n not in known and "/_rels/" not in n)
    return out


def _resolve(target: str) -> str:
    target = target.replace("\\", "/")
    if target.startswith("/"):
        return target.lstrip("/")
    parts: list[str] = []
    for piece in ("xl/" + target).split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


def _chunks(z: zipfile.ZipFile, part: str, budget: list[int]):
    """The part inflated chunk by chunk; zipfile stops at the size the directory declares and checks the CRC."""
    with z.open(part) as fh:
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                return
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise _too_large("total", _mb(LIMITS.total_bytes) + 1, _mb(LIMITS.total_bytes))
            yield chunk


def _prefix(z: zipfile.ZipFile, part: str, root: bytes) -> bytes:
    """The namespace prefix of the part's elements ("" or "x:"), from its root element."""
    with z.open(part) as fh:
        head = fh.read(65536)
    m = re.search(rb"<([A-Za-z_][\w.-]*:)?" + root + rb"[\s>/]", head)
    return (m.group(1) or b"") if m else b""


def _pieces(z: zipfile.ZipFile, part: str, budget: list[int], marker: bytes):
    """The part in pieces that end just before the last `marker` (a row's start tag), so that no row is split
    between two pieces; a single row longer than _TAIL_MAX is given in pieces anyway."""
    tail = b""
    for chunk in _chunks(z, part, budget):
        data = tail + chunk
        cut = data.rfind(marker)
        if cut <= 0:
            if len(data) > _TAIL_MAX:
                cut = data.rfind(b">") + 1 or len(data)
                yield data[:cut]
                tail = data[cut:]
            else:
                tail = data
            continue
        yield data[:cut]
        tail = data[cut:]
    if tail:
        yield tail


@lru_cache(maxsize=8)
def _sheet_patterns(prefix: bytes) -> SimpleNamespace:
    """The scan's patterns for a sheet whose elements carry `prefix` ("" or "x:"). Each starts with a literal
    ("<c r=\"") that the regex engine finds at memchr speed: 50 MB of XML are scanned in about half a second."""
    p = re.escape(prefix)
    return SimpleNamespace(
        prefix=prefix,
        row_tag=re.compile(rb"<" + p + rb"row(?=[\s/>])([^>]*)>"),
        # a tag broken by a tab or a newline before its attributes is not counted here: its cells then look
        # named and the memory limit of the reading process stays the guard for such a file
        # counted by their opening "<c" and "<row": a few other tags (<col>, <rowBreaks>) are counted too, which
        # only sends a piece to the slower, exact path
        cell=b"<" + prefix + b"c",
        row=b"<" + prefix + b"row",
        ref_letters=re.compile(rb"<" + p + rb'c r="([A-Z]{1,4})\d'),
        ref_numbers=re.compile(rb"<" + p + rb'c r="[A-Z]{1,4}(\d{1,10})"'),
        ref_any=re.compile(rb"<" + p + rb'c\s[^>]*?(?<=\s)r\s*=\s*["\']([A-Za-z]{1,4})(\d{1,10})["\']'),
        cell_tag=re.compile(rb"<" + p + rb"c(?=[\s/>])"),
        dimension=re.compile(rb"<" + p + rb'dimension\s[^>]*?ref\s*=\s*["\']([^"\']*)["\']'),
        formula_hint=re.compile(rb"<" + p + rb"f[\s/>]"),
    )


def _scan_sheet(z: zipfile.ZipFile, part: str, sheet: SheetShape, limits: Limits, budget: list[int]) -> None:
    last_row = last_col = rows = 0
    unnumbered_rows = 0
    masters: dict[bytes, str] = {}
    pat = _sheet_patterns(_prefix(z, part, b"worksheet"))
    first = True
    for piece in _pieces(z, part, budget, b"<" + pat.prefix + b"row"):
        if first:  # the dimension comes before the first row
            first = False
            dim = pat.dimension.search(piece)
            if dim is not None:
                _check_dimension(dim.group(1).decode("ascii", "replace"), limits)
        cells = piece.count(pat.cell)
        row_tags = piece.count(pat.row)
        rows += row_tags
        numbered = [int(r) for r in _ROW_REF.findall(b" ".join(pat.row_tag.findall(piece)))]
        unnumbered_rows += row_tags - len(numbered)
        last_row = max(last_row, max(numbered, default=0))
        letters = pat.ref_letters.findall(piece)
        numbers = pat.ref_numbers.findall(piece)
        if len(letters) < cells or len(numbers) != len(letters):
            # a reference not first, in single quotes or missing (or another tag starting with "<c"): exactly
            refs = pat.ref_any.findall(piece)
            letters, numbers = [c for c, _ in refs], [r for _, r in refs]
            if len(_CELL_TAG.findall(piece)) > len(refs):
                last_col = max(last_col, _columns_without_references(piece))
        if letters:
            last_col = max(last_col, max(column_number(c) for c in set(letters)))
            last_row = max(last_row, max(int(r) for r in set(numbers)))
        if rows > limits.rows:
            raise _too_large("rows", rows, limits.rows)
        bound_row = last_row + unnumbered_rows
        _check_extent(bound_row, last_col, limits)
        if pat.formula_hint.search(piece) is not None:
            _formulas(piece, sheet, masters, limits)
    sheet.rows, sheet.last_row, sheet.last_column = rows, last_row + unnumbered_rows, last_col


def _columns_without_references(piece: bytes) -> int:
    """The last column when some cells carry no reference (calamine puts such a cell after the previous one):
    row by row, the last named column plus the unnamed cells. Only files from unusual writers take this path."""
    widest = 0
    starts = [m.start() for m in _ROW_TAG.finditer(piece)] or [0]
    for a, b in zip(starts, [*starts[1:], len(piece)], strict=True):
        row = piece[a:b]
        refs = _CELL_REF.findall(row)
        named = max((column_number(c) for c, _ in refs), default=0)
        widest = max(widest, named + len(_CELL_TAG.findall(row)) - len(refs))
    return widest


def _check_dimension(ref: str, limits: Limits) -> None:
    """The declared extent (<dimension ref="A1:XFD1048576"/>): a reader may size its grid from it."""
    m = re.fullmatch(r"\$?([A-Za-z]{1,4})\$?(\d{1,10})(?::\$?([A-Za-z]{1,4})\$?(\d{1,10}))?", ref.strip())
    if m is None:
        return
    col, row = column_number(m.group(3) or m.group(1)), int(m.group(4) or m.group(2))
    _check_extent(row, col, limits)


def _check_extent(rows: int, columns: int, limits: Limits) -> None:
    """A sheet's extent, `rows` by `columns` from A1, within the limits: rows, then columns, then cells."""
    if rows > limits.rows:
        raise _too_large("rows", rows, limits.rows)
    if columns > limits.columns:
        raise _too_large("columns", columns, limits.columns)
    if rows * columns > limits.cells:
        raise _too_large("cells", rows * columns, limits.cells)


def _formulas(piece: bytes, sheet: SheetShape, masters: dict[bytes, str], limits: Limits) -> None:
    for m in _FORMULA.finditer(piece):
        ref = _ATTR_REF.search(b" " + m.group(1))
        if ref is None:
            continue  # a formula cell without a reference: calamine places it; it is still read as a value
        attrs = m.group(2) or b""
        text = html.unescape((m.group(3) or b"").decode("utf-8", "replace"))
        if _ATTR_SHARED.search(attrs):
            si = _ATTR_SI.search(attrs)
            key = si.group(1) if si else b""
            if text:
                masters[key] = text
            else:
                text = masters.get(key, "")
        cached = m.group(4)
        sheet.formulas.append(FormulaCell(int(ref.group(2)), column_number(ref.group(1)), text,
                                          html.unescape(cached.decode("utf-8", "replace")) if cached else None))
        if len(sheet.formulas) > limits.formulas:
            raise _too_large("formulas", len(sheet.formulas), limits.formulas)


def _scan_shared_strings(z: zipfile.ZipFile, part: str, limits: Limits, budget: list[int]) -> int:
    count = 0
    head_seen = False
    prefix = _prefix(z, part, b"sst")
    si = (b"<" + prefix + b"si>", b"<" + prefix + b"si ", b"<" + prefix + b"si/>")
    for piece in _pieces(z, part, budget, b"<" + prefix + b"si"):
        if not head_seen:
            head = _SST_HEAD.search(piece)
            if head is not None:
                head_seen = True
                for declared in _SST_COUNT.findall(b" " + head.group(1)):
                    if int(declared) > limits.shared_strings:
                        raise _too_large("shared_strings", int(declared), limits.shared_strings)
        count += sum(piece.count(tag) for tag in si)
        if count > limits.shared_strings:
            raise _too_large("shared_strings", count, limits.shared_strings)
    return count
