"""Sign-in for command-line use: `--user NAME` with the password from HRAPP_PASSWORD or a prompt."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from hrapp import messages
from hrapp.context import ServiceContext
from hrapp.db.cipher import MIN_PASSPHRASE, NEW_PASSPHRASE_VAR, check_new_passphrase
from hrapp.errors import AuthenticationError, HrappError
from hrapp.security import require

PASSWORD_VAR = "HRAPP_PASSWORD"
NEW_PASSWORD_VAR = "HRAPP_NEW_PASSWORD"


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def read_password(username: str) -> str:
    """The password from HRAPP_PASSWORD, else typed at a terminal (never echoed); no terminal: refused."""
    value = os.environ.get(PASSWORD_VAR)
    if value is not None:
        return value
    if not _interactive():
        raise AuthenticationError("no_password", username=username, variable=PASSWORD_VAR)
    return getpass.getpass(messages.word("cli_password_prompt", {"username": username}))


def read_new_password(for_whom: str) -> str:
    """A new password from HRAPP_NEW_PASSWORD, else typed twice at a terminal."""
    value = os.environ.get(NEW_PASSWORD_VAR)
    if value is not None:
        return value
    if not _interactive():
        raise HrappError("no_new_password", username=for_whom, variable=NEW_PASSWORD_VAR)
    first = getpass.getpass(messages.word("cli_new_password_prompt", {"username": for_whom}))
    if getpass.getpass(messages.word("cli_new_password_again")) != first:
        raise HrappError("password_mismatch")
    return first


def read_new_passphrase() -> str:
    """A database's new passphrase from HRAPP_NEW_DB_PASSPHRASE, else typed twice at a terminal (never echoed)."""
    value = os.environ.get(NEW_PASSPHRASE_VAR)
    if value is not None:
        return check_new_passphrase(value)
    if not _interactive():
        raise HrappError("no_new_passphrase", variable=NEW_PASSPHRASE_VAR)
    first = check_new_passphrase(getpass.getpass(messages.word("cli_new_db_passphrase_prompt",
                                                               {"minimum": MIN_PASSPHRASE})))
    if getpass.getpass(messages.word("cli_new_db_passphrase_again")) != first:
        raise HrappError("passphrase_mismatch")
    return first


def ask_db_passphrase(path: object) -> str | None:
    """The passphrase of an encrypted database or backup typed at a terminal (never echoed); None without one."""
    if not _interactive():
        return None
    return getpass.getpass(messages.word("cli_db_passphrase_prompt", {"path": str(path)}))


def authenticate_cli(args: argparse.Namespace, ctx: ServiceContext, permission: str = "write"):
    """Call at the start of a command that needs `permission`; returns the signed-in UserDTO or None.

    Accounts off: nothing is asked (one user with every right; `--user`, if given, names the audit rows).
    Accounts on: `--user NAME` is required, the password is checked (lockout included), the account
    must not be waiting for a password change, and its role must have the permission.
    """
    from hrapp.services.accounts import sign_in  # the password hasher, loaded only by a command that signs in

    username = getattr(args, "user", None)
    if not ctx.accounts_on:
        if username:
            ctx.user = username
        return None
    if not username:
        raise AuthenticationError("user_required", variable=PASSWORD_VAR)
    user = sign_in(ctx, username, read_password(username))
    if user.must_change_password:
        ctx.sign_out()
        raise AuthenticationError("must_change_password")
    require(ctx, permission)
    return user


def open_context(args: argparse.Namespace, permission: str = "read") -> ServiceContext:
    """The database of `--db` (or HRAPP_DB), signed in for `permission` when accounts are on: every command
    that reads or changes data opens its context here."""
    ctx = ServiceContext.open(args.db)
    try:
        authenticate_cli(args, ctx, permission)
    except BaseException:
        ctx.engine.dispose()
        raise
    return ctx
