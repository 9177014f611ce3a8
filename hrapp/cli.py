"""Headless command line: argument parsing and the commands that need no window (a stable contract)."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, NoReturn

from hrapp import logs, messages
from hrapp.cli_auth import ask_db_passphrase
from hrapp.db import cipher
from hrapp.errors import FileAccessError
from hrapp.failures import clip, explain, one_line
from hrapp.lazy import Ref
from hrapp.logs import install_quiet_hooks

# Each module registers its sub-commands with `register(subparsers)`; new areas add a line here. The modules are
# loaded through the one lazy mechanism (hrapp.lazy): they import this module for its argument helpers.
COMMANDS: tuple[Ref, ...] = (
    Ref("hrapp.commands.core:register"),
    Ref("hrapp.commands.reports:register"),
    Ref("hrapp.commands.career:register"),
    Ref("hrapp.commands.planning:register"),
    Ref("hrapp.commands.training:register"),
    Ref("hrapp.commands.recruitment:register"),
    Ref("hrapp.commands.admin:register"),
    Ref("hrapp.commands.records:register"),
    Ref("hrapp.commands.generate:register"),
    Ref("hrapp.commands.agency:register"),
)


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
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]  # argparse's own gettext names, not in its stubs
    argparse._, argparse.ngettext = _argparse_gettext, _argparse_ngettext  # type: ignore[attr-defined]  # as above
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]  # as above


class _Parser(argparse.ArgumentParser):
    top = False  # the program's own parser: reads --lang before anything else

    def parse_args(self, args=None, namespace=None):
        if self.top:
            messages.set_language(language_of(sys.argv[1:] if args is None else args))
        with _argparse_words():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):
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
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    _worded(choice, "help")
            if isinstance(action, argparse._HelpAction):
                action.help = _argparse_gettext("show this help message and exit")
            elif action.option_strings and action.option_strings[0] in top:
                action.help = top[action.option_strings[0]]

    def error(self, message: str) -> NoReturn:  # one line, no usage dump, a long value not echoed whole
        line = clip(message, 300)
        try:
            logs.note(f"option refused: {line}")
        except Exception:  # noqa: BLE001 - the log cannot be written: the user still gets the line
            pass
        self.exit(2, _argparse_gettext("%(prog)s: error: %(message)s\n") % {"prog": "hrapp", "message": line})


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="hrapp", description=TOP_HELP["vi"]["description"])
    p.top = True
    p.add_argument("--db", help=TOP_HELP["vi"]["--db"])
    p.add_argument("--lang", choices=["vi", "en"], help=TOP_HELP["vi"]["--lang"])
    p.add_argument("--user", help=TOP_HELP["vi"]["--user"])
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for register in COMMANDS:
        register(sub)
    return p


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    sys.stdout.write("\n")


def _fail(text: str) -> None:
    sys.stderr.write(messages.word("cli_error", {"message": one_line(text)}) + "\n")


def fail(exc: BaseException) -> int:
    """The error boundary of the command line: `exc` as one line on stderr in the session's language, with what
    to do; its traceback in the log (hrapp.logs). Returns the exit code: 2 for input refused (a bad option
    value, a file or folder named wrongly), 1 for a command that failed, 130 for a cancel."""
    if isinstance(exc, KeyboardInterrupt):
        sys.stderr.write(messages.word("cli_cancelled") + "\n")
        return 130
    if isinstance(exc, BrokenPipeError):  # the reader of the output went away (`| head`): nothing to tell it
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # Python's last flush must not fail
        except (OSError, ValueError):
            pass
        return 1
    try:
        logs.record(exc, "command failed")
    except Exception:  # noqa: BLE001 - the log cannot be written: the user still gets the line
        pass
    if isinstance(exc, CliError):
        _fail(str(exc))
        return 2
    error = explain(exc)
    _fail(messages.render(error))
    return 2 if isinstance(error, FileAccessError) else 1


def _ask_passphrases_at_terminal() -> None:
    """An encrypted database's passphrase, when HRAPP_DB_PASSPHRASE does not give it, is typed at the terminal."""
    cipher.set_prompt(ask_db_passphrase)


