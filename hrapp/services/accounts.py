"""User accounts: turning accounts on, managing users, passwords (argon2) and sign-in with lockout."""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import and_, case, func, or_, select, update

from hrapp import messages
from hrapp.context import ACCOUNTS_SETTING, ServiceContext, read_accounts_enabled
from hrapp.db.audit import record
from hrapp.db.models import AppSetting, OrgUnit, UserAccount
from hrapp.db.models.base import utcnow
from hrapp.errors import (
    AuthenticationError,
    ConflictError,
    DomainError,
    NotFoundError,
    ValidationError,
)
from hrapp.security import ADMIN, ROLE_LABELS, ROLE_PERMISSIONS, require

LOCKOUT_RULE = "login_lockout"
ROLES = tuple(ROLE_PERMISSIONS)
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,59}$")

_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the name is unknown, so a wrong name costs as long as a wrong password."""
    return _hasher.hash("không có tài khoản này")


@dataclass(frozen=True)
class UserDTO:
    id: int
    username: str
    full_name: str
    role: str
    role_label: str
    unit_scope: tuple[int, ...] | None
    active: bool
    failed_count: int
    locked_until: datetime | None
    must_change_password: bool


@dataclass(frozen=True)
class NewUser:
    username: str
    password: str
    role: str
    full_name: str = ""
    unit_scope: tuple[int, ...] | None = None


@dataclass(frozen=True)
class UserChanges:
    """The editable fields of an account, all given (the edit dialog sends the whole form)."""

    full_name: str
    role: str
    unit_scope: tuple[int, ...] | None
    active: bool


@dataclass(frozen=True)
class LockoutPolicy:
    max_failures: int
    lock_minutes: int
    min_password_length: int
    rule: str  # the rule version it came from, with its basis


def _dto(acc: UserAccount) -> UserDTO:
    return UserDTO(
        id=acc.id, username=acc.username, full_name=acc.full_name, role=acc.role,
        role_label=ROLE_LABELS.get(acc.role, acc.role),
        unit_scope=tuple(acc.unit_scope) if acc.unit_scope is not None else None,
        active=acc.active, failed_count=acc.failed_count, locked_until=acc.locked_until,
        must_change_password=acc.must_change_password,
    )


def normalize_username(username: str) -> str:
    return username.strip().lower()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def accounts_enabled(ctx: ServiceContext) -> bool:
    """Whether an administrator has turned accounts on for this database (read by the context itself)."""
    return read_accounts_enabled(ctx)


def lockout_policy(ctx: ServiceContext, now: datetime | None = None) -> LockoutPolicy:
    """Failures allowed, lock length and password length, from the versioned rule in force that day."""
    day = (now or utcnow()).date()
    rule = ctx.rulebook.get(LOCKOUT_RULE, on=day)
    return LockoutPolicy(
        max_failures=int(rule.params["max_failures"]),
        lock_minutes=int(rule.params["lock_minutes"]),
        min_password_length=int(rule.params["min_password_length"]),
        rule=rule.label(),
    )


def _check_password(policy: LockoutPolicy, username: str, password: str, field: str = "password") -> None:
    errors: list[tuple[str, str]] = []
    if len(password) < policy.min_password_length:
        errors.append((field, messages.text("password_too_short", length=policy.min_password_length)))
    elif password.strip().lower() == username:
        errors.append((field, messages.text("password_is_username")))
    elif password.isdigit() or password.isalpha():
        errors.append((field, messages.text("password_mix")))
    if errors:
        raise ValidationError(errors)


def _check_role_and_scope(session, role: str, unit_scope: tuple[int, ...] | None) -> None:
    if role not in ROLES:
        raise ValidationError([("role", messages.text("role_invalid", role=role, roles=', '.join(ROLES)))])
    if unit_scope is not None:
        if not unit_scope:
            raise ValidationError([("unit_scope", messages.text("scope_units_missing"))])
        found = set(session.scalars(select(OrgUnit.id).where(OrgUnit.id.in_(unit_scope))))
        missing = sorted(set(unit_scope) - found)
        if missing:
            raise ValidationError([("unit_scope", messages.text("scope_unit_unknown", ids=', '.join(map(str, missing))))])


def _get(session, username: str) -> UserAccount:
    acc = session.scalar(select(UserAccount).where(UserAccount.username == normalize_username(username)))
    if acc is None:
        raise NotFoundError("user_not_found", field="username", username=username)
    return acc


def _active_admins(session, excluding: int | None = None) -> int:
    q = select(func.count()).select_from(UserAccount).where(UserAccount.role == "quan_tri", UserAccount.active)
    if excluding is not None:
        q = q.where(UserAccount.id != excluding)
    return int(session.scalar(q) or 0)


def enable_accounts(ctx: ServiceContext, username: str, password: str, full_name: str = "") -> UserDTO:
    """Turn accounts on, creating the first administrator; the context then acts as that administrator."""
    require(ctx, ADMIN)
    if accounts_enabled(ctx):
        raise DomainError("accounts_already_on", "Tài khoản người dùng đã được bật cho cơ sở dữ liệu này.")
    name = normalize_username(username)
    if not USERNAME_RE.match(name):
        raise ValidationError([("username", messages.text("username_format"))])
    policy = lockout_policy(ctx)
    _check_password(policy, name, password)
    with ctx.unit_of_work() as s:
        acc = s.scalar(select(UserAccount).where(UserAccount.username == name))
        if acc is None:
            acc = UserAccount(username=name, full_name=full_name.strip(), role="quan_tri",
                              password_hash=hash_password(password), active=True, failed_count=0,
                              must_change_password=False)
            s.add(acc)
        else:  # accounts were on before and turned off by hand: this name becomes an administrator again
            acc.role, acc.active, acc.failed_count, acc.locked_until = "quan_tri", True, 0, None
            acc.password_hash = hash_password(password)
            acc.full_name = full_name.strip() or acc.full_name
        setting = s.get(AppSetting, ACCOUNTS_SETTING)
        if setting is None:
            s.add(AppSetting(key=ACCOUNTS_SETTING, value="1"))
        else:
            setting.value = "1"
        s.flush()
        record(s, "accounts_on", "user_accounts", str(acc.id), summary=f"Bật tài khoản; quản trị viên đầu tiên: {name}")
        dto = _dto(acc)
    ctx.accounts_on = True
    ctx.sign_in(dto.username, dto.role, dto.unit_scope)
    return dto


def list_users(ctx: ServiceContext) -> list[UserDTO]:
    require(ctx, ADMIN)
    with ctx.read() as s:
        return [_dto(a) for a in s.scalars(select(UserAccount).order_by(UserAccount.username))]


def create_user(ctx: ServiceContext, new: NewUser) -> UserDTO:
    """An administrator adds an account; the user must change the password at the first sign-in."""
    require(ctx, ADMIN)
    name = normalize_username(new.username)
    if not USERNAME_RE.match(name):
        raise ValidationError([("username", messages.text("username_format"))])
    _check_password(lockout_policy(ctx), name, new.password)
    with ctx.unit_of_work() as s:
        _check_role_and_scope(s, new.role, new.unit_scope)
        if s.scalar(select(UserAccount.id).where(UserAccount.username == name)) is not None:
            raise ConflictError("user_exists", field="username", username=name)
        acc = UserAccount(username=name, full_name=new.full_name.strip(), role=new.role,
                          unit_scope=list(new.unit_scope) if new.unit_scope is not None else None,
                          password_hash=hash_password(new.password), active=True, failed_count=0,
                          must_change_password=True)
        s.add(acc)
        s.flush()
        return _dto(acc)


def update_user(ctx: ServiceContext, username: str, changes: UserChanges) -> UserDTO:
    """Change name, role, unit scope or active flag; the last active administrator cannot be demoted."""
    require(ctx, ADMIN)
    with ctx.unit_of_work() as s:
        acc = _get(s, username)
        _check_role_and_scope(s, changes.role, changes.unit_scope)
        loses_admin = acc.role == "quan_tri" and acc.active and (changes.role != "quan_tri" or not changes.active)
        if loses_admin and _active_admins(s, excluding=acc.id) == 0:
            raise DomainError("last_admin", field="role")
        acc.full_name = changes.full_name.strip()
        acc.role = changes.role
        acc.unit_scope = list(changes.unit_scope) if changes.unit_scope is not None else None
        acc.active = changes.active
        s.flush()
        return _dto(acc)


def deactivate_user(ctx: ServiceContext, username: str) -> UserDTO:
    """Accounts are never deleted (the audit trail names them); a deactivated one cannot sign in."""
    require(ctx, ADMIN)
    with ctx.read() as s:
        cur = _dto(_get(s, username))
    return update_user(ctx, username, UserChanges(cur.full_name, cur.role, cur.unit_scope, active=False))


def reset_password(ctx: ServiceContext, username: str, new_password: str) -> UserDTO:
    """An administrator sets a temporary password; it also lifts a lockout. The user must change it."""
    require(ctx, ADMIN)
    name = normalize_username(username)
    _check_password(lockout_policy(ctx), name, new_password)
    with ctx.unit_of_work() as s:
        acc = _get(s, name)
        acc.password_hash = hash_password(new_password)
        acc.failed_count, acc.locked_until, acc.must_change_password = 0, None, True
        record(s, "reset_password", "user_accounts", str(acc.id), summary=f"Đặt lại mật khẩu cho {name}")
        s.flush()
        return _dto(acc)


def change_password(ctx: ServiceContext, username: str, old_password: str, new_password: str,
                    now: datetime | None = None) -> UserDTO:
    """The user changes their own password, proving the old one (a wrong one counts as a failed sign-in)."""
    authenticate(ctx, username, old_password, now=now, audit=False)
    name = normalize_username(username)
    _check_password(lockout_policy(ctx, now), name, new_password, field="new_password")
    if new_password == old_password:
        raise ValidationError([("new_password", messages.text("password_unchanged"))])
    with ctx.unit_of_work() as s:
        s.info["user"] = name
        acc = _get(s, name)
        acc.password_hash = hash_password(new_password)
        acc.must_change_password = False
        record(s, "change_password", "user_accounts", str(acc.id), summary=f"{name} đổi mật khẩu")
        s.flush()
        return _dto(acc)


def _lock_free(now: datetime):
    """No lock, or one that has run out at `now` (compared in the database, on the row as it is then)."""
    return or_(UserAccount.locked_until.is_(None), UserAccount.locked_until <= now)


def _count_failure(session, account_id: int, now: datetime, policy: LockoutPolicy) -> tuple[int, datetime | None] | None:
    """One wrong password, counted by the database in one statement: the count goes up by one on the row as
    it is when the statement runs (never from a value read earlier, which parallel attempts would share), a
    run-out lock starts a fresh count, and the policy's Nth failure sets the lock in the same statement.

    Returns (the count after this failure, the lock end if this failure locked), or None when a lock set
    meanwhile (by a parallel attempt) stands: then nothing is counted and the attempt is refused as locked.
    """
    expired = and_(UserAccount.locked_until.is_not(None), UserAccount.locked_until <= now)
    counted = case((expired, 1), else_=UserAccount.failed_count + 1)
    until = now + timedelta(minutes=policy.lock_minutes)
    row = session.execute(
        update(UserAccount)
        .where(UserAccount.id == account_id, _lock_free(now))
        .values(failed_count=counted,
                locked_until=case((counted >= policy.max_failures, until), else_=None))
        .returning(UserAccount.failed_count, UserAccount.locked_until)
        .execution_options(synchronize_session=False)
    ).one_or_none()
    return None if row is None else (int(row[0]), row[1])


def _accept(session, account_id: int, now: datetime, new_hash: str | None) -> bool:
    """The right password: the count goes back to zero in one statement that also checks, on the row as it
    is then, that no lock was set meanwhile by parallel wrong attempts and that the account is still active.
    False when either changed (nothing written)."""
    values: dict[str, object] = {"failed_count": 0, "locked_until": None}
    if new_hash is not None:
        values["password_hash"] = new_hash
    row = session.execute(
        update(UserAccount)
        .where(UserAccount.id == account_id, UserAccount.active.is_(True), _lock_free(now))
        .values(**values)
        .returning(UserAccount.id)
        .execution_options(synchronize_session=False)
    ).one_or_none()
    return row is not None


def authenticate(ctx: ServiceContext, username: str, password: str, now: datetime | None = None,
                 *, audit: bool = True) -> UserDTO:
    """Check a name and password. The policy's Nth failure in a row locks the account for its minutes;
    while locked even the right password is refused. Every attempt is in the audit trail.

    Safe against parallel attempts (several processes or machines at once): the password is checked with
    no transaction open, then the count or its reset is one UPDATE … RETURNING that reads and writes the
    row in the database (see `_count_failure`, `_accept`), so no attempt is lost and no success undoes a
    lock set meanwhile. `now` is naive UTC like every stored time. Returns the account; raises
    AuthenticationError.
    """
    now = now or utcnow()
    policy = lockout_policy(ctx, now)
    name = normalize_username(username)
    with ctx.read() as s:  # a short read: no snapshot is held while the password hash is computed
        acc = s.scalar(select(UserAccount).where(UserAccount.username == name))
    outcome = "wrong"
    locked_until: datetime | None = None
    dto: UserDTO | None = None
    if acc is not None and acc.locked_until is not None and now < acc.locked_until:
        outcome, locked_until, right = "locked", acc.locked_until, False
    else:
        right = _verify(acc.password_hash if acc is not None else _dummy_hash(), password)
    with ctx.unit_of_work() as s:
        s.info["user"] = name or "?"
        if acc is None:
            if audit:
                record(s, "login_failed", "user_accounts", None, summary=f"Đăng nhập sai: không có tài khoản '{name}'")
        elif outcome == "locked":
            if audit:
                record(s, "login_failed", "user_accounts", str(acc.id), summary=f"{name}: tài khoản đang tạm khóa")
        elif not right:
            counted = _count_failure(s, acc.id, now, policy)
            if counted is None:
                outcome, locked_until = "locked", _lock_end(s, acc.id) or now
                summary = f"{name}: tài khoản đang tạm khóa"
                changes: dict[str, list[object]] | None = None
            else:
                count, locked_until = counted
                if locked_until is not None:
                    outcome = "locked_now"
                summary = f"{name}: sai mật khẩu lần {count}"
                changes = {"failed_count": [count - 1, count]}
                if locked_until is not None:
                    changes["locked_until"] = [None, locked_until.isoformat()]
            if audit:
                record(s, "login_failed", "user_accounts", str(acc.id), summary=summary, changes=changes)
        elif not acc.active:
            outcome = "inactive"
            if audit:
                record(s, "login_failed", "user_accounts", str(acc.id), summary=f"{name}: tài khoản đã vô hiệu hóa")
        else:
            new_hash = hash_password(password) if _hasher.check_needs_rehash(acc.password_hash) else None
            if _accept(s, acc.id, now, new_hash):
                outcome = "ok"
                if audit:
                    record(s, "login", "user_accounts", str(acc.id), summary=f"{name} đăng nhập")
                dto = _dto(s.get_one(UserAccount, acc.id, populate_existing=True))
            else:  # locked by parallel attempts, or deactivated, since the row was read
                locked_until = _lock_end(s, acc.id)
                if locked_until is not None and now < locked_until:
                    outcome, summary = "locked", f"{name}: tài khoản đang tạm khóa"
                else:
                    outcome, summary = "inactive", f"{name}: tài khoản đã vô hiệu hóa"
                if audit:
                    record(s, "login_failed", "user_accounts", str(acc.id), summary=summary)
    if outcome == "ok" and dto is not None:
        return dto
    if outcome in ("locked", "locked_now"):
        until = locked_until or now
        minutes = max(1, math.ceil((until - now).total_seconds() / 60))
        raise AuthenticationError("locked", locked_until=until, failures=policy.max_failures, minutes=minutes)
    if outcome == "inactive":
        raise AuthenticationError("inactive")
    raise AuthenticationError("wrong_password", field="password")


def _lock_end(session, account_id: int) -> datetime | None:
    return session.scalar(select(UserAccount.locked_until).where(UserAccount.id == account_id))


def sign_in(ctx: ServiceContext, username: str, password: str, now: datetime | None = None) -> UserDTO:
    """Authenticate and make the context act as that account (the login dialog and the CLI call this)."""
    user = authenticate(ctx, username, password, now=now)
    ctx.sign_in(user.username, user.role, user.unit_scope)
    return user
