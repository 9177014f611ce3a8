"""The recruitment page on the demo department: Kế hoạch 148/KH-SKHCN (12 viên chức for the Discovery Centre,
xét tuyển under NĐ 115/2020) from the plan to hired staff through the GUI, and Kế hoạch 173/KH-SKHCN's quota
above the vacancies."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from hrapp.db.models import Employment, JobPosition, Person, SalaryStep
from hrapp.domain.recruitment import Outcome
from hrapp.io.candidate_import import CANDIDATES
from hrapp.queries.staffing import staffing_view
from hrapp.services import recruitment as rec

COUNCIL = [("Trần Văn Sang", "Giám đốc Sở", "chu_tich"), ("Nguyễn Thị Mai", "Phó Giám đốc Sở", "pho_chu_tich"),
           ("Lương Thị Nhi", "Chuyên viên Văn phòng Sở", "uy_vien_thu_ky"),
           ("Phạm Minh Quân", "Giám đốc Trung tâm", "uy_vien"), ("Đỗ Thị Hằng", "Chánh Văn phòng Sở", "uy_vien")]

HDV, KN, VH, HC = "Hướng dẫn viên khám phá khoa học", "Hỗ trợ khởi nghiệp đổi mới sáng tạo", \
    "Vận hành mô hình, nhà chiếu hình vũ trụ", "Hành chính - tổng hợp"
# name, sex, NV1, NV2, major, round-2 score (None: absent), extra columns
PEOPLE = [
    ("Nguyễn Văn Hải", "Nam", HDV, None, "Sư phạm Vật lý", "95", {}),
    ("Trần Thị Hoa", "Nữ", HDV, None, "Sư phạm Sinh học", "90", {}),
    ("Y Blốc Niê", "Nam", HDV, None, "Quản trị dịch vụ du lịch và lữ hành", "85",
     {"Dân tộc": "Ê Đê", "Diện ưu tiên": "dan_toc_thieu_so"}),
    ("Lê Thị Hồng", "Nữ", HDV, None, "Sư phạm Vật lý", "80", {}),
    ("Phạm Văn Hùng", "Nam", HDV, None, "Sư phạm Sinh học", "75", {}),
    ("Võ Thị Hạnh", "Nữ", HDV, None, "Sư phạm Vật lý", "70", {}),
    ("Đặng Văn Hiếu", "Nam", HDV, None, "Sư phạm Sinh học", "70", {}),
    ("Bùi Thị Huyền", "Nữ", HDV, None, "Quản trị dịch vụ du lịch và lữ hành", None, {}),
    ("Huỳnh Văn Hưng", "Nam", HDV, None, "Sư phạm Vật lý", "48", {}),
    ("Ngô Văn Khang", "Nam", KN, None, "Quản trị kinh doanh", "88", {}),
    ("Đinh Thị Kim", "Nữ", KN, None, "Công nghệ thông tin", "82", {}),
    ("Mai Văn Khoa", "Nam", KN, None, "Công nghệ thông tin", "76", {}),
    ("Tạ Thị Khánh", "Nữ", KN, None, "Quản trị kinh doanh", "70", {}),
    ("Lâm Văn Kiên", "Nam", KN, HC, "Quản trị văn phòng – Quản trị kinh doanh (song ngành)", "65", {}),
    ("Châu Văn Vinh", "Nam", VH, None, "Điện tử - Viễn thông", "80", {}),
    ("Hà Thị Vân", "Nữ", VH, None, "Vật lý", "68", {"Diện ưu tiên": "con_liet_si"}),
    ("Lý Thị An", "Nữ", HC, None, "Quản trị văn phòng", "45", {}),
    ("Kiều Văn Lộc", "Nam", HDV, None, "Kế toán", None, {}),
    ("Tôn Thất Lực", "Nam", KN, None, "Quản trị kinh doanh", None, {"Trình độ chuyên môn": "CD"}),
    ("Phan Thị Lệ", "Nữ", VH, None, "Vật lý", None, {"Ngoại ngữ": None, "Trình độ ngoại ngữ": None}),
]
INELIGIBLE = {"Kiều Văn Lộc", "Tôn Thất Lực", "Phan Thị Lệ"}


def cccd(n: int) -> str:
    return f"0529{n:08d}"


def candidates_file(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = CANDIDATES.name
    titles = [c.title for c in CANDIDATES.columns]
    ws.append(titles)
    for n, (name, sex, nv1, nv2, major, _score, extra) in enumerate(PEOPLE, start=1):
        values = {"Số CCCD": cccd(n), "Họ và tên": name, "Giới tính": sex, "Ngày sinh": date(1996, n % 12 + 1, 10),
                  "Dân tộc": "Kinh", "Trình độ chuyên môn": "DH", "Chuyên ngành đào tạo": major,
                  "Cơ sở đào tạo": "Trường Đại học Quy Nhơn", "Năm tốt nghiệp": 2019, "Tin học": "tin_hoc_co_ban",
                  "Ngoại ngữ": "Tiếng Anh", "Trình độ ngoại ngữ": "B1", "Vị trí dự tuyển": nv1,
                  "Nguyện vọng 2": nv2, "Ngày nộp phiếu": date(2022, 3, 25), **extra}
        ws.append([values.get(t) for t in titles])
    wb.save(path)
    return path


@pytest.fixture
def window(qtbot, demo_ctx, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    from ui.main_window import MainWindow

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    w = MainWindow(demo_ctx)
    w.opened_files = opened
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def position_ids(ctx) -> dict[str, int]:
    with ctx.read() as s:
        return {p.name: p.id for p in s.scalars(select(JobPosition).where(JobPosition.code.like("TTKP-%"),
                                                                          JobPosition.status == "approved"))}


def accept(page, qtbot) -> QDialog:
    """Press OK on the dialog the page just opened and check it closed (the service accepted it)."""
    dialog = page.active_dialog
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.errors.text()
    return dialog


def step(page, qtbot, day: date, **decision: object) -> None:
    page.detail.next_step()
    dialog = page.active_dialog
    dialog.event_date.set_value(day)
    if decision:
        dialog.decision.fill(**decision)
    accept(page, qtbot)


def _without_demo_rounds(ctx) -> None:
    """The demo holds the 2022 rounds already; this test builds the 148 round itself through the GUI."""
    from sqlalchemy import text

    with ctx.unit_of_work() as s:
        for table in ("recruitment_score_changes", "recruitment_scores", "recruitment_preferences",
                      "recruitment_events", "recruitment_candidates", "recruitment_targets",
                      "recruitment_rounds"):
            s.execute(text(f"DELETE FROM {table}"))


def test_full_demo_round_from_plan_to_hired_staff(window, qtbot, tmp_path, demo_ctx):
    ctx = demo_ctx
    _without_demo_rounds(ctx)
    page = window.show_area("recruitment")
    page.refresh()
    with ctx.read() as s:
        staff_before = set(s.scalars(select(Person.full_name)))

    # 1. The plan: Kế hoạch 148/KH-SKHCN, notice on 10/03/2022, a council of five
    page.create_new()
    dlg = page.active_dialog
    dlg.name.setText("Xét tuyển viên chức năm 2022 – Trung tâm Khám phá khoa học và Đổi mới sáng tạo")
    dlg.year.setValue(2022)
    assert dlg.regime.currentData() == "nd115_2020" and dlg.method.currentData() == "xet_tuyen"
    dlg.plan.fill("148/KH-SKHCN", date(2022, 3, 4), "Trần Văn Sang", "Sở Khoa học và Công nghệ",
                  "Kế hoạch tuyển dụng viên chức năm 2022")
    dlg.notice_date.set_value(date(2022, 3, 10))
    dlg.set_members(COUNCIL)
    accept(page, qtbot)
    detail = page.detail
    info = detail.info
    assert info is not None and info.application_deadline == date(2022, 4, 9)
    assert page.stack.currentWidget() is detail and detail.status.text() == "Dự thảo kế hoạch"

    # 2. Positions and quotas: 6 + 3 + 2 + 1 = 12 places, each within the staffing view's vacancies
    ids = position_ids(ctx)
    for name, quota in ((HDV, 6), (KN, 3), (VH, 2), (HC, 1)):
        detail.targets.add_target()
        t = page.active_dialog
        assert t.select_position(ids[name])
        t.quota.setValue(quota)
        accept(page, qtbot)
    assert detail.info.quota == 12
    assert detail.targets.model.rowCount() == 4
    assert [t.vacancies_seen for t in detail.info.targets] == [6, 3, 2, 1]

    # 3. Announced: the 12 places count as "in recruitment"
    step(page, qtbot, date(2022, 3, 10))
    assert detail.info.status == "open"
    view = staffing_view(ctx, 2022, date(2022, 3, 15), with_positions=True)
    assert sum(p.in_recruitment for p in view.positions if p.position_id in ids.values()) == 12

    # 4. Candidates: one form typed in, the others imported from Excel
    tab = detail.candidates_tab
    tab.add_candidate()
    form = page.active_dialog
    form.full_name.setText("Dương Văn Vũ")
    form.gender.setCurrentIndex(form.gender.findData("M"))  # no default: read off the form
    form.birth_date.set_value(date(1997, 8, 2))
    form.id_number.setText(cccd(99))
    form.education_level.setCurrentIndex(form.education_level.findData("DH"))
    form.major.setText("Sư phạm Vật lý")
    form.it.setCurrentIndex(form.it.findData("tin_hoc_co_ban"))
    form.language.setText("Tiếng Anh")
    form.language_level.setCurrentIndex(form.language_level.findData("B1"))
    form.preference1.setCurrentIndex(form.preference1.findData(detail.info.targets[2].id))
    form.preference2.setCurrentIndex(form.preference2.findData(detail.info.targets[0].id))
    accept(page, qtbot)
    tab.import_candidates(str(candidates_file(tmp_path / "phieu_dang_ky.xlsx")))
    qtbot.waitUntil(lambda: hasattr(tab, "last_result"), timeout=20000)
    assert tab.last_result.ok, tab.last_result.issues
    qtbot.waitUntil(lambda: detail.info.candidates == 21)
    assert tab.model.rowCount() == 21

    # 5. Applications close; the conditions are checked; numbers are given to those admitted
    step(page, qtbot, date(2022, 4, 10))
    by_name = {c.full_name: c for c in detail.candidates}
    assert {n for n, c in by_name.items() if not c.eligible} == INELIGIBLE
    assert by_name["Kiều Văn Lộc"].ineligible_reasons[0].startswith("Chuyên ngành: yêu cầu Sư phạm Vật lý")
    assert "Ngoại ngữ: yêu cầu Bậc 2 (A2), người dự tuyển chưa có." in by_name["Phan Thị Lệ"].ineligible_reasons
    tab.assign_numbers()
    assert not detail.error.isVisible(), detail.error.text()
    numbers = {c.full_name: c.sbd for c in detail.candidates}
    assert sorted(n for n in numbers.values() if n) == [f"{i:03d}" for i in range(1, 19)]
    step(page, qtbot, date(2022, 4, 15))
    assert detail.info.status == "round2"
    assert detail.round2.model.rowCount() == 18

    # 6. Round 2 scores typed into the sheet; one absentee; one re-marking
    scores = {p[0]: p[5] for p in PEOPLE} | {"Dương Văn Vũ": "72"}
    for name, score in scores.items():
        if name in INELIGIBLE:
            continue
        if score is None:
            assert detail.round2.set_absent(numbers[name])
        else:
            assert detail.round2.set_score(numbers[name], "tong", score.replace(".", ","))
    detail.round2.save_scores()
    assert not detail.error.isVisible(), detail.error.text()
    vu = next(c for c in detail.candidates if c.full_name == "Dương Văn Vũ")
    assert vu.round2 == Decimal(72)
    row = detail.round2.model.row_of_sbd(numbers["Dương Văn Vũ"])
    detail.round2.view.setCurrentIndex(detail.round2.model.index(row, detail.round2.model.part_column("tong")))
    detail.round2.remark()
    remark = page.active_dialog
    remark.value.setText("74")
    remark.reason.setText("Chấm phúc khảo: cộng sót điểm câu hỏi 2")
    accept(page, qtbot)

    # 7. Results fixed by Quyết định 300/QĐ-SKHCN; a tie at the last place of the guides waits for the head
    step(page, qtbot, date(2022, 5, 16), number="300/QĐ-SKHCN", signed=date(2022, 5, 16),
         issuer="Sở Khoa học và Công nghệ")
    results = detail.results
    guides, startup, shows, office = results.positions
    assert [r.full_name for r in guides.with_outcome(Outcome.CAN_QUYET_DINH)] == ["Võ Thị Hạnh", "Đặng Văn Hiếu"]
    assert [r.full_name for r in shows.with_outcome(Outcome.TRUNG_TUYEN)] == ["Châu Văn Vinh", "Dương Văn Vũ"]
    van = next(r for r in shows.rows if r.full_name == "Hà Thị Vân")
    assert (van.priority_points, van.total, van.outcome) == (Decimal(5), Decimal(73), Outcome.KHONG_TRUNG_TUYEN)
    assert [(r.full_name, r.choice) for r in office.with_outcome(Outcome.TRUNG_TUYEN)] == [("Lâm Văn Kiên", 2)]
    waiting = {r.full_name for _p, r in detail.hiring.waiting}
    assert len(waiting) == 11 and "Võ Thị Hạnh" not in waiting and "Đặng Văn Hiếu" not in waiting
    assert detail.results_tab.select(guides.target_id)
    detail.results_tab.record_tie_decision()
    tie = page.active_dialog
    hieu = next(r for r in guides.rows if r.full_name == "Đặng Văn Hiếu")
    tie.checks[hieu.candidate_id].setChecked(True)
    tie.decision.fill("310/QĐ-SKHCN", date(2022, 5, 20), "Trần Văn Sang")
    accept(page, qtbot)
    assert not detail.results.pending_decisions

    # 8. A winner does not complete the dossier: the place goes to the next ranked
    kim = next(r for r in detail.results.positions[1].rows if r.full_name == "Đinh Thị Kim")
    assert detail.results_tab.select(startup.target_id, kim.candidate_id)
    detail.results_tab.record_withdrawal()
    wd = page.active_dialog
    wd.reason_code.setCurrentIndex(wd.reason_code.findData("khong_hoan_thien_ho_so"))
    wd.event_date.set_value(date(2022, 6, 16))
    wd.decision.fill("350/QĐ-SKHCN", date(2022, 6, 16), "Trần Văn Sang")
    accept(page, qtbot)
    startup = detail.results.positions[1]
    assert [r.full_name for r in startup.with_outcome(Outcome.TRUNG_TUYEN)] == [
        "Ngô Văn Khang", "Mai Văn Khoa", "Tạ Thị Khánh"]

    # 9. The results list, printed
    target = tmp_path / "ket_qua.pdf"
    detail.print_document("results", path=str(target))
    qtbot.waitUntil(lambda: window.opened_files == [str(target)], timeout=20000)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(target)).pages).split())
    assert "KẾT QUẢ XÉT TUYỂN VIÊN CHỨC NĂM 2022" in text
    assert "Kèm theo Quyết định số 300/QĐ-SKHCN ngày 16/05/2022" in text
    assert "Danh sách này có 18 thí sinh dự vòng 2, trong đó 12 người trúng tuyển." in text

    # 10. Hiring: one decision turns the 12 winners into staff records
    assert len(detail.hiring.waiting) == 12
    detail.hiring.hire()
    hire = page.active_dialog
    hire.start_date.set_value(date(2022, 7, 1))
    hire.decision.fill("400/QĐ-SKHCN", date(2022, 6, 28), "Trần Văn Sang", "Sở Khoa học và Công nghệ")
    accept(page, qtbot)
    assert len(hire.result_value.hired) == 12
    assert detail.hiring.summary.text() == "12/12 người trúng tuyển đã được tuyển dụng"
    step(page, qtbot, date(2022, 7, 1))
    assert detail.info.status == "closed"

    with ctx.read() as s:
        hired = {p.full_name: p for p in s.scalars(select(Person)) if p.full_name not in staff_before}
        assert len(hired) == 12
        hieu = hired["Đặng Văn Hiếu"]
        emp = s.scalars(select(Employment).where(Employment.person_id == hieu.id)).one()
        sal = s.scalars(select(SalaryStep).where(SalaryStep.person_id == hieu.id)).one()
        assert (hieu.cur_category, hieu.cur_rank_code, emp.position_id) == ("vien_chuc", "V.10.05.17", ids[HDV])
        assert (emp.start_date, emp.probation_end, sal.percent, sal.coefficient) == (
            date(2022, 7, 1), date(2023, 6, 30), 85, Decimal("2.34"))
    view = staffing_view(ctx, 2022, date(2022, 7, 1), with_positions=True)
    mine = [p for p in view.positions if p.position_id in ids.values()]
    assert sum(p.in_recruitment for p in mine) == 0
    assert {p.name: p.vacancy for p in mine if p.name in (HDV, KN, VH, HC)} == {HDV: 0, KN: 0, VH: 0, HC: 0}

    staff = window.show_area("staff")
    staff.search_edit.setText("Đặng Văn Hiếu")
    staff.apply_filter()
    qtbot.waitUntil(lambda: staff.model.rowCount() == 1)  # the staff list queries on a worker thread
    window.show_area("recruitment")
    page.show_list()
    assert page.list_model.rowCount() == 1
    assert page.list_model.data(page.list_model.index(0, 3)) == "Đã kết thúc"


def test_quota_above_the_vacancies_asks_for_a_reason_in_the_dialog(window, qtbot, demo_ctx):
    page = window.show_area("recruitment")
    page.create_new()
    dlg = page.active_dialog
    dlg.name.setText("Xét tuyển viên chức năm 2022 – Trung tâm Phân tích và Đo lường Chất lượng")
    dlg.year.setValue(2022)
    dlg.plan.fill("173/KH-SKHCN", date(2022, 3, 14))
    dlg.notice_date.set_value(date(2022, 3, 18))
    accept(page, qtbot)
    with demo_ctx.read() as s:
        testing = s.scalar(select(JobPosition.id).where(JobPosition.code == "TTPT-07"))
    page.detail.targets.add_target()
    t = page.active_dialog
    assert t.select_position(testing)
    assert t.vacancy.text().startswith("0 vị trí còn trống")
    t.quota.setValue(2)
    t.accept()
    assert t.result() != QDialog.DialogCode.Accepted
    assert "vượt số vị trí còn trống" in t.errors.text()
    t.reason.setText("Số người làm việc hưởng lương NSNN năm 2022 còn thiếu 02 so với số được giao")
    accept(page, qtbot)
    target = page.detail.info.targets[0]
    assert (target.quota, target.vacancies_seen) == (2, 0)
    assert target.over_vacancy_reason.startswith("Số người làm việc")


def test_recruitment_dialogs_fit_a_small_screen(window, demo_ctx):
    from ui.dialogs.recruitment_candidate_dialog import CandidateDialog
    from ui.dialogs.recruitment_round_dialog import RoundDialog

    info = rec.create_round(demo_ctx, rec.RoundInput(name="Kỳ thử", year=2022, regime="nd115_2020",
                                                     method="thi_tuyen"))
    for dialog in (RoundDialog(demo_ctx, None, window), RoundDialog(demo_ctx, info, window),
                   CandidateDialog(demo_ctx, info, None, window)):
        hint = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
        assert hint.width() <= 1366 and hint.height() <= 700, (type(dialog).__name__, hint)
