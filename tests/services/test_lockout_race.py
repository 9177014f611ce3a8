"""Lockout under parallel attack: wrong passwords fired at once from several processes are each counted,
the account locks at the policy's count, and the right password is refused afterwards (SQLite file, and
PostgreSQL when a server is configured)."""

from __future__ import annotations

import multiprocessing
import re

import pytest
from sqlalchemy import select

from hrapp.context import ServiceContext
from hrapp.db.models import AuditLog, UserAccount
from hrapp.errors import AuthenticationError
from hrapp.services import accounts
from hrapp.services.accounts import NewUser
from tests.services.lockout_attacker import attack

PROCESSES = 4
ATTEMPTS_EACH = 3  # 12 wrong passwords in all, more than twice the policy's 5
RIGHT = "Matkhau123"


def _url(ctx: ServiceContext) -> str:
    return ctx.engine.url.render_as_string(hide_password=False)


def test_wrong_passwords_from_parallel_processes_are_all_counted_and_lock_the_account(ctx):
    accounts.enable_accounts(ctx, "admin", "Quantri#2026")
    accounts.create_user(ctx, NewUser(username="lan", password=RIGHT, role="to_chuc_can_bo"))
    policy = accounts.lockout_policy(ctx)
    total = PROCESSES * ATTEMPTS_EACH
    assert total > 2 * policy.max_failures

    spawn = multiprocessing.get_context("spawn")  # what Windows does; no copied engine or connection
    barrier = spawn.Barrier(PROCESSES)
    results = spawn.Queue()
    workers = [spawn.Process(target=attack, args=(_url(ctx), "lan", "sai-mat-khau", ATTEMPTS_EACH, barrier, results))
               for _ in range(PROCESSES)]
    for w in workers:
        w.start()
    codes = [code for _ in workers for code in results.get(timeout=300)]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    assert len(codes) == total and "ok" not in codes
    assert "locked" in codes  # the attempts after the lock are refused as locked

    with pytest.raises(AuthenticationError) as err:
        accounts.authenticate(ctx, "lan", RIGHT)
    assert err.value.code == "locked"

    with ctx.read() as s:
        acc = s.scalar(select(UserAccount).where(UserAccount.username == "lan"))
        summaries = list(s.scalars(select(AuditLog.summary).where(
            AuditLog.action == "login_failed", AuditLog.entity_id == str(acc.id))))
    assert acc.failed_count == policy.max_failures and acc.locked_until is not None
    assert len(summaries) == total + 1  # every attempt of the attack, and the refused right password
    # Each count was handed out once: no two attempts read the same count and wrote the same next one.
    counted = sorted(int(m.group(1)) for t in summaries if (m := re.search(r"lần (\d+)$", t or "")))
    assert counted == list(range(1, policy.max_failures + 1))


def test_the_right_password_checked_while_parallel_attempts_lock_the_account_is_refused(ctx, monkeypatch):
    """The right password's check takes a while (argon2); wrong attempts that lock the account meanwhile
    win: the sign-in is refused and neither the lock nor the count is undone."""
    accounts.enable_accounts(ctx, "admin", "Quantri#2026")
    accounts.create_user(ctx, NewUser(username="lan", password=RIGHT, role="to_chuc_can_bo"))
    policy = accounts.lockout_policy(ctx)
    other = ServiceContext.open(_url(ctx), migrate=False)  # another process's connection
    real_verify = accounts._verify
    attacked: list[str] = []

    def verify_while_attacked(password_hash: str, password: str) -> bool:
        if password == RIGHT and not attacked:
            for _ in range(policy.max_failures):
                try:
                    accounts.authenticate(other, "lan", "sai-mat-khau")
                except AuthenticationError as exc:
                    attacked.append(exc.code)
        return real_verify(password_hash, password)

    monkeypatch.setattr(accounts, "_verify", verify_while_attacked)
    try:
        with pytest.raises(AuthenticationError) as err:
            accounts.authenticate(ctx, "lan", RIGHT)
    finally:
        other.engine.dispose()
    assert attacked[-1] == "locked"
    assert err.value.code == "locked"
    with ctx.read() as s:
        acc = s.scalar(select(UserAccount).where(UserAccount.username == "lan"))
    assert acc.failed_count == policy.max_failures and acc.locked_until is not None
