"""The rows of an imported workbook, read by their sheets' column declarations: a sheet found by its name and its
columns by their headers (accents and case ignored), each cell read as its column's kind (text, date, birth
date, number, yes/no, CCCD, a code of a list), every problem kept with its sheet, row, column and value. The
records import, the organisation sheets and the candidates import read their files with it."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from openpyxl.utils import get_column_letter

from hrapp import catalogs, messages
from hrapp.db.limits import bounds_of, limit_of
from hrapp.domain import validation as v
from hrapp.io import excel_template as t
from hrapp.io.cells import DANGEROUS_LEADS
from hrapp.io.excel_template import Col, SheetSpec
from hrapp.io.workbook_reader import ImportedFormula
from hrapp.messages import Verbatim, say, text, word
from hrapp.text import fold

__all__ = ["EXCEL_EPOCH", "ISSUE_DETAIL_CAP", "BadCell", "Codes", "ColumnReader", "ImportIssue", "Issues", "RawCells",
           "Row", "Sheet", "code_lookups", "column_readers", "display_cell", "locate_sheet", "normalize_cccd_cached",
           "number_limits", "parse_row", "read_cccd", "text_limits"]

EXCEL_EPOCH = date(1899, 12, 30)


@dataclass(frozen=True)
class ImportIssue:
    """One problem, where the user finds it: sheet, Excel row number, column header, the cell's value."""

    sheet: str
    row: int
    column: str
    value: str
    message: str

    def line(self) -> str:
        """Where and what, in the language of the session (the sheet, header and value as in the file)."""
        where = f"{self.sheet}, {word('import_row')} {self.row}" + (
            f", {word('import_column')} “{self.column}”" if self.column else "")
        return f"{where}: {say(self.message)}" + (f" ({word('import_value')}: {self.value})" if self.value else "")



# ============================================================================================== cells


_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_MY = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_TRUE = {"x", "co", "yes", "true", "1", "dang hoc"}
_FALSE = {"", "khong", "no", "false", "0"}


class BadCell(Exception):
    """A cell that cannot be read as its column's kind; the message says what was expected."""


def display_cell(cell: Any) -> str:
    if cell is None or cell == "":
        return ""
    if isinstance(cell, datetime):
        return f"{cell:%d/%m/%Y}"
    if isinstance(cell, date):
        return f"{cell:%d/%m/%Y}"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _text(cell: Any) -> str | None:
    if cell is None or isinstance(cell, bool):
        return None if cell is None else ("x" if cell else None)
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime | date):
        return f"{cell:%d/%m/%Y}"
    text = str(cell).strip()
    return text or None


def _date(cell: Any) -> date | None:
    if cell is None or cell == "":
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, float | int) and not isinstance(cell, bool):
        if 10000 <= cell <= 80000:  # a date whose cell lost its date format: an Excel serial number
            return EXCEL_EPOCH + timedelta(days=int(cell))
        raise BadCell(messages.text("import_not_a_date"))
    text = str(cell).strip()
    m = _DMY.match(text)
    try:
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        m = _YMD.match(text)
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise BadCell(messages.text("import_no_such_day")) from None
    raise BadCell(messages.text("import_not_a_date"))


def _birth(cell: Any) -> tuple[date, str] | None:
    if isinstance(cell, float | int) and not isinstance(cell, bool) and 1900 <= cell <= 2100:
        if isinstance(cell, float) and not cell.is_integer():  # 1980.7 is no year: refused, not cut to 1980
            raise BadCell(messages.text("import_year_not_whole"))
        return date(int(cell), 1, 1), "year"
    if isinstance(cell, str):
        text = cell.strip()
        m = _YEAR.match(text)
        if m:
            return date(int(m.group(1)), 1, 1), "year"
        m = _MY.match(text)
        if m:
            month = int(m.group(1))
            if not 1 <= month <= 12:
                raise BadCell(messages.text("import_no_such_month"))
            return date(int(m.group(2)), month, 1), "month"
    day = _date(cell)
    return (day, "day") if day else None


