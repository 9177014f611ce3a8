"""Workbooks written part by part, as an attacker (or an unusual program) writes them: the XML of each sheet as
given, shared strings, a declared dimension, formulas with or without a saved value."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/xl/workbook.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>')
_SHEET_CT = ('<Override PartName="/xl/worksheets/sheet{n}.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
_SST_CT = ('<Override PartName="/xl/sharedStrings.xml" '
           'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="xl/workbook.xml"/></Relationships>')
_REL = ('<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'worksheet" Target="worksheets/sheet{n}.xml"/>')
_SST_REL = ('<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'sharedStrings" Target="sharedStrings.xml"/>')

PERSON_HEAD = ["Số CCCD (*)", "Họ và tên (*)", "Giới tính (*)", "Ngày sinh (*)", "Mã đơn vị (*)",
               "Loại cán bộ (*)", "Ngày vào cơ quan (*)", "Ngày tuyển dụng", "Nơi sinh"]


def col(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def text(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def number(ref: str, value: float) -> str:
    return f'<c r="{ref}"><v>{value}</v></c>'


def formula(ref: str, expr: str, cached: str | None = None, kind: str = "str") -> str:
    saved = f"<v>{escape(cached)}</v>" if cached is not None else ""
    return f'<c r="{ref}" t="{kind}"><f>{escape(expr)}</f>{saved}</c>'


def row(n: int, cells: list[str]) -> str:
    return f'<row r="{n}">{"".join(cells)}</row>'


def text_row(n: int, values: list[str | None]) -> str:
    return row(n, [text(f"{col(i + 1)}{n}", v) for i, v in enumerate(values) if v is not None])


def sheet(rows: str | bytes, dimension: str | None = None) -> bytes:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    body = rows if isinstance(rows, bytes) else rows.encode()
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{MAIN}">{dim}<sheetData>'
            .encode() + body + b"</sheetData></worksheet>")


def person_values(i: int = 0, **change: str) -> list[str | None]:
    values = {"cccd": f"052185{i:06d}", "name": "Trần Thị Thu Hà", "gender": "Nữ", "birth": "05/03/1985",
              "unit": "VP", "category": "hop_dong", "start": "01/09/2010", "recruited": "01/09/2010",
              "place": None} | change
    return list(values.values())


def write(path: Path, sheets: dict[str, bytes], shared_strings: bytes | None = None,
          extra: dict[str, bytes] | None = None, level: int = 6) -> Path:
    """The workbook with the given sheet parts (in order), optional sharedStrings.xml and other parts."""
    overrides = "".join(_SHEET_CT.format(n=n) for n in range(1, len(sheets) + 1))
    rels = "".join(_REL.format(n=n) for n in range(1, len(sheets) + 1))
    if shared_strings is not None:
        overrides += _SST_CT
        rels += _SST_REL
    names = "".join(f'<sheet name="{escape(name)}" sheetId="{n}" r:id="rId{n}"/>'
                    for n, name in enumerate(sheets, start=1))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        z.writestr("[Content_Types].xml", _CT.format(overrides=overrides))
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook '
                   f'xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                   f"<sheets>{names}</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f"{rels}</Relationships>")
        for n, xml in enumerate(sheets.values(), start=1):
            z.writestr(f"xl/worksheets/sheet{n}.xml", xml)
        if shared_strings is not None:
            z.writestr("xl/sharedStrings.xml", shared_strings)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def persons_book(path: Path, rows: list[list[str | None]] | None = None, extra_rows: str = "",
                 dimension: str | None = None) -> Path:
    """The persons sheet with the given value rows (text cells) and any raw row XML after them."""
    rows = rows if rows is not None else [person_values()]
    body = text_row(1, PERSON_HEAD) + "".join(text_row(n, r) for n, r in enumerate(rows, start=2)) + extra_rows
    return write(path, {"Nhân sự": sheet(body, dimension)})
