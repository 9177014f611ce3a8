"""CLI commands of administration: backup, restore, copy-to a server, user accounts."""

from __future__ import annotations

import argparse
import sys

from hrapp.cli import CliError, print_json
from hrapp.cli_auth import authenticate_cli, read_new_password, read_password

YES_WORDS = {"có", "co", "c", "yes", "y"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="sao lưu toàn bộ cơ sở dữ liệu (cả tệp đính kèm) vào một tệp")
    p.add_argument("file", metavar="FILE", help="tệp sao lưu sẽ tạo (.sqlite3)")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="khôi phục từ tệp sao lưu (giữ lại một bản của dữ liệu hiện tại)")
    p.add_argument("file", metavar="FILE", help="tệp sao lưu")
    p.add_argument("--yes", action="store_true", help="không hỏi xác nhận")
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("copy-to", help="chép toàn bộ dữ liệu sang một cơ sở dữ liệu trống (máy chủ PostgreSQL)")
    p.add_argument("url", metavar="URL", help="postgresql+psycopg://người_dùng@máy_chủ/tên_csdl")
    p.add_argument("--batch-size", type=int, default=1000, help="số bản ghi mỗi lần ghi (mặc định 1000)")
    p.set_defaults(handler=cmd_copy_to)

    users = sub.add_parser("users", help="tài khoản người dùng")
    us = users.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = us.add_parser("enable-accounts", help="bật tài khoản, tạo quản trị viên đầu tiên")
    p.add_argument("username", metavar="USERNAME")
    p.add_argument("--full-name", default="")
    p.set_defaults(handler=cmd_enable_accounts)
    p = us.add_parser("list", help="danh sách tài khoản")
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.set_defaults(handler=cmd_users_list)
    p = us.add_parser("add", help="thêm tài khoản (mật khẩu mới: biến HRAPP_NEW_PASSWORD hoặc nhập)")
    p.add_argument("username", metavar="USERNAME")
    p.add_argument("--role", required=True, choices=["quan_tri", "to_chuc_can_bo", "lanh_dao", "xem"])
    p.add_argument("--full-name", default="")
    p.add_argument("--units", help="chỉ làm việc với các đơn vị này (mã, cách nhau bởi dấu phẩy)")
    p.set_defaults(handler=cmd_users_add)
    p = us.add_parser("reset-password", help="đặt lại mật khẩu (mở khóa tài khoản)")
    p.add_argument("username", metavar="USERNAME")
    p.set_defaults(handler=cmd_users_reset)
    p = us.add_parser("deactivate", help="vô hiệu hóa tài khoản")
    p.add_argument("username", metavar="USERNAME")
    p.set_defaults(handler=cmd_users_deactivate)
    p = us.add_parser("change-password", help="đổi mật khẩu của chính mình (--user)")
    p.set_defaults(handler=cmd_users_change_password)


def _open(args: argparse.Namespace):  # noqa: ANN202
    from hrapp.services.context import ServiceContext

    return ServiceContext.open(args.db)


def cmd_backup(args: argparse.Namespace) -> int:
    from hrapp.services.backup import backup

    ctx = _open(args)
    authenticate_cli(args, ctx, "admin")
    result = backup(ctx, args.file)
    size = f"{result.size:,}".replace(",", ".")
    print(f"Đã sao lưu vào {result.path} ({size} byte, {result.attachments} tệp đính kèm); kiểm tra toàn vẹn: đạt.")
    return 0


def _confirm(question: str) -> bool:
    if sys.stdin is None or not sys.stdin.isatty():
        raise CliError("cli_confirm_restore")
    sys.stdout.write(question)
    sys.stdout.flush()
    return sys.stdin.readline().strip().lower() in YES_WORDS