def _int(cell: Any) -> int | None:
    if cell is None or cell == "":
        return None
    if isinstance(cell, bool):
        raise BadCell(messages.text("import_not_an_integer"))
    if isinstance(cell, float | int):
        if float(cell).is_integer():
            return int(cell)
        raise BadCell(messages.text("import_must_be_integer"))
    text = str(cell).strip()
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if re.fullmatch(r"[+-]?\d+[.,]0+", text):
        return int(re.split(r"[.,]", text)[0])
    raise BadCell(messages.text("import_not_an_integer"))


def _decimal(cell: Any) -> Decimal | None:
    if cell is None or cell == "":
        return None
    if isinstance(cell, bool):
        raise BadCell(messages.text("import_not_a_number"))
    if isinstance(cell, float | int):
        value = Decimal(repr(cell)) if isinstance(cell, float) else Decimal(cell)
        if not value.is_finite():
            raise BadCell(messages.text("import_not_a_number"))
        return value
    text = str(cell).strip().replace(" ", "")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise BadCell(messages.text("import_not_a_number_example")) from None
    if not value.is_finite():
        raise BadCell(messages.text("import_not_a_number"))
    return value


def _bool(cell: Any) -> bool:
    if isinstance(cell, bool):
        return cell
    if isinstance(cell, float | int):
        if cell in (0, 1):
            return bool(cell)
        raise BadCell(messages.text("import_bool_cell"))
    key = fold(str(cell or ""))
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise BadCell(messages.text("import_bool_cell"))


def read_cccd(cell: Any) -> str | None:
    if cell is None or cell == "":
        return None
    if isinstance(cell, float | int) and not isinstance(cell, bool):
        # A number cell is taken only when it is a whole number of exactly 12 digits. A fraction (52091000127.5)
        # or a negative number is no CCCD: its dot or sign would be dropped as a separator and the rest stored
        # as if typed. Fewer digits mean Excel dropped leading zeros (every CCCD starts with the 0 of its province
        # code, 001-096): they are not guessed back, since the CCCD is what matches a row to a stored person and
        # a guessed key could update someone else; the message says to format the column as Text.
        if (isinstance(cell, float) and not (math.isfinite(cell) and cell.is_integer())) or cell < 0:
            raise BadCell(messages.text("import_cccd_not_whole", length=v.CCCD_LENGTH))
        digits = str(int(cell))
        if len(digits) < v.CCCD_LENGTH:
            raise BadCell(messages.text("import_cccd_lost_zeros", digits=len(digits)))
        return digits
    if cell.__class__ is str and not cell.isdigit():
        if v.cccd_grouping_error(cell):
            raise BadCell(messages.text("import_cccd_grouping", least=v.CCCD_MIN_GROUP, length=v.CCCD_LENGTH))
    return (normalize_cccd_cached(cell) if cell.__class__ is str else v.normalize_cccd(str(cell))) or None


normalize_cccd_cached = lru_cache(maxsize=131072)(v.normalize_cccd)  # each number is read from two or three sheets


class Codes:
    """Code lookup for one list: accepts the code, its label, or either without accents and case."""

    def __init__(self, pairs: Iterable[tuple[str, str]], aliases: dict[str, str] | None = None):
        pairs = list(pairs)
        self.by_key: dict[str, str] = {}
        shorts = [fold(name.split(" (")[0]) for _, name in pairs]
        for (code, name), short in zip(pairs, shorts, strict=True):
            self.by_key.setdefault(fold(name), code)
            if shorts.count(short) == 1:  # 'Viên chức' alone would not say which kind of viên chức
                self.by_key.setdefault(short, code)
        for code, _ in pairs:
            self.by_key[fold(code)] = code
        for alias, code in (aliases or {}).items():
            self.by_key[fold(alias)] = code
        self.cache: dict[str, str | None] = {}

    def get(self, text: str) -> str | None:
        try:
            return self.cache[text]
        except KeyError:
            code = self.cache[text] = self.by_key.get(fold(text))
            return code


