"""The check before Qt starts: missing system libraries and no display are one line with the command to run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ui import preflight

ROOT = Path(__file__).resolve().parents[2]
LDD_MISSING = """\tlinux-vdso.so.1 (0x00007ffd)
\tlibxcb-icccm.so.4 => not found
\tlibQt6Gui.so.6 => /opt/Qt/lib/libQt6Gui.so.6 (0x00007f)
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
"""


def fake_qt(tmp_path: Path) -> Path:
    (tmp_path / "plugins" / "platforms").mkdir(parents=True)
    (tmp_path / "plugins" / "platforms" / "libqxcb.so").write_bytes(b"")
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "libQt6XcbQpa.so.6").write_bytes(b"")
    return tmp_path


def test_ldd_output_gives_each_missing_library_once():
    assert preflight.missing_from_ldd(LDD_MISSING) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert preflight.missing_from_ldd("\tlibc.so.6 => /lib/libc.so.6 (0x1)\n") == []


def test_missing_libraries_are_named_with_the_debian_packages_that_bring_them(tmp_path):
    line = preflight.problem({"DISPLAY": ":0"}, platform="linux", ldd=lambda _p: LDD_MISSING, qt=fake_qt(tmp_path))
    assert line is not None and "\n" not in line
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in line
    assert line.endswith("apt-get install libxcb-icccm4 libxcb-keysyms1")


def test_an_unknown_library_is_named_as_it_is(tmp_path):
    line = preflight.problem({"DISPLAY": ":0"}, platform="linux", ldd=lambda _p: "\tlibfoo.so.9 => not found\n",
                             qt=fake_qt(tmp_path))
    assert line is not None and line.endswith("apt-get install libfoo.so.9")


def test_nothing_is_said_when_every_library_is_there(tmp_path):
    ok = "\tlibxcb.so.1 => /usr/lib/libxcb.so.1 (0x1)\n"
    assert preflight.problem({"DISPLAY": ":0"}, platform="linux", ldd=lambda _p: ok, qt=fake_qt(tmp_path)) is None


def test_headless_platforms_windows_and_wayland_are_not_checked(tmp_path):
    boom = fake_qt(tmp_path)

    def ldd(_p: Path) -> str:
        raise AssertionError("ldd must not run")

    assert preflight.problem({"QT_QPA_PLATFORM": "offscreen"}, platform="linux", ldd=ldd, qt=boom) is None
    assert preflight.problem({"DISPLAY": ":0"}, platform="win32", ldd=ldd, qt=boom) is None
    assert preflight.problem({"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, platform="linux",
                             ldd=ldd, qt=boom) is None


def test_no_display_is_one_line_in_the_chosen_language(tmp_path):
    qt = fake_qt(tmp_path)
    vi = preflight.problem({}, platform="linux", qt=qt)
    en = preflight.problem({}, platform="linux", qt=qt, lang="en")
    assert vi is not None and "DISPLAY" in vi and "màn hình" in vi
    assert en is not None and "display" in en and "màn hình" not in en


def _env_without_display() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    return env


def test_the_app_stops_before_qt_with_the_command_to_run(tmp_path):
    """`python main.py` where ldd reports a missing xcb library: exit 3, one line, Qt never aborts."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "ldd").write_text("#!/bin/sh\nprintf '\\tlibxcb-icccm.so.4 => not found\\n'\n")
    (bin_dir / "ldd").chmod(0o755)
    env = _env_without_display()
    env.update(DISPLAY=":99", PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}")
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(tmp_path / "x.sqlite3")], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 3
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "apt-get install libxcb-icccm4" in lines[0]
    assert "Could not load the Qt platform plugin" not in done.stderr
    assert not (tmp_path / "x.sqlite3").exists()


def test_the_app_without_a_display_stops_with_one_line(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(tmp_path / "x.sqlite3")],
                          env=_env_without_display(), capture_output=True, text=True, timeout=60)
    assert done.returncode == 3
    assert len(done.stderr.strip().splitlines()) == 1 and "DISPLAY" in done.stderr
