"""Priority groups and points: tiers, only the highest counts, versions by subject and date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrapp.domain.priority import priority_points, priority_table
from hrapp.domain.recruitment import regime
from hrapp.domain.rules import load_rulebook
from hrapp.errors import DomainError

RULEBOOK = load_rulebook()
VERSIONS = ("nd138_2020", "nd170_2025", "nd115_2020", "nd85_2023")
SUBJECT_OF = {
    "nd138_2020": "cong_chuc",
    "nd170_2025": "cong_chuc",
    "nd115_2020": "vien_chuc",
    "nd85_2023": "vien_chuc",
}

# The codes the issue names, with the points worked out from the decrees' three tiers.
ISSUE_CODES = {
    "anh_hung_llvt": Decimal("7.5"),
    "anh_hung_lao_dong": Decimal("7.5"),
    "thuong_binh": Decimal("7.5"),
    "dan_toc_thieu_so": Decimal("5"),
    "si_quan": Decimal("5"),
    "con_liet_si": Decimal("5"),
    "con_thuong_binh": Decimal("5"),
    "con_benh_binh": Decimal("5"),
    "nghia_vu_quan_su": Decimal("2.5"),
    "nghia_vu_cong_an": Decimal("2.5"),
    "thanh_nien_xung_phong": Decimal("2.5"),
}

# Every group the decrees list in all four versions, by tier.
COMMON_GROUPS = {
    "nguoi_huong_chinh_sach_nhu_thuong_binh": Decimal("7.5"),
    "thuong_binh_loai_b": Decimal("7.5"),
    "si_quan_quan_doi": Decimal("5"),
    "si_quan_cong_an": Decimal("5"),
    "quan_nhan_chuyen_nghiep": Decimal("5"),
    "co_yeu_chuyen_nganh": Decimal("5"),
    "con_nguoi_huong_chinh_sach_nhu_thuong_binh": Decimal("5"),
    "con_thuong_binh_loai_b": Decimal("5"),
    "con_nguoi_hoat_dong_khang_chien_nhiem_chat_doc_hoa_hoc": Decimal("5"),
    "con_anh_hung_llvt": Decimal("5"),
    "con_anh_hung_lao_dong": Decimal("5"),
}


def table(version: str):
    return priority_table(RULEBOOK, subject=SUBJECT_OF[version], version=version)


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize(("code", "points"), sorted({**ISSUE_CODES, **COMMON_GROUPS}.items()))
def test_each_group_scores_its_tier_in_every_version(version: str, code: str, points: Decimal) -> None:
    assert priority_points([code], table(version)) == points


@pytest.mark.parametrize("version", VERSIONS)
def test_every_group_has_a_vietnamese_label_and_one_of_the_three_tiers(version: str) -> None:
    t = table(version)
    assert len(t.groups) >= 20
    for g in t.groups:
        assert g.label.strip()
        assert g.points in {Decimal("7.5"), Decimal("5"), Decimal("2.5")}
        assert g.confidence in {"V", "S", "U"}


@pytest.mark.parametrize("version", VERSIONS)
def test_only_the_highest_group_counts_never_the_sum(version: str) -> None:
    t = table(version)
    award = t.award(["nghia_vu_quan_su", "con_liet_si", "thuong_binh"])
    assert award.points == Decimal("7.5")
    assert award.group_code == "thuong_binh"
    assert priority_points(["nghia_vu_quan_su", "thanh_nien_xung_phong"], t) == Decimal("2.5")
    assert priority_points(["con_liet_si", "dan_toc_thieu_so", "nghia_vu_cong_an"], t) == Decimal("5")


def test_no_group_gives_zero_points() -> None:
    award = table("nd170_2025").award([])
    assert award.points == Decimal(0)
    assert award.group is None


def test_short_alias_si_quan_stands_for_army_or_police_officer() -> None:
    g = table("nd138_2020").group("si_quan")
    assert g is not None
    assert g.points == Decimal("5")
    assert set(g.alias_of) == {"si_quan_quan_doi", "si_quan_cong_an"}


def test_unknown_group_code_is_refused_in_vietnamese() -> None:
    with pytest.raises(DomainError) as err:
        priority_points(["con_chau_liet_si"], table("nd170_2025"))
    assert err.value.code == "priority_group_unknown"
    assert err.value.field == "priority_groups"
    assert "Không có diện ưu tiên 'con_chau_liet_si'" in err.value.message


def test_group_of_another_decree_gives_nothing_under_this_one() -> None:
    # The young-volunteer intellectuals are a 2.5 group for viên chức (NĐ 115) and công chức from
    # NĐ 170, but NĐ 138 Điều 5 does not list them.
    award = table("nd138_2020").award(["doi_vien_tri_thuc_tre_tinh_nguyen"])
    assert award.points == Decimal(0)
    assert award.not_applicable == ("doi_vien_tri_thuc_tre_tinh_nguyen",)
    assert priority_points(["doi_vien_tri_thuc_tre_tinh_nguyen"], table("nd170_2025")) == Decimal("2.5")
    assert priority_points(["doi_vien_tri_thuc_tre_tinh_nguyen"], table("nd115_2020")) == Decimal("2.5")


def test_reserve_officer_graduates_count_for_vien_chuc_only_after_nd85_2023() -> None:
    assert priority_points(["si_quan_du_bi"], table("nd115_2020")) == Decimal(0)
    assert priority_points(["si_quan_du_bi"], table("nd85_2023")) == Decimal("5")
    assert priority_points(["si_quan_du_bi"], table("nd138_2020")) == Decimal("5")


@pytest.mark.parametrize(
    ("subject", "day", "version"),
    [
        ("cong_chuc", date(2021, 3, 1), "nd138_2020"),
        ("cong_chuc", date(2025, 6, 30), "nd138_2020"),
        ("cong_chuc", date(2025, 7, 1), "nd170_2025"),
        ("vien_chuc", date(2023, 12, 6), "nd115_2020"),
        ("vien_chuc", date(2023, 12, 7), "nd85_2023"),
        ("vien_chuc", date(2026, 1, 15), "nd85_2023"),
    ],
)
def test_version_is_chosen_by_subject_and_event_date(subject: str, day: date, version: str) -> None:
    assert priority_table(RULEBOOK, subject=subject, on=day).rule.version == version


def test_no_version_before_the_decrees_took_effect() -> None:
    with pytest.raises(DomainError) as err:
        priority_table(RULEBOOK, subject="cong_chuc", on=date(2019, 1, 1))
    assert err.value.code == "rule_not_found"


def test_version_of_the_other_subject_is_refused() -> None:
    with pytest.raises(DomainError):
        priority_table(RULEBOOK, subject="vien_chuc", version="nd170_2025")


@pytest.mark.parametrize(
    ("regime_code", "day", "version"),
    [
        ("nd138_2020", None, "nd138_2020"),
        ("nd170_2025", None, "nd170_2025"),
        ("nd115_2020", None, "nd85_2023"),
        ("nd115_2020", date(2022, 5, 10), "nd115_2020"),
        ("nd138_2020", date(2024, 9, 1), "nd138_2020"),
    ],
)
def test_regime_picks_its_priority_version(regime_code: str, day: date | None, version: str) -> None:
    assert regime(RULEBOOK, regime_code).priority_table(RULEBOOK, day).rule.version == version


def test_regime_refuses_a_date_outside_its_period() -> None:
    with pytest.raises(DomainError) as err:
        regime(RULEBOOK, "nd138_2020").priority_table(RULEBOOK, date(2025, 7, 1))
    assert err.value.field == "date"


@pytest.mark.parametrize("version", VERSIONS)
def test_each_version_names_its_decree(version: str) -> None:
    rule = table(version).rule
    decree = {
        "nd138_2020": "138/2020",
        "nd170_2025": "170/2025",
        "nd115_2020": "115/2020",
        "nd85_2023": "85/2023",
    }
    assert decree[version] in rule.legal_basis
