"""A mistyped --db under a folder that does not exist creates nothing, whatever the command (the table below
must name every command the parser has, so a new one is checked too), and neither do a mistyped target of
`copy-to` (a database too)."""

from __future__ import annotations

import argparse
import shutil

import pytest

from hrapp.cli import build_parser
from hrapp.cli import main as cli

# Every command but `init` (the one that creates a database), with arguments that reach the database.
COMMANDS: dict[str, list[str]] = {
    "demo": [],
    "employees list": [],
    "report staffing": ["--year", "2022", "--out", "{out}/o.pdf"],
    "report staff-list": ["--out", "{out}/o.xlsx"],
    "report position": ["--code", "CV", "--out", "{out}/o.pdf"],
    "report quality": ["--as-of", "01/01/2026", "--out", "{out}/o.xlsx"],
    "report cv": ["--employee", "1", "--out", "{out}/o.pdf"],
    "report cv-2023": ["--person", "1", "--out", "{out}/o.pdf"],
    "report promotion": ["--target-rank", "01.002", "--as-of", "01/03/2026", "--out", "{out}/o.pdf"],
    "report reorganisation": ["--out", "{out}/o.pdf"],
    "report reorg-benefits": ["--as-of", "01/12/2026", "--out", "{out}/o.xlsx"],
    "report pay-step": ["--start", "01/10/2026", "--end", "31/12/2026", "--out", "{out}/o.pdf"],
    "report pctnvk": ["--start", "01/10/2026", "--end", "31/12/2026", "--out", "{out}/o.xlsx"],
    "report retirement": ["--year", "2026", "--out", "{out}/o.pdf"],
    "report recruitment-plan": ["--round", "1", "--out", "{out}/o.pdf"],
    "report recruitment-eligible": ["--round", "1", "--out", "{out}/o.pdf"],
    "report recruitment-scores": ["--round", "1", "--out", "{out}/o.xlsx"],
    "report recruitment-results": ["--round", "1", "--out", "{out}/o.pdf"],
    "report planning-list": ["--period", "2026-2031", "--out", "{out}/o.pdf"],
    "report planning-summary": ["--period", "2026-2031", "--out", "{out}/o.xlsx"],
    "report planning-review": ["--period", "2026-2031", "--out", "{out}/o.pdf"],
    "report training-plan": ["--year", "2026", "--out", "{out}/o.pdf"],
    "report training-results": ["--year", "2026", "--out", "{out}/o.xlsx"],
    "report training-gaps": ["--out", "{out}/o.json"],
    "alerts": [],
    "rules retirement": ["--sex", "M", "--birth", "1970-01-01"],
    "rules pay-step": ["--salary-class", "A1", "--step", "3", "--since", "01/01/2020"],
    "rules list": [],
    "rules rank": ["--input", "{out}/rank.json"],
    "planning periods": [],
    "planning check": ["--period", "2026-2031"],
    "planning print": ["--period", "2026-2031", "--out", "{out}/o.pdf"],
    "training gaps": [],
    "training plan": ["--year", "2026", "--out", "{out}/o.xlsx"],
    "training results": ["--year", "2026", "--out", "{out}/o.xlsx"],
    "recruitment list": [],
    "recruitment results": ["1"],
    "recruitment print": ["1", "--document", "plan", "--out", "{out}/o.pdf"],
    "backup": ["{out}/b.sqlite3"],
    "restore": ["{out}/backup.sqlite3", "--yes"],
    "copy-to": ["{out}/copy.sqlite3"],
    "encrypt": [],
    "decrypt": [],
    "users enable-accounts": ["admin"],
    "users list": [],
    "users add": ["lan", "--role", "xem"],
    "users reset-password": ["lan"],
    "users deactivate": ["lan"],
    "users change-password": [],
    "import employees": ["{out}/x.xlsx"],
    "export employees": ["{out}/x.xlsx"],
    "export template": ["{out}/t.xlsx"],
    "generate": ["--employees", "5", "--units", "2", "--quiet"],
    "agency show": [],
    "agency set": ["--name", "Sở Nội vụ"],
    "agency provinces": [],
}
NEEDS_NO_DATABASE = {"agency provinces"}


def _leaf_commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return {c for name, sub in action.choices.items() for c in _leaf_commands(sub, (*prefix, name))}
    return {" ".join(prefix)}


def test_the_table_names_every_command():
    assert set(COMMANDS) == _leaf_commands(build_parser()) - {"init"}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_mistyped_database_path_creates_nothing(command, tmp_path, sqlite_template, monkeypatch, capsys):
    out = tmp_path / "out"
    out.mkdir()
    shutil.copyfile(sqlite_template, out / "backup.sqlite3")
    (out / "rank.json").write_text("[]", encoding="utf-8")
    (out / "x.xlsx").write_bytes(b"PK\x03\x04")
    monkeypatch.setenv("HRAPP_PASSWORD", "Matkhau123")
    monkeypatch.setenv("HRAPP_NEW_PASSWORD", "Matkhau456")
    before = sorted(p.name for p in out.iterdir())
    wrong = tmp_path / "typo" / "sub" / "hr.sqlite3"

    argv = ["--db", str(wrong), "--user", "lan", *command.split(), *(a.format(out=out) for a in COMMANDS[command])]
    try:
        code = cli(argv)
    except SystemExit as exc:  # argparse's refusal
        code = exc.code
    err = capsys.readouterr().err

    assert not (tmp_path / "typo").exists()
    assert sorted(p.name for p in out.iterdir()) == before
    if command not in NEEDS_NO_DATABASE:
        assert code == 1
        assert err == f"Lỗi: Không tìm thấy cơ sở dữ liệu {wrong}. Kiểm tra lại đường dẫn; để tạo mới, dùng lệnh init.\n"


def test_a_mistyped_copy_to_target_creates_no_folder(tmp_path, sqlite_template, capsys):
    db = tmp_path / "hr.sqlite3"
    shutil.copyfile(sqlite_template, db)
    typo = tmp_path / "typo" / "sub"
    assert cli(["--db", str(db), "copy-to", str(typo / "copy.sqlite3")]) == 1
    assert capsys.readouterr().err == (f"Lỗi: Không có thư mục {typo}. Kiểm tra lại đường dẫn (phần mềm không tự tạo "
                                       "thư mục).\n")
    assert not (tmp_path / "typo").exists()
