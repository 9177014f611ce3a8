"""With --lang en the command line's own lines and its help are English; without it, Vietnamese."""

from __future__ import annotations

import argparse
import re

import pytest

from hrapp import cli, messages

VIETNAMESE = re.compile(r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]", re.I)


def every_command() -> list[tuple[str, ...]]:
    """Every command and sub-command of the parser, as the words typed to reach it."""
    found = []

    def walk(parser, path):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    found.append((*path, name))
                    walk(child, (*path, name))

    walk(cli.build_parser(), ())
    return found


ALL_COMMANDS = every_command()


@pytest.fixture(autouse=True)
def _vietnamese_after():
    yield
    messages.set_language("vi")


def main(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def helped(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as stop:
        cli.main([*argv, "--help"])
    assert stop.value.code == 0
    return capsys.readouterr().out


def test_the_commands_own_lines_are_english_with_lang_en_except_the_data(capsys, tmp_path):
    db = str(tmp_path / "a.sqlite3")
    code, out, _ = main(capsys, "--lang", "en", "--db", db, "init")
    assert code == 0 and out.startswith("The database is ready: ")
    code, out, _ = main(capsys, "--lang", "en", "--db", db, "agency", "show")
    assert out.startswith("The agency is not entered yet (command: agency set")
    code, out, _ = main(capsys, "--lang", "en", "--db", db, "demo")
    assert code == 0 and re.fullmatch(r"The demo data is loaded: [\d.]+ units, [\d.]+ job positions, [\d.]+ people"
                                      r"(, [\d.]+ staff quotas)?(, [\d.]+ decisions)?\.\n", out), out
    code, out, _ = main(capsys, "--lang", "en", "--db", db, "agency", "show")
    labels = [line.split(": ", 1)[0] for line in out.splitlines()]
    assert "Agency name" in labels and "Parent agency" in labels
    assert not any(VIETNAMESE.search(label) for label in labels)
    code, out, _ = main(capsys, "--lang", "en", "--db", db, "report", "staffing", "--year", "2024",
                        "--as-of", "31/12/2024", "--out", str(tmp_path / "t.xlsx"))
    assert code == 0 and out.startswith(f"Wrote {tmp_path / 't.xlsx'} (year 2024, as of 31/12/2024; ")
    assert not VIETNAMESE.search(out)
    code, out, _ = main(capsys, "--lang", "en", "--db", db, "export", "employees", str(tmp_path / "s.xlsx"))
    assert code == 0 and re.fullmatch(rf"Wrote {re.escape(str(tmp_path / 's.xlsx'))} \(\d+ people\)\.\n", out)
    code, out, err = main(capsys, "--lang", "en", "--db", db, "import", "employees", str(tmp_path / "s.xlsx"),
                          "--dry-run")
    assert code == 0, err
    assert re.fullmatch(r"Checked \d+ rows, no errors \(nothing written yet\): there will be 0 new people, "
                        r"0 updated, \d+ unchanged.*\.\n", out), out
    assert not VIETNAMESE.search(out)
    code, out, _ = main(capsys, "--lang", "en", "--db", db, "backup", str(tmp_path / "b.sqlite3"))
    assert code == 0 and out.startswith(f"Backed up to {tmp_path / 'b.sqlite3'} (") and not VIETNAMESE.search(out)
    code, out, _ = main(capsys, "--lang", "en", "--db", db, "rules", "retirement", "--sex", "F", "--birth", "1970-05")
    assert code == 0 and out.startswith("Retirement age: ") and "Retirement date: " in out


def test_the_same_lines_stay_vietnamese_by_default(capsys, tmp_path):
    db = str(tmp_path / "a.sqlite3")
    code, out, _ = main(capsys, "--db", db, "init")
    assert out.startswith("Cơ sở dữ liệu sẵn sàng: ")
    code, out, _ = main(capsys, "--db", db, "agency", "show")
    assert out == ("Chưa nhập thông tin cơ quan (lệnh: agency set --name … --parent … --province … --place … "
                   "--signer-title …).\n")


def test_every_command_is_reached():
    assert len(ALL_COMMANDS) > 40 and ("agency", "show") in ALL_COMMANDS and ("users", "add") in ALL_COMMANDS


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=" ".join)
def test_the_help_of_a_command_is_english_with_lang_en_and_vietnamese_by_default(capsys, command):
    english = helped(capsys, "--lang", "en", *command)
    vietnamese = helped(capsys, *command)
    # data in the examples (an agency's name in capitals) may keep its diacritics
    assert not VIETNAMESE.search(re.sub(r"'[^']*'", "", english)), english
    assert "show this help message and exit" in english
    assert VIETNAMESE.search(vietnamese) and "hiện hướng dẫn này rồi thoát" in vietnamese
    assert english != vietnamese


def test_the_list_of_commands_names_each_in_the_language_asked_for(capsys):
    english = helped(capsys, "--lang", "en")
    assert "create or upgrade the database" in english and "tạo hoặc nâng cấp" not in english
    assert not VIETNAMESE.search(english)
    assert "tạo hoặc nâng cấp cơ sở dữ liệu" in helped(capsys)
