"""Headcount quotas: numbers by decision, validation at the field with nothing half-saved, next-year copy."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from hrapp.db.models import Decision, HeadcountQuota
from hrapp.errors import ConflictError, DomainError, NotFoundError, ValidationError
from hrapp.services.decisions import DecisionInput
from hrapp.services.org import CloseUnit, close_unit
from hrapp.services.quotas import (
    CopyQuotas,
    QuotaEntry,
    QuotaInput,
    copy_quotas,
    list_quotas,
    set_quota,
    set_quotas,
)
from tests.services.org_builders import dec, sample_org, unit

SIGNED = date(2022, 1, 5)


@pytest.fixture
def org(ctx):
    return sample_org(ctx)


def rows(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(HeadcountQuota))


def decisions(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Decision))


def test_one_decision_assigns_several_numbers(ctx, org):
    result = set_quotas(ctx, QuotaInput(2022, (
        QuotaEntry(org["VP"], "cong_chuc", 12), QuotaEntry(org["TT"], "vien_chuc", 20)),
        dec(SIGNED, "15/QĐ-UBND")))
    assert [(q.unit_code, q.category, q.number, q.decision.number) for q in result.quotas] == [
        ("VP", "cong_chuc", 12, "15/QĐ-UBND"), ("TT", "vien_chuc", 20, "15/QĐ-UBND")]
    assert result.quotas[0].category_label == "Công chức"


def test_a_later_decision_changes_the_number_of_the_same_year_unit_and_category(ctx, org):
    set_quota(ctx, 2022, org["VP"], "cong_chuc", 12, dec(SIGNED, "15/QĐ"))
    set_quota(ctx, 2022, org["VP"], "cong_chuc", 11, dec(date(2022, 8, 1), "300/QĐ"))
    [q] = list_quotas(ctx, 2022)
    assert (q.number, q.decision.number) == (11, "300/QĐ")


@pytest.mark.parametrize(("number", "message"), [
    (-1, "không được âm"), (2.5, "số nguyên"), ("5", "số nguyên"), (True, "số nguyên")])
def test_negative_or_non_integer_number_is_refused_and_nothing_is_saved(ctx, org, number, message):
    before = decisions(ctx)
    with pytest.raises(ValidationError) as err:
        set_quotas(ctx, QuotaInput(2022, (
            QuotaEntry(org["VP"], "cong_chuc", 3), QuotaEntry(org["QLKH"], "cong_chuc", number)), dec(SIGNED)))
    assert err.value.field == "entries.1.number" and message in err.value.message
    assert rows(ctx) == 0 and decisions(ctx) == before


def test_zero_is_a_valid_number(ctx, org):
    assert set_quota(ctx, 2022, org["VP"], "hop_dong", 0, dec(SIGNED)).quotas[0].number == 0


@pytest.mark.parametrize("year", [1989, 2101])
def test_year_outside_1990_to_2100_is_refused(ctx, org, year):
    with pytest.raises(ValidationError) as err:
        set_quota(ctx, year, org["VP"], "cong_chuc", 3, dec(SIGNED))
    assert err.value.field == "year"
    assert rows(ctx) == 0


@pytest.mark.parametrize("year", [2015, 2100])
def test_years_at_the_edges_are_accepted(ctx, org, year):
    assert set_quota(ctx, year, org["VP"], "cong_chuc", 3, dec(SIGNED)).quotas[0].year == year


def test_unknown_category_is_refused(ctx, org):
    with pytest.raises(ValidationError) as err:
        set_quota(ctx, 2022, org["VP"], "bien_che_khac", 3, dec(SIGNED))
    assert err.value.field == "entries.0.category"


def test_decision_dated_after_its_effective_date_is_refused(ctx, org):
    bad = DecisionInput("15/QĐ", sign_date=date(2022, 1, 6), effective_date=date(2022, 1, 5))
    with pytest.raises(ValidationError) as err:
        set_quota(ctx, 2022, org["VP"], "cong_chuc", 3, bad)
    assert err.value.field == "decision.effective_date"
    assert rows(ctx) == 0


def test_quota_for_a_year_the_unit_did_not_exist_in_is_refused_and_nothing_is_saved(ctx, org):
    close_unit(ctx, CloseUnit(org["QLKH"], dec(date(2021, 1, 1))))
    with pytest.raises(ValidationError) as err:
        set_quotas(ctx, QuotaInput(2022, (
            QuotaEntry(org["VP"], "cong_chuc", 3), QuotaEntry(org["QLKH"], "cong_chuc", 3)), dec(SIGNED)))
    assert err.value.field == "entries.1.unit_id"
    assert rows(ctx) == 0
    # The last year it existed in is fine.
    assert set_quota(ctx, 2020, org["QLKH"], "cong_chuc", 3, dec(date(2020, 1, 5))).quotas


def test_copy_to_the_next_year_takes_every_number_under_the_new_decision(ctx, org):
    set_quotas(ctx, QuotaInput(2022, (
        QuotaEntry(org["VP"], "cong_chuc", 12), QuotaEntry(org["TT"], "vien_chuc", 20)), dec(SIGNED, "15/QĐ")))
    result = copy_quotas(ctx, CopyQuotas(2022, 2023, dec(date(2023, 1, 4), "2/QĐ-UBND")))
    assert sorted((q.unit_code, q.number, q.decision.number) for q in result.quotas) == [
        ("TT", 20, "2/QĐ-UBND"), ("VP", 12, "2/QĐ-UBND")]
    assert len(list_quotas(ctx, 2022)) == 2


def test_copy_leaves_out_units_closed_before_the_year(ctx, org):
    set_quota(ctx, 2022, org["QLKH"], "cong_chuc", 5, dec(SIGNED))
    set_quota(ctx, 2022, org["VP"], "cong_chuc", 5, dec(SIGNED))
    close_unit(ctx, CloseUnit(org["QLKH"], dec(date(2023, 1, 1))))
    result = copy_quotas(ctx, CopyQuotas(2022, 2023, dec(date(2023, 1, 4))))
    assert [q.unit_code for q in result.quotas] == ["VP"]


def test_copy_into_a_year_that_already_has_numbers_is_refused(ctx, org):
    set_quota(ctx, 2022, org["VP"], "cong_chuc", 5, dec(SIGNED))
    set_quota(ctx, 2023, org["TT"], "vien_chuc", 5, dec(date(2023, 1, 5)))
    with pytest.raises(ConflictError) as err:
        copy_quotas(ctx, CopyQuotas(2022, 2023, dec(date(2023, 1, 4))))
    assert err.value.field == "to_year"
    assert len(list_quotas(ctx, 2023)) == 1


def test_copy_from_an_empty_year_says_so(ctx, org):
    with pytest.raises(NotFoundError) as err:
        copy_quotas(ctx, CopyQuotas(2021, 2022, dec(SIGNED)))
    assert err.value.field == "from_year"


def test_quota_for_an_unknown_unit_is_refused(ctx, org):
    with pytest.raises(DomainError) as err:
        set_quota(ctx, 2022, 9999, "cong_chuc", 1, dec(SIGNED))
    assert err.value.field == "entries.0.unit_id"
    assert rows(ctx) == 0


def test_quota_below_the_needed_people_of_the_positions_warns(ctx, org):
    from hrapp.services.positions import PositionInput, create_position

    create_position(ctx, PositionInput(org["VP"], "VP.1", "Văn thư", "ho_tro", number_needed=3))
    assert set_quota(ctx, 2022, org["VP"], "cong_chuc", 3, dec(SIGNED)).warnings == ()
    [w] = set_quota(ctx, 2022, org["VP"], "cong_chuc", 2, dec(SIGNED, "16/QĐ")).warnings
    assert "vượt số biên chế" in w


def test_new_unit_can_receive_quotas_in_its_founding_year(ctx, org):
    new = unit(ctx, "KP", "Trung tâm Khám phá khoa học", "trung_tam", org["SO"], on=date(2022, 3, 1))
    assert set_quota(ctx, 2022, new, "vien_chuc", 12, dec(SIGNED)).quotas[0].unit_code == "KP"
