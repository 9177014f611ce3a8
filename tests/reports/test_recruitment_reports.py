"""The printed documents of a round: plan, round-2 list, score sheet and results list, as PDF and Excel."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from hrapp.queries import recruitment as rq
from hrapp.reports.recruitment_documents import build_document
from hrapp.reports.recruitment_results import document as results_document
from hrapp.reports.recruitment_scores import document as scores_document
from hrapp.services import recruitment as rec
from tests.services.org_builders import own_agency
from tests.services.recruitment_builders import (
    ENGLISH_B1,
    NOTICE,
    advance,
    centre,
    deadline,
    dec,
    form,
    new_round,
    score_all,
    target_id,
    to_round2,
)


@pytest.fixture
def finished(ctx):
    """A round of 2 + 1 places with results: a priority winner, an absentee, one under 50, a second
    preference and a withdrawal that passed the place on."""
    own_agency(ctx, head_name="Nguyễn Văn Nường")
    org = centre(ctx)
    info = new_round(ctx, org, {"IT": 2, "SCI": 1})
    it, sci = target_id(info, org["IT"]), target_id(info, org["SCI"])
    advance(ctx, info.id, "open", NOTICE)
    people = {
        "Nguyễn Văn An": (form("Nguyễn Văn An", (it,)), "82"),
        "Võ Thị Hoa": (form("Võ Thị Hoa", (it,), gender="F", groups=("dan_toc_thieu_so",)), "70"),
        "Trần Thị Bình": (form("Trần Thị Bình", (it, sci), gender="F", major="Công nghệ thông tin; Vật lý",
                               quals=(ENGLISH_B1,)), "74.5"),
        "Đặng Quốc Huy": (form("Đặng Quốc Huy", (it,)), "47.5"),
        "Phạm Minh Dũng": (form("Phạm Minh Dũng", (sci,), major="Hóa học", quals=(ENGLISH_B1,),
                                groups=("con_liet_si",)), "68"),
        "Bùi Thị Lan": (form("Bùi Thị Lan", (sci,), gender="F", major="Vật lý", quals=(ENGLISH_B1,)), None),
        "Lê Văn Cường": (form("Lê Văn Cường", (it,), level="CD"), "skip"),
    }
    ids = {name: rec.add_candidate(ctx, info.id, dto).id for name, (dto, _s) in people.items()}
    info = to_round2(ctx, rq.get_round(ctx, info.id))
    score_all(ctx, info.id, {ids[n]: s for n, (_d, s) in people.items() if s != "skip"})
    advance(ctx, info.id, "results", date(2022, 5, 16), decision=dec("300/QĐ-SKHCN", date(2022, 5, 16)))
    rec.record_withdrawal(ctx, rec.Withdrawal(ids["Võ Thị Hoa"], "khong_hoan_thien_ho_so",
                                              dec("350/QĐ-SKHCN", date(2022, 6, 20))))
    return ctx, info.id, ids


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_results_list_reads_like_an_official_list(finished, tmp_path):
    ctx, round_id, _ids = finished
    pages = build_document(ctx, round_id, "results", tmp_path / "kq.pdf")
    assert pages >= 1
    text = flat(pdf_text(tmp_path / "kq.pdf"))
    for expected in ("UBND TỈNH BÌNH ĐỊNH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "Bình Định, ngày 16 tháng 5 năm 2022", "DANH SÁCH",
                     "KẾT QUẢ XÉT TUYỂN VIÊN CHỨC NĂM 2022", "Kèm theo Quyết định số 300/QĐ-SKHCN ngày 16/05/2022",
                     "Điểm ưu tiên", "Tổng điểm", "Kết quả", "1. Vị trí Kỹ sư công nghệ thông tin (chỉ tiêu: 02)",
                     "Nơi nhận:", "GIÁM ĐỐC", "Nguyễn Văn Nường"):
        assert expected in text, expected
    assert "Lê Văn Cường" not in text  # stopped at the check of conditions: not on the round-2 results
    assert "Điểm vòng 2 dưới 50 điểm" in text
    assert "không hoàn thiện hồ sơ tuyển dụng trong thời hạn quy định (Quyết định số 350/QĐ-SKHCN)" in text
    assert "Danh sách này có 6 thí sinh dự vòng 2, trong đó 3 người trúng tuyển." in text


def test_results_rows_follow_the_ranking(finished):
    ctx, round_id, _ids = finished
    doc = results_document(ctx, round_id)
    rows = [r for r in doc.spec.rows if isinstance(r, list)]
    by_name = {(r[2], i): r for i, r in enumerate(rows)}
    names = [r[2] for r in rows]
    # IT (2 places): An 82, Bình 74.5 (Hoa 70 + 5 = 75 withdrew, so Bình moves up), then Hoa, then Huy 47.5
    assert names[:4] == ["Nguyễn Văn An", "Trần Thị Bình", "Võ Thị Hoa", "Đặng Quốc Huy"]
    an, binh, hoa, huy = (by_name[(n, i)] for i, n in enumerate(names[:4]))
    assert (an[5], an[6], an[7], an[8]) == (Decimal(82), None, Decimal(82), "Trúng tuyển")
    assert binh[8] == "Trúng tuyển" and huy[8] == "Không trúng tuyển"
    assert (hoa[6], hoa[7], hoa[8]) == (Decimal(5), Decimal(75), "Trúng tuyển, đã rút hồ sơ")
    assert hoa[9].startswith("Ưu tiên: Người dân tộc thiểu số; không hoàn thiện hồ sơ")
    # SCI (1 place): Dũng 68 + 5; Lan absent; Bình listed as second preference there
    sci = names[4:]
    assert sci[0] == "Phạm Minh Dũng" and "Bùi Thị Lan" in sci
    lan = next(r for r in rows if r[2] == "Bùi Thị Lan")
    assert (lan[5], lan[8]) == ("Vắng", "Không trúng tuyển")


def test_results_excel_keeps_numbers_as_numbers(finished, tmp_path):
    ctx, round_id, _ids = finished
    build_document(ctx, round_id, "results", tmp_path / "kq.xlsx")
    ws = load_workbook(tmp_path / "kq.xlsx").active
    values = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    an = next(r for r in values if "Nguyễn Văn An" in r)
    assert an[0] == 1 and an[1] == "001" and an[5] == 82 and an[7] == 82 and an[8] == "Trúng tuyển"
    assert an[3].date() == date(1996, 5, 17)  # born a man: the date sits in the 'Nam' column


def test_plan_lists_positions_quotas_and_requirements(finished, tmp_path):
    ctx, round_id, _ids = finished
    build_document(ctx, round_id, "plan", tmp_path / "kh.pdf")
    text = flat(pdf_text(tmp_path / "kh.pdf"))
    for expected in ("NHU CẦU TUYỂN DỤNG VIÊN CHỨC NĂM 2022", "Kèm theo Kế hoạch số 148/KH-SKHCN ngày 04/03/2022",
                     "Kỹ sư công nghệ thông tin", "Kỹ sư (hạng III) (V.05.02.07)", "Ngoại ngữ: Bậc 3 (B1)",
                     "Đại học trở lên, chuyên ngành Vật lý; Hóa học", "Tổng cộng 3"):
        assert expected in text, expected


def test_round2_list_has_numbers_names_births_and_positions(finished, tmp_path):
    ctx, round_id, _ids = finished
    build_document(ctx, round_id, "eligible", tmp_path / "ds.pdf")
    text = flat(pdf_text(tmp_path / "ds.pdf"))
    assert "HỘI ĐỒNG XÉT TUYỂN VIÊN CHỨC NĂM 2022" in text
    assert "THÍ SINH ĐỦ ĐIỀU KIỆN THAM DỰ VÒNG 2" in text
    assert "001 Nguyễn Văn An 17/05/1996" in text and "Kỹ sư công nghệ thông tin" in text
    assert "Nguyện vọng 2: Nghiên cứu viên truyền thông khoa học" in text
    assert "Lê Văn Cường" not in text
    assert "Danh sách này có 6 thí sinh." in text


def test_score_sheet_is_signed_by_the_council(finished, tmp_path):
    ctx, round_id, _ids = finished
    doc = scores_document(ctx, round_id)
    rows = [r for r in doc.spec.rows if isinstance(r, list)]
    assert [r[1] for r in rows] == sorted(r[1] for r in rows)
    lan = next(r for r in rows if r[2] == "Bùi Thị Lan")
    assert lan[-2] is None and lan[-1] == "Vắng mặt"
    build_document(ctx, round_id, "scores", tmp_path / "diem.pdf")
    text = flat(pdf_text(tmp_path / "diem.pdf"))
    assert "BẢNG TỔNG HỢP ĐIỂM VÒNG 2" in text
    assert "CHỦ TỊCH HỘI ĐỒNG" in text and "Nguyễn Văn Nường" in text
    assert "THƯ KÝ HỘI ĐỒNG" in text and "Lê Minh Khoa" in text


def test_round1_sheet_of_a_computer_test_shows_correct_answers_and_exemptions(ctx, tmp_path):
    org = centre(ctx)
    info = new_round(ctx, org, {"IT": 1}, method="thi_tuyen")
    advance(ctx, info.id, "open", NOTICE)
    it = info.targets[0].id
    a = rec.add_candidate(ctx, info.id, form("Nguyễn Văn An", (it,))).id
    b = rec.add_candidate(ctx, info.id, form("Lê Thị Bé", (it,), gender="F", exemptions=("ngoai_ngu",),
                                             exemption_note="Tốt nghiệp đại học ngành ngôn ngữ Anh")).id
    advance(ctx, info.id, "round1", deadline(info) + timedelta(days=1))
    rec.assign_sbd(ctx, info.id)
    rec.enter_scores(ctx, rec.ScoreSheet(info.id, 1, (
        rec.ScoreEntry(a, "kien_thuc_chung", Decimal(45)), rec.ScoreEntry(a, "ngoai_ngu", Decimal(14)),
        rec.ScoreEntry(b, "kien_thuc_chung", Decimal(30)))))
    doc = scores_document(ctx, info.id)
    rows = {r[2]: r for r in doc.spec.rows}
    assert rows["Nguyễn Văn An"][6:9] == [45, 14, "Không đạt"]
    assert rows["Lê Thị Bé"][6:9] == [30, "Miễn", "Đạt"]
    assert "KẾT QUẢ VÒNG 1" in doc.title


def test_printing_is_noted_in_the_audit_log(finished, tmp_path):
    from sqlalchemy import select

    from hrapp.db.models import AuditLog

    ctx, round_id, _ids = finished
    build_document(ctx, round_id, "results", tmp_path / "kq.pdf")
    with ctx.read() as s:
        row = s.scalars(select(AuditLog).where(AuditLog.action == "print")).all()[-1]
    assert (row.entity, row.entity_id, row.summary) == ("recruitment_rounds", str(round_id),
                                                        "Kết quả tuyển dụng (PDF)")
