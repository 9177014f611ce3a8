"""Every silenced check in the code says why: a `noqa` names its rule codes and gives a reason after them, a
`type: ignore` names its error code and gives a reason after it (or in a comment on the line just above). (Ruff's RUF100 and mypy's warn_unused_ignores
already refuse a suppression that silences nothing; this test refuses one that does not explain itself.)"""

from __future__ import annotations

import re

from hrapp.paths import ROOT

NOQA = re.compile(r"#\s*noqa\b(?P<rest>.*)$")
NOQA_WITH_REASON = re.compile(r":\s*[A-Z]+[0-9]+(\s*,\s*[A-Z]+[0-9]+)*\s+[-#]\s*\S.{3,}")
IGNORE = re.compile(r"#\s*type:\s*ignore(?P<rest>.*)$")
_CODES = re.compile(r"(:\s*[A-Z]+[0-9]+|\[[a-z][a-z-]*)")
IGNORE_WITH_REASON = re.compile(r"\[[a-z][a-z-]*(\s*,\s*[a-z][a-z-]*)*\]\s+[-#]\s*\S.{3,}")


def _sources():
    for folder in ("hrapp", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path
    yield ROOT / "main.py"


def _unexplained(pattern: re.Pattern[str], reason: re.Pattern[str]) -> list[str]:
    found = []
    for path in _sources():
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            hit = pattern.search(line)
            above = lines[number - 2].strip() if number > 1 else ""
            if hit and not reason.match(hit.group("rest")) and not (
                    above.startswith("#") and _CODES.match(hit.group("rest"))):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    return found


def test_every_noqa_names_its_rules_and_says_why():
    assert _unexplained(NOQA, NOQA_WITH_REASON) == []


def test_every_type_ignore_names_its_code_and_says_why():
    assert _unexplained(IGNORE, IGNORE_WITH_REASON) == []


def test_the_check_tells_an_explained_suppression_from_a_bare_one():
    assert NOQA_WITH_REASON.match(": BLE001 - the boundary: every failure is one line")
    assert not NOQA_WITH_REASON.match(": BLE001")
    assert not NOQA_WITH_REASON.match("")
    assert IGNORE_WITH_REASON.match("[arg-type]  # ReportLab's stubs say str, it takes a Paragraph")
    assert not IGNORE_WITH_REASON.match("[arg-type]")
    assert not IGNORE_WITH_REASON.match("")
