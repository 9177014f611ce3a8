"""The command line's error boundary: every failure the attacks of issue #14 provoked is one line on stderr in the
user's language with what to do, a non-zero exit, never a Python traceback; the log keeps the traceback.

Convention (README, "Command line"): exactly one line on stderr — "Lỗi: …" for a command that failed, "hrapp: lỗi:
tham số …" for an option refused while parsing; exit 2 for input refused (an option's value, a file or folder
named wrongly), 1 for a command that failed, 130 for a cancel. A failure while running is written to the log
with its traceback; a value refused while parsing has no traceback and is logged as one line.

The commands run in this process through `hrapp.cli.main` (fast); each case is one reproduction of the issue.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from hrapp import cli, logs, messages
from tests.io.generate import generate_import_file

# A workbook whose file failed must let go of it at once: a zip writer left to the garbage collector would
# later fail to flush into the closed file ("seek of closed file"), which pytest reports as unraisable.
pytestmark = pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
BIG = "9" * 5000


@pytest.fixture(autouse=True)
def log_file(tmp_path, monkeypatch) -> Path:
    """A log of the test's own; the hooks the boundary installs are put back afterwards."""
    path = tmp_path / "logs" / "hrapp.log"
    monkeypatch.setenv("HRAPP_LOG", str(path))
    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    yield path
    logs.shutdown()
    messages.set_language("vi")


@pytest.fixture
def db(demo_db: Path) -> str:
    return str(demo_db)


@pytest.fixture(scope="module")
def import_file(tmp_path_factory) -> str:
    return str(generate_import_file(tmp_path_factory.mktemp("book") / "people.xlsx", 40, seed=7))


def main(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(argv))
    except SystemExit as stop:  # argparse refused an option: its one line is already on stderr
        code = stop.code
    out = capsys.readouterr()
    return code, out.out, out.err


def assert_one_line(code: object, err: str, log: Path, *, traceback_logged: bool = True) -> str:
    assert code not in (0, None), err
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err and 'File "' not in err, err
    assert err.startswith(("Lỗi: ", "hrapp: lỗi: ")), err
    text = log.read_text(encoding="utf-8")
    if traceback_logged:
        assert "Traceback (most recent call last)" in text, text
    else:
        assert "option refused" in text, text
    return err


# ------------------------------------------------------------------------------- refused while parsing


def rank_input() -> dict:
    return {"regime": "nd115_2020", "method": "xet_tuyen", "targets": [{"position": "KS", "quota": 1}],
            "candidates": [{"id": "A", "full_name": "Thí sinh A", "preferences": ["KS"], "priority_groups": [],
                            "round1_passed": True, "round2": 70}]}


PARSE_REFUSALS = {
    "alerts as of year 1": (["alerts", "--as-of", "0001-01-01"], "nằm ngoài khoảng 01/01/1900 – 31/12/2199"),
    "alerts as of year 9999": (["alerts", "--as-of", "9999-12-31"], "nằm ngoài khoảng"),
    "alerts days of 5,000 digits": (["alerts", "--days", BIG], "không phải số nguyên từ 0 đến 3660"),
    "retirement born in year 1": (["rules", "retirement", "--sex", "M", "--birth", "0001-01-01"], "nằm ngoài khoảng"),
    "retirement born 31/12/9999": (["rules", "retirement", "--sex", "M", "--birth", "9999-12-31"], "nằm ngoài khoảng"),
    "retirement born in 9999": (["rules", "retirement", "--sex", "F", "--birth", "9999"], "nằm ngoài khoảng"),
    "pay step since year 1": (["rules", "pay-step", "--salary-class", "A1", "--step", "1", "--since", "0001-01-01"],
                              "nằm ngoài khoảng"),
    "pay step since 31/12/9999": (["rules", "pay-step", "--salary-class", "A1", "--step", "1", "--since",
                                   "9999-12-31"], "nằm ngoài khoảng"),
    "pay step delayed 99,999,999 months": (["rules", "pay-step", "--salary-class", "A1", "--step", "1", "--since",
                                            "2020-01-01", "--delay-months", "99999999"], "từ 0 đến 600"),
    "pay step of 5,000 digits": (["rules", "pay-step", "--salary-class", "A1", "--step", BIG, "--since",
                                  "2020-01-01"], "không phải số nguyên"),
    "cv of employee 10^23": (["report", "cv", "--employee", str(10**23), "--out", "{tmp}/cv.pdf"],
                             "không phải số nguyên từ 1 đến"),
    "cv of employee of 5,000 digits": (["report", "cv", "--employee", BIG, "--out", "{tmp}/cv.pdf"],
                                       "không phải số nguyên"),
    "round of 10^23": (["recruitment", "results", str(10**23)], "không phải số nguyên"),
    "search of 1,000 words": (["employees", "list", "--search", " ".join(["ab"] * 1000)], "dài quá 200 ký tự"),
    "search of 50,000 characters": (["employees", "list", "--search", "a" * 50_000], "dài quá 200 ký tự"),
    "export search of 1,000 words": (["export", "employees", "{tmp}/x.xlsx", "--search", " ".join(["ab"] * 1000)],
                                     "dài quá 200 ký tự"),
    "training year of 5,000 digits": (["training", "plan", "--year", BIG, "--out", "{tmp}/t.pdf"],
                                      "năm không hợp lệ"),
}


