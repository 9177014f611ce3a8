"""CLI commands of the officer's own agency: `agency show`, `agency set`, `agency provinces`."""

from __future__ import annotations

import argparse
import unicodedata
from dataclasses import asdict

from hrapp.cli import CliError, print_json
from hrapp.cli_auth import open_context

# option -> Agency field
OPTIONS = {
    "name": "name", "parent": "parent_agency", "province": "province", "place": "place",
    "signer_title": "head_title", "signer_name": "head_name", "deputy_title": "deputy_title",
    "deputy_name": "deputy_name", "preparer": "preparer_name", "prefix": "short",
}


def register(sub: argparse._SubParsersAction) -> None:
    agency = sub.add_parser("agency", help="thông tin cơ quan in trên văn bản (tên, cơ quan chủ quản, người ký)")
    asub = agency.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(agency))
    p = asub.add_parser("show", help="xem thông tin cơ quan")
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.set_defaults(handler=cmd_show)

    p = asub.add_parser("set", help="đặt thông tin cơ quan (chỉ đổi các mục được ghi)")
    p.add_argument("--name", help="tên cơ quan, ví dụ 'SỞ NỘI VỤ'")
    p.add_argument("--parent", help="cơ quan chủ quản, ví dụ 'UBND TỈNH GIA LAI'")
    p.add_argument("--province", help="tỉnh, thành phố: mã (gia_lai) hoặc tên (Gia Lai); xem 'agency provinces'")
    p.add_argument("--place", help="địa danh ghi ở dòng ngày tháng, ví dụ 'Gia Lai'")
    p.add_argument("--signer-title", help="chức vụ thủ trưởng ký văn bản, ví dụ 'GIÁM ĐỐC'")
    p.add_argument("--signer-name", help="họ tên thủ trưởng")
    p.add_argument("--deputy-title", help="chức vụ cấp phó ký thay (KT.), để trống ('') nếu thủ trưởng ký")
    p.add_argument("--deputy-name", help="họ tên cấp phó ký thay")
    p.add_argument("--preparer", help="họ tên người lập biểu")
    p.add_argument("--prefix", help="tên viết tắt, dùng trong số văn bản và mã đơn vị, ví dụ 'SNV'")
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.set_defaults(handler=cmd_set)

    p = asub.add_parser("provinces", help="34 tỉnh, thành phố từ 01/7/2025 (Nghị quyết 202/2025/QH15)")
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.set_defaults(handler=cmd_provinces)


def agency_json(agency) -> dict[str, str]:  # noqa: ANN001 - hrapp.services.agency.Agency
    return {**asdict(agency), "province_name": agency.province_name, "configured": agency.configured}


def _print(agency, fmt: str) -> None:  # noqa: ANN001
    if fmt == "json":
        print_json(agency_json(agency))
        return
    if not agency.configured:
        print("Chưa nhập thông tin cơ quan (lệnh: agency set --name … --parent … --province … --place … "
              "--signer-title …).")
        return
    rows = [("Cơ quan chủ quản", agency.parent_agency), ("Tên cơ quan", agency.name),
            ("Tên viết tắt", agency.short), ("Tỉnh, thành phố", agency.province_name), ("Địa danh", agency.place),
            ("Thủ trưởng", f"{agency.head_title} {agency.head_name}".strip()),
            ("Ký thay (KT.)", f"{agency.deputy_title} {agency.deputy_name}".strip()),
            ("Người lập biểu", agency.preparer_name)]
    for label, value in rows:
        if value:
            print(f"{label}: {value}")


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
