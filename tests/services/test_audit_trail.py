"""Audit trail viewer: filters by person, user, days, entity and action in SQL, pages, readable old → new
values, administrators only, rows never changed or removed, the Excel export itself recorded."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.db.models import AuditLog, OrgUnit
from hrapp.db.models.base import utcnow
from hrapp.domain.audit_labels import readable
from hrapp.errors import DomainError, PermissionDeniedError
from hrapp.queries.audit import (
    AuditFilter,
    audit_actions,
    audit_entities,
    audit_entries,
    audit_page,
    audit_users,
)
from hrapp.queries.person_profile import load_profile
from hrapp.reports.audit_export import export_audit
from hrapp.services import accounts
from hrapp.services import persons as ps
from hrapp.services.accounts import NewUser


@pytest.fixture
def people(ctx: ServiceContext) -> dict[str, int]:
    with ctx.unit_of_work() as s:
        unit = OrgUnit(code="VP", name="Văn phòng Sở", kind="van_phong")
        s.add(unit)
        s.flush()
        unit_id = unit.id

    def add(name: str, cccd: str, phone: str) -> int:
        dto = ps.NewPerson(
            identity=ps.IdentityInput(full_name=name, gender="F", birth_date=date(1985, 3, 5), id_number=cccd,
                                      ethnicity="01", religion="khong", phone=phone),
            employment=ps.EmploymentInput(category="cong_chuc", unit_id=unit_id, start_date=date(2010, 9, 1),
                                          recruitment_date=date(2010, 9, 1)),
            salary=ps.SalaryInput("01.003", 3, Decimal("3.00"), date(2016, 9, 1)),
        )
        return ps.create_person(ctx, dto).id

    return {"ha": add("Trần Thị Thu Hà", "052185001234", "0905123456"),
            "lan": add("Lê Thị Lan", "052185009876", "0914000111")}


def _change_phone(ctx: ServiceContext, person_id: int, phone: str) -> None:
    profile = load_profile(ctx, person_id)
    ps.update_person(ctx, ps.PersonUpdate(person_id, profile.row_version, replace(profile.identity, phone=phone)))


def _audit_rows(ctx: ServiceContext) -> int:
    with ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(AuditLog)))


def test_an_edit_shows_the_field_name_with_old_and_new_value(ctx, people):
    _change_phone(ctx, people["ha"], "0912777888")
    page = audit_page(ctx, AuditFilter(person_id=people["ha"], action="update", entity="persons"))
    entry = page.entries[0]  # the newest: the edit (creating the record also updated its snapshot)
    assert entry.person_name == "Trần Thị Thu Hà" and entry.user == "tester"
    assert entry.action_label == "Sửa" and entry.entity_label == "Hồ sơ cán bộ"
    phone = next(c for c in entry.changes if c.field == "phone")
    assert (phone.label, phone.old, phone.new) == ("Điện thoại", "0905123456", "0912777888")
    assert "Điện thoại: 0905123456 → 0912777888" in entry.change_text()


def test_person_filter_by_name_ignores_diacritics_and_keeps_other_people_out(ctx, people):
    page = audit_page(ctx, AuditFilter(person="le thi lan"))
    assert page.total > 0
    assert {e.person_id for e in page.entries} == {people["lan"]}


def test_user_and_action_filters(ctx, people):
    ctx.user = "thu.ha"
    _change_phone(ctx, people["lan"], "0914000222")
    ctx.user = "tester"
    mine = audit_page(ctx, AuditFilter(user="thu.ha"))
    assert mine.total == 1 and mine.entries[0].person_id == people["lan"]
    assert "thu.ha" in audit_users(ctx) and "tester" in audit_users(ctx)
    assert ("update", "Sửa") in audit_actions(ctx)
    assert ("persons", "Hồ sơ cán bộ") in audit_entities(ctx)


def test_date_range_includes_both_end_days_and_nothing_outside(ctx, people):
    today = clock.today()
    with ctx.unit_of_work() as s:  # an old row, as written two days ago
        s.add(AuditLog(at=utcnow() - timedelta(days=2), user="cu", action="export", entity="staff_list"))
    all_rows = audit_page(ctx).total
    assert audit_page(ctx, AuditFilter(date_from=today, date_to=today)).total == all_rows - 1
    two_days_ago = today - timedelta(days=2)
    assert audit_page(ctx, AuditFilter(date_from=two_days_ago, date_to=two_days_ago, user="cu")).total == 1
    assert audit_page(ctx, AuditFilter(date_to=two_days_ago - timedelta(days=1))).total == 0
    assert audit_page(ctx, AuditFilter(date_from=today + timedelta(days=1))).total == 0


def test_pages_are_newest_first_and_together_hold_every_row(ctx, people):
    total = audit_page(ctx).total
    assert total > 10
    seen: list[int] = []
    offset = 0
    while offset < total:
        page = audit_page(ctx, offset=offset, limit=7)
        assert len(page.entries) <= 7 and page.total == total
        seen.extend(e.id for e in page.entries)
        offset += 7
    assert len(seen) == len(set(seen)) == total
    times = [e.at for e in audit_entries(ctx)]
    assert times == sorted(times, reverse=True)


def test_readable_values():
    assert readable("1985-03-05") == "05/03/1985"
    assert readable(True) == "Có" and readable(False) == "Không"
    assert readable(None) == ""
    assert readable([3, 4]) == "3, 4"
    assert readable("2026-03-02T08:05:00") == "02/03/2026 08:05"


def test_only_an_administrator_reads_the_trail(ctx, people):
    accounts.enable_accounts(ctx, "admin", "Quantri#2026")
    for role in ("to_chuc_can_bo", "lanh_dao", "xem"):
        accounts.create_user(ctx, NewUser(username=f"u.{role}", password="Matkhau123", role=role))
    for role in ("to_chuc_can_bo", "lanh_dao", "xem"):
        ctx.sign_in(f"u.{role}", role)
        for call in (lambda: audit_page(ctx), lambda: audit_users(ctx), lambda: audit_entities(ctx),
                     lambda: export_audit(ctx, "never.xlsx")):
            with pytest.raises(PermissionDeniedError):
                call()
    ctx.sign_in("admin", "quan_tri")
    assert audit_page(ctx).total > 0


def test_audit_rows_cannot_be_changed_or_deleted_through_the_application(ctx, people):
    before = _audit_rows(ctx)
    with pytest.raises(DomainError) as err, ctx.unit_of_work() as s:
        row = s.scalars(select(AuditLog).limit(1)).one()
        row.summary = "sửa lén"
    assert err.value.code == "audit_read_only"
    with pytest.raises(DomainError), ctx.unit_of_work() as s:
        s.delete(s.scalars(select(AuditLog).limit(1)).one())
    assert _audit_rows(ctx) == before
    with ctx.read() as s:
        assert s.scalar(select(func.count()).where(AuditLog.summary == "sửa lén")) == 0


def test_excel_export_holds_the_filtered_rows_and_is_itself_recorded(ctx, people, tmp_path):
    ctx.user = "thu.ha"
    _change_phone(ctx, people["ha"], "0912777888")
    target = tmp_path / "nhat-ky.xlsx"
    f = AuditFilter(person_id=people["ha"], action="update", user="thu.ha")
    assert export_audit(ctx, target, f, today=date(2026, 3, 2)) == 1
    ws = load_workbook(target)["Nhật ký"]
    assert [c.value for c in ws[1]][:4] == ["Thời gian", "Người dùng", "Thao tác", "Đối tượng"]
    row = [c.value for c in ws[2]]
    assert row[1:4] == ["thu.ha", "Sửa", "Hồ sơ cán bộ"] and row[5] == "Trần Thị Thu Hà"
    assert "Điện thoại: 0905123456 → 0912777888" in row[6]
    assert isinstance(row[0], datetime)
    assert ws.max_row == 2
    info = {r[0].value: r[1].value for r in load_workbook(target)["Bộ lọc"].iter_rows()}
    assert info["Thao tác"] == "Sửa" and info["Số dòng"] == "1"
    last = audit_page(ctx, AuditFilter(entity="audit_log", action="export")).entries
    assert len(last) == 1 and "1 dòng" in last[0].summary
