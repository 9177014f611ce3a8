"""Regenerate the Vietnamese translation of the interface (resources/i18n/hrapp_vi.ts and hrapp_vi.qm).

    python -m ui.i18n_update            # lupdate: add new source strings to the .ts (marked unfinished),
                                        # drop strings no longer in the code, then lrelease: compile the .qm
    pyside6-linguist resources/i18n/hrapp_vi.ts   # translate the unfinished entries, save
    python -m ui.i18n_update            # compile again; commit both files

The strings are the English texts passed to `self.tr()`, `QCoreApplication.translate()` and
`QT_TRANSLATE_NOOP()` in the ui/ package. tests/ui/test_translations.py fails while any of them lacks a
finished Vietnamese translation or the .qm is older than the .ts.

Qt ships no Vietnamese for its own dialogs (file, print, print preview, message boxes, text-field menus):
resources/i18n/qt_vi.ts holds those strings in Qt's own contexts, translated by hand; this script compiles it
to qt_vi.qm as well (tests/ui/test_qt_dialogs_language.py checks both).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from hrapp.paths import I18N, ROOT

UI = ROOT / "ui"
TS_FILE = I18N / "hrapp_vi.ts"
QM_FILE = I18N / "hrapp_vi.qm"
QT_TS_FILE = I18N / "qt_vi.ts"
QT_QM_FILE = I18N / "qt_vi.qm"


def sources() -> list[Path]:
    """Every Python module of the ui package, in a stable order."""
    return sorted(p for p in UI.rglob("*.py") if "__pycache__" not in p.parts)


def tool(name: str) -> str:
    """A PySide6 tool next to this interpreter (a venv's bin/Scripts), else from PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(name)
    return found


def lupdate(ts_file: Path, files: Sequence[Path] | None = None) -> None:
    """Extract the strings of `files` (default: the ui package) into `ts_file`, keeping its translations."""
    args = [tool("pyside6-lupdate"), *(str(f) for f in (files or sources())),
            "-source-language", "en", "-target-language", "vi_VN", "-locations", "none", "-no-obsolete",
            "-ts", str(ts_file)]
    subprocess.run(args, check=True, capture_output=True, text=True)


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)],
                   check=True, capture_output=True, text=True)


def main() -> int:
    lupdate(TS_FILE)
    lrelease(TS_FILE, QM_FILE)
    lrelease(QT_TS_FILE, QT_QM_FILE)
    print(f"{TS_FILE.relative_to(ROOT)}, {QM_FILE.relative_to(ROOT)} and {QT_QM_FILE.relative_to(ROOT)} updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
