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
