"""Accounts: off by default (one user with every right), the first administrator, sign-in with lockout
after the 5th failure for 15 minutes, password resets, and what each role may do."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from hrapp.context import ServiceContext
from hrapp.db.models import AuditLog, OrgUnit, UserAccount
from hrapp.errors import (
    AuthenticationError,
    ConflictError,
    DomainError,
    PermissionDeniedError,
    ValidationError,
)
from hrapp.masking import can_see_personal, mask_cccd, mask_dto, mask_record
from hrapp.security import ROLE_PERMISSIONS, in_scope, require
from hrapp.services import accounts
from hrapp.services.accounts import NewUser, UserChanges

T0 = datetime(2026, 3, 2, 8, 0, 0)
ADMIN_PW = "Quantri#2026"


@pytest.fixture
def admin_ctx(ctx: ServiceContext) -> ServiceContext:
    accounts.enable_accounts(ctx, "admin", ADMIN_PW, "Nguyễn Quản Trị")
    return ctx


def _add(ctx: ServiceContext, name: str, role: str, password: str = "Matkhau123", scope=None) -> None:
    accounts.create_user(ctx, NewUser(username=name, password=password, role=role, full_name=name, unit_scope=scope))


def _fail(ctx: ServiceContext, name: str, at: datetime) -> AuthenticationError:
    with pytest.raises(AuthenticationError) as err:
        accounts.authenticate(ctx, name, "sai-mat-khau-1", now=at)
    return err.value


def test_accounts_are_off_by_default_and_everyone_is_administrator(ctx):
    assert accounts.accounts_enabled(ctx) is False
    assert ctx.role == "quan_tri"
    require(ctx, "admin")
    require(ctx, "write")
    assert can_see_personal(ctx)


def test_enabling_accounts_creates_the_first_administrator_and_signs_in_as_it(ctx):
    user = accounts.enable_accounts(ctx, "  Admin ", ADMIN_PW, "Nguyễn Quản Trị")
    assert user.username == "admin" and user.role == "quan_tri" and not user.must_change_password
    assert accounts.accounts_enabled(ctx)
    assert (ctx.user, ctx.role) == ("admin", "quan_tri")
    with pytest.raises(DomainError) as err:
        accounts.enable_accounts(ctx, "admin2", ADMIN_PW)
    assert err.value.code == "accounts_already_on"


def test_a_reopened_database_with_accounts_on_has_no_rights_until_sign_in(admin_ctx):
    other = ServiceContext.open(admin_ctx.url if admin_ctx.engine.dialect.name == "sqlite"
                                else admin_ctx.engine.url.render_as_string(hide_password=False))
    try:
        assert other.accounts_on and other.role == ""
        with pytest.raises(PermissionDeniedError) as err:
            require(other, "read")
        assert err.value.code == "not_signed_in"
        assert "chưa đăng nhập" in err.value.message
        accounts.sign_in(other, "admin", ADMIN_PW)
        require(other, "admin")
    finally:
        other.engine.dispose()


def test_right_password_signs_in_and_wrong_one_is_refused_with_the_same_message_as_an_unknown_name(admin_ctx):
    _add(admin_ctx, "lan", "to_chuc_can_bo")
    user = accounts.authenticate(admin_ctx, "LAN", "Matkhau123", now=T0)
    assert user.username == "lan" and user.must_change_password
    wrong = _fail(admin_ctx, "lan", T0)
    unknown = _fail(admin_ctx, "khongco", T0)
    assert wrong.code == unknown.code == "wrong_password"
    assert wrong.message == unknown.message == "Tên đăng nhập hoặc mật khẩu không đúng."


def test_fourth_failure_does_not_lock_and_the_fifth_locks_for_15_minutes(admin_ctx):
    _add(admin_ctx, "lan", "to_chuc_can_bo")
    for i in range(4):
        assert _fail(admin_ctx, "lan", T0 + timedelta(seconds=i)).code == "wrong_password"
    assert accounts.authenticate(admin_ctx, "lan", "Matkhau123", now=T0 + timedelta(seconds=4)).username == "lan"

    for i in range(4):
        _fail(admin_ctx, "lan", T0 + timedelta(minutes=1, seconds=i))
    fifth = _fail(admin_ctx, "lan", T0 + timedelta(minutes=2))
    assert fifth.code == "locked"
    assert "5 lần" in fifth.message and "15 phút" in fifth.message
    assert fifth.params["locked_until"] == T0 + timedelta(minutes=17)


def test_locked_account_refuses_the_right_password_at_14_59_and_accepts_it_at_15_00(admin_ctx):
    _add(admin_ctx, "lan", "to_chuc_can_bo")
    for _ in range(5):
        _fail(admin_ctx, "lan", T0)
    with pytest.raises(AuthenticationError) as err:
        accounts.authenticate(admin_ctx, "lan", "Matkhau123", now=T0 + timedelta(minutes=14, seconds=59))
    assert err.value.code == "locked"
    assert "1 phút" in err.value.message
    user = accounts.authenticate(admin_ctx, "lan", "Matkhau123", now=T0 + timedelta(minutes=15))
    assert user.failed_count == 0 and user.locked_until is None


def test_after_a_lock_runs_out_the_count_starts_again(admin_ctx):
    _add(admin_ctx, "lan", "to_chuc_can_bo")
    for _ in range(5):
        _fail(admin_ctx, "lan", T0)
    after = T0 + timedelta(minutes=15)
    assert _fail(admin_ctx, "lan", after).code == "wrong_password"  # failure 1 of a new count, not a new lock


def test_administrator_reset_lifts_the_lock_and_forces_a_password_change(admin_ctx):
    _add(admin_ctx, "lan", "to_chuc_can_bo")
    for _ in range(5):
        _fail(admin_ctx, "lan", T0)
    accounts.reset_password(admin_ctx, "lan", "Tamthoi2026")
    user = accounts.authenticate(admin_ctx, "lan", "Tamthoi2026", now=T0 + timedelta(minutes=1))
    assert user.must_change_password
    accounts.change_password(admin_ctx, "lan", "Tamthoi2026", "Moi#2026abc", now=T0 + timedelta(minutes=2))
    assert not accounts.authenticate(admin_ctx, "lan", "Moi#2026abc", now=T0 + timedelta(minutes=3)).must_change_password
    with pytest.raises(AuthenticationError):
        accounts.authenticate(admin_ctx, "lan", "Tamthoi2026", now=T0 + timedelta(minutes=4))


def test_changing_the_own_password_needs_the_old_one(admin_ctx):
    _add(admin_ctx, "lan", "xem")
    with pytest.raises(AuthenticationError):
        accounts.change_password(admin_ctx, "lan", "doan-sai-123", "Moi#2026abc", now=T0)
    with pytest.raises(ValidationError):
        accounts.change_password(admin_ctx, "lan", "Matkhau123", "ngan1", now=T0)


def test_passwords_are_stored_as_argon2_hashes_and_never_in_the_audit_trail(admin_ctx):
    _add(admin_ctx, "lan", "xem")
    accounts.reset_password(admin_ctx, "lan", "Tamthoi2026")
    with admin_ctx.read() as s:
        stored = s.scalar(select(UserAccount.password_hash).where(UserAccount.username == "lan"))
        trail = s.scalars(select(AuditLog).where(AuditLog.entity == "user_accounts")).all()
    assert stored.startswith("$argon2id$") and "Tamthoi2026" not in stored
    assert any(a.action == "reset_password" for a in trail)
    for a in trail:
        assert "password_hash" not in (a.changes or {})
        assert "Tamthoi2026" not in str(a.changes) + str(a.summary)


def test_sign_in_attempts_are_recorded_in_the_audit_trail(admin_ctx):
    _add(admin_ctx, "lan", "xem")
    _fail(admin_ctx, "lan", T0)
    accounts.authenticate(admin_ctx, "lan", "Matkhau123", now=T0)
    with admin_ctx.read() as s:
        rows = s.execute(select(AuditLog.action, AuditLog.user).where(AuditLog.action.in_(["login", "login_failed"]))
                         .order_by(AuditLog.id)).all()
    assert [tuple(r) for r in rows] == [("login_failed", "lan"), ("login", "lan")]


def test_weak_passwords_and_bad_names_are_refused(admin_ctx):
    for name, pw in [("lan", "ngan"), ("lan", "12345678"), ("lan", "matkhaumoi"), ("lan", "LAN")]:
        with pytest.raises(ValidationError):
            _add(admin_ctx, name, "xem", password=pw)
    for bad in ["a", "có dấu", "x y z"]:
        with pytest.raises(ValidationError):
            _add(admin_ctx, bad, "xem")
    with pytest.raises(ValidationError):
        _add(admin_ctx, "lan", "giam_doc")
    _add(admin_ctx, "lan", "xem")
    with pytest.raises(ConflictError):
        _add(admin_ctx, "Lan", "xem")


def test_deactivated_account_cannot_sign_in_and_the_last_administrator_stays(admin_ctx):
    _add(admin_ctx, "lan", "to_chuc_can_bo")
    accounts.deactivate_user(admin_ctx, "lan")
    with pytest.raises(AuthenticationError) as err:
        accounts.authenticate(admin_ctx, "lan", "Matkhau123", now=T0)
    assert err.value.code == "inactive"
    with pytest.raises(DomainError) as err:
        accounts.update_user(admin_ctx, "admin", UserChanges("Nguyễn Quản Trị", "xem", None, True))
    assert err.value.code == "last_admin"


def test_role_permissions():
    assert ROLE_PERMISSIONS["quan_tri"] == {"read", "read_personal", "write", "approve", "admin"}
    assert ROLE_PERMISSIONS["to_chuc_can_bo"] == {"read", "read_personal", "write"}
    assert ROLE_PERMISSIONS["lanh_dao"] == {"read", "read_personal", "approve"}
    assert ROLE_PERMISSIONS["xem"] == {"read"}


@pytest.mark.parametrize(("role", "allowed", "denied"), [
    ("to_chuc_can_bo", ["read", "read_personal", "write"], ["approve", "admin"]),
    ("lanh_dao", ["read", "read_personal", "approve"], ["write", "admin"]),
    ("xem", ["read"], ["read_personal", "write", "approve", "admin"]),
])
def test_each_role_signed_in_gets_exactly_its_permissions(admin_ctx, role, allowed, denied):
    _add(admin_ctx, "nhanvien", role)
    accounts.sign_in(admin_ctx, "nhanvien", "Matkhau123", now=T0)
    for p in allowed:
        require(admin_ctx, p)
    for p in denied:
        with pytest.raises(PermissionDeniedError) as err:
            require(admin_ctx, p)
        assert err.value.code == "permission_denied" and "không có quyền" in err.value.message
    assert can_see_personal(admin_ctx) is ("read_personal" in allowed)


def test_only_the_administrator_manages_accounts(admin_ctx):
    _add(admin_ctx, "lan", "to_chuc_can_bo")
    accounts.sign_in(admin_ctx, "lan", "Matkhau123", now=T0)
    with pytest.raises(PermissionDeniedError):
        _add(admin_ctx, "mai", "xem")
    with pytest.raises(PermissionDeniedError):
        accounts.reset_password(admin_ctx, "admin", "Chiemquyen2026")
    with pytest.raises(PermissionDeniedError):
        accounts.list_users(admin_ctx)


def test_unit_scope_covers_the_unit_and_its_sub_units_only(admin_ctx):
    with admin_ctx.unit_of_work() as s:
        root = OrgUnit(code="SO", name="Sở", kind="so")
        s.add(root)
        s.flush()
        a = OrgUnit(code="P1", name="Phòng 1", kind="phong", parent_id=root.id)
        b = OrgUnit(code="P2", name="Phòng 2", kind="phong", parent_id=root.id)
        s.add_all([a, b])
        s.flush()
        team = OrgUnit(code="P1T", name="Tổ của Phòng 1", kind="to", parent_id=a.id)
        s.add(team)
        s.flush()
        ids = {u.code: u.id for u in (root, a, b, team)}
    _add(admin_ctx, "truongphong", "to_chuc_can_bo", scope=(ids["P1"],))
    accounts.sign_in(admin_ctx, "truongphong", "Matkhau123", now=T0)
    assert admin_ctx.unit_scope == (ids["P1"],)
    assert in_scope(admin_ctx, ids["P1"]) and in_scope(admin_ctx, ids["P1T"])
    assert not in_scope(admin_ctx, ids["P2"]) and not in_scope(admin_ctx, ids["SO"])
    require(admin_ctx, "write", unit_id=ids["P1T"])
    with pytest.raises(PermissionDeniedError) as err:
        require(admin_ctx, "write", unit_id=ids["P2"])
    assert err.value.code == "out_of_scope"


def test_scope_with_an_unknown_unit_is_refused(admin_ctx):
    with pytest.raises(ValidationError):
        _add(admin_ctx, "lan", "xem", scope=(987654,))


def test_masking_hides_personal_data_from_the_view_only_role(admin_ctx):
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Row:
        full_name: str
        id_number: str | None
        phone: str | None

    row = {"full_name": "Trần Thị Lan", "id_number": "052090001234", "phone": "0905123456",
           "permanent_address": "12 Lê Lợi, Quy Nhơn, Bình Định"}
    assert mask_record(admin_ctx, row) == row
    _add(admin_ctx, "khach", "xem")
    accounts.sign_in(admin_ctx, "khach", "Matkhau123", now=T0)
    assert mask_record(admin_ctx, row) == {"full_name": "Trần Thị Lan", "id_number": "052******234",
                                           "phone": "090****456", "permanent_address": "***, Bình Định"}
    assert mask_dto(admin_ctx, Row("Lan", "052090001234", None)) == Row("Lan", "052******234", None)
    assert mask_cccd("052090001234") == "052******234"


def test_an_export_of_personal_data_is_recorded_in_the_audit_trail(admin_ctx):
    from hrapp.masking import record_personal_output

    with admin_ctx.unit_of_work() as s:
        record_personal_output(s, "export", "Danh sách cán bộ, Excel", [3, 1, 3], masked=False)
        record_personal_output(s, "print", "Sơ yếu lý lịch 2C", [7], masked=True)
    with admin_ctx.read() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.entity == "personal_data").order_by(AuditLog.id)).all()
    assert [(r.action, r.user, r.person_id, r.summary) for r in rows] == [
        ("export", "admin", None, "Danh sách cán bộ, Excel: 2 người"),
        ("print", "admin", 7, "Sơ yếu lý lịch 2C: 1 người (thông tin cá nhân đã che)"),
    ]
    assert rows[0].changes == {"person_ids": [1, 3], "masked": False}
