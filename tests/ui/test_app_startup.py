"""run_gui: database errors in a Vietnamese message box and a non-zero exit, language choice, first start."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import create_engine, text

from tests.ui.conftest import wait_loaded
from ui import app as ui_app
from ui import preferences
from ui.main_window import MainWindow


def args(db: Path | None, lang: str | None = None, user: str | None = None) -> argparse.Namespace:
    return argparse.Namespace(db=str(db) if db else None, lang=lang, user=user, command=None)


@pytest.fixture
def message_boxes(monkeypatch):
    """Message boxes are recorded (title, text) instead of waiting for a click."""
    shown: list[tuple[str, str]] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text()))
        return int(QMessageBox.StandardButton.Close)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture
def no_event_loop(monkeypatch):
    """run_gui returns right after showing the window; the windows it opened are returned for inspection."""
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    yield lambda: [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow):
            w.close()
            w.deleteLater()


def test_corrupt_database_shows_a_vietnamese_message_and_exits_non_zero(tmp_path, message_boxes, no_event_loop):
    broken = tmp_path / "hong.sqlite3"
    broken.write_bytes(b"\x00garbage, not SQLite\x00" * 200)
    assert ui_app.run_gui(args(broken)) == 1
    assert len(message_boxes) == 1
    title, body = message_boxes[0]
    assert title == "Không mở được cơ sở dữ liệu"
    assert "Không mở được cơ sở dữ liệu" in body and "hỏng" in body
    assert str(broken) in body
    assert "Traceback" not in body
    assert no_event_loop() == []


def test_database_from_a_newer_version_is_refused(ctx, db_path, message_boxes, no_event_loop):
    ctx.engine.dispose()
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    engine.dispose()
    assert ui_app.run_gui(args(db_path)) == 1
    title, body = message_boxes[0]
    assert "phiên bản mới hơn" in body
    assert "Traceback" not in body


def test_vietnamese_is_the_default_interface(staff_ctx, db_path, message_boxes, no_event_loop, qtbot):
    assert ui_app.run_gui(args(db_path)) == 0
    (window,) = no_event_loop()
    assert window.sidebar.item(4).text() == "Hồ sơ CCVC"
    wait_loaded(qtbot, window.page("staff"))
    assert window.page("staff").count_label.text() == "9 người"
    assert message_boxes == []


def test_lang_en_shows_english(staff_ctx, db_path, no_event_loop, qtbot):
    assert ui_app.run_gui(args(db_path, lang="en")) == 0
    (window,) = no_event_loop()
    assert window.sidebar.item(4).text() == "Staff records"
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Records", "&View", "&Help"]
    page = window.page("staff")
    wait_loaded(qtbot, page)
    assert page.count_label.text() == "9 person(s)"
    assert page.model.data(page.model.index(0, 3)) == "Male"
    assert page.model.data(page.model.index(0, 2)) == "12/03/1970"  # dates stay dd/mm/yyyy


def test_saved_language_is_used_when_no_lang_is_given(staff_ctx, db_path, no_event_loop):
    preferences.save_language("en")
    assert ui_app.run_gui(args(db_path)) == 0
    (window,) = no_event_loop()
    assert window.sidebar.item(0).text() == "To-do"


def test_user_option_shows_in_the_status_bar(staff_ctx, db_path, no_event_loop):
    assert ui_app.run_gui(args(db_path, user="canbo01")) == 0
    (window,) = no_event_loop()
    assert window.user_label.text() == "Người dùng: canbo01"


def test_empty_database_at_start_offers_the_demo(tmp_path, no_event_loop, monkeypatch):
    asked: list = []
    monkeypatch.setattr(ui_app, "confirm_new_database", lambda path, parent=None: asked.append(path) or True)
    assert ui_app.run_gui(args(tmp_path / "new.sqlite3")) == 0
    assert asked == [(tmp_path / "new.sqlite3").resolve()]  # a named file that does not exist: asked first
    (window,) = no_event_loop()
    assert window.first_start_dialog is not None and window.first_start_dialog.isVisible()
    window.first_start_dialog.reject()


def test_database_opened_last_is_opened_again(staff_ctx, db_path, no_event_loop):
    preferences.remember_database(str(db_path))
    assert ui_app.run_gui(args(None)) == 0
    (window,) = no_event_loop()
    assert window.db_label.toolTip() == str(db_path) and window.db_label.text().startswith("Cơ sở dữ liệu: ")


def test_the_start_frame_shows_while_the_database_opens_on_a_worker_thread(staff_ctx, db_path, no_event_loop,
                                                                        monkeypatch):
    import threading

    seen: list[tuple[bool, bool]] = []
    real_open = ui_app._open_database

    def open_database(db, **options):
        frames = [w for w in QApplication.topLevelWidgets() if isinstance(w, ui_app.StartFrame) and w.isVisible()]
        seen.append((len(frames) == 1, threading.current_thread() is threading.main_thread()))
        return real_open(db, **options)

    monkeypatch.setattr(ui_app, "_open_database", open_database)
    assert ui_app.run_gui(args(db_path)) == 0
    assert seen == [(True, False)]  # the frame was on screen; the opening ran off the GUI thread
    (window,) = no_event_loop()
    assert window.current_area() == "tasks"
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, ui_app.StartFrame) and w.isVisible()]


def test_objects_made_at_start_up_are_left_out_of_later_garbage_collections(staff_ctx, db_path, no_event_loop):
    import gc

    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    try:
        assert ui_app.run_gui(args(db_path)) == 0
        (window,) = no_event_loop()
        assert gc.get_freeze_count() > 10_000  # modules, classes and the window's objects
        assert not any(o is window for o in gc.get_objects())  # frozen objects are not listed
    finally:
        gc.unfreeze()