@pytest.mark.parametrize("case", list(PARSE_REFUSALS))
def test_a_value_out_of_bounds_is_refused_while_parsing_in_one_line(case, capsys, db, tmp_path, log_file):
    argv, words = PARSE_REFUSALS[case]
    code, out, err = main(capsys, "--db", db, *(a.replace("{tmp}", str(tmp_path)) for a in argv))
    assert code == 2 and out == ""
    assert_one_line(code, err, log_file, traceback_logged=False)
    assert words in err
    assert len(err) < 400  # a value of 50,000 characters is not echoed whole
    assert not any(tmp_path.glob("*.pdf")) and not any(tmp_path.glob("*.xlsx"))


# ------------------------------------------------------------------------------------------- rank input


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


RANK_FILES = {
    "latin-1": (lambda p: write(p, json.dumps(rank_input(), ensure_ascii=False).encode("latin-1", "replace")
                                .replace(b"?", b"\xe9")), "không phải văn bản UTF-8"),
    "binary": (lambda p: write(p, bytes(range(256)) * 8), "không phải văn bản UTF-8"),
    "deeply nested": (lambda p: write(p, b"[" * 100_000 + b"]" * 100_000), "lồng nhau quá 32 cấp"),
    "nested past the limit": (lambda p: write(p, b'{"a":' * 40 + b"1" + b"}" * 40), "lồng nhau quá 32 cấp"),
    "integer of 5,000 digits": (lambda p: write(p, b'{"regime": ' + BIG.encode() + b"}"), "số không hợp lệ"),
    "NaN": (lambda p: write(p, b'{"regime": NaN}'), "số không hợp lệ"),
    "a folder": (lambda p: (p.mkdir(), str(p))[1], "là một thư mục, không phải tệp"),
    "missing": (lambda p: str(p), "Không tìm thấy"),
    "not JSON": (lambda p: write(p, b"{regime: 1"), "không phải JSON hợp lệ"),
}


@pytest.mark.parametrize("case", list(RANK_FILES))
def test_a_rank_input_that_is_not_plain_json_is_one_line(case, capsys, tmp_path, log_file):
    make, words = RANK_FILES[case]
    path = make(tmp_path / "input.json")
    code, out, err = main(capsys, "rules", "rank", "--input", path)
    assert code == 2 and out == ""
    assert_one_line(code, err, log_file)
    assert words in err


def test_a_rank_input_in_utf16_is_read(capsys, tmp_path):
    path = write(tmp_path / "input.json", json.dumps(rank_input(), ensure_ascii=False).encode("utf-16"))
    code, out, err = main(capsys, "rules", "rank", "--input", path)
    assert (code, err) == (0, "")
    assert json.loads(out)["positions"][0]["ranking"][0]["id"] == "A"


# ------------------------------------------------------------------------------------------- output paths


OUT_ARGS = {
    "pdf": ["report", "staff-list", "--out"],
    "xlsx": ["report", "staff-list", "--out"],
    "csv": ["report", "staff-list", "--out"],
    "export": ["export", "employees"],
    "cv": ["report", "cv", "--employee", "1", "--out"],
}


def _out_name(kind: str) -> str:
    return {"export": "ds.xlsx", "cv": "cv.pdf"}.get(kind, f"ds.{kind}")


@pytest.mark.parametrize("kind", list(OUT_ARGS))
def test_an_output_under_a_file_names_the_file_in_the_way(kind, capsys, db, tmp_path, log_file):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x")
    code, _out, err = main(capsys, "--db", db, *OUT_ARGS[kind], str(blocker / "sub" / _out_name(kind)))
    assert code == 2
    assert_one_line(code, err, log_file)
    assert err == f"Lỗi: {blocker} là một tệp, không phải thư mục\n"


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="a /proc file system (Linux)")
@pytest.mark.parametrize("kind", list(OUT_ARGS))
def test_an_output_in_proc_is_one_line_naming_the_file(kind, capsys, db, log_file):
    target = f"/proc/{_out_name(kind)}"
    code, _out, err = main(capsys, "--db", db, *OUT_ARGS[kind], target)
    assert code == 2
    assert_one_line(code, err, log_file)
    assert target in err and ".part" not in err


