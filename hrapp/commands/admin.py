"""CLI commands of administration: backup, restore, copy-to a server, user accounts."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sqlalchemy import select

from hrapp.cli import CliError, bi, print_json, whole_number
from hrapp.cli_auth import (
    ask_db_passphrase,
    authenticate_cli,
    open_context,
    read_new_passphrase,
    read_new_password,
    read_password,
)
from hrapp.context import ServiceContext
from hrapp.db import cipher
from hrapp.db.engine import resolve_url
from hrapp.db.models import OrgUnit
from hrapp.errors import DatabaseError, FileAccessError
from hrapp.messages import text, word

YES_WORDS = {"có", "co", "c", "yes", "y"}
BACKUP_PASSPHRASE_VAR = "HRAPP_BACKUP_PASSPHRASE"  # an encrypted backup's, when not the current database's


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help=bi("sao lưu toàn bộ cơ sở dữ liệu (cả tệp đính kèm) vào một tệp",
            "back up the whole database (attachments included) into one file"))
    p.add_argument("file", metavar="FILE", help=bi("tệp sao lưu sẽ tạo (.sqlite3)",
            "backup file to create (.sqlite3)"))
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help=bi("khôi phục từ tệp sao lưu (giữ lại một bản của dữ liệu hiện tại)",
            "restore from a backup file (a copy of the current data is kept)"))
    p.add_argument("file", metavar="FILE", help=bi("tệp sao lưu",
            "backup file"))
    p.add_argument("--yes", action="store_true", help=bi("không hỏi xác nhận",
            "do not ask for confirmation"))
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("encrypt", help=bi(
            "mã hóa cơ sở dữ liệu bằng cụm mật khẩu (đã mã hóa: đổi cụm mật khẩu); cụm mật khẩu mới: biến "
            "HRAPP_NEW_DB_PASSPHRASE hoặc nhập",
            "encrypt the database with a passphrase (already encrypted: change the passphrase); new passphrase: "
            "variable HRAPP_NEW_DB_PASSPHRASE or typed"))
    p.set_defaults(handler=cmd_encrypt)
    p = sub.add_parser("decrypt", help=bi("giải mã cơ sở dữ liệu (trở lại tệp SQLite thường)",
            "decrypt the database (back to a plain SQLite file)"))
    p.set_defaults(handler=cmd_decrypt)

    p = sub.add_parser("copy-to", help=bi("chép toàn bộ dữ liệu sang một cơ sở dữ liệu trống (máy chủ PostgreSQL)",
            "copy all data into an empty database (PostgreSQL server)"))
    p.add_argument("url", metavar="URL", help=bi("postgresql+psycopg://người_dùng@máy_chủ/tên_csdl",
            "postgresql+psycopg://user@server/database"))
    p.add_argument("--batch-size", type=whole_number(1, 100_000), default=1000, help=bi("số bản ghi mỗi lần ghi (mặc định 1000)",
            "records per write (default 1000)"))
    p.set_defaults(handler=cmd_copy_to)

    users = sub.add_parser("users", help=bi("tài khoản người dùng",
            "user accounts"))
    us = users.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = us.add_parser("enable-accounts", help=bi("bật tài khoản, tạo quản trị viên đầu tiên",
            "turn accounts on and create the first administrator"))
    p.add_argument("username", metavar="USERNAME")
    p.add_argument("--full-name", default="")
    p.set_defaults(handler=cmd_enable_accounts)
    p = us.add_parser("list", help=bi("danh sách tài khoản",
            "list the accounts"))
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.set_defaults(handler=cmd_users_list)
    p = us.add_parser("add", help=bi("thêm tài khoản (mật khẩu mới: biến HRAPP_NEW_PASSWORD hoặc nhập)",
            "add an account (new password: variable HRAPP_NEW_PASSWORD or typed)"))
    p.add_argument("username", metavar="USERNAME")
    p.add_argument("--role", required=True, choices=["quan_tri", "to_chuc_can_bo", "lanh_dao", "xem"])
    p.add_argument("--full-name", default="")
    p.add_argument("--units", help=bi("chỉ làm việc với các đơn vị này (mã, cách nhau bởi dấu phẩy)",
            "work only with these units (codes, separated by commas)"))
    p.set_defaults(handler=cmd_users_add)
    p = us.add_parser("reset-password", help=bi("đặt lại mật khẩu (mở khóa tài khoản)",
            "reset the password (unlocks the account)"))
    p.add_argument("username", metavar="USERNAME")
    p.set_defaults(handler=cmd_users_reset)
    p = us.add_parser("deactivate", help=bi("vô hiệu hóa tài khoản",
            "deactivate the account"))
    p.add_argument("username", metavar="USERNAME")
    p.set_defaults(handler=cmd_users_deactivate)
    p = us.add_parser("change-password", help=bi("đổi mật khẩu của chính mình (--user)",
            "change your own password (--user)"))
    p.set_defaults(handler=cmd_users_change_password)


def cmd_backup(args: argparse.Namespace) -> int:
    from hrapp.services.backup import backup

    if not args.file.strip() or Path(args.file).is_dir():  # a file is made next to it: name the file
        raise FileAccessError("file_is_folder", path=args.file or ".")
    ctx = open_context(args, "admin")
    result = backup(ctx, args.file)
    size = f"{result.size:,}".replace(",", ".")
    print(text("cli_backup_done", path=str(result.path), size=size, attachments=result.attachments))
    return 0


def _confirm(question: str) -> bool:
    if sys.stdin is None or not sys.stdin.isatty():
        raise CliError("cli_confirm_restore")
    sys.stdout.write(question)
    sys.stdout.flush()
    return sys.stdin.readline().strip().lower() in YES_WORDS


def _backup_passphrase(path: str, ctx) -> str | None:
    """The passphrase of an encrypted backup: HRAPP_BACKUP_PASSPHRASE, else the current database's when it opens
    the backup (a backup of this database), else typed at a terminal; None for a plain backup."""
    file = Path(path).expanduser()
    if not cipher.looks_encrypted(file):
        return None
    given = os.environ.get(BACKUP_PASSPHRASE_VAR)
    if given:
        return given
    current = cipher.passphrase_of(ctx.engine) if ctx is not None else None
    if current:
        try:
            cipher.check(file, current)
            return current
        except DatabaseError:
            pass
    return ask_db_passphrase(file)


def cmd_restore(args: argparse.Namespace) -> int:
    from hrapp.services.backup import inspect_backup, restore

    try:
        ctx = ServiceContext.open(args.db, migrate=False)
    except DatabaseError as exc:
        if exc.code in ("database_not_found", "database_empty", "foreign_db", "too_new", "db_wrong_passphrase"):
            raise  # a mistyped --db, an empty file, another program's, a newer version's, a wrong passphrase: kept
        ctx = None  # the current database cannot be opened (damaged, or its passphrase lost): restoring it needs
        # no sign-in to it, as whoever may write the file may replace it
    if ctx is not None:
        authenticate_cli(args, ctx, "admin")
    passphrase = _backup_passphrase(args.file, ctx)
    info = inspect_backup(args.file, passphrase)
    print(text("cli_backup_info_upgrade" if info.needs_upgrade else "cli_backup_info", path=str(info.path),
               persons=info.persons, units=info.units, attachments=info.attachments,
               revisions=", ".join(info.revisions)))
    if not args.yes and not _confirm(word("cli_restore_question")):
        print(text("cli_restore_cancelled"))
        return 1
    result = restore(ctx if ctx is not None else resolve_url(args.db), args.file, passphrase=passphrase)
    print(text("cli_restored", database=str(result.database), source=str(result.restored_from)))
    if result.safety_copy:
        print(text("cli_restore_safety_copy", path=str(result.safety_copy)))
    if result.accounts_on:
        print(text("cli_restore_accounts"))
    return 0


def cmd_encrypt(args: argparse.Namespace) -> int:
    from hrapp.services.encryption import REKEYED, encrypt

    ctx = open_context(args, "admin")
    result = encrypt(ctx, read_new_passphrase())
    done = "cli_rekeyed" if result.outcome == REKEYED else "cli_encrypted"
    print(text(done, path=str(result.database), rows=result.rows, tables=result.tables))
    if result.plain_backups:
        print(text("cli_plain_backups_left", count=len(result.plain_backups),
                   folder=str(result.plain_backups[0].parent)))
    return 0


def cmd_decrypt(args: argparse.Namespace) -> int:
    from hrapp.services.encryption import decrypt

    ctx = open_context(args, "admin")
    result = decrypt(ctx)
    print(text("cli_decrypted", path=str(result.database), rows=result.rows, tables=result.tables))
    return 0


def cmd_copy_to(args: argparse.Namespace) -> int:
    from hrapp.services.copy_to import copy_to

    if args.batch_size < 1:
        raise CliError("cli_positive", option="--batch-size")
    ctx = open_context(args, "admin")
    result = copy_to(ctx, args.url, batch_size=args.batch_size)
    for table, n in result.counts.items():
        print(f"{table}\t{n}")
    print(text("cli_copied", rows=result.total_rows, tables=len(result.counts), target=str(result.target)))
    return 0


def cmd_enable_accounts(args: argparse.Namespace) -> int:
    from hrapp.services.accounts import enable_accounts

    ctx = ServiceContext.open(args.db)
    user = enable_accounts(ctx, args.username, read_new_password(args.username), args.full_name)
    print(text("cli_accounts_on", username=user.username))
    return 0


def _user_json(u) -> dict:
    return {"username": u.username, "full_name": u.full_name, "role": u.role, "unit_scope": u.unit_scope,
            "active": u.active, "locked_until": u.locked_until.isoformat() if u.locked_until else None,
            "must_change_password": u.must_change_password}


def cmd_users_list(args: argparse.Namespace) -> int:
    from hrapp.services.accounts import list_users

    ctx = open_context(args, "admin")
    users = list_users(ctx)
    if args.format == "json":
        print_json([_user_json(u) for u in users])
    else:
        for u in users:
            state = word("cli_user_active" if u.active else "cli_user_inactive")
            print(f"{u.username}\t{u.full_name}\t{u.role_label}\t{state}")
    return 0


def _unit_ids(ctx, codes: str | None) -> tuple[int, ...] | None:
    if not codes:
        return None
    wanted = [c.strip() for c in codes.split(",") if c.strip()]
    with ctx.read() as s:
        found = dict(s.execute(select(OrgUnit.code, OrgUnit.id).where(OrgUnit.code.in_(wanted))).all())
    missing = [c for c in wanted if c not in found]
    if missing:
        raise CliError("cli_no_unit", codes=", ".join(missing))
    return tuple(found[c] for c in wanted)


def cmd_users_add(args: argparse.Namespace) -> int:
    from hrapp.services.accounts import NewUser, create_user

    ctx = open_context(args, "admin")
    scope = _unit_ids(ctx, args.units)
    user = create_user(ctx, NewUser(username=args.username, password=read_new_password(args.username),
                                    role=args.role, full_name=args.full_name, unit_scope=scope))
    print(text("cli_user_added", username=user.username, role=user.role_label))
    return 0


def cmd_users_reset(args: argparse.Namespace) -> int:
    from hrapp.services.accounts import reset_password

    ctx = open_context(args, "admin")
    user = reset_password(ctx, args.username, read_new_password(args.username))
    print(text("cli_password_reset", username=user.username))
    return 0


def cmd_users_deactivate(args: argparse.Namespace) -> int:
    from hrapp.services.accounts import deactivate_user

    ctx = open_context(args, "admin")
    user = deactivate_user(ctx, args.username)
    print(text("cli_user_deactivated", username=user.username))
    return 0


def cmd_users_change_password(args: argparse.Namespace) -> int:
    from hrapp.services.accounts import change_password

    if not args.user:
        raise CliError("cli_user_needed")
    ctx = ServiceContext.open(args.db)
    user = change_password(ctx, args.user, read_password(args.user), read_new_password(args.user))
    print(text("cli_password_changed", username=user.username))
    return 0
