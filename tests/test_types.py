"""The type checker passes over hrapp/ ([tool.mypy] in pyproject.toml): annotations say what the code does, and a
`type: ignore` names its error code (mypy refuses a bare one) and is itself checked for still being needed."""

from __future__ import annotations

import subprocess
import sys

from hrapp.paths import ROOT


def test_mypy_finds_no_error_in_hrapp(tmp_path):
    done = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache")], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
