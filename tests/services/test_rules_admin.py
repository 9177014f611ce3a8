"""Administering rule versions: listing, editing, adding; no overlaps; parameters checked by running the rule."""

from __future__ import annotations

from datetime import date

import pytest

from hrapp.domain.retirement import retirement
from hrapp.errors import ValidationError
from hrapp.services.rules_admin import (
    RuleVersionInput,
    add_rule_version,
    input_of,
    list_rule_versions,
    rule_codes,
    update_rule_version,
)


def _one(ctx, code: str, version: str):
    return next(i for i in list_rule_versions(ctx, code) if i.version == version)


def test_every_bundled_rule_is_listed_with_its_legal_basis_and_dates(ctx):
    infos = list_rule_versions(ctx, today=date(2022, 6, 30))
    codes = {i.code for i in infos}
    assert {"retirement_age", "retirement_notice", "pay_step", "pctnvk", "early_step", "probation",
            "appointment_term", "evaluation", "salary_scale", "base_salary"} <= codes
    base = [i for i in infos if i.code == "base_salary"]
    assert [i.version for i in base] == ["nd38_2019", "nd24_2023", "nd73_2024"]
    assert [i.in_force for i in base] == [True, False, False]
    assert all(i.id is not None and not i.edited for i in infos)
    assert ("retirement_age", "Tuổi nghỉ hưu trong điều kiện lao động bình thường") in rule_codes(ctx)


def test_an_edit_is_saved_marked_and_used_at_once(ctx):
    info = _one(ctx, "retirement_notice", "nd170_2025")
    assert retirement("M", date(1966, 1, 10), ctx.rulebook).notice_due == date(2027, 5, 1)
    params = dict(info.params, months_before=7)
    edited = update_rule_version(ctx, info.id, RuleVersionInput(
        info.code, info.version, info.effective_from, info.effective_to, info.legal_basis + " (sửa)", params))
    assert edited.edited and edited.params["months_before"] == 7
    assert retirement("M", date(1966, 1, 10), ctx.rulebook).notice_due == date(2027, 4, 1)


def test_a_new_base_salary_version_after_closing_the_previous_one(ctx):
    old = _one(ctx, "base_salary", "nd73_2024")
    with pytest.raises(ValidationError, match="trùng với phiên bản NĐ 73/2024/NĐ-CP \\("):
        add_rule_version(ctx, RuleVersionInput("base_salary", "nd_moi_2026", date(2026, 7, 1), None,
                                               "Nghị định …/2026/NĐ-CP", {"amount": "2530000"}))
    update_rule_version(ctx, old.id, RuleVersionInput(old.code, old.version, old.effective_from, date(2026, 6, 30),
                                                      old.legal_basis, old.params))
    new = add_rule_version(ctx, RuleVersionInput("base_salary", "nd_moi_2026", date(2026, 7, 1), None,
                                                 "Nghị định …/2026/NĐ-CP", '{"amount": "2530000"}'))
    assert new.title == "Mức lương cơ sở"
    assert ctx.rulebook.get("base_salary", date(2026, 7, 1)).params["amount"] == "2530000"
    assert ctx.rulebook.get("base_salary", date(2026, 6, 30)).version == "nd73_2024"


@pytest.mark.parametrize(
    "change, field, message",
    [
        ({"effective_to": date(2024, 6, 30)}, "effective_to", "Ngày hết hiệu lực"),
        ({"legal_basis": " "}, "legal_basis", "căn cứ pháp lý"),
        ({"version": "nd38_2019"}, "version", "đã có phiên bản"),
        ({"params": "{amount: 1}"}, "params", "JSON"),
        ({"params": "[1, 2]"}, "params", "đối tượng JSON"),
        ({"params": {"amount": "hai triệu"}}, "params", "không dùng được"),
        ({"params": {"note": "thiếu số tiền"}}, "params", "Mức lương cơ sở"),
    ],
)
def test_bad_input_is_refused_with_the_field(ctx, change, field, message):
    base = dict(code="base_salary", version="nd_moi_2026", effective_from=date(2027, 1, 1), effective_to=None,
                legal_basis="Nghị định …/2026/NĐ-CP", params={"amount": "2530000"})
    info = _one(ctx, "base_salary", "nd73_2024")
    update_rule_version(ctx, info.id, RuleVersionInput(info.code, info.version, info.effective_from,
                                                       date(2026, 12, 31), info.legal_basis, info.params))
    base.update(change)
    if "effective_to" in change:
        base["effective_from"] = date(2027, 1, 1)
    with pytest.raises(ValidationError) as err:
        add_rule_version(ctx, RuleVersionInput(**base))
    fields = {f for f, _ in err.value.errors}
    assert field in fields
    assert message in err.value.message


