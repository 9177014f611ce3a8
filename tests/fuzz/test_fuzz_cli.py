"""Fuzzing the command line: every option and argument that takes a value — found by walking the parser, so a new
option is fuzzed without a line here — fed generated values (text with control characters, numbers of thousands
of digits, negative numbers, dates out of range, paths under a file, in /proc, empty, folders), and the rank input
fed mutated JSON. For every run: no traceback, an exit code of 0, 1 or 2, a failure is exactly one line on stderr,
and a refused command leaves the database byte-identical (its bytes as SQLite serialises them, committed WAL
frames included).

Bounded: HRAPP_FUZZ_EXAMPLES examples per value (default 4, about a minute in all on one core); raise it to fuzz
longer (CI's nightly run). The commands run in this process through `hrapp.cli.main` on a copy of the demo
database, from a folder of their own (a relative path written by a command lands there).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event
from sqlalchemy.pool import Pool

from hrapp import cli, logs, messages

# A workbook whose file failed keeps its zip writer until collected, which then cannot flush ("seek of closed
# file"): the program's own hook logs that (hrapp.logs, tested through main.py); pytest's would warn.
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
EXAMPLES = int(os.environ.get("HRAPP_FUZZ_EXAMPLES", "4"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])
EXIT_CODES = {0, 1, 2}


# ------------------------------------------------------------------------------------------- the parser


def _is_value(action: argparse.Action) -> bool:
    return action.nargs != 0 and not isinstance(action, argparse._HelpAction | argparse._SubParsersAction)


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[
        tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """(command words, parser) of every leaf command."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
    for sub in subs:
        for name, child in sub.choices.items():
            yield from commands(child, (*path, name))


def value_actions() -> list[tuple[tuple[str, ...], str]]:
    """(command words, option string or positional dest) of every action taking a value, the top-level
    options (--db, --lang, --user) with a command that reads the database."""
    parser = cli.build_parser()
    found = [((), a.option_strings[0]) for a in parser._actions if _is_value(a)]
    for path, leaf in commands(parser):
        found += [(path, a.option_strings[0] if a.option_strings else a.dest) for a in leaf._actions if _is_value(a)]
    return found


def leaf_parser(path: tuple[str, ...]) -> argparse.ArgumentParser:
    parser = cli.build_parser()
    for word in path:
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = sub.choices[word]
    return parser


ACTIONS = value_actions()


def test_the_walk_finds_every_kind_of_value():
    found = set(ACTIONS)
    assert ((), "--db") in found and (("report", "cv"), "--employee") in found
    assert (("rules", "rank"), "--input") in found and (("backup",), "file") in found
    assert len(ACTIONS) > 80


# ------------------------------------------------------------------------------------------- valid values

SAMPLES = {  # a valid value of each required option, so that the fuzzed one is the only thing wrong
    "--year": "2025", "--as-of": "30/06/2025", "--code": "KT", "--employee": "1", "--birth": "1975-04-30",
    "--salary-class": "A1", "--step": "3", "--since": "2023-01-01", "--period": "2026-2031", "round_id": "1",
    "username": "canbo01", "--out": "{tmp}/out.pdf", "--start": "01/01/2025", "--end": "31/12/2025", "--round": "1",
    "--person": "1", "--target-rank": "01.002",
}


def valid_value(path: tuple[str, ...], action: argparse.Action, tmp: Path, db: str, book: str) -> str:
    if action.choices:
        return str(next(iter(action.choices)))
    key = action.option_strings[0] if action.option_strings else action.dest
    if key == "--input":
        return str(tmp / "rank.json")
    if key == "file":
        return {"import": book, "restore": str(tmp / "none.sqlite3")}.get(path[0], str(tmp / "file.xlsx")) \
            if path[0] != "backup" else str(tmp / "copy.sqlite3")
    if key == "url":
        return f"sqlite:///{db}"  # refused as the database in use: copy-to fuzzes --batch-size, not a copy
    return SAMPLES[key].replace("{tmp}", str(tmp))


def argv_for(path: tuple[str, ...], target: str, value: str, tmp: Path, db: str, book: str) -> list[str]:
    """The command with every required value valid and `target` set to `value`."""
    if not path:  # a top-level option: with a command that opens the database
        return [f"{target}={value}", *(["--db", db] if target != "--db" else []), "agency", "show"]
    leaf = leaf_parser(path)
    options, positionals = [], []
    for action in leaf._actions:
        if not _is_value(action):
            continue
        key = action.option_strings[0] if action.option_strings else action.dest
        if key == target:
            given = value
        elif action.required:
            given = valid_value(path, action, tmp, db, book)
        else:
            continue
        if action.option_strings:
            options.append(f"{key}={given}")  # '=': a value starting with '-' is the option's value
        else:
            positionals.append(given)
    return ["--db", db, *path, *options, *positionals]