class _FullDisk:
    """A file that takes 2,000 bytes and then fails as a full disk does (ENOSPC)."""

    def __init__(self, raw):
        self._raw = raw
        self._written = 0

    def write(self, data) -> int:
        if self._written + len(data) > 2000:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._written += len(data)
        return self._raw.write(data)

    def __getattr__(self, name):
        return getattr(self._raw, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._raw.close()


@pytest.mark.parametrize("kind", list(OUT_ARGS))
def test_a_full_disk_while_writing_a_document_is_one_line_and_leaves_no_file(kind, capsys, db, tmp_path, log_file,
                                                                              monkeypatch):
    real = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: _FullDisk(real(fd, *a, **k)))
    target = tmp_path / _out_name(kind)
    code, _out, err = main(capsys, "--db", db, *OUT_ARGS[kind], str(target))
    monkeypatch.setattr(os, "fdopen", real)
    assert code == 2
    assert_one_line(code, err, log_file)
    assert err == f"Lỗi: Không ghi được {target}: ổ đĩa đã đầy. Hãy giải phóng dung lượng hoặc chọn ổ khác.\n"
    assert [p.name for p in tmp_path.iterdir() if p.name != "logs" and not p.name.startswith("demo.sqlite3")] == []


# ------------------------------------------------------------------------------------------- the database