def test_a_retirement_table_the_rule_cannot_compute_with_is_refused(ctx):
    info = _one(ctx, "retirement_age", "nd135_2020")
    dto = input_of(info)
    bad = dict(dto.params)
    bad["F"] = dict(bad["F"], band_birth_months="tám")
    with pytest.raises(ValidationError, match="không dùng được"):
        update_rule_version(ctx, info.id, RuleVersionInput(dto.code, dto.version, dto.effective_from,
                                                           dto.effective_to, dto.legal_basis, bad))
    assert ctx.rulebook.by_version("retirement_age", "nd135_2020").params["F"]["band_birth_months"] == 8


def test_the_code_of_a_version_cannot_change(ctx):
    info = _one(ctx, "pctnvk", "nd204_2004")
    with pytest.raises(ValidationError, match="mã quy định"):
        update_rule_version(ctx, info.id, RuleVersionInput("pay_step", info.version, info.effective_from, None,
                                                           info.legal_basis, info.params))


def test_only_an_administrator_edits_rules(ctx):
    from hrapp.errors import PermissionDeniedError

    info = _one(ctx, "pctnvk", "nd204_2004")
    ctx.sign_in("chuyenvien", "to_chuc_can_bo")
    assert list_rule_versions(ctx, "pctnvk")  # everyone may read them
    with pytest.raises(PermissionDeniedError):
        update_rule_version(ctx, info.id, input_of(info))


def test_a_post_allowance_version_by_decision_closes_the_old_one_and_applies_from_its_day(ctx):
    from decimal import Decimal

    from hrapp.domain.allowances import post_allowance

    old = _one(ctx, "post_allowance", "nd204_2004")
    params = dict(old.params, by_post=dict(old.params["by_post"],
                                                truong_phong={"hn_hcm": "0.70", "khac": "0.60"}))
    with pytest.raises(ValidationError, match="trùng"):
        add_rule_version(ctx, RuleVersionInput("post_allowance", "qd_so_2026", date(2026, 1, 1), None,
                                               "Quyết định 12/QĐ-UBND", params))
    update_rule_version(ctx, old.id, RuleVersionInput(old.code, old.version, old.effective_from,
                                                      date(2025, 12, 31), old.legal_basis, old.params))
    add_rule_version(ctx, RuleVersionInput("post_allowance", "qd_so_2026", date(2026, 1, 1), None,
                                           "Quyết định 12/QĐ-UBND", params))
    assert post_allowance("truong_phong", "ha_noi", ctx.rulebook, date(2025, 12, 31)) is None
    assert post_allowance("truong_phong", "ha_noi", ctx.rulebook, date(2026, 1, 1)).coefficient == Decimal("0.70")


@pytest.mark.parametrize(("code", "version", "change"), [
    ("post_allowance", "nd204_2004", {"by_post": {"chi_cuc_truong": {"khac": "bảy"}}}),
    ("post_allowance", "nd204_2004", {"by_post": {"chi_cuc_truong": {"mien_nui": "0.70"}}}),
    ("deputy_limits", "nd370_2025", {"bands": [{"min": 0, "max": 9, "max_deputies": 1}]}),
    ("deputy_limits", "nd45_2025", {"bands_by_group": {"hn_hcm": [{"min": 0, "max": None, "max_deputies": "hai"}]}}),
    ("salary_table_4", "nd204_2004", {"classes": {"B4.1": {"coefficients": ["2.05", "-1"]}}}),
])
def test_a_post_allowance_deputy_or_table_4_edit_that_cannot_run_is_refused(ctx, code, version, change):
    info = _one(ctx, code, version)
    with pytest.raises(ValidationError) as err:
        update_rule_version(ctx, info.id, RuleVersionInput(info.code, info.version, info.effective_from,
                                                           info.effective_to, info.legal_basis,
                                                           dict(info.params, **change)))
    assert err.value.field == "params"