def code_lookups(units: list[tuple[str, str]]) -> dict[str, Codes]:
    lists = t.code_lists(units)
    aliases = {
        "gender": {"M": "M", "F": "F", "nam": "M", "nu": "F", "male": "M", "female": "F"},
        "category": {it["extra"]["short"]: it["code"] for it in catalogs.items("category")},
        "family_side": {"self": "ban_than", "spouse": "ben_vo_chong", "ban than": "ban_than",
                        "ben vo": "ben_vo_chong", "ben chong": "ben_vo_chong"},
        "qualification_level": {"ĐH": "DH", "CĐ": "CD", "Ths": "ThS", "Tiến sỹ": "TS", "Thạc sỹ": "ThS"},
    }
    return {key: Codes(list(pairs), aliases.get(key)) for key, pairs in lists.items()}


# ============================================================================================== sheets


@dataclass
class Sheet:
    spec: SheetSpec
    index: dict[str, int]  # column key -> position in the row
    titles: dict[str, str]  # column key -> header as written in the file
    rows: list[tuple[int, list[Any]]]  # (Excel row number, cells)
    present: list[tuple[Col, int]] = field(default_factory=list)  # the columns the file has, with positions
    blank: dict[str, Any] = field(default_factory=dict)  # every column's value when its cell is empty
    values: type[dict] = dict  # a row's values: the cells read, the blank value of any other column
    limits: dict[str, int] = field(default_factory=dict)  # column key -> most characters its database column holds
    bounds: dict[str, tuple[Decimal, Decimal]] = field(default_factory=dict)  # column key -> numbers it holds

    def __post_init__(self) -> None:
        self.present = [(c, self.index[c.key]) for c in self.spec.columns if c.key in self.index]
        self.blank = blank = {c.key: (False if c.kind == t.BOOL else None) for c in self.spec.columns}
        # a row holds only the cells it has; the other columns answer their blank value when asked. A full copy of
        # the 41 columns for every row held 2 GB for a million rows.
        self.values = type("_Values", (dict,), {"__slots__": (), "__missing__": lambda _self, key: blank[key]})
        self.limits = text_limits(self.spec)
        self.bounds = number_limits(self.spec)


# The table each sheet's rows are stored in, and the columns stored elsewhere: a text cell longer than its database
# column is refused on its cell (SQLite would keep it, PostgreSQL refuse it: the same file must do the same on both).
_STORED_IN = {t.PERSONS.name: "persons", t.QUALIFICATIONS.name: "qualifications", t.SALARY.name: "salary_steps",
              t.WORK.name: "work_history", t.FAMILY.name: "family_members", t.UNITS.name: "org_units",
              t.QUOTAS.name: "headcount_quotas", "Người dự tuyển": "recruitment_candidates"}
_STORED_ELSEWHERE = {"decision_number": ("decisions", "number"), "salary_step": ("salary_steps", "step"),
                     "coefficient": ("salary_steps", "coefficient"), "probation_pay_percent":
                     ("employments", "probation_pay_percent")}


def _stored_at(spec: SheetSpec, key: str) -> tuple[str | None, str]:
    return _STORED_ELSEWHERE.get(key, (_STORED_IN.get(spec.name), key))


def number_limits(spec: SheetSpec) -> dict[str, tuple[Decimal, Decimal]]:
    """{column key: (lowest, highest)} for the sheet's number columns that land in an integer or numeric column."""
    out: dict[str, tuple[Decimal, Decimal]] = {}
    for col in spec.columns:
        if col.kind in (t.INT, t.DECIMAL):
            where, column = _stored_at(spec, col.key)
            bounds = bounds_of(where, column) if where else None
            if bounds is not None:
                out[col.key] = bounds
    return out


