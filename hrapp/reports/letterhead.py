"""The one letterhead of the agency's documents: issuer, governing body, number line, place and signers, all
read from the agency (services.agency)."""

from __future__ import annotations

from hrapp.context import ServiceContext
from hrapp.reports.document import Letterhead
from hrapp.services.agency import Agency, get_agency

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
