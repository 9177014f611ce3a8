"""The profile editor keeps a record's shape: opening any demo record and pressing Lưu with nothing changed
writes nothing; changing the phone records the phone alone, the catalogue fields staying codes shown by label."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from hrapp.db.models import AuditLog, Person
from ui.dialogs.person_editor import PersonEditor


def _audit(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(AuditLog))


def _open(qtbot, ctx, pid: int) -> PersonEditor:
    editor = PersonEditor(ctx, pid)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_saving_demo_records_unchanged_writes_nothing(qtbot, demo_ctx):
    """One record of each kind of the demo (ethnicity, religion, category, birth known by day/month/year, party
    member or not); the service test saves every record the same way."""
    with demo_ctx.read() as s:
        kinds = s.execute(select(func.min(Person.id)).where(Person.status == "working").group_by(
            Person.ethnicity, Person.religion, Person.cur_category, Person.birth_precision,
            Person.party_join_date.is_(None)))
        ids = sorted(kinds.scalars())
        assert len(ids) >= 10
        versions = dict(s.execute(select(Person.id, Person.row_version)).all())
    before = _audit(demo_ctx)
    for pid in ids:
        editor = _open(qtbot, demo_ctx, pid)
        with qtbot.waitSignal(editor.saved, timeout=5_000):  # the save went through, no message stood
            qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        assert _audit(demo_ctx) == before, editor.identity_form.identity().full_name
        editor.dirty = False
        editor.close()
    with demo_ctx.read() as s:
        assert dict(s.execute(select(Person.id, Person.row_version)).all()) == versions


def test_changing_only_the_phone_records_only_the_phone(qtbot, demo_ctx):
    with demo_ctx.read() as s:
        pid = s.scalar(select(Person.id).where(Person.ethnicity == "12"))  # Ba Na
    editor = _open(qtbot, demo_ctx, pid)
    form = editor.identity_form
    assert form.widgets["ethnicity"].currentText() == "Ba Na"  # the label is shown, the code kept
    phone = form.widgets["phone"]
    phone.clear()
    qtbot.keyClicks(phone, "0912345678")
    before = _audit(demo_ctx)
    with qtbot.waitSignal(editor.saved, timeout=5_000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    with demo_ctx.read() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.id > 0).order_by(AuditLog.id.desc()).limit(
            _audit(demo_ctx) - before)).all()
        p = s.get(Person, pid)
        assert (p.phone, p.ethnicity) == ("0912345678", "12")
    assert [(r.entity, sorted(r.changes)) for r in rows] == [("persons", ["phone"])]
    editor.dirty = False
    editor.close()


def test_the_audit_tab_shows_the_changed_ethnicity_and_religion_by_name(qtbot, demo_ctx):
    from ui.main_window import MainWindow
    from ui.pages.admin_page import AdminPage

    with demo_ctx.read() as s:
        pid = s.scalar(select(Person.id).where(Person.ethnicity == "01", Person.religion == "khong"))
    editor = _open(qtbot, demo_ctx, pid)
    for key, name in (("ethnicity", "Ba Na"), ("religion", "phat giao")):  # typed without diacritics
        combo = editor.identity_form.widgets[key]
        combo.lineEdit().selectAll()
        qtbot.keyClicks(combo.lineEdit(), name)
    with qtbot.waitSignal(editor.saved, timeout=5_000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    editor.dirty = False
    editor.close()
    with demo_ctx.read() as s:
        assert (s.get(Person, pid).ethnicity, s.get(Person, pid).religion) == ("12", "phat_giao")

    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.show_area("admin")
    assert isinstance(page, AdminPage)
    page.tabs.setCurrentWidget(page.audit)
    audit = page.audit
    audit.user_combo.setCurrentIndex(audit.user_combo.findData("tester"))
    audit.action_combo.setCurrentIndex(audit.action_combo.findData("update"))
    audit.table.selectRow(0)
    fields = {audit.detail_model.cell(r, 0).text: (audit.detail_model.cell(r, 1).text,
                                                  audit.detail_model.cell(r, 2).text)
              for r in range(audit.detail_model.rowCount())}
    assert fields == {"Dân tộc": ("Kinh", "Ba Na"), "Tôn giáo": ("Không", "Phật giáo")}
    brief = audit.model.data(audit.model.index(0, 5))
    assert brief == "Dân tộc, Tôn giáo"
