"""Deputies of a phòng by its công chức headcount, by the version in force on the day asked: NĐ 107/2020 until
28/02/2025, NĐ 45/2025 from 01/03/2025, NĐ 370/2025 from 01/01/2026 (no province types any more)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from hrapp.db.models import AppSetting
from hrapp.services.quotas import set_quota
from hrapp.services.unit_leadership import deputy_warnings, max_deputies, unit_leadership
from tests.services.org_builders import dec, person, post, sample_org


@pytest.fixture
def org(ctx):
    return sample_org(ctx)


def province(ctx, code: str) -> None:
    with ctx.unit_of_work() as s:
        row = s.scalar(select(AppSetting).where(AppSetting.key == "province"))
        if row is None:
            s.add(AppSetting(key="province", value=code))
        else:
            row.value = code


def staffed(ctx, org, headcount: int, deputies: int, years=(2025, 2026)) -> int:
    unit = org["QLKH"]
    for year in years:
        set_quota(ctx, year, unit, "cong_chuc", headcount, dec(date(year, 1, 2), f"{year}/QĐ"))
    for i in range(deputies):
        post(ctx, person(ctx, f"Phó Văn {chr(65 + i)}", unit), unit, "pho_truong_phong", "Phó Trưởng phòng")
    return unit


def allowed_on(ctx, unit: int, on: date) -> int | None:
    """The limit the warning names, or None when the deputies are within it."""
    w = unit_leadership(ctx, unit, on).warning
    return None if w is None else w.allowed


# (headcount, deputies, day, allowed when over): NĐ 45/2025 bands for a tỉnh loại II/III until 31/12/2025,
# NĐ 370/2025 bands from 01/01/2026
@pytest.mark.parametrize(("headcount", "deputies", "on", "over"), [
    (7, 2, date(2025, 12, 31), 1),     # under 08: one deputy
    (8, 2, date(2025, 12, 31), None),  # 08 to 14: two
    (8, 2, date(2026, 1, 1), 1),       # NĐ 370/2025: under 10: one
    (9, 2, date(2026, 1, 1), 1),
    (10, 2, date(2026, 1, 1), None),   # 10 to 14: two
    (14, 3, date(2026, 1, 1), 2),
    (15, 3, date(2026, 1, 1), None),   # 15 and more: three
    (15, 4, date(2026, 1, 1), 3),
])
def test_deputy_limit_by_headcount_and_version_in_force(ctx, org, headcount, deputies, on, over):
    unit = staffed(ctx, org, headcount, deputies)
    assert allowed_on(ctx, unit, on) == over


def test_the_version_changes_on_the_day_the_decree_applies(ctx, org):
    unit = staffed(ctx, org, 9, 2)
    assert allowed_on(ctx, unit, date(2025, 12, 31)) is None  # NĐ 45/2025: 08–14 allows two
    [w] = deputy_warnings(ctx, date(2026, 1, 1))                 # NĐ 370/2025: under 10 allows one
    assert (w.headcount, w.deputies, w.allowed) == (9, 2, 1)
    assert w.rule.startswith("NĐ 370/2025/NĐ-CP")
    assert deputy_warnings(ctx, date(2026, 1, 2))[0].rule.startswith("NĐ 370/2025/NĐ-CP")


def test_nd45_2025_follows_nd107_2020_on_1_march_2025(ctx, org):
    unit = staffed(ctx, org, 7, 2, years=(2025,))
    [before] = deputy_warnings(ctx, date(2025, 2, 28))
    [after] = deputy_warnings(ctx, date(2025, 3, 1))
    assert before.rule.startswith("NĐ 107/2020/NĐ-CP") and after.rule.startswith("NĐ 45/2025/NĐ-CP")
    assert (before.allowed, after.allowed) == (1, 1)
    assert unit_leadership(ctx, unit, date(2025, 3, 1)).warning is not None


def test_ha_noi_counts_under_10_for_one_deputy_until_2025_and_like_every_province_after(ctx, org):
    province(ctx, "ha_noi")
    unit = staffed(ctx, org, 9, 2)
    assert allowed_on(ctx, unit, date(2025, 12, 31)) == 1  # Hà Nội, TP HCM: under 10 allows one
    assert allowed_on(ctx, unit, date(2026, 1, 1)) == 1
    province(ctx, "gia_lai")
    assert allowed_on(ctx, unit, date(2025, 12, 31)) is None  # other provinces (loại II, III): 8 to 14 allow two


def test_bands_per_group_from_the_rule_data(ctx):
    book = ctx.rulebook
    nd45 = book.get("deputy_limits", date(2025, 6, 30))
    assert [max_deputies(nd45, n, "ho_chi_minh") for n in (9, 10, 14, 15)] == [1, 2, 2, 3]
    assert [max_deputies(nd45, n, "gia_lai") for n in (7, 8, 14, 15)] == [1, 2, 2, 3]
    nd370 = book.get("deputy_limits", date(2026, 1, 1))
    assert [max_deputies(nd370, n, p) for n in (9, 10) for p in ("ha_noi", "gia_lai")] == [1, 1, 2, 2]
    assert nd45.params["min_staff_by_group"] == {"hn_hcm": 7, "loai_1": 6, "loai_2_3": 5}
