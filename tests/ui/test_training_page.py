"""The training page on the demo department: the 2022 plan with its totals, a new plan copied from last year,
adding a line, sending a planned person by decision, completing with a certificate (the qualification appears on
the person), gaps added to the plan, plan vs actual, the course catalogue, printing and dialog sizes."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from hrapp.db.models import Qualification, TrainingPlan, TrainingPlanLine, TrainingRecord
from tests.ui.conftest import CLIENT_HEIGHT, SCREEN_WIDTH
from ui.widgets.forms import to_qdate

ON = date(2022, 6, 30)


@pytest.fixture
def page(qtbot, demo_ctx):
    from ui.main_window import MainWindow

    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    p = window.show_area("training")
    p.set_gaps_date(ON)
    return p


def column(model, c: int) -> list[str]:
    return [model.data(model.index(r, c)) for r in range(model.rowCount())]


def select_row(view, model, c: int, text: str) -> None:
    view.selectRow(column(model, c).index(text))


def fill_decision(dialog, number: str, day: date) -> None:
    dialog.decision_form.number_edit.setText(number)
    dialog.decision_form.sign_date_edit.setDate(to_qdate(day))


def test_the_2022_plan_shows_its_lines_totals_and_approval(page):
    assert page.plan_combo.currentText() == "2022 (đã phê duyệt)"
    assert "43/KH-SKH&CN ngày 19/01/2022" in page.plan_status.text()
    assert page.lines_model.rowCount() == len(page.lines) == 20
    assert "Tổng cộng" in page.totals_label.text() or "25" in page.totals_label.text()
    assert "Trần Thùy Hạnh" in column(page.lines_model, 0)
    assert not page.approve_button.isEnabled()
    planned = {c: (p, s, d) for c, p, s, d in zip(column(page.actual_model, 0), column(page.actual_model, 1),
                                                    column(page.actual_model, 2), column(page.actual_model, 3),
                                                    strict=True)}
    assert planned["Bồi dưỡng QLNN ngạch chuyên viên"] == ("6", "4", "4")


def test_a_new_plan_copied_from_last_year_then_a_line_and_approval(page, demo_ctx):
    dialog = page.new_plan()
    assert dialog.year_spin.value() == 2023 and dialog.copy_check.isChecked()
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert page.plan().year == 2023 and not page.plan().approved
    copied = page.lines_model.rowCount()
    assert copied >= 18  # people who left by 01/01/2023 are dropped
    line = page.add_line()
    line.type_combo.setCurrentIndex(line.type_combo.findData("qpan"))
    line.group_check.setChecked(True)
    line.unit_combo.setCurrentIndex(line.unit_combo.findText("Văn phòng Sở"))
    line.people_spin.setValue(3)
    line.cost_edit.setText("15.000.000")
    line.submit()
    assert line.result() == line.DialogCode.Accepted
    assert page.lines_model.rowCount() == copied + 1
    approve = page.approve()
    fill_decision(approve, "12/KH-SKHCN", date(2023, 1, 18))
    approve.submit()
    assert page.plan().approved and page.plan().decision_label == "12/KH-SKHCN ngày 18/01/2023"


def test_send_a_planned_person_then_complete_and_the_qualification_appears(page, demo_ctx):
    page.tabs.setCurrentIndex(0)
    names = column(page.lines_model, 0)
    qpan_rows = [i for i, t in enumerate(column(page.lines_model, 2)) if t == "Bồi dưỡng kiến thức quốc phòng và an ninh"]
    page.lines_view.selectRow(qpan_rows[0])
    person = names[qpan_rows[0]]
    dialog = page.open_send(page.selected_line())
    assert [dialog.people_list.item(i).text() for i in range(dialog.people_list.count())] == [person]
    fill_decision(dialog, "150/QĐ-SKH&CN", date(2022, 8, 25))
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.general_error.text()
    assert column(page.lines_model, 8)[column(page.lines_model, 0).index(person)] == "1/1"
    select_row(page.records_view, page.records_model, 0, person)
    result = page.open_result()
    result.result_combo.setCurrentIndex(result.result_combo.findData("kha"))
    result.completed_edit.setDate(to_qdate(date(2022, 9, 30)))
    result.certificate_edit.setText("QPAN-0456")
    result.certificate_date_edit.setDate(to_qdate(date(2022, 10, 5)))
    result.report_check.setChecked(True)
    result.submit()
    assert result.result() == result.DialogCode.Accepted, result.general_error.text()
    row = column(page.records_model, 0).index(person)
    assert column(page.records_model, 4)[row] == "Hoàn thành"
    assert column(page.records_model, 8)[row] == "QP-AN QP-AN đối tượng 3"
    with demo_ctx.read() as s:
        rec = s.scalars(select(TrainingRecord).where(TrainingRecord.certificate_no == "QPAN-0456")).one()
        qual = s.get(Qualification, rec.qualification_id)
    assert (qual.kind, qual.level_code, qual.certificate_date, qual.source) == (
        "qpan", "qpan_doi_tuong_3", date(2022, 10, 5), "training")


def test_selected_gaps_are_added_to_the_plan(page, demo_ctx):
    dialog = page.new_plan()
    dialog.copy_check.setChecked(False)
    dialog.submit()
    assert page.plan().year == 2023 and page.lines_model.rowCount() == 0
    page.tabs.setCurrentIndex(2)
    page.load_gaps()
    names = column(page.gaps_model, 0)
    assert "Trần Thùy Hạnh" in names
    assert column(page.gaps_model, 4)[names.index("Trần Thùy Hạnh")] == "LLCT Trung cấp"
    assert page.needs_model.rowCount() >= 1
    page.gaps_view.selectAll()
    result = page.add_gaps()
    assert len(result.lines) == len(names)
    with demo_ctx.read() as s:
        plan_id = s.scalar(select(TrainingPlan.id).where(TrainingPlan.year == 2023))
        origins = set(s.scalars(select(TrainingPlanLine.origin).where(TrainingPlanLine.plan_id == plan_id)))
    assert origins == {"gap"}
    assert page.lines_model.rowCount() == len(names)


def test_a_course_longer_than_the_rule_is_saved_with_a_warning(page):
    page.tabs.setCurrentIndex(4)
    before = page.courses_model.rowCount()
    dialog = page.open_course(None)
    dialog.code_edit.setText("QLNN-CV-2")
    dialog.name_edit.setText("Bồi dưỡng QLNN chuyên viên (lớp 2)")
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("qlnn_cv"))
    dialog.duration_spin.setValue(6)
    dialog.submit()
    assert page.courses_model.rowCount() == before + 1
    assert "tối đa 4 tuần" in page.course_warning.text()


def test_printing_the_plan_writes_a_pdf(page, qtbot, tmp_path):
    out = tmp_path / "plan.pdf"
    task = page.export("plan_pdf", out)
    qtbot.waitUntil(lambda: page.last_export == out, timeout=30000)
    assert task is not None and out.read_bytes().startswith(b"%PDF")


def test_dialogs_fit_the_screen(page):
    page.lines_view.selectRow(0)
    dialogs = [page.new_plan(), page.add_line(), page.open_send(page.selected_line()), page.open_course(None)]
    page.records_view.selectRow(0)
    dialogs.append(page.open_attendance())
    for d in dialogs:
        hint = d.minimumSizeHint()
        assert hint.width() <= SCREEN_WIDTH and hint.height() <= CLIENT_HEIGHT, type(d).__name__
        d.reject()
