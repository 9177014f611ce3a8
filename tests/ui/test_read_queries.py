"""Read side used by the interface: the unit tree and one person's record."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrapp.db.models import OrgUnit, Person
from hrapp.errors import NotFoundError
from hrapp.queries.org import _unit_tree
from hrapp.queries.person_detail import load_person_detail
from hrapp.services.snapshot import set_name


def test_unit_tree_lists_parents_before_children_with_depth(staff_ctx):
    with staff_ctx.read() as s:
        nodes = _unit_tree(s)
    assert [(n.code, n.depth) for n in nodes] == [
        ("SKHCN", 0), ("BGD", 1), ("VP", 1), ("TTRA", 1), ("QLKH", 1), ("CCTDC", 1), ("CCTDC_DL", 2), ("TTTT", 1),
    ]
    by_code = {n.code: n for n in nodes}
    assert by_code["CCTDC_DL"].parent_id == by_code["CCTDC"].id
    assert by_code["SKHCN"].parent_id is None


@pytest.mark.parametrize(("active_to", "shown"), [
    (date(2025, 2, 27), False),  # closed the day before
    (date(2025, 2, 28), True),  # closes that very day: still open
    (date(2025, 3, 1), True),
])
def test_unit_tree_on_a_date_keeps_units_open_that_day(ctx, active_to, shown):
    with ctx.unit_of_work() as s:
        s.add(OrgUnit(code="A", name="Sở A", kind="so"))
        s.add(OrgUnit(code="B", name="Phòng B", kind="phong", active_from=date(2020, 1, 1), active_to=active_to))
    with ctx.read() as s:
        codes = [n.code for n in _unit_tree(s, active_on=date(2025, 2, 28))]
    assert ("B" in codes) is shown


def test_unit_tree_does_not_drop_children_of_a_closed_unit(ctx):
    with ctx.unit_of_work() as s:
        old = OrgUnit(code="OLD", name="Chi cục cũ", kind="chi_cuc", active_to=date(2020, 12, 31))
        s.add(old)
        s.add(OrgUnit(code="KEEP", name="Phòng còn hoạt động", kind="phong_thuoc", parent=old))
    with ctx.read() as s:
        nodes = _unit_tree(s, active_on=date(2022, 1, 1))
    assert [(n.code, n.depth, n.parent_id) for n in nodes] == [("KEEP", 0, None)]


def test_units_of_the_same_parent_follow_sort_order_then_name(ctx):
    with ctx.unit_of_work() as s:
        root = OrgUnit(code="R", name="Sở", kind="so")
        s.add(root)
        s.add(OrgUnit(code="Z", name="Văn phòng", kind="van_phong", parent=root, sort_order=1))
        s.add(OrgUnit(code="Y", name="Phòng Kế hoạch", kind="phong", parent=root, sort_order=2))
        s.add(OrgUnit(code="X", name="Ban Giám đốc", kind="ban_giam_doc", parent=root, sort_order=1))
    with ctx.read() as s:
        assert [n.code for n in _unit_tree(s)] == ["R", "X", "Z", "Y"]


def test_person_detail_collects_the_record(staff_ctx):
    d = load_person_detail(staff_ctx, staff_ctx.person_ids["Nguyễn Văn An"])
    assert (d.full_name, d.gender, d.birth_date) == ("Nguyễn Văn An", "M", date(1970, 3, 12))
    assert (d.ethnicity, d.religion) == ("Kinh", "Không")
    assert (d.unit_name, d.category, d.rank_name, d.post) == ("Ban Giám đốc", "Công chức", "Chuyên viên chính",
                                                               "Giám đốc Sở")
    assert (d.salary_step, d.coefficient, d.education) == (6, Decimal("6.100"), "Tiến sĩ")
    assert d.status_label == "Đang làm việc"
    assert [(e.unit_name, e.start_date, e.decision) for e in d.employments] == [
        ("Ban Giám đốc", date(2010, 8, 1), "76/QĐ-SKHCN, 02/03/2015")]
    assert [(p.title, p.kind, p.term_end) for p in d.posts] == [("Giám đốc Sở", "Bổ nhiệm", date(2024, 5, 1))]
    assert [(r.rank_code, r.rank_name) for r in d.ranks] == [("01.002", "Chuyên viên chính")]
    assert [(x.step, x.coefficient, x.reason) for x in d.salary_steps] == [(6, Decimal("6.100"), "Thường xuyên")]
    assert [(q.kind, q.level, q.mode, q.year) for q in d.qualifications] == [("Chuyên môn", "Tiến sĩ", "Chính quy", 2008)]


def test_person_who_left_shows_the_end_of_employment(staff_ctx):
    d = load_person_detail(staff_ctx, staff_ctx.person_ids["Phạm Thị Hoa"])
    assert d.status_label == "Nghỉ hưu"
    assert [(e.end_date, e.end_reason) for e in d.employments] == [(date(2022, 6, 1), "Nghỉ hưu")]


def test_person_without_history_has_empty_sections(ctx):
    with ctx.unit_of_work() as s:
        p = Person(gender="F", birth_date=date(2000, 1, 1), birth_precision="year")
        set_name(p, "Lê Thị Mới")
        s.add(p)
        s.flush()
        pid = p.id
    d = load_person_detail(ctx, pid)
    assert d.birth_precision == "year"
    assert (d.employments, d.ranks, d.salary_steps, d.posts, d.qualifications) == ((), (), (), (), ())
    assert (d.unit_name, d.rank_name, d.coefficient) == ("", "", None)


def test_missing_person_is_a_not_found_error(ctx):
    with pytest.raises(NotFoundError) as err:
        load_person_detail(ctx, 424242)
    assert "Không tìm thấy hồ sơ" in err.value.message
