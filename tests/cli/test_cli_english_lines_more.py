"""More of the command line in English with --lang en (and Vietnamese without): a report's refusal, the
generator's progress, the row errors of an import, the app's labels of alerts and recruitment."""

from __future__ import annotations

import pickle
import re

import pytest

from hrapp import cli, messages

VIETNAMESE = re.compile(r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]", re.I)


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


def broken_workbook(path) -> str:
    """A staff sheet with the template's headers and one row whose birth date is no date and whose name is empty."""
    from openpyxl import Workbook

    from hrapp.io import excel_template as t

    book = Workbook()
    ws = book.active
    ws.title = t.PERSONS.name
    columns = [c for c in t.PERSONS.columns if c.required]
    ws.append([c.header for c in columns])
    values = {"id_number": "001090000001", "full_name": None, "gender": "Nam", "birth_date": "ngày 32"}
    ws.append([values.get(c.key, "x") for c in columns])
    book.save(path)
    return str(path)


def test_the_row_errors_of_an_import_read_in_the_language_asked_for(capsys, tmp_path):
    db = str(tmp_path / "a.sqlite3")
    assert run(capsys, "--db", db, "init")[0] == 0
    bad = broken_workbook(tmp_path / "bad.xlsx")
    code, _, err = run(capsys, "--lang", "en", "--db", db, "import", "employees", bad, "--dry-run")
    assert code == 1
    assert "Not filled in: họ và tên." in err
    assert "Date of birth: not a date (write dd/mm/yyyy). (value: ngày 32)" in err
    assert "Chưa nhập" not in err and "không phải ngày" not in err
    code, _, err = run(capsys, "--db", db, "import", "employees", bad, "--dry-run")
    assert code == 1
    assert "Chưa nhập họ và tên." in err
    assert "Ngày sinh: không phải ngày (ghi dd/mm/yyyy). (giá trị: ngày 32)" in err


def test_an_import_issue_is_located_and_worded_again_in_the_other_language():
    from hrapp.io.excel_import import ImportIssue

    issue = ImportIssue("Nhân sự", 3, "Ngày sinh", "ngày 32",
                        messages.text("import_bad_cell", column="Ngày sinh",
                                      problem=messages.text("import_not_a_date")))
    assert issue.line() == ("Nhân sự, dòng 3, cột “Ngày sinh”: Ngày sinh: không phải ngày (ghi dd/mm/yyyy). "
                            "(giá trị: ngày 32)")
    messages.set_language("en")
    assert issue.line() == ("Nhân sự, row 3, column “Ngày sinh”: Date of birth: not a date (write dd/mm/yyyy). "
                            "(value: ngày 32)")
    missing = messages.text("import_column_missing", column=messages.Verbatim("Họ và tên"))
    assert messages.say(missing, "en") == "The required column “Họ và tên” is missing."
    # an import run in a child process sends its issues back pickled: they are worded again in the window
    back = pickle.loads(pickle.dumps(ImportIssue("Nhân sự", 2, "Họ và tên (*)", "", missing)))
    assert back.line() == "Nhân sự, row 2, column “Họ và tên (*)”: The required column “Họ và tên” is missing."


def test_the_apps_labels_of_alerts_and_recruitment_have_english_words():
    from hrapp.domain.recruitment import OUTCOME_LABELS
    from hrapp.queries.recruitment import METHOD_LABELS, OUTCOME_SHORT, STATUS_LABELS
    from hrapp.services.alerts import KIND_LABELS

    labels = [*KIND_LABELS.values(), *METHOD_LABELS.values(), *STATUS_LABELS.values(), *OUTCOME_SHORT.values(),
              *OUTCOME_LABELS.values()]
    english = [messages.term(label, "en") for label in labels]
    assert [e for e in english if VIETNAMESE.search(e)] == []
    assert [messages.term(label, "vi") for label in labels] == labels
    assert messages.term("Thi tuyển", "en") == "Competitive exam"


def test_alerts_and_recruitment_rounds_name_their_kind_and_state_in_english(capsys, tmp_path):
    from hrapp.queries.recruitment import METHOD_LABELS, STATUS_LABELS
    from hrapp.services.alerts import KIND_LABELS

    db = str(tmp_path / "a.sqlite3")
    assert run(capsys, "--db", db, "init")[0] == 0
    assert run(capsys, "--db", db, "demo")[0] == 0
    code, out, _ = run(capsys, "--lang", "en", "--db", db, "alerts", "--days", "3660")
    assert code == 0
    kinds = {line.split("\t")[1] for line in out.splitlines() if line.count("\t") >= 3}
    assert kinds and kinds <= {messages.term(label, "en") for label in KIND_LABELS.values()}
    code, out, _ = run(capsys, "--db", db, "alerts", "--days", "3660")
    assert {line.split("\t")[1] for line in out.splitlines() if line.count("\t") >= 3} <= set(KIND_LABELS.values())
    code, out, _ = run(capsys, "--lang", "en", "--db", db, "recruitment", "list")
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines() if line.count("\t") >= 5]
    assert rows
    assert {r[3] for r in rows} <= {messages.term(x, "en") for x in METHOD_LABELS.values()}
    assert {r[4] for r in rows} <= {messages.term(x, "en") for x in STATUS_LABELS.values()}