def run(args: argparse.Namespace) -> int:
    """Run a parsed sub-command; any failure becomes one line on stderr, in the language of `--lang`, and a
    non-zero exit (see `fail`)."""
    messages.set_language(getattr(args, "lang", None) or language_of([]))
    _ask_passphrases_at_terminal()
    handler: Callable[[argparse.Namespace], int | None] = args.handler
    try:
        return int(handler(args) or 0)
    except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - the boundary: every failure is one line
        return fail(exc)


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line parsed; a refused value exits with one line (argparse's SystemExit, code 2)."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        raise CliError("cli_no_command")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """The headless entry: parse, run. Nothing but one line reaches stderr on a failure, whether the parser,
    an option's type or the command failed; `--help` and a refused option exit through SystemExit as usual."""
    install_quiet_hooks()
    messages.set_language(language_of(sys.argv[1:] if argv is None else argv))
    try:
        args = parse(argv)
    except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - a type function that failed its own way
        return fail(exc)
    return run(args)


# The days the command line accepts: what the rules compute with (a birth, a start, a date to look from) lies
# well inside; a year 1 or 9999 would only push a computed date past what a date can hold.
DAY_MIN = date(1900, 1, 1)
DAY_MAX = date(2199, 12, 31)
MAX_DIGITS = 19  # a whole number longer than this is never a count, an id or a year (SQLite's integer: 19 digits)


def parse_day(text: str) -> date:
    """A date typed on the command line: dd/mm/yyyy as on paper, or yyyy-mm-dd (argparse `type=`), within
    DAY_MIN..DAY_MAX."""
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            day = datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
        if not DAY_MIN <= day <= DAY_MAX:
            raise argparse.ArgumentTypeError(messages.word("cli_day_range", {"text": text.strip(), "low": DAY_MIN,
                                                                            "high": DAY_MAX}))
        return day
    raise argparse.ArgumentTypeError(messages.word("cli_bad_day", {"text": _shown(text)}))


def _shown(text: str) -> str:
    return clip(text, 40)


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse `type=` for a whole number within low..high; anything else is refused at parse time with one
    line (the value shown at most 40 characters long, never converted when it has thousands of digits)."""

    def parse(text: str) -> int:
        digits = text.strip()
        body = digits[1:] if digits[:1] in "+-" else digits
        if not body.isascii() or not body.isdigit() or len(body) > MAX_DIGITS or not low <= int(digits) <= high:
            raise argparse.ArgumentTypeError(messages.word("cli_int_range", {"text": _shown(text), "low": low,
                                                                             "high": high}))
        return int(digits)

    parse.__name__ = "int"
    return parse


ROW_ID = whole_number(1, 2**63 - 1)  # a record's number (SQLite's INTEGER PRIMARY KEY)


def short_text(limit: int) -> Callable[[str], str]:
    """An argparse `type=` for free text (a search, a name) of at most `limit` characters, without control
    characters (which no name holds and a terminal would act on)."""

    def parse(text: str) -> str:
        if len(text) > limit:
            raise argparse.ArgumentTypeError(messages.word("cli_text_too_long", {"limit": limit}))
        bad = next((ch for ch in text if ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0), None)
        if bad is not None:
            raise argparse.ArgumentTypeError(messages.word("cli_bad_text", {"code": f"U+{ord(bad):04X}"}))
        return text

    parse.__name__ = "text"
    return parse


def parse_year(text: str) -> int:
    """A year on the command line (argparse `type=`): 1990..2100, the years the department's plans speak of."""
    digits = text.strip()
    if not digits.isascii() or not digits.isdigit() or len(digits) > 4:
        raise argparse.ArgumentTypeError(messages.word("cli_bad_year", {"text": _shown(text)}))
    year = int(digits)
    if not 1990 <= year <= 2100:
        raise argparse.ArgumentTypeError(messages.word("cli_year_range", {"year": year}))
    return year


JSON_MAX_BYTES = 20 * 1024 * 1024  # a ranking of every candidate of a province is a few MB
JSON_MAX_DEPTH = 32  # the rank input is 4 levels deep
JSON_MAX_DIGITS = 30


def read_json_input(path: str) -> Any:
    """A JSON input file ('-': stdin) for a command, refused with one line unless it is what a person or a
    program would write: at most JSON_MAX_BYTES, UTF-8 (or UTF-16/32 as RFC 8259's detection finds it, with or
    without a byte-order mark), numbers of at most JSON_MAX_DIGITS digits, no NaN/Infinity, nested at most
    JSON_MAX_DEPTH levels. A folder, a missing or unreadable file are the boundary's (hrapp.failures)."""
    if path == "-":
        raw = sys.stdin.buffer.read(JSON_MAX_BYTES + 1)
    else:
        with open(path, "rb") as fh:
            raw = fh.read(JSON_MAX_BYTES + 1)
    shown = clip(path, 200)
    if len(raw) > JSON_MAX_BYTES:
        raise CliError("cli_json_too_big", path=shown, limit=JSON_MAX_BYTES // (1024 * 1024))
    encoding = json.detect_encoding(raw)
    try:
        text = raw.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError as exc:
        raise CliError("cli_json_encoding", path=shown, byte=f"0x{raw[exc.start]:02X}" if exc.start < len(raw)
                       else "?", position=exc.start) from exc

    def number(kind: str) -> Any:
        def parse(digits: str) -> Any:
            if len(digits) > JSON_MAX_DIGITS:
                raise CliError("cli_json_number", path=shown, detail=clip(digits, 40))
            if kind == "int":
                return int(digits)
            value = float(digits)
            if not math.isfinite(value):  # 1e999
                raise CliError("cli_json_number", path=shown, detail=clip(digits, 40))
            return value
        return parse

    def constant(name: str) -> Any:
        raise CliError("cli_json_number", path=shown, detail=name)

    try:
        data = json.loads(text, parse_int=number("int"), parse_float=number("float"), parse_constant=constant)
    except json.JSONDecodeError as exc:
        raise CliError("cli_bad_json", path=shown, line=exc.lineno, column=exc.colno, detail=exc.msg) from exc
    except RecursionError as exc:
        raise CliError("cli_json_too_deep", path=shown, limit=JSON_MAX_DEPTH) from exc
    if _depth_over(data, JSON_MAX_DEPTH):
        raise CliError("cli_json_too_deep", path=shown, limit=JSON_MAX_DEPTH)
    return data


def _depth_over(data: Any, limit: int) -> bool:
    """True when lists and objects are nested more than `limit` levels (walked without recursion)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children = list(value.values())
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False
