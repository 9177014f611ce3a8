"""The command line speaks one language at a time: Vietnamese by default, English with --lang en, for its own
parser words and for the errors of the application."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from hrapp import cli, messages

ROOT = Path(__file__).resolve().parents[2]
VIETNAMESE = re.compile(r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]", re.I)
ENGLISH = re.compile(r"\b(error|usage|options|not found|invalid|choose|required|unrecognized|arguments?)\b", re.I)


@pytest.fixture(autouse=True)
def _vietnamese_after():
    yield
    messages.set_language("vi")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)


def parse_error(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as stop:
        cli.build_parser().parse_args(list(argv))
    assert stop.value.code == 2
    return capsys.readouterr().err


def test_the_same_error_is_worded_in_the_language_asked_for_and_in_no_other(tmp_path):
    db = tmp_path / "a.sqlite3"
    assert run("--db", str(db), "init").returncode == 0
    missing = tmp_path / "khong-co.sqlite3"
    vi = run("--lang", "vi", "--db", str(db), "restore", str(missing), "--yes")
    en = run("--lang", "en", "--db", str(db), "restore", str(missing), "--yes")
    assert vi.returncode == en.returncode == 1
    assert vi.stderr == f"Lỗi: Không tìm thấy tệp sao lưu {missing}.\n"
    assert en.stderr == f"Error: Backup file not found: {missing}.\n"
    assert not ENGLISH.search(vi.stderr.replace(str(missing), ""))
    assert not VIETNAMESE.search(en.stderr)


def test_without_lang_the_command_line_is_vietnamese(tmp_path):
    res = run("--db", str(tmp_path / "a.sqlite3"), "restore", str(tmp_path / "none.sqlite3"), "--yes")
    assert res.stderr.startswith("Lỗi: Không tìm thấy cơ sở dữ liệu")


def test_parser_words_are_vietnamese_by_default(capsys):
    unknown = parse_error(capsys, "employees", "list", "--bogus")
    assert unknown == "hrapp: lỗi: không hiểu các tham số: --bogus\n"
    choice = parse_error(capsys, "employeesx")
    assert choice.startswith("hrapp: lỗi: tham số COMMAND: lựa chọn không hợp lệ: 'employeesx' (chọn một trong: ")
    required = parse_error(capsys, "report")
    assert required == "hrapp: lỗi: thiếu các tham số bắt buộc: REPORT\n"
    day = parse_error(capsys, "alerts", "--as-of", "32/13/2020")
    assert day == "hrapp: lỗi: tham số --as-of: ngày không hợp lệ: '32/13/2020' (dùng dd/mm/yyyy hoặc yyyy-mm-dd)\n"
    year = parse_error(capsys, "report", "staffing", "--year", "1800", "--out", "a.pdf")
    assert year == "hrapp: lỗi: tham số --year: năm phải trong khoảng 1990–2100: 1800\n"
    for text in (unknown, choice, required, day, year):
        assert not ENGLISH.search(text), text


def test_parser_words_are_english_with_lang_en(capsys):
    unknown = parse_error(capsys, "--lang", "en", "employees", "list", "--bogus")
    assert unknown == "hrapp: error: unrecognized arguments: --bogus\n"
    choice = parse_error(capsys, "--lang=en", "employeesx")
    assert choice.startswith("hrapp: error: argument COMMAND: invalid choice: 'employeesx' (choose from ")
    required = parse_error(capsys, "--lang", "en", "report")
    assert required == "hrapp: error: the following arguments are required: REPORT\n"
    day = parse_error(capsys, "--lang", "en", "alerts", "--as-of", "32/13/2020")
    assert day == "hrapp: error: argument --as-of: invalid date: '32/13/2020' (use dd/mm/yyyy or yyyy-mm-dd)\n"
    year = parse_error(capsys, "--lang", "en", "report", "staffing", "--year", "1800", "--out", "a.pdf")
    assert year == "hrapp: error: argument --year: the year must be within 1990–2100: 1800\n"
    for text in (unknown, choice, required, day, year):
        assert not VIETNAMESE.search(text), text


def test_help_heads_its_sections_in_the_language_asked_for(capsys):
    for argv, words, absent in ((["--help"], ("cách dùng: hrapp", "tùy chọn:", "tham số vị trí:",
                                              "hiện hướng dẫn này rồi thoát", "Quản lý cán bộ"), ("usage:", "options:")),
                                (["--lang", "en", "--help"], ("usage: hrapp", "options:", "positional arguments:",
                                                              "show this help message and exit",
                                                              "language of the messages"), ("cách dùng", "tùy chọn")),
                                (["employees", "list", "--help"], ("cách dùng: hrapp employees list", "tùy chọn:"),
                                 ("usage:",))):
        with pytest.raises(SystemExit):
            cli.build_parser().parse_args(argv)
        out = capsys.readouterr().out
        for word in words:
            assert word in out, (argv, word)
        for word in absent:
            assert word not in out, (argv, word)


def test_lang_en_sets_the_language_of_the_commands_messages(capsys):
    args = cli.build_parser().parse_args(["--lang", "en", "alerts"])
    assert messages.language() == "en"

    def refuse(_args):
        raise cli.CliError("cli_no_command")

    args.handler = refuse
    assert cli.run(args) == 2
    assert capsys.readouterr().err == "Error: no command given (see: hrapp --help)\n"
    args.lang = None
    assert cli.run(args) == 2
    assert capsys.readouterr().err == "Lỗi: chưa chọn lệnh (xem: hrapp --help)\n"


def test_the_commands_own_refusals_follow_the_language(tmp_path, capsys):
    db = tmp_path / "a.sqlite3"
    assert cli.main(["--db", str(db), "init"]) == 0
    capsys.readouterr()
    out = str(tmp_path / "staffing.txt")
    assert cli.main(["--db", str(db), "report", "staffing", "--year", "2024", "--out", out]) == 2
    vi = capsys.readouterr().err
    assert cli.main(["--lang", "en", "--db", str(db), "report", "staffing", "--year", "2024", "--out", out]) == 2
    en = capsys.readouterr().err
    assert vi == f"Lỗi: tệp kết quả phải có đuôi .pdf, .xlsx, .csv, .json: {out}\n"
    assert en == f"Error: the output file must end in .pdf, .xlsx, .csv, .json: {out}\n"
