"""The Vietnamese translation is complete, keeps placeholders, and the shipped .qm matches the .ts."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from ui.i18n_update import QM_FILE, TS_FILE, lrelease, lupdate, tool

try:
    tool("pyside6-lupdate")
    HAVE_TOOLS = True
except FileNotFoundError:
    HAVE_TOOLS = False
needs_tools = pytest.mark.skipif(not HAVE_TOOLS, reason="pyside6-lupdate/lrelease not installed")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message
    return out


def translations(message: ET.Element) -> list[str]:
    tr = message.find("translation")
    if tr is None:
        return []
    forms = tr.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [tr.text or ""]


def is_finished(message: ET.Element) -> bool:
    tr = message.find("translation")
    return (tr is not None and tr.get("type") not in ("unfinished", "obsolete", "vanished")
            and all(t.strip() for t in translations(message)))


@needs_tools
def test_every_source_string_has_a_finished_vietnamese_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    lupdate(fresh)  # the strings the code uses today, no translations
    needed = set(messages(fresh))
    assert len(needed) > 100
    shipped = messages(TS_FILE)
    missing = sorted(key for key in needed if key not in shipped or not is_finished(shipped[key]))
    assert missing == []


def test_shipped_ts_has_nothing_unfinished_or_obsolete():
    shipped = messages(TS_FILE)
    assert [key for key, m in shipped.items() if not is_finished(m)] == []


def test_placeholders_and_accelerators_survive_translation():
    for (context, source), message in messages(TS_FILE).items():
        if not is_finished(message):
            continue  # reported by the tests above
        for text in translations(message):
            for placeholder in re.findall(r"%L?n|%\d", source):
                assert placeholder in text, (context, source, text)
            assert source.count("&") - source.count("&&") * 2 <= 1
            if "&" in source and context not in ("QPlatformTheme",):
                assert "&" in text, (context, source, text)


@needs_tools
def test_compiled_qm_is_up_to_date_with_the_ts(tmp_path):
    copy = tmp_path / "hrapp_vi.ts"
    shutil.copyfile(TS_FILE, copy)
    rebuilt = tmp_path / "hrapp_vi.qm"
    lrelease(copy, rebuilt)
    assert rebuilt.read_bytes() == QM_FILE.read_bytes()


def test_vietnamese_is_loaded_by_default():
    assert QCoreApplication.translate("Areas", "Staff records") == "Hồ sơ CCVC"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Hủy"
