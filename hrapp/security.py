"""Roles and their permissions, and the check every service makes before it reads or writes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hrapp.db.scope import scope_units
from hrapp.errors import PermissionDeniedError

if TYPE_CHECKING:
    from hrapp.context import ServiceContext

READ = "read"  # lists, records, reports
READ_PERSONAL = "read_personal"  # CCCD, phone, addresses, family details unmasked
WRITE = "write"  # create and change personnel and organisation data
APPROVE = "approve"  # approve lists (nâng lương, quy hoạch, khen thưởng ...)
ADMIN = "admin"  # accounts, backups, restore, settings, audit trail

PERMISSIONS = (READ, READ_PERSONAL, WRITE, APPROVE, ADMIN)

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "quan_tri": frozenset(PERMISSIONS),
    "to_chuc_can_bo": frozenset({READ, READ_PERSONAL, WRITE}),
    "lanh_dao": frozenset({READ, READ_PERSONAL, APPROVE}),
    "xem": frozenset({READ}),
}

ROLE_LABELS: dict[str, str] = {
    "quan_tri": "Quản trị hệ thống",
    "to_chuc_can_bo": "Cán bộ tổ chức (sửa mọi dữ liệu)",
    "lanh_dao": "Lãnh đạo (xem, phê duyệt danh sách)",
    "xem": "Chỉ xem (che thông tin cá nhân)",
}

PERMISSION_LABELS: dict[str, str] = {
    READ: "xem dữ liệu",
    READ_PERSONAL: "xem thông tin cá nhân",
    WRITE: "thêm, sửa dữ liệu",
    APPROVE: "phê duyệt danh sách",
    ADMIN: "quản trị hệ thống",
}


def permissions_of(role: str) -> frozenset[str]:
    return ROLE_PERMISSIONS.get(role, frozenset())


def has_permission(ctx: ServiceContext, permission: str) -> bool:
    return permission in permissions_of(ctx.role)


def units_in_scope(ctx: ServiceContext) -> frozenset[int] | None:
    """The unit ids the user may see: its scope units and all their sub-units; None = every unit."""
    if ctx.unit_scope is None:
        return None

    with ctx.read() as s:
        return scope_units(s)


def in_scope(ctx: ServiceContext, unit_id: int | None) -> bool:
    """True when the unit is within the user's scope (a record without a unit only for unscoped users)."""
    scope = units_in_scope(ctx)
    return scope is None or (unit_id is not None and unit_id in scope)


def require(ctx: ServiceContext, permission: str, unit_id: int | None = None) -> None:
    """Raise PermissionDeniedError unless the context's role has the permission (and the unit is in scope).

    `unit_id` is the unit of the record acted on; leave it None for actions not tied to one unit.
    """
    if permission not in PERMISSIONS:
        raise ValueError(f"unknown permission {permission!r}")
    if not ctx.role:
        raise PermissionDeniedError("not_signed_in")
    if permission not in permissions_of(ctx.role):
        role = ROLE_LABELS.get(ctx.role, ctx.role)
        raise PermissionDeniedError(
            "permission_denied", user=ctx.user, role=role, right=PERMISSION_LABELS[permission], permission=permission,
        )
    if unit_id is not None and not in_scope(ctx, unit_id):
        raise PermissionDeniedError("out_of_scope", user=ctx.user, permission=permission,
        )
