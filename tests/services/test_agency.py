"""The officer's own agency: empty on a new database, stored and validated, refused to roles without the write
right, audited, and read by the one letterhead of every document."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hrapp import catalogs
from hrapp.db.models import AuditLog
from hrapp.errors import PermissionDeniedError
from hrapp.reports.letterhead import letterhead_for
from hrapp.services import agency as ag

GIA_LAI = ag.Agency(name="Sở Nội vụ", parent_agency="UBND TỈNH GIA LAI", province="gia_lai", place="Gia Lai",
                    head_title="GIÁM ĐỐC", head_name="Nguyễn Văn An", preparer_name="Lê Thị Bình", short="SNV")


def test_a_new_database_names_no_agency(ctx):
    agency = ag.get_agency(ctx)
    assert agency == ag.Agency()
    assert not agency.configured
    lh = letterhead_for(ctx)
    assert "BÌNH ĐỊNH" not in lh.parent_agency.upper() and lh.issuing_unit == ""


def test_the_province_list_is_the_34_in_force_from_july_2025():
    provinces = ag.provinces()
    assert len(provinces) == 34
    assert sum(p.city for p in provinces) == 6
    names = {p.name for p in provinces}
    assert {"Gia Lai", "Hà Nội", "Thành phố Hồ Chí Minh", "Huế"} <= names
    assert "Bình Định" not in names and "Bình Định" in next(p for p in provinces if p.code == "gia_lai").formed_from
    assert "202/2025/QH15" in ag.province_legal_basis()
    assert catalogs.catalog("province")["effective_from"] == "2025-07-01"


def test_suggestions_follow_the_province():
    assert ag.suggested_parent("gia_lai") == "UBND TỈNH GIA LAI"
    assert ag.suggested_parent("ho_chi_minh") == "UBND THÀNH PHỐ HỒ CHÍ MINH"
    assert ag.suggested_place("da_nang") == "Đà Nẵng"
    assert ag.suggested_parent("") == ""


def test_set_then_get_returns_the_agency_normalised(ctx):
    saved = ag.set_agency(ctx, ag.Agency(**{**GIA_LAI.__dict__, "name": "  Sở   Nội vụ ", "short": "snv"}))
    assert saved == GIA_LAI
    assert ag.get_agency(ctx) == GIA_LAI
    assert saved.configured and saved.province_name == "Gia Lai"


def test_every_missing_or_bad_field_is_reported_with_its_code(ctx):
    bad = ag.Agency(name="", parent_agency="", province="binh_dinh", place="", head_title="",
                    deputy_name="Trần Văn C", short="S N V")
    with pytest.raises(ag.AgencyError) as info:
        ag.set_agency(ctx, bad)
    problems = {(p.field, p.code) for p in info.value.problems}
    assert problems == {
        ("name", "agency_required"), ("parent_agency", "agency_required"), ("province", "agency_province_unknown"),
        ("place", "agency_required"), ("head_title", "agency_required"),
        ("deputy_title", "agency_deputy_title_required"), ("short", "agency_short_invalid"),
    }
    fields = [f for f, _m in info.value.errors]
    assert fields[0] == "name" and info.value.field == "name" and info.value.code == "agency_required"
    assert "Chưa nhập tên cơ quan." in dict(info.value.errors)["name"]
    assert ag.get_agency(ctx) == ag.Agency()  # nothing written


def test_a_too_long_name_is_refused(ctx):
    with pytest.raises(ag.AgencyError) as info:
        ag.set_agency(ctx, ag.Agency(**{**GIA_LAI.__dict__, "name": "X" * 201}))
    assert [(p.field, p.code, p.params) for p in info.value.problems] == [("name", "agency_too_long", {"limit": 200})]


@pytest.mark.parametrize("role, allowed", [("quan_tri", True), ("to_chuc_can_bo", True), ("lanh_dao", False),
                                           ("xem", False)])
def test_only_the_personnel_officer_and_the_administrator_may_change_it(ctx, role, allowed):
    ctx.accounts_on = True
    ctx.sign_in("someone", role)
    if allowed:
        assert ag.set_agency(ctx, GIA_LAI) == GIA_LAI
    else:
        with pytest.raises(PermissionDeniedError):
            ag.set_agency(ctx, GIA_LAI)
        assert ag.get_agency(ctx) == ag.Agency()


def test_each_change_is_audited_and_saving_the_same_values_writes_nothing(ctx):
    def audit_rows() -> list[AuditLog]:
        with ctx.read() as s:
            return list(s.scalars(select(AuditLog).where(AuditLog.entity == "app_settings")))

    before = len(audit_rows())
    ag.set_agency(ctx, GIA_LAI)
    after_first = audit_rows()
    assert len(after_first) > before
    assert any("Sở Nội vụ" in str(row.changes) for row in after_first)
    ag.set_agency(ctx, GIA_LAI)
    assert len(audit_rows()) == len(after_first)
    ag.update_agency(ctx, place="Pleiku")
    assert len(audit_rows()) == len(after_first) + 1
    assert ag.get_agency(ctx).place == "Pleiku" and ag.get_agency(ctx).name == "Sở Nội vụ"


def test_update_keeps_the_other_fields_and_refuses_unknown_ones(ctx):
    ag.set_agency(ctx, GIA_LAI)
    assert ag.update_agency(ctx, head_name="Phạm Văn D").head_name == "Phạm Văn D"
    assert ag.get_agency(ctx).short == "SNV"
    with pytest.raises(ValueError):
        ag.update_agency(ctx, colour="red")


def test_the_letterhead_reads_the_agency_and_a_deputy_signs_for_the_head(ctx):
    ag.set_agency(ctx, GIA_LAI)
    lh = letterhead_for(ctx, "DS")
    assert (lh.issuing_unit, lh.parent_agency, lh.place) == ("Sở Nội vụ", "UBND TỈNH GIA LAI", "Gia Lai")
    assert lh.number_line() == "Số:       /DS-SNV"
    assert (lh.signer_authority, lh.signer_title, lh.signer_name) == (None, "GIÁM ĐỐC", "Nguyễn Văn An")
    assert lh.preparer_name == "Lê Thị Bình"
    assert letterhead_for(ctx).number is None
    ag.update_agency(ctx, deputy_title="PHÓ GIÁM ĐỐC", deputy_name="Trần Văn C")
    lh = letterhead_for(ctx)
    assert (lh.signer_authority, lh.signer_title, lh.signer_name) == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn C")


def test_suggested_file_names_start_with_the_short_name(ctx):
    assert ag.file_prefix(ag.get_agency(ctx)) == ""
    ag.set_agency(ctx, GIA_LAI)
    assert ag.file_prefix(ag.get_agency(ctx)) == "SNV_"


def test_the_demo_keeps_its_own_agency(demo_ctx):
    agency = ag.get_agency(demo_ctx)
    assert agency.name == "SỞ KHOA HỌC VÀ CÔNG NGHỆ" and agency.parent_agency == "UBND TỈNH BÌNH ĐỊNH"
    assert agency.place == "Bình Định" and agency.short == "SKHCN" and agency.province == "gia_lai"
    assert agency.head_title == "GIÁM ĐỐC" and agency.head_name
    assert ag.problems_of(agency) == []


def test_the_agency_seeded_by_earlier_versions_is_forgotten_but_an_entered_one_is_kept(ctx):
    from hrapp.db.models import AppSetting
    from hrapp.services.setup import seed_reference_data

    old = {"parent_agency": "UBND TỈNH BÌNH ĐỊNH", "agency_name": "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "agency_short": "SKHCN",
           "place": "Bình Định", "head_title": "GIÁM ĐỐC", "head_name": "", "preparer_name": ""}
    with ctx.unit_of_work() as s:
        for key, value in old.items():
            s.get(AppSetting, key).value = value
    assert ag.get_agency(ctx).configured
    seed_reference_data(ctx)  # what every start does
    assert ag.get_agency(ctx) == ag.Agency()
    # the same names with a signer entered are someone's real agency: kept
    ag.set_agency(ctx, ag.Agency(name="SỞ KHOA HỌC VÀ CÔNG NGHỆ", parent_agency="UBND TỈNH BÌNH ĐỊNH",
                                 province="gia_lai", place="Bình Định", head_title="GIÁM ĐỐC",
                                 head_name="Nguyễn Văn A", short="SKHCN"))
    seed_reference_data(ctx)
    assert ag.get_agency(ctx).head_name == "Nguyễn Văn A" and ag.get_agency(ctx).configured
