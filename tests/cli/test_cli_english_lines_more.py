"""More of the command line in English with --lang en (and Vietnamese without): a report's refusal, the
generator's progress, the row errors of an import."""

from __future__ import annotations

import pytest

from hrapp import cli, messages


@pytest.fixture(autouse=True)
def _vietnamese_after():
    yield
    messages.set_language("vi")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_position_code_not_found_is_refused_in_the_language_asked_for(capsys, tmp_path):
    db = str(tmp_path / "a.sqlite3")
    assert run(capsys, "--db", db, "init")[0] == 0
    out = str(tmp_path / "p.pdf")
    code, _, err = run(capsys, "--lang", "en", "--db", db, "report", "position", "--code", "ZZ9", "--out", out)
    assert code == 1 and err.strip() == "Error: There is no job position with code 'ZZ9'."
    code, _, err = run(capsys, "--lang", "en", "--db", db, "report", "position", "--code", "ZZ9", "--unit", "U1",
                       "--out", out)
    assert code == 1 and err.strip() == "Error: There is no job position with code 'ZZ9' in unit 'U1'."
    code, _, err = run(capsys, "--db", db, "report", "position", "--code", "ZZ9", "--unit", "U1", "--out", out)
    assert code == 1 and err.strip() == "Lỗi: Không có vị trí việc làm mã 'ZZ9' tại đơn vị 'U1'."


def test_the_generators_progress_reads_in_the_language_asked_for(capsys, tmp_path):
    db = str(tmp_path / "a.sqlite3")
    assert run(capsys, "--db", db, "init")[0] == 0
    code, _, err = run(capsys, "--lang", "en", "--db", db, "generate", "--employees", "20", "--units", "3",
                       "--as-of", "31/12/2025")
    assert code == 0
    assert "Personnel records: 20/20 (100%)" in err and "Units, job positions…" in err
    assert "Hồ sơ nhân sự" not in err
    db2 = str(tmp_path / "b.sqlite3")
    assert run(capsys, "--db", db2, "init")[0] == 0
    code, _, err = run(capsys, "--db", db2, "generate", "--employees", "20", "--units", "3", "--as-of", "31/12/2025")
    assert code == 0 and "Hồ sơ nhân sự: 20/20 (100%)" in err and "Personnel" not in err