def text_limits(spec: SheetSpec) -> dict[str, int]:
    """{column key: maximum characters} for the sheet's text and code columns that land in a sized column."""
    out: dict[str, int] = {}
    for col in spec.columns:
        if col.kind not in (t.TEXT, t.CODE):
            continue
        where, column = _stored_at(spec, col.key)
        limit = limit_of(where, column) if where else None
        if limit is not None:
            out[col.key] = limit
    return out


@dataclass
class Row:
    """One parsed row: values by column key, the raw cells for messages, and where it came from."""

    sheet: Sheet
    number: int
    values: dict[str, Any]
    raw: RawCells


class RawCells:
    """The cells of a row as written, by column key (for the value shown next to a message)."""

    __slots__ = ("cells", "index")

    def __init__(self, cells: list[Any], index: dict[str, int]):
        self.cells, self.index = cells, index

    def get(self, key: str) -> Any:
        pos = self.index.get(key)
        if pos is None or pos >= len(self.cells):
            return None
        cell = self.cells[pos]
        return cell.strip() if isinstance(cell, str) else cell


# The problems kept in full (sheet, row, column, value, message). One for each of the 100,000 people the app is
# sized for; past that, a file is wrong throughout (a million rows of errors held 5 GB) and the rest are counted.
ISSUE_DETAIL_CAP = 100_000


class Issues:
    def __init__(self, cap: int | None = None) -> None:
        self.items: list[ImportIssue] = []
        self.cells: set[tuple[str, int, str | None]] = set()
        self.cap = ISSUE_DETAIL_CAP if cap is None else cap
        self.more = 0  # problems found past the cap: counted, not kept

    @property
    def count(self) -> int:
        return len(self.items) + self.more

    def has(self, sheet: Sheet, row: int, key: str | None) -> bool:
        return (sheet.spec.name, row, key) in self.cells

    def add(self, sheet: Sheet, row: int, key: str | None, value: Any, message: str) -> None:
        self.cells.add((sheet.spec.name, row, key))
        if len(self.items) >= self.cap:
            self.more += 1
            return
        column = sheet.titles.get(key, "") if key else ""
        if key and not column:
            column = next((c.header for c in sheet.spec.columns if c.key == key), "")
        self.items.append(ImportIssue(sheet.spec.name, row, column, display_cell(value), message))


def locate_sheet(book: dict[str, list[list[Any]]], spec: SheetSpec, issues: Issues, required: bool) -> Sheet | None:
    """Find the sheet by name (accents and case ignored) and its columns by header text."""
    wanted = fold(spec.name)
    name = next((n for n in book if fold(n) == wanted), None)
    placeholder = Sheet(spec, {}, {}, [])
    if name is None:
        if required:
            issues.items.append(ImportIssue(spec.name, 0, "", "", text("import_no_sheet", sheet=Verbatim(spec.name))))
        return None
    rows = book[name]
    start = next((i for i, r in enumerate(rows) if any(c not in (None, "") for c in r)), None)
    if start is None:
        issues.add(placeholder, 1, None, "", text("import_sheet_empty", sheet=Verbatim(name)))
        return None
    by_key = {t.header_key(c.title): c for c in spec.columns} | {t.header_key(c.key): c for c in spec.columns}
    index: dict[str, int] = {}
    titles: dict[str, str] = {}
    for pos, cell in enumerate(rows[start]):
        col = by_key.get(t.header_key(cell))
        if col is not None and col.key not in index:
            index[col.key] = pos
            titles[col.key] = display_cell(cell)
    sheet = Sheet(spec, index, titles, [])
    missing = [c for c in spec.columns if c.required and c.key not in index]
    for col in missing:
        issues.add(sheet, start + 1, col.key, "", text("import_column_missing", column=Verbatim(col.header)))
    if not index:
        return None
    data = [(start + 2 + i, r) for i, r in enumerate(rows[start + 1:]) if any(c not in (None, "") for c in r)]
    sheet.rows = data
    return None if missing else sheet


_PARSERS: dict[str, Callable[[Any], Any]] = {
    t.TEXT: _text, t.DATE: _date, t.BIRTH: _birth, t.INT: _int, t.DECIMAL: _decimal, t.BOOL: _bool,
    t.CCCD: read_cccd,
}


