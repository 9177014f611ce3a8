"""Quality statistics on a date (BM01/BNV): the demo reproduces the seed report, counts follow the dated
history at the edges (joined, certified, turned 31 that day), and the PDF, Excel and JSON carry them."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader
from python_calamine import CalamineWorkbook

from hrapp.db.models import OrgUnit
from hrapp.queries.quality import quality_stats
from hrapp.reports.quality import export_quality
from hrapp.services import persons as ps

AS_OF = date(2022, 6, 30)
DEC = ps.DecisionInput("1/QĐ-SKHCN", date(2015, 1, 5))


# ------------------------------------------------------------------------------------------- the demo


def test_demo_reproduces_the_seed_reports_figures(demo_ctx):
    stats = quality_stats(demo_ctx, AS_OF)
    t = stats.total
    assert (t.by_education["TS"], t.by_education["ThS"], t.doctoral_candidates) == (2, 27, 2)
    assert t.college_or_higher == 146
    assert (t.by_political_theory["cao_cap"], t.by_political_theory["trung_cap"]) == (14, 20)
    assert t.headcount == sum(u.counts.headcount for u in stats.units)
    assert sum(t.by_education.values()) == t.headcount  # each person once, at the highest level
    assert sum(t.age_bands.values()) == t.headcount
    assert stats.quota_total == 101  # 39 công chức + 57 viên chức + 5 hợp đồng assigned for 2022


def test_demo_units_are_the_departments_direct_units(demo_ctx):
    stats = quality_stats(demo_ctx, AS_OF)
    codes = [u.code for u in stats.units]
    assert codes[:3] == ["BGD", "VP", "TTR"] and "TTPT" in codes
    assert "TTPT-TN" not in codes  # sub-units roll up into their centre


def test_only_civil_servants_when_asked(demo_ctx):
    cc = quality_stats(demo_ctx, AS_OF, categories=["cong_chuc"])
    assert cc.total.headcount == cc.total.by_category["cong_chuc"] > 0
    assert cc.total.by_category["vien_chuc"] == 0


# ------------------------------------------------------------------------------------------- edges


@pytest.fixture
def org(ctx):
    with ctx.unit_of_work() as s:
        root = OrgUnit(code="SO", name="Sở", kind="so")
        s.add(root)
        s.flush()
        top = OrgUnit(code="TT", name="Trung tâm", kind="trung_tam", parent_id=root.id)
        s.add(top)
        s.flush()
        sub = OrgUnit(code="TT-P", name="Phòng thuộc Trung tâm", kind="phong_thuoc", parent_id=top.id)
        s.add(sub)
        s.flush()
        return {"root": root.id, "top": top.id, "sub": sub.id}


def add(ctx, org, number: str, *, unit: str = "top", gender="M", birth=date(1990, 1, 1), start=date(2015, 1, 1),
        quals=(), party=None, rank=("01.003", 1, "2.34")):
    rank_code, step, coef = rank
    return ps.create_person(ctx, ps.NewPerson(
        ps.IdentityInput(full_name=f"Người {number}", gender=gender, birth_date=birth, id_number=f"0520000{number}",
                         party_join_date=party),
        ps.EmploymentInput("vien_chuc", org[unit], start, recruitment_date=start),
        ps.SalaryInput(rank_code, step, Decimal(coef), start),
        tuple(quals),
    ), today=date(2024, 1, 1)).id


def stats_on(ctx, day):
    return quality_stats(ctx, day)


def test_a_person_counts_from_the_day_they_join(ctx, org):
    add(ctx, org, "00001", start=AS_OF)
    add(ctx, org, "00002", start=date(2022, 7, 1))
    assert stats_on(ctx, AS_OF).total.headcount == 1
    assert stats_on(ctx, date(2022, 7, 1)).total.headcount == 2


def test_a_degree_counts_from_its_certificate_date(ctx, org):
    ths = ps.QualificationInput("chuyen_mon", "ThS", year=2022, certificate_date=AS_OF)
    add(ctx, org, "00001", quals=[ps.QualificationInput("chuyen_mon", "DH", year=2012), ths])
    assert stats_on(ctx, date(2022, 6, 29)).total.by_education["DH"] == 1
    on = stats_on(ctx, AS_OF).total
    assert (on.by_education["ThS"], on.by_education["DH"]) == (1, 0)


def test_doctoral_study_counts_as_candidate_until_the_degree_then_as_doctor(ctx, org):
    ts = ps.QualificationInput("chuyen_mon", "TS", start_date=date(2019, 10, 1), end_date=date(2023, 6, 30),
                               year=2023, certificate_date=date(2023, 9, 1))
    add(ctx, org, "00001", quals=[ps.QualificationInput("chuyen_mon", "ThS", year=2015), ts])
    before = stats_on(ctx, AS_OF).total
    assert (before.doctoral_candidates, before.by_education["TS"], before.by_education["ThS"]) == (1, 0, 1)
    after = stats_on(ctx, date(2023, 9, 1)).total
    assert (after.doctoral_candidates, after.by_education["TS"]) == (0, 1)
    assert stats_on(ctx, date(2019, 9, 30)).total.doctoral_candidates == 0


def test_age_bands_at_their_edges(ctx, org):
    add(ctx, org, "00001", birth=date(1991, 7, 1))  # 30 on 30/06/2022
    add(ctx, org, "00002", birth=date(1991, 6, 30))  # 31 that day
    add(ctx, org, "00003", birth=date(1961, 6, 30), gender="F")  # 61
    bands = stats_on(ctx, AS_OF).total.age_bands
    assert (bands["<=30"], bands["31-40"], bands[">60"]) == (1, 1, 1)


def test_sub_unit_staff_count_in_their_top_unit_and_rank_and_party_on_the_day(ctx, org):
    add(ctx, org, "00001", unit="sub", party=date(2022, 7, 1), rank=("01.002", 1, "4.40"))
    add(ctx, org, "00002", unit="top", party=AS_OF)
    stats = stats_on(ctx, AS_OF)
    assert [(u.code, u.counts.headcount) for u in stats.units] == [("TT", 2)]
    assert stats.total.party_members == 1
    assert (stats.total.by_rank["CVC"], stats.total.by_rank["CV"]) == (1, 1)


def test_political_theory_and_state_management_count_each_person_once_at_the_highest(ctx, org):
    add(ctx, org, "00001", quals=[ps.QualificationInput("llct", "trung_cap", year=2015),
                             ps.QualificationInput("llct", "cao_cap", year=2020),
                             ps.QualificationInput("qlnn", "CV", year=2016),
                             ps.QualificationInput("qlnn", "CVC", year=2021)])
    t = stats_on(ctx, AS_OF).total
    assert t.by_political_theory == {"cu_nhan": 0, "cao_cap": 1, "trung_cap": 0, "so_cap": 0}
    assert t.by_state_management == {"CVCC": 0, "CVC": 1, "CV": 0}


# ------------------------------------------------------------------------------------------- documents


def test_pdf_is_landscape_with_the_bm01_header_and_numbering(demo_ctx, tmp_path):
    out = tmp_path / "bm01.pdf"
    export_quality(demo_ctx, out, AS_OF, printed_on=date(2022, 7, 5))
    reader = PdfReader(out)
    box = reader.pages[0].mediabox
    assert box.width > box.height
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for needle in ("BM01/BNV", "Ban hành kèm theo Thông tư số 11/2012/TT-BNV", "BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG",
                   "Tính đến ngày 30 tháng 6 năm 2022", "Đơn vị tính: người", "Tổng số", "Trung tâm Phân tích",
                   "NGƯỜI LẬP BẢNG", "THỦ TRƯỞNG ĐƠN VỊ", "Bình Định, ngày 05 tháng 7 năm 2022", "146/150"):
        assert needle in text, needle
    fonts = {str(f.get_object()["/BaseFont"]) for p in reader.pages
             for f in (p["/Resources"].get("/Font") or {}).values()}
    assert fonts and all("LiberationSerif" in f for f in fonts)


def test_excel_and_json_carry_the_same_figures(demo_ctx, tmp_path):
    stats = export_quality(demo_ctx, tmp_path / "bm01.xlsx", AS_OF)
    rows = CalamineWorkbook.from_path(str(tmp_path / "bm01.xlsx")).get_sheet_by_name("BM01").to_python()
    total = next(r for r in rows if len(r) > 1 and r[1] == "Tổng số")
    numbers = [int(x) for x in total if isinstance(x, float)]
    assert numbers[:3] == [101, 150, stats.total.women]
    assert 27 in numbers and 146 not in numbers  # ThS is a column; the 146 is their sum, printed in the note
    export_quality(demo_ctx, tmp_path / "bm01.json", AS_OF)
    data = json.loads((tmp_path / "bm01.json").read_text(encoding="utf-8"))
    assert data["total"]["college_or_higher"] == 146 == stats.total.college_or_higher
    assert [u["code"] for u in data["units"]] == [u.code for u in stats.units]


def test_title_follows_the_form_for_civil_servants_only(demo_ctx, tmp_path):
    out = tmp_path / "cc.pdf"
    export_quality(demo_ctx, out, AS_OF, categories=["cong_chuc"])
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG CÔNG CHỨC TỪ CẤP HUYỆN TRỞ LÊN NĂM 2022" in text
    assert "Tổng số công chức hiện có" in text
