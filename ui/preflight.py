"""Before Qt starts: on Linux, the system libraries Qt's window plugin needs, named with the command that adds
them, instead of Qt aborting ("Could not load the Qt platform plugin "xcb"", exit 134).

Nothing here imports PySide6: the check must run before any Qt library is loaded.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# The shared objects Qt 6's xcb plugin (and the Qt libraries it loads) ask for, and the Debian/Ubuntu package
# that brings each one.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
}
# Platforms that draw into no window system: nothing to check.
HEADLESS_PLATFORMS = ("offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs", "vkkhrdisplay")

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def missing_from_ldd(output: str) -> list[str]:
    """The shared objects `ldd` reported as 'not found', each once, in the order met."""
    seen: list[str] = []
    for name in _NOT_FOUND.findall(output):
        if name not in seen:
            seen.append(name)
    return seen


def qt_folder() -> Path | None:
    """PySide6's Qt folder (plugins and libraries), found without importing PySide6."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "Qt"


def xcb_libraries(qt: Path) -> list[Path]:
    """The xcb platform plugin and the Qt library behind it: the files whose dependencies decide the start."""
    found = [qt / "plugins" / "platforms" / "libqxcb.so"]
    found += sorted((qt / "lib").glob("libQt6XcbQpa.so*"))[:1]
    return [p for p in found if p.exists()]


def run_ldd(path: Path) -> str:
    completed = subprocess.run(["ldd", str(path)], capture_output=True, text=True, timeout=20, check=False)
    return completed.stdout


def needs_window_system(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """True when Qt will load its xcb plugin: Linux, and no headless platform asked for."""
    if not platform.startswith("linux"):
        return False
    asked = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip().lower()
    if asked in HEADLESS_PLATFORMS:
        return False
    if asked.startswith("wayland") and environ.get("WAYLAND_DISPLAY"):
        return False
    return True


def install_command(missing: list[str]) -> str:
    packages: list[str] = []
    for name in missing:
        package = DEBIAN_PACKAGES.get(name)
        if package is None:  # a library this table does not know: name the file, apt can search for it
            package = name
        if package not in packages:
            packages.append(package)
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    return ("" if as_root else "sudo ") + "apt-get install " + " ".join(packages)


MESSAGES = {
    "vi": {
        "no_display": "hrapp: không có màn hình để mở cửa sổ (biến DISPLAY chưa đặt). Hãy chạy trong phiên đồ họa, "
                      "hoặc dùng các lệnh dòng lệnh (python main.py --help).",
        "missing": "hrapp: thiếu thư viện hệ thống mà Qt cần để mở cửa sổ ({files}). Cài bằng lệnh: {command}",
    },
    "en": {
        "no_display": "hrapp: there is no display to open a window on (DISPLAY is not set). Run it in a graphical "
                      "session, or use the command-line commands (python main.py --help).",
        "missing": "hrapp: system libraries Qt needs to open a window are missing ({files}). Install them with: "
                   "{command}",
    },
}


def problem(environ: Mapping[str, str] | None = None, *, platform: str = sys.platform,
            ldd: Callable[[Path], str] = run_ldd, qt: Path | None = None, lang: str = "vi") -> str | None:
    """One line saying why Qt cannot open a window here and what to run, or None when it can (or we cannot tell)."""
    env = os.environ if environ is None else environ
    if not needs_window_system(env, platform):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return MESSAGES.get(lang, MESSAGES["vi"])["no_display"]
    qt = qt if qt is not None else qt_folder()
    if qt is None or (ldd is run_ldd and shutil.which("ldd") is None):
        return None
    missing: list[str] = []
    for library in xcb_libraries(qt):
        try:
            output = ldd(library)
        except (OSError, subprocess.SubprocessError):
            return None
        missing += [m for m in missing_from_ldd(output) if m not in missing]
    if not missing:
        return None
    return MESSAGES.get(lang, MESSAGES["vi"])["missing"].format(files=", ".join(missing),
                                                                 command=install_command(missing))


def check_or_exit(lang: str | None = None) -> None:
    """Stop with one line and exit code 3 before Qt loads, when it could not open a window."""
    line = problem(lang=lang or "vi")
    if line:
        sys.stderr.write(line + "\n")
        raise SystemExit(3)