# ------------------------------------------------------------------------------------------- generated values


def values(tmp: Path) -> st.SearchStrategy[str]:
    """What an attacker types: text with control characters (no NUL: no shell passes one), numbers of
    thousands of digits, negative numbers, dates out of range, paths under a file, in /proc, empty, folders."""
    text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
    digits = st.integers(1, 5000).map(lambda n: "9" * n)
    numbers = st.integers(-(10**30), 10**30).map(str)
    day = st.tuples(st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32))
    dates = st.one_of(day.map(lambda d: f"{d[0]:04d}-{d[1]:02d}-{d[2]:02d}"),
                      day.map(lambda d: f"{d[2]:02d}/{d[1]:02d}/{d[0]}"),
                      st.sampled_from(["0001-01-01", "9999-12-31", "31/12/9999", "29/02/2023", "1899-12-31"]))
    suffix = st.sampled_from([".pdf", ".xlsx", ".csv", ".json", ".sqlite3", ".doc", ""])
    paths = st.one_of(
        suffix.map(lambda s: str(tmp / "notes.txt" / f"x{s}")),  # under a file
        suffix.map(lambda s: f"/proc/x{s}"),
        suffix.map(lambda s: f"/proc/self/x{s}"),
        st.just(""), st.just(str(tmp)), st.just(str(tmp / "folder")),
        suffix.map(lambda s: str(tmp / "missing" / f"x{s}")),
        st.just(str(tmp / ("n" * 300) / "x.pdf")),  # a name too long
    )
    long = st.sampled_from(["a" * 50_000, " ".join(["ab"] * 1000), "\x1b[2J" * 10, "\u202e" + "a" * 10])
    return st.one_of(text, digits, numbers, dates, paths, long)


# ------------------------------------------------------------------------------------------- fixtures


@pytest.fixture(autouse=True)
def quiet_hooks(tmp_path, monkeypatch):
    monkeypatch.setenv("HRAPP_LOG", str(tmp_path / "logs" / "hrapp.log"))
    monkeypatch.delenv("HRAPP_PASSWORD", raising=False)
    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    yield
    logs.shutdown()
    messages.set_language("vi")


@pytest.fixture
def place(tmp_path, monkeypatch, demo_template) -> dict:
    """A working folder with a file to be 'under', a folder, a valid rank input and a small import book."""
    from tests.io.generate import generate_import_file

    work = tmp_path / "work"
    work.mkdir()
    (work / "notes.txt").write_text("x")
    (work / "folder").mkdir()
    (work / "rank.json").write_text(json.dumps(RANK_INPUT, ensure_ascii=False), encoding="utf-8")
    book = generate_import_file(tmp_path / "book.xlsx", 5, seed=3)
    monkeypatch.chdir(work)
    pristine = tmp_path / "pristine.sqlite3"
    shutil.copyfile(demo_template, pristine)
    return {"work": work, "book": str(book), "pristine": pristine, "db": tmp_path / "demo.sqlite3",
            "digest": content_digest(pristine)}


def content_digest(db: Path) -> str:
    """The database's bytes as SQLite serialises them (committed WAL frames included)."""
    conn = sqlite3.connect(db)
    try:
        return hashlib.sha256(conn.serialize()).hexdigest()
    finally:
        conn.close()


def run(capsys, argv: list[str]) -> tuple[int, str, str]:
    try:
        code = cli.main(argv)
    except SystemExit as stop:
        code = stop.code
    out = capsys.readouterr()
    return code, out.out, out.err


def check(code: object, out: str, err: str, argv: list[str]) -> None:
    shown = [a[:80] for a in argv]
    assert code in EXIT_CODES, (code, shown, err[-2000:])
    assert "Traceback" not in err and "Traceback" not in out, (shown, err[-2000:])
    if code != 0 and not (argv[-3:-1] == ["import", "employees"] and err.count("\t") >= 2):
        assert err.endswith("\n") and err.count("\n") == 1, (shown, err[-2000:])
        assert err[:-1].isprintable(), (shown, err)  # no escape sequence a terminal would act on


# ------------------------------------------------------------------------------------------- the fuzz


