"""Every read-only list in the window is a view over the one column-declared model (ui/widgets/columns.py,
`ColumnTableModel`). A `QTableWidget` is kept only where the officer types into the grid; the read-only ones not
converted yet are listed here by file and attribute, and the list only shrinks: strike an entry when its table
becomes a view."""

from __future__ import annotations

import re

from hrapp.paths import ROOT

EDITABLE = {
    ("ui/dialogs/recruitment_actions_dialog.py", "table"),  # a starting step chosen per winner
    ("ui/dialogs/planning_review_dialog.py", "removals_table"),  # each proposed removal ticked or unticked
    ("ui/dialogs/recruitment_round_dialog.py", "council"),  # members typed in
    ("ui/dialogs/recruitment_round_dialog.py", "parts"),  # parts of round 2 and their maximum typed in
    ("ui/pages/positions_page.py", "comp_table"),  # competencies and levels typed in
    ("ui/pages/positions_page.py", "tasks_table"),  # tasks typed in
}
"""Grids the officer types into or ticks rows of: they stay table widgets (their cells not typed into are
made read-only item by item, not by turning editing off for the whole grid)."""

NOT_YET_VIEWS: set[tuple[str, str]] = set()
"""Read-only table widgets still to become ColumnTableModel views (this list only shrinks)."""

BUILT = re.compile(r"\bQTableWidget\(")
NAMED = re.compile(r"^\s*self\.(\w+)\s*=\s*QTableWidget\(", re.MULTILINE)


def table_widgets(sources: dict[str, str]) -> tuple[set[tuple[str, str]], list[str]]:
    """The table widgets built in `sources` (path -> text) as (path, attribute), and the places where one is
    built without being kept in an attribute (which this check cannot follow)."""
    found: set[tuple[str, str]] = set()
    unnamed: list[str] = []
    for path, text in sources.items():
        named = {m.start(0) + m.group(0).index("QTableWidget(") for m in NAMED.finditer(text)}
        found |= {(path, m.group(1)) for m in NAMED.finditer(text)}
        unnamed += [f"{path}:{text.count(chr(10), 0, m.start()) + 1}" for m in BUILT.finditer(text)
                    if m.start() not in named]
    return found, unnamed


def read_only(sources: dict[str, str], tables: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The tables among `tables` that their file makes read-only (no edit trigger)."""
    return {(path, name) for path, name in tables
            if re.search(rf"self\.{name}\.setEditTriggers\([^)]*NoEditTriggers", sources[path])}


def offenders(sources: dict[str, str]) -> list[str]:
    """What breaks the rule in `sources`: table widgets that are neither an editable grid nor listed to convert,
    editable grids made read-only, tables built outside an attribute."""
    found, unnamed = table_widgets(sources)
    out = [f"{p}: self.{n} is a QTableWidget: make it a ColumnTableModel view" for p, n in
           sorted(found - EDITABLE - NOT_YET_VIEWS)]
    out += [f"{p}: self.{n} is listed as typed into but is read-only" for p, n in
            sorted(read_only(sources, found & EDITABLE))]
    out += [f"{where}: a QTableWidget not kept in an attribute" for where in unnamed]
    return out


def ui_sources() -> dict[str, str]:
    return {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in sorted((ROOT / "ui").rglob("*.py"))}


def test_no_read_only_table_widget_outside_the_list():
    assert offenders(ui_sources()) == []


def test_the_list_of_tables_to_convert_only_shrinks():
    found, _unnamed = table_widgets(ui_sources())
    converted = NOT_YET_VIEWS - found
    assert converted == set(), "these are views now: strike them from NOT_YET_VIEWS"


def test_the_editable_grids_listed_are_still_there():
    found, _unnamed = table_widgets(ui_sources())
    assert EDITABLE - found == set()


def test_the_check_finds_a_read_only_table_widget_in_a_page():
    page = ("class P:\n    def __init__(self):\n        self.versions = QTableWidget(0, 5)\n"
            "        self.versions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)\n")
    assert offenders({"ui/pages/some_page.py": page}) == [
        "ui/pages/some_page.py: self.versions is a QTableWidget: make it a ColumnTableModel view"]


def test_the_check_finds_a_table_widget_made_by_a_helper():
    helper = "def _table(headers):\n    table = QTableWidget(0, len(headers))\n    return table\n"
    assert offenders({"ui/pages/admin_page.py": helper}) == [
        "ui/pages/admin_page.py:2: a QTableWidget not kept in an attribute"]


def test_the_check_refuses_an_editable_grid_made_read_only():
    dialog = ("self.council = QTableWidget(0, 3)\n"
              "self.council.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)\n")
    assert offenders({"ui/dialogs/recruitment_round_dialog.py": dialog}) == [
        "ui/dialogs/recruitment_round_dialog.py: self.council is listed as typed into but is read-only"]
