"""CLI commands of the officer's own agency: `agency show`, `agency set`, `agency provinces`."""

from __future__ import annotations

import argparse
import unicodedata
from dataclasses import asdict

from hrapp import messages
from hrapp.cli import CliError, bi, print_json
from hrapp.cli_auth import open_context

# option -> Agency field
OPTIONS = {
    "name": "name", "parent": "parent_agency", "province": "province", "place": "place",
    "signer_title": "head_title", "signer_name": "head_name", "deputy_title": "deputy_title",
    "deputy_name": "deputy_name", "preparer": "preparer_name", "prefix": "short",
}


def register(sub: argparse._SubParsersAction) -> None:
    agency = sub.add_parser("agency", help=bi("thông tin cơ quan in trên văn bản (tên, cơ quan chủ quản, người ký)",
                                               "the agency printed on documents (name, parent agency, signers)"))
    asub = agency.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(agency))
    p = asub.add_parser("show", help=bi("xem thông tin cơ quan", "show the agency"))
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.set_defaults(handler=cmd_show)

    p = asub.add_parser("set", help=bi("đặt thông tin cơ quan (chỉ đổi các mục được ghi)",
                                         "set the agency (changes only the items given)"))
    p.add_argument("--name", help=bi("tên cơ quan, ví dụ 'SỞ NỘI VỤ'", "agency name, for example 'SỞ NỘI VỤ'"))
    p.add_argument("--parent", help=bi("cơ quan chủ quản, ví dụ 'UBND TỈNH GIA LAI'",
                                             "parent agency, for example 'UBND TỈNH GIA LAI'"))
    p.add_argument("--province", help=bi("tỉnh, thành phố: mã (gia_lai) hoặc tên (Gia Lai); xem 'agency provinces'",
                                               "province or city: code (gia_lai) or name (Gia Lai); see 'agency provinces'"))
    p.add_argument("--place", help=bi("địa danh ghi ở dòng ngày tháng, ví dụ 'Gia Lai'",
                                            "place name on the date line, for example 'Gia Lai'"))
    p.add_argument("--signer-title", help=bi("chức vụ thủ trưởng ký văn bản, ví dụ 'GIÁM ĐỐC'",
                                                   "title of the head who signs, for example 'GIÁM ĐỐC'"))
    p.add_argument("--signer-name", help=bi("họ tên thủ trưởng", "name of the head"))
    p.add_argument("--deputy-title", help=bi("chức vụ cấp phó ký thay (KT.), để trống ('') nếu thủ trưởng ký",
                                                   "title of the deputy who signs for the head (KT.); empty ('') when the head signs"))
    p.add_argument("--deputy-name", help=bi("họ tên cấp phó ký thay", "name of the deputy who signs"))
    p.add_argument("--preparer", help=bi("họ tên người lập biểu", "name of the person preparing the tables"))
    p.add_argument("--prefix", help=bi("tên viết tắt, dùng trong số văn bản và mã đơn vị, ví dụ 'SNV'",
                                             "short name, used in document numbers and unit codes, for example 'SNV'"))
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.set_defaults(handler=cmd_set)

    p = asub.add_parser("provinces", help=bi("34 tỉnh, thành phố từ 01/7/2025 (Nghị quyết 202/2025/QH15)",
                                               "the 34 provinces and cities from 01/07/2025 (Resolution 202/2025/QH15)"))
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.set_defaults(handler=cmd_provinces)


def agency_json(agency) -> dict[str, str]:
    return {**asdict(agency), "province_name": agency.province_name, "configured": agency.configured}


def _print(agency, fmt: str) -> None:
    if fmt == "json":
        print_json(agency_json(agency))
        return
    if not agency.configured:
        print(messages.text("cli_agency_not_set"))
        return
    rows = [("cli_agency_parent", agency.parent_agency), ("cli_agency_name", agency.name),
            ("cli_agency_short", agency.short), ("cli_agency_province", agency.province_name),
            ("cli_agency_place", agency.place),
            ("cli_agency_head", f"{agency.head_title} {agency.head_name}".strip()),
            ("cli_agency_deputy", f"{agency.deputy_title} {agency.deputy_name}".strip()),
            ("cli_agency_preparer", agency.preparer_name)]
    for code, value in rows:
        if value:
            print(f"{messages.word(code)}: {value}")


def cmd_show(args: argparse.Namespace) -> int:
    from hrapp.services.agency import get_agency

    ctx = open_context(args)
    _print(get_agency(ctx), args.format)
    return 0


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def province_code(text: str) -> str:
    """A province typed as its code or its name, diacritics optional ('gia_lai', 'Gia Lai', 'gia lai')."""
    from hrapp.services.agency import provinces

    typed = _fold(text)
    for p in provinces():
        if typed in (p.code, _fold(p.name), _fold(p.code.replace("_", " "))) or (
                p.city and typed == _fold(p.name.removeprefix("Thành phố "))):
            return p.code
    merged = next((p for p in provinces() if typed in {_fold(f) for f in p.formed_from}), None)
    if merged is not None:
        raise CliError("cli_province_merged", text=text, merged=merged.name)
    raise CliError("cli_unknown_province", text=text)


def cmd_set(args: argparse.Namespace) -> int:
    from hrapp.services.agency import update_agency

    changes = {field: getattr(args, opt) for opt, field in OPTIONS.items() if getattr(args, opt) is not None}
    if not changes:
        raise CliError("cli_agency_nothing")
    if "province" in changes:
        changes["province"] = province_code(changes["province"])
    ctx = open_context(args, "write")
    _print(update_agency(ctx, **changes), args.format)
    return 0


def cmd_provinces(args: argparse.Namespace) -> int:
    from hrapp.services.agency import province_legal_basis, provinces

    items = provinces()
    if args.format == "json":
        print_json({"legal_basis": province_legal_basis(),
                    "provinces": [{"code": p.code, "name": p.name, "city": p.city,
                                   "formed_from": list(p.formed_from)} for p in items]})
        return 0
    for p in items:
        print(f"{p.code}\t{p.label}")
    return 0