@pytest.mark.parametrize(("path", "target"), ACTIONS, ids=[" ".join((*p, t)) for p, t in ACTIONS])
def test_every_option_value_is_one_line_or_works_and_a_refusal_changes_nothing(path, target, place, capsys,
                                                                              request):
    work: Path = place["work"]

    runs = iter(range(10**6))
    opened: list = []
    record = lambda dbapi_conn, _record: opened.append(dbapi_conn)  # noqa: E731
    event.listen(Pool, "connect", record)
    request.addfinalizer(lambda: event.remove(Pool, "connect", record))

    @FUZZ
    @given(value=values(work))
    def fuzz(value: str) -> None:
        # A database file of each run's own: the connections of an earlier run are closed only when collected.
        db = place["db"].with_name(f"demo{next(runs)}.sqlite3")
        shutil.copyfile(place["pristine"], db)
        argv = argv_for(path, target, value, work, str(db), place["book"])
        try:
            code, out, err = run(capsys, argv)
            check(code, out, err, argv)
            if code != 0:
                assert content_digest(db) == place["digest"], ("changed by a refused command", argv[:8])
        finally:
            for conn in opened:  # the run's connections (its engines are collected later), and their files
                conn.close()
            opened.clear()
            for extra in ("", "-wal", "-shm"):
                Path(f"{db}{extra}").unlink(missing_ok=True)

    fuzz()


# ------------------------------------------------------------------------------------------- rank input

RANK_INPUT = {
    "regime": "nd115_2020", "method": "xet_tuyen", "date": "2025-06-01",
    "targets": [{"position": "KS", "quota": 1}, {"position": "CV", "quota": 2}],
    "candidates": [
        {"id": "A", "full_name": "Thí sinh A", "preferences": ["KS", "CV"], "priority_groups": ["con_liet_si"],
         "round1_passed": True, "round2": 70},
        {"id": "B", "full_name": "Thí sinh B", "preferences": ["KS"], "priority_groups": [],
         "round1_passed": True, "round2": 70.5},
        {"id": "C", "full_name": "Thí sinh C", "preferences": ["CV"], "priority_groups": [],
         "round1_passed": False, "round2": None},
    ],
    "decisions": {}, "withdrawn": [],
}

json_leaf = st.one_of(st.none(), st.booleans(), st.integers(-(10**25), 10**25), st.floats(allow_nan=False),
                      st.text(max_size=20))


def _containers(inner: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4))


json_value = st.recursive(json_leaf, _containers, max_leaves=12)


def _paths(data: object, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            found += _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            found += _paths(v, (*prefix, i))
    return found


RANK_PATHS = _paths(RANK_INPUT)


@st.composite
def mutated_rank_input(draw) -> bytes:
    """The valid input with a few parts replaced, removed or given the wrong type, then (sometimes) its bytes
    flipped, cut or re-encoded."""
    data = json.loads(json.dumps(RANK_INPUT))
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(RANK_PATHS))
        if not where:
            data = draw(json_value)
            break
        holder = data
        try:
            for step in where[:-1]:
                holder = holder[step]
            if draw(st.booleans()) and isinstance(holder, dict):
                holder.pop(where[-1], None)
            else:
                holder[where[-1]] = draw(json_value)
        except (KeyError, IndexError, TypeError):
            continue
    raw = json.dumps(data, ensure_ascii=draw(st.booleans())).encode("utf-8")
    how = draw(st.sampled_from(["as is", "flip", "cut", "insert", "utf-16", "latin-1"]))
    if how == "flip" and raw:
        at = draw(st.integers(0, len(raw) - 1))
        raw = raw[:at] + bytes([raw[at] ^ draw(st.integers(1, 255))]) + raw[at + 1:]
    elif how == "cut":
        raw = raw[: draw(st.integers(0, len(raw)))]
    elif how == "insert":
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
    elif how == "utf-16":
        raw = raw.decode("utf-8").encode("utf-16")
    elif how == "latin-1":
        raw = raw.decode("utf-8").encode("latin-1", "replace")
    return raw


def test_the_valid_rank_input_ranks(tmp_path, capsys):
    path = tmp_path / "rank.json"
    path.write_text(json.dumps(RANK_INPUT, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, ["rules", "rank", "--input", str(path)])
    assert (code, err) == (0, "")
    assert {p["position"] for p in json.loads(out)["positions"]} == {"KS", "CV"}


def test_mutated_rank_input_is_ranked_or_refused_in_one_line(tmp_path, capsys):
    path = tmp_path / "rank.json"

    @settings(FUZZ, max_examples=EXAMPLES * 25)
    @given(raw=mutated_rank_input())
    def fuzz(raw: bytes) -> None:
        path.write_bytes(raw)
        for fmt in ("json", "text"):
            argv = ["rules", "rank", "--input", str(path), "--format", fmt]
            code, out, err = run(capsys, argv)
            check(code, out, err, argv)

    fuzz()