_SAME = object()  # a text cell is its own value
ColumnReader = tuple[Col, int, Callable[[Any], Any], Any]


def column_readers(sheet: Sheet, lookups: dict[str, Codes]) -> list[ColumnReader]:
    """Per column the file has: (column, position, reading function, shortcut for a text cell), chosen once per
    sheet rather than once per cell. The shortcut is _SAME for text columns, or the code list's cache of the
    texts already looked up, so that most cells need no function call."""
    out: list[ColumnReader] = []
    for col, pos in sheet.present:
        if col.kind == t.CODE:
            codes = lookups[col.codes] if col.codes else None

            def read(cell: Any, codes: Codes | None = codes) -> Any:
                text = _text(cell) or ""
                code = codes.get(text) if codes is not None else text
                if code is None:
                    raise BadCell(messages.text("import_not_in_list", sheet=Verbatim(t.CODES_SHEET)))
                return code

            out.append((col, pos, read, codes.cache if codes is not None else _SAME))
        else:
            out.append((col, pos, _PARSERS[col.kind], _SAME if col.kind == t.TEXT else None))
    return out


# a text behind an apostrophe ('=1+1, the form a CSV export and many users write to keep a text from being a
# formula; OWASP's rule, hrapp/io/cells.py) is imported without it. An .xlsx export keeps the text as it is, with
# the quote-prefix style, and needs nothing here.
_ESCAPED = frozenset(DANGEROUS_LEADS)


def _letter(pos: int) -> str:
    return get_column_letter(pos + 1)


def _clip(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[:limit - 1] + "…"


def parse_row(sheet: Sheet, number: int, cells: list[Any], converters: list[ColumnReader], issues: Issues) -> Row:
    """Read one row's cells by their columns' kinds; a cell that cannot be read is reported and left None."""
    values = sheet.values()
    size = len(cells)
    limits = sheet.limits
    for col, pos, read, shortcut in converters:
        cell = cells[pos] if pos < size else None
        if cell.__class__ is str:
            cell = cell.strip()
            if cell[:1] == "'" and cell[1:2] in _ESCAPED:
                cell = cell[1:]  # a text our export kept from being a formula ('=…): the text as it was
            if cell:
                if shortcut is _SAME:
                    limit = limits.get(col.key)
                    if limit is not None and len(cell) > limit:
                        issues.add(sheet, number, col.key, _clip(cell), text(
                            "import_bad_cell", column=col.title,
                            problem=messages.text("import_too_long", length=len(cell), limit=limit)))
                    else:
                        values[col.key] = cell
                    continue
                if shortcut is not None:
                    code = shortcut.get(cell)
                    if code is not None:
                        values[col.key] = code
                        continue
        if cell is None or cell == "":
            if col.required:
                issues.add(sheet, number, col.key, "", text("import_cell_missing", column=col.title.lower()))
            continue
        if cell.__class__ is ImportedFormula:  # read as its text, never computed, never its saved result: refused
            issues.add(sheet, number, col.key, "", text("import_formula_cell", cell=f"{_letter(pos)}{number}",
                                                        formula=Verbatim(_clip(cell))))
            continue
        try:
            value = read(cell)
            limit = limits.get(col.key)
            if limit is not None and value.__class__ is str and len(value) > limit:
                raise BadCell(messages.text("import_too_long", length=len(value), limit=limit))
            bounds = sheet.bounds.get(col.key)
            if bounds is not None and value is not None and not bounds[0] <= value <= bounds[1]:
                raise BadCell(messages.text("import_out_of_range", low=str(bounds[0]), high=str(bounds[1])))
            values[col.key] = value
        except BadCell as exc:
            issues.add(sheet, number, col.key, cell, text("import_bad_cell", column=col.title, problem=exc.args[0]))
    return Row(sheet, number, values, RawCells(cells, sheet.index))
