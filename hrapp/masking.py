"""Masking of personal data (NĐ 13/2023) for users whose role may not see it, in lists, exports and prints."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from hrapp.db.audit import record
from hrapp.domain import places
from hrapp.security import READ_PERSONAL, has_permission

if TYPE_CHECKING:
    from hrapp.context import ServiceContext

MASK = "*"
HIDDEN = "(đã ẩn)"


def can_see_personal(ctx: ServiceContext) -> bool:
    """Whether the signed-in role may see CCCD, phone, addresses and family details unmasked."""
    return has_permission(ctx, READ_PERSONAL)


def _keep_ends(value: str, head: int, tail: int) -> str:
    chars = [c for c in value if not c.isspace()]
    if len(chars) <= head + tail:
        return MASK * len(chars)
    return "".join(chars[:head]) + MASK * (len(chars) - head - tail) + "".join(chars[len(chars) - tail:])


def mask_cccd(value: str | None) -> str | None:
    """'052090001234' -> '052******234': the province code and the last three digits stay."""
    if not value:
        return value
    return _keep_ends(value, 3, 3)


def mask_phone(value: str | None) -> str | None:
    """'0905123456' -> '090****456'; a number too short to keep both ends is masked whole."""
    if not value:
        return value
    return _keep_ends(value, 3, 3)


def mask_address(value: str | None) -> str | None:
    """Only the last part (the province) stays: '12 Lê Lợi, P. Lê Lợi, Quy Nhơn, Bình Định' -> '***, Bình Định'."""
    if not value:
        return value
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if len(parts) <= 1:
        return MASK * 3
    return f"{MASK * 3}, {parts[-1]}"


def mask_place_code(value: str | None) -> str | None:
    """The code of a commune someone lives in: only its province's code stays ('21970' -> '52')."""
    if not value:
        return value
    found = places.place(value)
    return found.province_code if found else None


def mask_text(value: str | None) -> str | None:
    """Free text about a person (family details, a relative's name): hidden whole."""
    if not value:
        return value
    return HIDDEN


def mask_email(value: str | None) -> str | None:
    """'nguyenvana@gmail.com' -> 'n***@gmail.com'."""
    if not value:
        return value
    name, at, domain = value.partition("@")
    if not at:
        return MASK * 3
    return f"{name[:1]}{MASK * 3}@{domain}"


def mask_year(value: int | None) -> None:
    """A relative's birth year: left out."""
    return None


# The masking table: field names used by Person, FamilyMember and the DTOs built from them -> how each is masked.
PERSONAL_FIELDS: dict[str, Callable[[Any], Any]] = {
    "id_number": mask_cccd,
    "cccd": mask_cccd,
    "id_issue_place": mask_text,
    "phone": mask_phone,
    "email": mask_email,
    "permanent_address": mask_address,
    "current_address": mask_address,
    "permanent_address_code": mask_place_code,
    "current_address_code": mask_place_code,
    "permanent_address_unit": mask_address,
    "current_address_unit": mask_address,
    "address": mask_address,
    "social_insurance_no": mask_cccd,
    "personal_id": mask_cccd,
    "health_insurance_no": mask_cccd,
    "details": mask_text,  # family member details
    "relative_name": mask_text,
    "relative_birth_year": mask_year,
}

# Records whose fields carry a generic name but personal data (a relative's `full_name` is not the employee's):
# record class name -> {field: key of PERSONAL_FIELDS}. Every other field is looked up by its own name.
PERSONAL_IN_RECORD: dict[str, dict[str, str]] = {
    "FamilyRow": {"full_name": "relative_name", "birth_year": "relative_birth_year", "details": "details"},
    "FamilyInput": {"full_name": "relative_name", "birth_year": "relative_birth_year", "details": "details"},
    "FamilyMember": {"full_name": "relative_name", "birth_year": "relative_birth_year", "details": "details"},
}


def mask_value(field: str, value: Any) -> Any:
    """Mask one value by its field name (a key of PERSONAL_FIELDS); fields that are not personal come back unchanged."""
    masker = PERSONAL_FIELDS.get(field)
    if masker is None or value is None:
        return value
    if isinstance(value, str) or masker is mask_year:
        return masker(value)
    return value


def mask_record(ctx: ServiceContext, record: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a row (dict) with its personal fields masked unless the user may see them."""
    if can_see_personal(ctx):
        return dict(record)
    return {k: mask_value(k, v) for k, v in record.items()}


def masked_copy(dto: Any) -> Any:
    """The same record with every personal field masked, nested records and tuples of records included."""
    import dataclasses

    if isinstance(dto, tuple | list):
        return type(dto)(masked_copy(x) for x in dto)
    if not dataclasses.is_dataclass(dto) or isinstance(dto, type):
        return dto
    by_record = PERSONAL_IN_RECORD.get(type(dto).__name__, {})
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(dto):
        if not f.init:
            continue
        value = getattr(dto, f.name)
        key = by_record.get(f.name, f.name)
        if key in PERSONAL_FIELDS:
            masked = mask_value(key, value)
            if isinstance(value, str) and masked is None:
                masked = ""
        else:
            masked = masked_copy(value)
        if masked is not value:
            changes[f.name] = masked
    return dataclasses.replace(dto, **changes) if changes else dto


def mask_dto(ctx: ServiceContext, dto: Any) -> Any:
    """The same frozen dataclass with its personal fields masked (nested records too) unless the user may see
    them."""
    if can_see_personal(ctx):
        return dto
    return masked_copy(dto)


def record_personal_output(session: Session, action: str, what: str, person_ids: Iterable[int] = (),
                           *, masked: bool) -> None:
    """An audit row for an export or printout that carries personal data (NĐ 13/2023: who took what, when).

    `action` is 'export' or 'print'; `what` names the document ("Danh sách cán bộ, Excel").
    """
    if action not in ("export", "print"):
        raise ValueError("action must be 'export' or 'print'")
    ids = sorted(set(person_ids))
    single = ids[0] if len(ids) == 1 else None
    record(session, action, "personal_data", entity_id=None, person_id=single,
           summary=f"{what}: {len(ids)} người" + (" (thông tin cá nhân đã che)" if masked else ""),
           changes={"person_ids": ids, "masked": masked})
