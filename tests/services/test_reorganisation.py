"""The reorganisation by one decision: people, positions and quotas move into the new (or receiving) unit, the old
units close with their history, the lists print; a refusal at any step leaves nothing written."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pypdfium2 as pdfium
import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from hrapp.db.models import (
    AuditLog,
    Decision,
    Employment,
    HeadcountQuota,
    JobPosition,
    OrgUnit,
    OrgUnitEvent,
    PostHeld,
    SalaryStep,
    WorkHistory,
)
from hrapp.errors import DomainError, ValidationError
from hrapp.reports import catalogue
from hrapp.services.positions import PositionInput, approve_position, create_position
from hrapp.services.quotas import set_quota
from hrapp.services.reorganisation import (
    NewTarget,
    Reorganisation,
    benefits_list,
    insured_months,
    preview_reorganisation,
    reorganisation_list,
    reorganise,
)
from tests.services.org_builders import dec, person, post, unit

E = date(2026, 3, 1)  # the merger takes effect
MODELS = (Decision, Employment, HeadcountQuota, JobPosition, OrgUnit, OrgUnitEvent, PostHeld, WorkHistory, AuditLog)


def counts(ctx) -> dict[str, int]:
    with ctx.read() as s:
        return {m.__name__: s.scalar(select(func.count()).select_from(m)) for m in MODELS}


def build_two_sos(ctx) -> dict[str, int]:
    """Sở KH&CN and Sở TT&TT under the province, each with a phòng, people, an approved position and 2026 quotas."""
    root = unit(ctx, "UBND", "UBND tỉnh", "so")
    khcn = unit(ctx, "SKHCN", "Sở Khoa học và Công nghệ", "so", root)
    tttt = unit(ctx, "STTTT", "Sở Thông tin và Truyền thông", "so", root)
    phong = unit(ctx, "SKHCN.QLKH", "Phòng Quản lý khoa học", "phong", khcn)
    pos = create_position(ctx, PositionInput(code="CV-KH", name="Chuyên viên quản lý khoa học", unit_id=khcn,
                                             group="chuyen_nganh")).id
    approve_position(ctx, pos, dec(date(2020, 1, 1), "5/QĐ-SKHCN"))
    with ctx.read() as s:
        live = s.scalar(select(JobPosition.id).where(JobPosition.unit_id == khcn, JobPosition.status == "approved"))
    people = {
        "an": person(ctx, "Nguyễn Văn An", khcn, position_id=live),
        "binh": person(ctx, "Trần Thị Bình", khcn, gender="F", birth=date(1972, 4, 10)),
        "cuong": person(ctx, "Lê Văn Cường", tttt, birth=date(1966, 9, 20)),
        "dung": person(ctx, "Phạm Thị Dung", tttt, "vien_chuc", gender="F"),
    }
    post(ctx, people["cuong"], tttt, "giam_doc_so", "Giám đốc Sở", date(2021, 1, 1))
    set_quota(ctx, 2026, khcn, "cong_chuc", 1, dec(date(2026, 1, 5), "1/QĐ-UBND"))
    set_quota(ctx, 2026, tttt, "cong_chuc", 1, dec(date(2026, 1, 5), "2/QĐ-UBND"))
    set_quota(ctx, 2025, tttt, "cong_chuc", 4, dec(date(2025, 1, 5), "3/QĐ-UBND"))
    return {"root": root, "khcn": khcn, "tttt": tttt, "phong": phong, "position": live, **people}


@pytest.fixture
def two_sos(ctx):
    return build_two_sos(ctx)


def amalgamate(o) -> Reorganisation:
    return Reorganisation((o["khcn"], o["tttt"]), dec(E, "12/QĐ-UBND", signed=date(2026, 2, 20)),
                          new_unit=NewTarget("SKHCN-2026", "Sở Khoa học và Công nghệ (hợp nhất)", "so", o["root"]))


def test_one_decision_founds_the_new_unit_and_moves_people_positions_quotas_and_closes_the_old(ctx, two_sos):
    o = two_sos
    result = reorganise(ctx, amalgamate(o))
    new_id = result.merge.target.id
    assert result.merge.people_moved == 4 and result.merge.positions_moved == 1 and result.quotas_moved == 2
    with ctx.read() as s:
        new = s.get_one(OrgUnit, new_id)
        assert new.active_from == E and new.parent_id == o["root"]
        for old in (o["khcn"], o["tttt"]):
            closed = s.get_one(OrgUnit, old)
            assert closed.active_to == date(2026, 2, 28) and closed.merged_into_id == new_id
        # each person: the old row ends the day before, a new dated row in the new unit names the decision
        for pid in (o["an"], o["binh"], o["cuong"], o["dung"]):
            rows = s.scalars(select(Employment).where(Employment.person_id == pid)
                             .order_by(Employment.start_date)).all()
            assert [(r.end_date, r.unit_id) for r in rows][-1] == (None, new_id)
            assert rows[-2].end_date == date(2026, 2, 28) and rows[-2].end_reason == "moved"
            decision = s.get_one(Decision, rows[-1].decision_id)
            assert decision.number == "12/QĐ-UBND"
            line = s.scalars(select(WorkHistory).where(WorkHistory.person_id == pid)).one()
            assert line.from_date == E and "12/QĐ-UBND" in line.description
        # the position continues in the new unit and the holder with it
        an_now = s.scalar(select(Employment).where(Employment.person_id == o["an"], Employment.end_date.is_(None)))
        assert s.get_one(JobPosition, an_now.position_id).unit_id == new_id
        # quotas of 2026 add up in the new unit; the old rows stay at zero; 2025 is history and stays
        quota = {(q.year, q.unit_id): q.number for q in s.scalars(select(HeadcountQuota))}
        assert quota[(2026, new_id)] == 2 and quota[(2026, o["khcn"])] == 0 and quota[(2026, o["tttt"])] == 0
        assert quota[(2025, o["tttt"])] == 4
        # the sub-unit moved under the new unit; the director's post ended with the old Sở
        assert s.get_one(OrgUnit, o["phong"]).parent_id == new_id
        ended = s.scalars(select(PostHeld).where(PostHeld.person_id == o["cuong"])).one()
        assert ended.end_date == date(2026, 2, 28)
        audit = s.scalars(select(AuditLog).where(AuditLog.action == "reorganise")).one()
        assert "12/QĐ-UBND" in audit.summary


def test_merging_into_an_existing_unit_keeps_it_and_adds_the_quota(ctx, two_sos):
    o = two_sos
    result = reorganise(ctx, Reorganisation((o["tttt"],), dec(E, "13/QĐ-UBND"), target_id=o["khcn"]))
    assert result.merge.target.id == o["khcn"] and result.merge.people_moved == 2
    with ctx.read() as s:
        assert s.scalar(select(HeadcountQuota.number).where(
            HeadcountQuota.unit_id == o["khcn"], HeadcountQuota.year == 2026)) == 2


def test_over_quota_list_by_category(ctx, two_sos):
    o = two_sos
    listing = reorganise(ctx, amalgamate(o)).listing
    assert [p.full_name for p in listing.people] == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường",
                                                      "Phạm Thị Dung"]  # by given name
    lines = {q.category: q for q in listing.quotas}
    assert (lines["cong_chuc"].quota, lines["cong_chuc"].staff, lines["cong_chuc"].over) == (2, 3, 1)
    assert lines["vien_chuc"].quota is None and lines["vien_chuc"].over == 0
    assert [q.category for q in listing.over_quota] == ["cong_chuc"]
    assert {p.full_name for p in listing.over_quota[0].people} == {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"}
    assert {p.from_unit for p in listing.people} == {"Sở Khoa học và Công nghệ", "Sở Thông tin và Truyền thông"}
    again = reorganisation_list(ctx, "SKHCN-2026")
    assert again == listing


def test_preview_shows_what_the_decision_does_and_writes_nothing(ctx, two_sos):
    before = counts(ctx)
    preview = preview_reorganisation(ctx, amalgamate(two_sos))
    assert counts(ctx) == before
    done = reorganise(ctx, amalgamate(two_sos)).listing
    assert (preview.people, preview.quotas, preview.sources) == (done.people, done.quotas, done.sources)


def test_a_refusal_late_in_the_merger_leaves_nothing_half_done(ctx, two_sos):
    """A leadership post in Sở TT&TT starting after the merger day is refused only after the people of
    Sở KH&CN were moved: the whole decision rolls back."""
    o = two_sos
    post(ctx, o["dung"], o["tttt"], "pho_giam_doc_so", "Phó Giám đốc Sở", date(2026, 4, 1))
    before = counts(ctx)
    with pytest.raises(DomainError) as refused:
        reorganise(ctx, amalgamate(o))
    assert refused.value.code == "post_after_close"
    assert counts(ctx) == before
    with ctx.read() as s:
        assert s.get_one(OrgUnit, o["khcn"]).active_to is None
        assert s.scalar(select(OrgUnit.id).where(OrgUnit.code == "SKHCN-2026")) is None


def test_refusals_name_their_fields(ctx, two_sos):
    o = two_sos
    with pytest.raises(ValidationError) as e:
        reorganise(ctx, Reorganisation((o["khcn"],), dec(E)))
    assert e.value.errors[0][0] == "target_id"
    with pytest.raises(ValidationError) as e:
        reorganise(ctx, Reorganisation((), dec(E), target_id=o["khcn"]))
    assert e.value.errors[0][0] == "source_ids"
    with pytest.raises(ValidationError) as e:
        reorganise(ctx, Reorganisation((o["khcn"],), dec(E), new_unit=NewTarget("SKHCN", "X", "so", o["root"])))
    assert e.value.errors[0][0] == "code"
    assert counts(ctx)["OrgUnit"] == 4


def test_the_lists_print_as_pdf_and_excel_with_the_letterhead(ctx, two_sos, tmp_path):
    reorganise(ctx, amalgamate(two_sos))
    pdf = tmp_path / "sap_nhap.pdf"
    catalogue.export(ctx, "reorganisation", {"unit": "SKHCN-2026"}, pdf)
    text = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(str(pdf)))
    assert "vượt 1" in text and "Lê Văn Cường" in text and "12/QĐ-UBND" in text
    xlsx = tmp_path / "sap_nhap.xlsx"
    catalogue.export(ctx, "reorganisation", {"unit": "SKHCN-2026"}, xlsx)
    cells = " ".join(str(c.value) for row in load_workbook(xlsx).active.iter_rows() for c in row if c.value)
    assert "Phạm Thị Dung" in cells and "vượt 1" in cells


def _salary(ctx, pid: int, coefficient: str, since: date) -> None:
    with ctx.unit_of_work() as s:
        s.add(SalaryStep(person_id=pid, rank_code="01.003", salary_class="A1", step=5,
                         coefficient=Decimal(coefficient), effective_date=since, step_since=since))


def test_benefits_per_person_from_salary_and_service_with_their_basis(ctx, two_sos, tmp_path):
    o = two_sos
    _salary(ctx, o["cuong"], "4.98", date(2022, 1, 1))  # born 20/09/1966: retires 01/10/2028 at 62
    reorganise(ctx, amalgamate(o))
    data = benefits_list(ctx, "SKHCN-2026", E)
    row = next(r for r in data.rows if r.person_id == o["cuong"])
    assert row.salary == Decimal("11653200")  # 4,98 × 2.340.000
    assert row.insured_months == 134  # 01/01/2015 to 28/02/2026
    assert row.early is not None and row.early.months_early == 31
    # 11 insured years, fewer than the 15 a pension needs: only the lump sum for the 31 months early
    assert [line.months for line in row.early.lines] == [Decimal("31.0")] and "chưa đủ 15 năm" in row.early.reason
    assert row.resign is not None and row.resign.total_months == Decimal("48.0") + Decimal("16.5")
    assert row.resign.total == Decimal("751631400")
    assert next(r for r in data.rows if r.person_id == o["an"]).problem == "chưa có quá trình lương"
    pdf = tmp_path / "chinh_sach.pdf"
    catalogue.export(ctx, "reorg_benefits", {"unit": "SKHCN-2026", "as_of": E}, pdf)
    text = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(str(pdf)))
    assert "Đ.7 k.1" in text and "Đ.9 k.1" in text and "361.249.200" in text


def test_insured_months_join_the_employment_periods_from_the_recruitment_date(ctx, two_sos):
    with ctx.unit_of_work() as s:
        row = s.scalars(select(Employment).where(Employment.person_id == two_sos["an"])).one()
        row.recruitment_date = date(2010, 1, 1)
    with ctx.read() as s:
        assert insured_months(s, two_sos["an"], date(2026, 1, 1)) == 16 * 12
        assert insured_months(s, two_sos["an"], date(2010, 1, 1)) == 0


def test_a_long_new_name_still_ends_the_leaders_posts_with_a_reason_that_fits(ctx, two_sos):
    """posts_held.end_reason holds 60 characters: the reason naming a long unit is cut, the merger goes through."""
    o = two_sos
    name = "Sở Khoa học, Công nghệ và Chuyển đổi số, Thông tin và Truyền thông tỉnh Bình Định (hợp nhất năm 2026)"
    reorganise(ctx, Reorganisation((o["khcn"], o["tttt"]), dec(E, "14/QĐ-UBND"),
                                   new_unit=NewTarget("SKHCN-CDS", name, "so", o["root"])))
    with ctx.read() as s:
        ended = s.scalars(select(PostHeld).where(PostHeld.person_id == o["cuong"])).one()
        assert ended.end_date == date(2026, 2, 28) and len(ended.end_reason) == 60 and ended.end_reason.endswith("…")


def test_a_decision_to_retire_later_moves_the_months_to_retirement(ctx, two_sos):
    """NĐ 135/2020 Đ.6: Cường (born 20/09/1966, ordinary age 62: pension from 01/10/2028) retires at 65 by decision;
    leaving on 01/03/2026 he is 67 months early instead of 31: the 5-to-10-year band."""
    from hrapp.db.models import RetirementAdjustment

    o = two_sos
    _salary(ctx, o["cuong"], "4.98", date(2022, 1, 1))
    with ctx.unit_of_work() as s:
        s.add(RetirementAdjustment(person_id=o["cuong"], direction="later", reason="trinh_do_cao",
                                   age_months=65 * 12))
    reorganise(ctx, amalgamate(o))
    row = next(r for r in benefits_list(ctx, "SKHCN-2026", E).rows if r.person_id == o["cuong"])
    assert row.retirement_date == date(2031, 10, 1)
    assert row.early is not None and row.early.months_early == 67
    assert row.early.lines[0].months == Decimal("54.0")  # 0,9 × 60
