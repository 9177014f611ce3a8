"""`import employees` on the command line keeps the same rules as the editor: a warning is a line on stderr and in
the JSON (the rows are imported, exit 0); a start date far ahead or a CCCD cell with a fraction is an error (exit 1,
nothing written)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_records_cli import db, persons, run  # noqa: F401 - fixture
from tests.io.test_import import HEAD, book, row


def _file(tmp_path: Path, name: str, *rows: list) -> str:
    return str(book(tmp_path / name, {"Nhân sự": [HEAD, *rows]}))


def test_a_warning_is_a_line_on_stderr_and_the_row_is_imported(db, tmp_path):  # noqa: F811
    assert run("--db", str(db), "import", "employees", _file(tmp_path, "a.xlsx", row())).returncode == 0
    again = run("--db", str(db), "import", "employees", _file(tmp_path, "b.xlsx", row(cccd="052185009876")))
    assert again.returncode == 0, again.stderr
    [line] = again.stderr.strip().splitlines()
    assert line.startswith("Cảnh báo: Nhân sự\tdòng 2\tHọ và tên (*)") and "052185001234" in line
    assert persons(db) == 2
    third = run("--db", str(db), "--lang", "en", "import", "employees",
                _file(tmp_path, "c.xlsx", row(cccd="052185009877")), "--format", "json")
    data = json.loads(third.stdout)
    assert third.returncode == 0 and data["new"] == 1 and data["errors"] == []
    assert [(w["row"], w["column"]) for w in data["warnings"]] == [(2, "Họ và tên (*)")]
    assert "same name and date of birth" in data["warnings"][0]["message"]


def test_a_start_far_ahead_and_a_fractional_cccd_are_errors(db, tmp_path):  # noqa: F811
    res = run("--db", str(db), "import", "employees", _file(tmp_path, "x.xlsx", row(start="31/12/9999"),
                                                            row(cccd=52091000127.5, name="Lê Văn Bình")))
    assert res.returncode == 1 and persons(db) == 0
    assert "quá xa" in res.stderr and "không nguyên" in res.stderr and "Traceback" not in res.stderr


def test_warnings_are_capped_at_fifty_lines_and_wait_while_errors_stand(db, tmp_path):  # noqa: F811
    same = [row(cccd=f"0521850{i:05d}") for i in range(60)]  # one name and birth, 60 cards: 59 warnings
    failing = run("--db", str(db), "import", "employees", _file(tmp_path, "bad.xlsx", *same, row(unit="KHONGCO",
                                                                                            cccd="052185099999")))
    assert failing.returncode == 1 and "Cảnh báo" not in failing.stderr  # the errors first
    res = run("--db", str(db), "import", "employees", _file(tmp_path, "same.xlsx", *same))
    assert res.returncode == 0 and persons(db) == 60
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 51 and all(line.startswith("Cảnh báo: ") for line in lines[:50])
    assert lines[50] == "… và 9 cảnh báo khác."
