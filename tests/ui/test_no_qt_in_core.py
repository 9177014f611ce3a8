"""hrapp/ stays free of Qt and of the ui package: imported alone it loads no PySide6, and no source imports it."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from hrapp.paths import ROOT

PROBE = """
import importlib, json, pkgutil, sys
import hrapp
failed = {}
for info in pkgutil.walk_packages(hrapp.__path__, "hrapp."):
    if ".migrations.versions." in info.name or info.name.endswith(".migrations.env"):
        continue  # Alembic scripts run only inside Alembic
    try:
        importlib.import_module(info.name)
    except Exception as exc:
        failed[info.name] = repr(exc)
print(json.dumps({
    "qt": sorted(m for m in sys.modules if m == "PySide6" or m.startswith("PySide6.") or m == "shiboken6"),
    "ui": sorted(m for m in sys.modules if m == "ui" or m.startswith("ui.")),
    "failed": failed,
    "count": sum(1 for m in sys.modules if m.startswith("hrapp")),
}))
"""

IMPORT = re.compile(r"^\s*(?:from|import)\s+(PySide6|shiboken6|ui)(?:\.|\s|$)", re.MULTILINE)


def test_importing_every_core_module_loads_no_qt():
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["failed"] == {}
    assert result["count"] > 20
    assert result["qt"] == []
    assert result["ui"] == []


def test_no_core_source_imports_qt_or_the_ui():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "hrapp").rglob("*.py")
        if IMPORT.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
