"""A rule version's parameters as labelled Vietnamese fields, and back to the same data."""

from __future__ import annotations

import json
import re

import pytest

from hrapp.domain import rule_params as rp
from hrapp.domain.rules import display_name, load_rulebook
from hrapp.errors import DomainError
from hrapp.paths import RULES

VERSIONS = load_rulebook().all()


def test_every_key_of_the_shipped_rules_has_a_vietnamese_label():
    unlabelled = sorted({(v.code, f.path[-1]) for v in VERSIONS for f in rp.param_fields(v.params)
                         if f.label == f.path[-1] or re.fullmatch(r"[a-z_]+", f.label)})
    assert unlabelled == []
    groups = {part for v in VERSIONS for f in rp.param_fields(v.params) for part in f.group.split(" › ") if part}
    assert not [g for g in groups if re.fullmatch(r"[a-z_0-9 ]+", g)]


@pytest.mark.parametrize("version", VERSIONS, ids=lambda v: f"{v.code}-{v.version}")
def test_the_fields_typed_back_unchanged_give_the_same_data(version):
    fields = rp.param_fields(version.params)
    values = {f.path: f.value if f.kind in ("int", "bool") else rp.parse(f, rp.shown(f)) for f in fields}
    assert rp.with_values(version.params, values) == version.params


def test_fields_have_their_kind_and_unit_and_hide_descriptive_tags():
    notice = next(v for v in VERSIONS if v.code == "retirement_notice")
    fields = {f.path: f for f in rp.param_fields(notice.params)}
    assert ("confidence",) not in fields
    months = fields[("months_before",)]
    assert (months.label, months.kind, months.unit, months.value) == ("Số tháng trước", "int", "tháng", 6)
    age = next(v for v in VERSIONS if v.version == "nd135_2020")
    ramp = {f.path: f for f in rp.param_fields(age.params)}[("M", "ramp_start")]
    assert (ramp.group, ramp.label, ramp.kind, rp.shown(ramp)) == ("Nam", "Bắt đầu tăng tuổi từ tháng", "month",
                                                                    "01/1961")
    assert rp.parse(ramp, "3/1962") == "1962-03"
    salary = next(v for v in VERSIONS if v.code == "base_salary")
    amount = rp.param_fields(salary.params)[0]
    assert (amount.label, amount.kind, amount.unit) == ("Mức lương cơ sở", "decimal", "đồng")
    assert rp.parse(amount, "2340000") == "2340000"


def test_list_items_are_numbered_groups_named_by_their_label_and_keep_their_code():
    term = next(v for v in VERSIONS if v.version == "qd80_2022")
    fields = rp.param_fields(term.params)
    first = next(f for f in fields if f.path == ("alerts", 0, "months_before"))
    assert first.group == "Nhắc hết thời hạn 1 (Còn 6 tháng hết thời hạn bổ nhiệm)"
    assert not [f for f in fields if f.path[-1] == "code"]
    changed = rp.with_values(term.params, {("alerts", 0, "months_before"): 4})
    assert changed["alerts"][0] == {**term.params["alerts"][0], "months_before": 4}
    assert changed["confidence"] == term.params["confidence"] and term.params["alerts"][0]["months_before"] == 6


def test_a_value_that_cannot_be_read_names_its_field():
    salary = next(v for v in VERSIONS if v.code == "base_salary")
    amount = rp.param_fields(salary.params)[0]
    with pytest.raises(DomainError) as err:
        rp.parse(amount, "hai triệu")
    assert err.value.field == "params"
    assert err.value.message == "Giá trị 'hai triệu' của “Mức lương cơ sở” không hợp lệ."


def test_rule_versions_have_legal_names():
    names = {(v.code, v.version): v.name for v in VERSIONS}
    assert names[("retirement_age", "nd135_2020")] == "NĐ 135/2020/NĐ-CP"
    assert names[("pay_step", "tt03_2021")] == "TT 03/2021/TT-BNV"
    assert names[("appointment_term", "qd80_2022")] == "Quy định 80-QĐ/TW"
    assert names[("retirement_age", "blld2012")] == "Bộ luật Lao động 2012"
    assert names[("priority_points", "nd85_2023")] == "NĐ 85/2023/NĐ-CP"
    assert not [n for n in names.values() if re.fullmatch(r"[a-z_0-9]+", n)]
    assert display_name("nd_moi", "Nghị định 73/2024/NĐ-CP, Điều 3") == "NĐ 73/2024/NĐ-CP"
    assert display_name("noi_bo", "Quy chế nội bộ (2024)") == "Quy chế nội bộ"
    rule = next(v for v in VERSIONS if v.version == "nd135_2020")
    assert rule.label().startswith("NĐ 135/2020/NĐ-CP (Nghị định 135/2020/NĐ-CP, Điều 4")


def test_every_shipped_rules_file_is_read():
    assert {v.code for v in VERSIONS} == {json.loads(p.read_text(encoding="utf-8"))["code"]
                                         for p in RULES.glob("*.json")}


def test_the_english_interface_labels_the_same_fields_in_english():
    from hrapp import catalogs

    # every key labelled in Vietnamese (its own table, or a post's name from the post catalogue) has English
    assert set(rp.KEY_LABELS_EN) == set(rp.KEY_LABELS) | set(catalogs.labels("post"))
    vietnamese = re.compile(r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]", re.I)
    for version in VERSIONS:
        for field in rp.param_fields(version.params, "en"):
            assert not vietnamese.search(field.label + field.unit), (version.code, field.path, field.label)
    notice = next(v for v in VERSIONS if v.code == "retirement_notice")
    months = rp.param_fields(notice.params, "en")[1]
    assert (months.label, months.unit) == ("Months before", "months")