def cmd_restore(args: argparse.Namespace) -> int:
    from hrapp.db.engine import resolve_url
    from hrapp.errors import DatabaseError
    from hrapp.services.backup import inspect_backup, restore
    from hrapp.services.context import ServiceContext

    info = inspect_backup(args.file)
    try:
        ctx = ServiceContext.open(args.db, migrate=False)
    except DatabaseError:
        ctx = None  # the current database cannot be opened (damaged): restoring it needs no sign-in to it
    if ctx is not None:
        authenticate_cli(args, ctx, "admin")
    print(f"Bản sao lưu {info.path}: {info.persons} hồ sơ, {info.units} đơn vị, {info.attachments} tệp đính kèm, "
          f"phiên bản dữ liệu {', '.join(info.revisions)}" + (" (sẽ được nâng cấp)" if info.needs_upgrade else ""))
    if not args.yes and not _confirm("Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu này? Gõ 'có' để đồng ý: "):
        print("Đã hủy, dữ liệu giữ nguyên.")
        return 1
    result = restore(ctx if ctx is not None else resolve_url(args.db), args.file)
    print(f"Đã khôi phục {result.database} từ {result.restored_from}.")
    if result.safety_copy:
        print(f"Dữ liệu trước khi khôi phục được giữ tại {result.safety_copy}.")
    if result.accounts_on:
        print("Cơ sở dữ liệu đã khôi phục có tài khoản người dùng: hãy đăng nhập lại.")
    return 0


def cmd_copy_to(args: argparse.Namespace) -> int:
    from hrapp.services.copy_to import copy_to

    if args.batch_size < 1:
        raise CliError("cli_positive", option="--batch-size")
    ctx = _open(args)
    authenticate_cli(args, ctx, "admin")
    result = copy_to(ctx, args.url, batch_size=args.batch_size)
    for table, n in result.counts.items():
        print(f"{table}\t{n}")
    print(f"Đã chép {result.total_rows} bản ghi của {len(result.counts)} bảng sang {result.target}; "
          "số bản ghi từng bảng khớp với nguồn.")
    return 0


def cmd_enable_accounts(args: argparse.Namespace) -> int:
    from hrapp.services.accounts import enable_accounts

    ctx = _open(args)
    user = enable_accounts(ctx, args.username, read_new_password(args.username), args.full_name)
    print(f"Đã bật tài khoản người dùng. Quản trị viên: {user.username}. Từ nay các lệnh đọc hoặc thay đổi dữ liệu cần "
          "--user và mật khẩu.")
    return 0


def _user_json(u) -> dict:  # noqa: ANN001
    return {"username": u.username, "full_name": u.full_name, "role": u.role, "unit_scope": u.unit_scope,
            "active": u.active, "locked_until": u.locked_until.isoformat() if u.locked_until else None,
            "must_change_password": u.must_change_password}


def cmd_users_list(args: argparse.Namespace) -> int:
    from hrapp.services.accounts import list_users

    ctx = _open(args)
    authenticate_cli(args, ctx, "admin")
    users = list_users(ctx)
    if args.format == "json":
        print_json([_user_json(u) for u in users])
    else:
        for u in users:
            state = "hoạt động" if u.active else "vô hiệu"
            print(f"{u.username}\t{u.full_name}\t{u.role_label}\t{state}")
    return 0


def _unit_ids(ctx, codes: str | None) -> tuple[int, ...] | None:  # noqa: ANN001
    from sqlalchemy import select

    from hrapp.db.models import OrgUnit

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

    ctx = _open(args)
    authenticate_cli(args, ctx, "admin")
    scope = _unit_ids(ctx, args.units)
    user = create_user(ctx, NewUser(username=args.username, password=read_new_password(args.username),
                                    role=args.role, full_name=args.full_name, unit_scope=scope))
    print(f"Đã thêm tài khoản {user.username} ({user.role_label}); người dùng phải đổi mật khẩu khi đăng nhập lần đầu.")
    return 0


def cmd_users_reset(args: argparse.Namespace) -> int:
    from hrapp.services.accounts import reset_password

    ctx = _open(args)
    authenticate_cli(args, ctx, "admin")
    user = reset_password(ctx, args.username, read_new_password(args.username))
    print(f"Đã đặt lại mật khẩu của {user.username} và mở khóa; người dùng phải đổi mật khẩu khi đăng nhập.")
    return 0


def cmd_users_deactivate(args: argparse.Namespace) -> int:
    from hrapp.services.accounts import deactivate_user

    ctx = _open(args)
    authenticate_cli(args, ctx, "admin")
    user = deactivate_user(ctx, args.username)
    print(f"Đã vô hiệu hóa tài khoản {user.username}.")
    return 0


def cmd_users_change_password(args: argparse.Namespace) -> int:
    from hrapp.services.accounts import change_password

    if not args.user:
        raise CliError("cli_user_needed")
    ctx = _open(args)
    user = change_password(ctx, args.user, read_password(args.user), read_new_password(args.user))
    print(f"Đã đổi mật khẩu của {user.username}.")
    return 0
