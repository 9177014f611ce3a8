"""Opening the main window on an existing database loads neither ReportLab, the Excel readers nor Alembic:
they are imported when a report, an import or a migration first needs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_main_window_opens_without_report_excel_or_migration_modules(tmp_path):
    from hrapp.services.setup import init_database

    db = tmp_path / "hr.sqlite3"
    init_database(str(db)).engine.dispose()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HRAPP_SETTINGS_DIR": str(tmp_path / "settings")}
    res = subprocess.run([sys.executable, "-m", "tests.benchmarks.startup", "app", "--db", str(db)], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=120)
    ready = [line for line in res.stdout.splitlines() if line.startswith("READY")]
    assert ready, res.stderr
    assert " loaded=- " in ready[0] + " ", ready[0]


def test_the_window_appears_before_the_database_layer_is_imported(tmp_path):
    """A GUI start reads its options and shows its first window without SQLAlchemy; the commands still parse."""
    code = ("import sys, main; args = main.gui_arguments(['--db', 'x.sqlite3', '--lang', 'en']); import ui.app; "
            "print(args.db, args.lang, args.user, args.command, 'sqlalchemy' in sys.modules, "
            "'hrapp.cli' in sys.modules)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HRAPP_SETTINGS_DIR": str(tmp_path / "settings")}
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert res.stdout.split() == ["x.sqlite3", "en", "None", "None", "False", "False"], res.stderr


def test_anything_but_a_plain_gui_start_goes_to_the_command_line_parser():
    import main

    assert main.gui_arguments([]).db is None
    assert vars(main.gui_arguments(["--user", "canbo01", "--db", "hr.sqlite3"])) == {
        "db": "hr.sqlite3", "lang": None, "user": "canbo01", "command": None}
    assert main.gui_arguments(["employees", "list"]) is None
    assert main.gui_arguments(["--db", "hr.sqlite3", "init"]) is None
    assert main.gui_arguments(["--help"]) is None
    assert main.gui_arguments(["--lang", "fr"]) is None  # the full parser says what is wrong
    from hrapp.cli import build_parser

    for argv in ([], ["--db", "hr.sqlite3", "--lang", "vi", "--user", "a"]):
        full = build_parser().parse_args(argv)
        assert {k: getattr(full, k) for k in ("db", "lang", "user", "command")} == vars(main.gui_arguments(argv))
