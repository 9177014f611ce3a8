"""One rule for the folders the user names: `backup FILE` into a folder that does not exist is refused with one
line and creates nothing, like `--out` of a report and `copy-to`."""

from __future__ import annotations

import shutil

from hrapp.cli import main as cli


def test_backup_into_a_missing_folder_is_one_line_and_creates_nothing(tmp_path, sqlite_template, capsys):
    db = tmp_path / "hr.sqlite3"
    shutil.copyfile(sqlite_template, db)
    missing = tmp_path / "sao luu" / "2026"
    assert cli(["--db", str(db), "backup", str(missing / "hr.sqlite3")]) == 1
    assert capsys.readouterr().err == (f"Lỗi: Không có thư mục {missing}. Kiểm tra lại đường dẫn (phần mềm không tự "
                                       "tạo thư mục).\n")
    assert not (tmp_path / "sao luu").exists()


def test_the_same_rule_as_the_out_of_a_report_and_copy_to(tmp_path, sqlite_template, capsys):
    db = tmp_path / "hr.sqlite3"
    shutil.copyfile(sqlite_template, db)
    missing = tmp_path / "khong-co"
    lines = []
    for argv in (["backup", str(missing / "b.sqlite3")], ["copy-to", str(missing / "c.sqlite3")],
                 ["report", "staff-list", "--out", str(missing / "ds.xlsx")]):
        assert cli(["--db", str(db), *argv]) != 0  # 2 for the report: its --out is checked with the arguments
        lines.append(capsys.readouterr().err)
    assert len(set(lines)) == 1 and lines[0].count("\n") == 1 and str(missing) in lines[0]
    assert not missing.exists()


def test_backup_into_an_existing_folder_still_works(tmp_path, sqlite_template, capsys):
    db = tmp_path / "hr.sqlite3"
    shutil.copyfile(sqlite_template, db)
    (tmp_path / "sao luu").mkdir()
    assert cli(["--db", str(db), "backup", str(tmp_path / "sao luu" / "hr.sqlite3")]) == 0
    assert (tmp_path / "sao luu" / "hr.sqlite3").read_bytes()[:16] == b"SQLite format 3\x00"


def test_a_recruitment_document_into_a_missing_folder_says_the_folder_not_a_temporary_file(tmp_path, sqlite_template,
                                                                                          capsys):
    db = tmp_path / "hr.sqlite3"
    shutil.copyfile(sqlite_template, db)
    missing = tmp_path / "khong-co"
    assert cli(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    assert cli(["--db", str(db), "recruitment", "print", "1", "--document", "plan", "--out",
                str(missing / "kh.pdf")]) == 1
    assert capsys.readouterr().err == (f"Lỗi: Không có thư mục {missing}. Kiểm tra lại đường dẫn (phần mềm không tự "
                                       "tạo thư mục).\n")
    assert not missing.exists()
