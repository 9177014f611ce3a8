"""The pay-step list and the staff list read the post allowance by the post, the agency's province group and the
day of the list (rule `post_allowance`), not only the coefficient typed when the post was recorded."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from hrapp.db.models import AppSetting
from hrapp.reports.staff_list import staff_list
from hrapp.services.pay_lists import pay_step_due_list
from tests.services import career_builders as b


@pytest.fixture
def units(ctx):
    return b.department(ctx)


def province(ctx, code: str) -> None:
    with ctx.unit_of_work() as s:
        row = s.scalar(select(AppSetting).where(AppSetting.key == "province"))
        if row is None:
            s.add(AppSetting(key="province", value=code))
        else:
            row.value = code


def chief(ctx, units, code: str = "chi_cuc_truong", title: str = "Chi cục trưởng") -> int:
    pid = b.person(ctx, "Phạm Ngọc Lan", units["VP"], rank="01.003", step=3, since=date(2019, 7, 1))
    b.post(ctx, pid, units["VP"], date(2020, 1, 1), code=code, title=title)  # recorded with 0,40
    return pid


def test_the_pay_step_list_takes_the_chi_cuc_allowance_of_the_province_group(ctx, units):
    chief(ctx, units)
    (row,) = pay_step_due_list(ctx, date(2022, 7, 1), date(2022, 12, 31)).rows
    assert row.post_allowance == Decimal("0.70")  # tỉnh other than Hà Nội, TP HCM (NĐ 204/2004)
    province(ctx, "ha_noi")
    (row,) = pay_step_due_list(ctx, date(2022, 7, 1), date(2022, 12, 31)).rows
    assert row.post_allowance == Decimal("0.80")


def test_a_post_the_rule_has_no_row_for_keeps_the_recorded_coefficient(ctx, units):
    province(ctx, "ha_noi")  # no Hà Nội coefficient for a Sở's phòng in the data
    chief(ctx, units, "truong_phong", "Trưởng phòng")
    (row,) = pay_step_due_list(ctx, date(2022, 7, 1), date(2022, 12, 31)).rows
    assert row.post_allowance == Decimal("0.40")


def test_the_staff_list_shows_the_allowance_in_force_on_its_day(ctx, units):
    chief(ctx, units, "pho_truong_phong_chi_cuc", "Phó Trưởng phòng")
    rows = {r.full_name: r.allowances for _, members in staff_list(ctx, None, date(2022, 6, 30)).groups
            for r in members}
    assert rows["Phạm Ngọc Lan"].startswith("CV 0,20")
    province(ctx, "ho_chi_minh")
    rows = {r.full_name: r.allowances for _, members in staff_list(ctx, None, date(2022, 6, 30)).groups
            for r in members}
    assert rows["Phạm Ngọc Lan"].startswith("CV 0,25")
