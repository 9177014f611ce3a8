"""Headless command line: argument parsing and the commands that need no window (a stable contract)."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, NoReturn

from hrapp import messages
from hrapp.errors import HrappError

# Each module registers its sub-commands with `register(subparsers)`; new areas add a line here.
COMMAND_MODULES = [
    "hrapp.commands.core",
    "hrapp.commands.reports",
    "hrapp.commands.career",
    "hrapp.commands.planning",
    "hrapp.commands.training",
    "hrapp.commands.recruitment",
    "hrapp.commands.admin",
    "hrapp.commands.records",
    "hrapp.commands.generate",
    "hrapp.commands.agency",
]


class CliError(Exception):
    """Bad input on the command line: one line on stderr, exit code 2. The message is a code of
    hrapp.messages (worded in the session's language, with `params`) or a sentence of its own."""

    def __init__(self, message: str, **params: Any):
        super().__init__(message)
        self.code = message
        self.params = params

    def __str__(self) -> str:
        return messages.word(self.code, self.params, fallback=None if messages.entry_of(self.code) else self.code)


# argparse's own words (it looks them up through gettext at the moment it uses them), in Vietnamese.
ARGPARSE_VI: dict[str, str] = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số vị trí",
    "options": "tùy chọn",
    "subcommands": "lệnh",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "không hiểu các tham số: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)",
    "the following arguments are required: %s": "thiếu các tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn không rõ: %(option)s có thể là %(matches)s",
    "unexpected option string: %s": "tùy chọn không đúng chỗ: %s",
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "not allowed with argument %s": "không dùng được cùng tham số %s",
    "ignored explicit argument %r": "thừa giá trị %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "không có lệnh %(parser_name)r (chọn một trong: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
}

# The top-level options' help, in each language (the commands' own help is Vietnamese).
TOP_HELP: dict[str, dict[str, str]] = {
    "vi": {"description": "Quản lý cán bộ, công chức, viên chức.",
           "--db": "đường dẫn tệp SQLite hoặc URL (postgresql+psycopg://...)",
           "--lang": "ngôn ngữ của thông báo (vi, en)",
           "--user": "tên đăng nhập (khi đã bật tài khoản)"},
    "en": {"description": "Records of civil servants and public employees.",
           "--db": "SQLite file path or URL (postgresql+psycopg://...)",
           "--lang": "language of the messages (vi, en)",
           "--user": "user name (when accounts are on)"},
}


class Help(str):
    """A help text given in both languages at registration (`bi(vi, en)`): the Vietnamese string, which
    knows its English; a parser words it in the session's language when it parses or prints its help."""

    en: str

    def __new__(cls, vi: str, en: str) -> Help:
        obj = super().__new__(cls, vi)
        obj.en = en
        return obj

    def worded(self, lang: str | None = None) -> str:
        return self.en if (lang or messages.language()) == "en" else str(self)


def bi(vi: str, en: str) -> Help:
    """A command's or an option's help (or a parser's description) in Vietnamese and English."""
    return Help(vi, en)


def _worded(obj: Any, attr: str) -> None:
    """Set `obj.attr` (a help or description) to its wording in the session's language, keeping the pair."""
    pair = getattr(obj, f"_hrapp_{attr}", None) or getattr(obj, attr, None)
    if isinstance(pair, Help):
        setattr(obj, f"_hrapp_{attr}", pair)
        setattr(obj, attr, pair.worded())


def language_of(argv: Sequence[str]) -> str:
    """The language asked for by `--lang` in the arguments, else HRAPP_LANG, else Vietnamese."""
    argv = list(argv)
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "vi"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "vi"
    return "en" if os.environ.get("HRAPP_LANG") == "en" else "vi"


def _argparse_gettext(text: str) -> str:
    return ARGPARSE_VI.get(text, text) if messages.language() == "vi" else text


def _argparse_ngettext(singular: str, plural: str, n: int) -> str:
    return _argparse_gettext(singular if n == 1 else plural)


@contextmanager
def _argparse_words() -> Iterator[None]:
    """argparse's words in the session's language while a parser parses (and prints its help)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _argparse_gettext, _argparse_ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    top = False  # the program's own parser: reads --lang before anything else

    def parse_args(self, args=None, namespace=None):  # noqa: ANN001, ANN201 - argparse's signature
        if self.top:
            messages.set_language(language_of(sys.argv[1:] if args is None else args))
        with _argparse_words():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):  # noqa: ANN001, ANN201 - argparse's signature
        if self.top:
            messages.set_language(language_of(sys.argv[1:] if args is None else args))
        with _argparse_words():
            self._word_titles()
            return super().parse_known_args(args, namespace)

    def _word_titles(self) -> None:
        """Group titles and help strings are fixed when a parser is made; word them for this parse."""
        self._positionals.title = _argparse_gettext("positional arguments")
        self._optionals.title = _argparse_gettext("options")
        top = TOP_HELP[messages.language()] if self.top else {}
        if self.top:
            self.description = top["description"]
        _worded(self, "description")
        for action in self._actions:
            _worded(action, "help")
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001 - the list of sub-commands
                for choice in action._choices_actions:  # noqa: SLF001
                    _worded(choice, "help")
            if isinstance(action, argparse._HelpAction):  # noqa: SLF001 - the -h of every parser
                action.help = _argparse_gettext("show this help message and exit")
            elif action.option_strings and action.option_strings[0] in top:
                action.help = top[action.option_strings[0]]

    def error(self, message: str) -> NoReturn:  # one line, no usage dump
        self.exit(2, _argparse_gettext("%(prog)s: error: %(message)s\n") % {"prog": "hrapp", "message": message})


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="hrapp", description=TOP_HELP["vi"]["description"])
    p.top = True
    p.add_argument("--db", help=TOP_HELP["vi"]["--db"])
    p.add_argument("--lang", choices=["vi", "en"], help=TOP_HELP["vi"]["--lang"])
    p.add_argument("--user", help=TOP_HELP["vi"]["--user"])
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return p


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    sys.stdout.write("\n")


def _fail(text: str) -> None:
    sys.stderr.write(messages.word("cli_error", {"message": text}) + "\n")


def _ask_passphrases_at_terminal() -> None:
    """An encrypted database's passphrase, when HRAPP_DB_PASSPHRASE does not give it, is typed at the terminal."""
    from hrapp.cli_auth import ask_db_passphrase
    from hrapp.db import cipher

    cipher.set_prompt(ask_db_passphrase)


def run(args: argparse.Namespace) -> int:
    """Run a parsed sub-command; user errors become one line on stderr, in the language of `--lang`, and a
    non-zero exit."""
    messages.set_language(getattr(args, "lang", None) or language_of([]))
    _ask_passphrases_at_terminal()
    handler: Callable[[argparse.Namespace], int | None] = args.handler
    try:
        return int(handler(args) or 0)
    except HrappError as exc:
        _fail(messages.render(exc))
        return 1
    except CliError as exc:
        _fail(str(exc))
        return 2
    except FileNotFoundError as exc:
        _fail(messages.word("cli_file_missing", {"path": exc.filename}))
        return 2
    except PermissionError as exc:
        _fail(messages.word("cli_access_denied", {"path": exc.filename}))
        return 2
    except KeyboardInterrupt:
        sys.stderr.write(messages.word("cli_cancelled") + "\n")
        return 130


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        raise CliError("cli_no_command")
    return run(args)


def parse_day(text: str) -> date:
    """A date typed on the command line: dd/mm/yyyy as on paper, or yyyy-mm-dd (argparse `type=`)."""
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(messages.word("cli_bad_day", {"text": text}))
