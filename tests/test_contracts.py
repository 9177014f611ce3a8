"""The import contracts in pyproject.toml ([tool.importlinter]) hold: `lint-imports` is run here so the suite
(and so CI) fails as soon as one is broken or the configuration itself is wrong."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from hrapp.paths import ROOT

RUN = "import sys; from importlinter.cli import lint_imports_command; sys.argv[0] = 'lint-imports'; " \
      "lint_imports_command()"


def _lint(*args: str) -> subprocess.CompletedProcess[str]:
    """`lint-imports` from the repository root, analysing this checkout's packages (not an installed copy)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-c", RUN, "--no-cache", "--no-logo", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


def _contract_names() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [c["name"] for c in config["tool"]["importlinter"]["contracts"]]


def test_every_import_contract_is_kept():
    done = _lint()
    assert done.returncode == 0, done.stdout + done.stderr
    names = _contract_names()
    assert names
    for name in names:
        assert f"{name} KEPT" in done.stdout, done.stdout
    assert f"Contracts: {len(names)} kept, 0 broken." in done.stdout


def test_a_broken_contract_fails_the_run(tmp_path):
    """The runner reports a break (exit 1) rather than passing whatever it is given: hrapp does use SQLAlchemy."""
    config = tmp_path / "broken.toml"
    config.write_text(
        '[tool.importlinter]\nroot_packages = ["hrapp"]\ninclude_external_packages = true\n\n'
        '[[tool.importlinter.contracts]]\nname = "hrapp without sqlalchemy"\ntype = "forbidden"\n'
        'source_modules = ["hrapp.services"]\nforbidden_modules = ["sqlalchemy"]\n',
        encoding="utf-8")
    done = _lint(str(config))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "hrapp without sqlalchemy BROKEN" in done.stdout


# The context, the permissions and the masking moved below the queries (hrapp/context.py, security.py,
# masking.py); their old modules are gone and nothing may name them.
OLD_MODULES = {"context": "hrapp/services/context.py", "permissions": "hrapp/services/permissions.py",
               "masking": "hrapp/services/masking.py"}
OLD_PATH = re.compile(r"\bhrapp[./]services[./](?:" + "|".join(OLD_MODULES) + r")\b"
                      r"|\bfrom\s+hrapp\.services\s+import\s+[^\n]*\b(?:" + "|".join(OLD_MODULES) + r")\b")


def test_nothing_uses_the_old_context_permissions_and_masking_modules():
    assert not any((ROOT / path).exists() for path in OLD_MODULES.values())
    files = [ROOT / "main.py", *[f for top in ("hrapp", "ui", "tests") for f in (ROOT / top).rglob("*.py")]]
    users = [f"{f.relative_to(ROOT)}:{text[:m.start()].count(chr(10)) + 1}"
             for f in files if f != Path(__file__).resolve()
             for text in [f.read_text(encoding="utf-8")] for m in OLD_PATH.finditer(text)]
    assert len(files) > 200
    assert users == []