def test_import_while_another_program_holds_the_write_lock(capsys, db, import_file, log_file, monkeypatch):
    import hrapp.db.engine

    monkeypatch.setattr(hrapp.db.engine, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        code, _out, err = main(capsys, "--db", db, "import", "employees", import_file)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 1
    assert_one_line(code, err, log_file)
    assert err == f"Lỗi: {messages.word('locked')}\n"


def test_the_same_file_imported_twice_at_once(capsys, db, import_file, log_file, monkeypatch):
    """The second import's rows reach the table after the first import stored the same person (the race of two
    imports of one file): the database's UNIQUE refusal is one line, nothing of the import is kept."""
    from hrapp.io import employee_write

    real = employee_write._insert

    def racing(conn, table, rows):
        if table.name == "persons":
            real(conn, table, rows[:1])  # the other import, a moment earlier
        real(conn, table, rows)

    monkeypatch.setattr(employee_write, "_insert", racing)
    before = count_people(db)
    code, _out, err = main(capsys, "--db", db, "import", "employees", import_file)
    assert code == 1
    assert_one_line(code, err, log_file)
    assert "Không có gì được lưu; hãy thực hiện lại." in err and "UNIQUE" in err
    assert count_people(db) == before


def count_people(db: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM persons").fetchone()[0]


def test_a_full_disk_during_import(capsys, db, import_file, log_file, monkeypatch):
    """SQLite's SQLITE_FULL, as on a full disk: the database may not grow by a page."""
    import hrapp.db.engine

    real = hrapp.db.engine._set_sqlite_pragmas

    def no_room(dbapi_conn, record):
        real(dbapi_conn, record)
        dbapi_conn.execute("PRAGMA max_page_count = 1")  # clamps to the pages already there

    monkeypatch.setattr(hrapp.db.engine, "_set_sqlite_pragmas", no_room)
    before = count_people(db)
    code, _out, err = main(capsys, "--db", db, "import", "employees", import_file)
    assert code == 1
    assert_one_line(code, err, log_file)
    assert err == f"Lỗi: {messages.word('disk_full')}\n"
    assert count_people(db) == before


def _immutable(path: str) -> str:
    """Make the file unwritable for this process: read-only for a user, immutable (chattr +i) for root."""
    if os.geteuid() != 0:
        os.chmod(path, 0o444)
        return "chmod"
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", path], capture_output=True).returncode:
        pytest.skip("root without chattr +i: no way to make the file unwritable")
    return "chattr"


def test_import_into_an_immutable_database_file(capsys, db, import_file, log_file):
    how = _immutable(db)
    try:
        code, _out, err = main(capsys, "--db", db, "import", "employees", import_file)
    finally:
        if how == "chattr":
            subprocess.run(["chattr", "-i", db], check=True)
        os.chmod(db, 0o644)
    assert code == 1
    assert_one_line(code, err, log_file)
    assert "chỉ cho phép đọc" in err or "không có quyền" in err.lower(), err


def _damage_persons(db: str) -> None:
    with sqlite3.connect(db) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'persons'").fetchone()[0]
    with open(db, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\x0d\xff\xff\xff\xff" * 20)


@pytest.mark.parametrize("argv", [["import", "employees", "{book}"], ["employees", "list"],
                                  ["report", "staff-list", "--out", "{tmp}/ds.pdf"]])
def test_a_malformed_database_is_one_line(argv, capsys, db, import_file, tmp_path, log_file):
    _damage_persons(db)
    argv = [a.replace("{book}", import_file).replace("{tmp}", str(tmp_path)) for a in argv]
    code, _out, err = main(capsys, "--db", db, *argv)
    assert code == 1
    assert_one_line(code, err, log_file)
    assert err == f"Lỗi: {messages.word('corrupt')}\n"


# ------------------------------------------------------------------------------------------- the rest


def test_an_unexpected_failure_names_the_log_that_keeps_its_traceback(capsys, db, log_file, monkeypatch):
    def broken(_ctx, _filter):
        return 1 / 0

    monkeypatch.setattr("hrapp.queries.employees.list_employees", broken)
    code, _out, err = main(capsys, "--db", db, "employees", "list")
    assert code == 1
    assert_one_line(code, err, log_file)
    assert err.startswith("Lỗi: Lỗi không mong đợi (ZeroDivisionError: division by zero).")
    assert f"nhật ký {log_file}." in err
    assert "ZeroDivisionError" in log_file.read_text(encoding="utf-8")
    assert "in broken" in log_file.read_text(encoding="utf-8")  # the traceback, down to the failing frame


def test_the_same_line_in_english(capsys, db, log_file, monkeypatch):
    monkeypatch.setattr("hrapp.queries.employees.list_employees", lambda *_a: 1 / 0)
    code, _out, err = main(capsys, "--lang", "en", "--db", db, "employees", "list")
    assert code == 1
    assert err.startswith("Error: Unexpected error (ZeroDivisionError: division by zero).")
    assert f"the log {log_file}." in err and err.count("\n") == 1


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="a /proc file system (Linux)")
def test_a_python_run_of_main_py_prints_one_line_for_an_export_into_proc(tmp_path, demo_db):
    """The whole program as the user starts it: the workbook's unfinished row writer, dropped when the file
    cannot be created, used to print "Exception ignored … I/O operation on closed file" besides the line."""
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "HRAPP_LOG": str(tmp_path / "hrapp.log")}
    res = subprocess.run([sys.executable, str(root / "main.py"), "--db", str(demo_db), "export", "employees",
                          "/proc/x.xlsx"], capture_output=True, text=True, env=env, timeout=120)
    assert res.returncode == 2, res.stderr
    assert res.stderr == "Lỗi: Không tạo được tệp /proc/x.xlsx trong thư mục này. Hãy chọn thư mục khác.\n"
    assert "Traceback" in (tmp_path / "hrapp.log").read_text(encoding="utf-8")


def test_a_search_too_long_for_the_database_is_refused_by_the_query_itself(demo_ctx):
    """The GUI's search box reaches the same query: 50,000 characters are refused in words, not by SQLite; the
    longest search allowed (a hundred one-letter words) still runs."""
    from hrapp.errors import DomainError
    from hrapp.queries.employees import EmployeeFilter, list_employees

    with pytest.raises(DomainError) as refused:
        list_employees(demo_ctx, EmployeeFilter(search="a" * 50_000))
    assert refused.value.code == "search_too_long"
    assert messages.render(refused.value) == "Nội dung tìm kiếm quá dài (tối đa 200 ký tự). Hãy gõ vài từ của tên."
    longest = " ".join(chr(ord("a") + i % 26) for i in range(100))
    assert len(longest) < 200
    assert list_employees(demo_ctx, EmployeeFilter(search=longest)) == []


def test_output_to_a_reader_that_went_away_ends_quietly(tmp_path, demo_db):
    """`hrapp employees list | head -1`: the pipe closes under the output; no traceback, no second message."""
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "HRAPP_LOG": str(tmp_path / "hrapp.log")}
    proc = subprocess.Popen([sys.executable, str(root / "main.py"), "--db", str(demo_db), "employees", "list",
                             "--all", "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the first line
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 1
    assert err == ""


@pytest.mark.parametrize("argv", [["employees", "list", "--unit", "\x1b[2J\x1b[31mVP"],
                                  ["alerts", "--as-of", "\x1b[2J01/01/2020"],
                                  ["report", "staff-list", "--out", "\x1b]0;title\x07/ds.pdf"]])
def test_an_escape_sequence_in_a_value_is_shown_not_obeyed(argv, capsys, db, log_file, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _out, err = main(capsys, "--db", db, *argv)
    assert code in (1, 2) and err.count("\n") == 1
    assert "\x1b" not in err and "\x07" not in err
    assert "\\x1b" in err
