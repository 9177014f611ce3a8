"""The one letterhead and signature builder of the agency's documents: issuer, governing body, number line,
place and signers, all read from the agency (services.agency); the recruitment council as issuer under it; and the
signature blocks of the forms that do not simply close with the letterhead's signers."""

from __future__ import annotations

from hrapp.reports.document import Letterhead, Signature
from hrapp.services.agency import Agency, get_agency
from hrapp.services.context import ServiceContext

GENERIC_HEAD_TITLE = "THỦ TRƯỞNG CƠ QUAN"


def letterhead_of(agency: Agency, kind: str | None = None) -> Letterhead:
    """The agency as issuer. `kind` ('DS', 'BC', 'KH' …) adds a number line to fill in by hand,
    'Số:       /DS-SKHCN'; None leaves it out. A deputy signs 'KT. GIÁM ĐỐC' / 'PHÓ GIÁM ĐỐC'."""
    short = agency.short.strip()
    number = None if kind is None else f"Số:       /{kind}-{short}" if short else f"Số:       /{kind}"
    head_title = agency.head_title.strip() or GENERIC_HEAD_TITLE
    if agency.deputy_signs:
        title, name, authority = agency.deputy_title, agency.deputy_name, f"KT. {head_title}"
    else:
        title, name, authority = head_title, agency.head_name, None
    return Letterhead(
        issuing_unit=agency.name, parent_agency=agency.parent_agency, number=number, place=agency.place,
        signer_title=title, signer_name=name, signer_authority=authority, preparer_name=agency.preparer_name,
    )


def letterhead_for(ctx: ServiceContext, kind: str | None = None) -> Letterhead:
    """The letterhead of the agency stored in the database (Quản trị → Cơ quan)."""
    return letterhead_of(get_agency(ctx), kind)


def council_letterhead(ctx: ServiceContext, council: str, chair: str, secretary: str) -> Letterhead:
    """A council (e.g. 'Hội đồng xét tuyển viên chức năm 2022') as issuer under the agency: its chair signs, its
    secretary prepares."""
    agency = get_agency(ctx)
    return Letterhead(
        issuing_unit=council, parent_agency=agency.name, place=agency.place,
        signer_title="CHỦ TỊCH HỘI ĐỒNG", signer_name=chair,
        preparer_title="THƯ KÝ HỘI ĐỒNG", preparer_name=secretary,
    )


def due_list_signatures(letterhead: Letterhead) -> list[Signature]:
    """The three blocks of the 4C due list: preparer, reviewer and the head of the agency."""
    return [
        Signature("NGƯỜI LẬP", letterhead.preparer_name, caption="(Ký, ghi rõ họ và tên)"),
        Signature("NGƯỜI DUYỆT", caption="(Chức vụ, ký, ghi rõ họ và tên)"),
        Signature("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", letterhead.signer_name, letterhead.signer_authority,
                  caption="(Chức vụ, ký, ghi rõ họ và tên)"),
    ]


def table_signatures(letterhead: Letterhead) -> list[Signature]:
    """The two blocks under a statistical table (BM01/BNV): who drew up the table and the head of the unit."""
    return [Signature("NGƯỜI LẬP BẢNG", letterhead.preparer_name, caption="(Ký, họ tên)"),
            Signature("THỦ TRƯỞNG ĐƠN VỊ", letterhead.signer_name, caption="(Ký, đóng dấu)")]
