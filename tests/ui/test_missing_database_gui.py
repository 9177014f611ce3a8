"""The GUI asks before creating a named database that does not exist, and creates nothing when refused."""

from __future__ import annotations

import argparse

from PySide6.QtWidgets import QMessageBox

from ui import app


def _answer(monkeypatch, label: str, asked: list[str]) -> None:
    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        for button in box.buttons():
            if button.text() == label:
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)


def test_only_a_named_missing_file_is_asked_about(tmp_path, monkeypatch):
    monkeypatch.delenv("HRAPP_DB", raising=False)
    assert app.named_database_missing(argparse.Namespace(db=None)) is None  # the default file: first start
    existing = tmp_path / "hr.sqlite3"
    existing.write_bytes(b"SQLite format 3\x00")
    assert app.named_database_missing(argparse.Namespace(db=str(existing))) is None
    assert app.named_database_missing(argparse.Namespace(db="postgresql+psycopg://u@h/db")) is None
    assert app.named_database_missing(argparse.Namespace(db=str(tmp_path / "typo.sqlite3"))) == tmp_path / "typo.sqlite3"
    monkeypatch.setenv("HRAPP_DB", str(tmp_path / "env.sqlite3"))
    assert app.named_database_missing(argparse.Namespace(db=None)) == tmp_path / "env.sqlite3"


def test_refusing_the_question_quits_without_creating_anything(qapp, tmp_path, monkeypatch):
    asked: list[str] = []
    _answer(monkeypatch, "Thoát", asked)
    app.install_translation(qapp, "vi")
    wrong = tmp_path / "typo" / "hr.sqlite3"
    code = app.run_gui(argparse.Namespace(db=str(wrong), lang="vi", user=None, command=None))
    assert code == 1
    assert asked == [f"Không có cơ sở dữ liệu tại {wrong}.\n\nTạo một cơ sở dữ liệu mới, trống ở đó?"]
    assert not wrong.parent.exists()


def test_accepting_the_question_creates_the_database(qapp, tmp_path, monkeypatch):
    asked: list[str] = []
    _answer(monkeypatch, "Tạo cơ sở dữ liệu mới", asked)
    app.install_translation(qapp, "vi")
    assert app.confirm_new_database(tmp_path / "new.sqlite3") is True
    assert len(asked) == 1
