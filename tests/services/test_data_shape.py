"""Data keeps its shape: catalogue fields hold codes (the demo, the editor's save, a migration of names), the
audit shows their labels, a save with nothing changed writes nothing, and an exported staff list imported back
into its own database is 0 new, 0 updated, 0 errors."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select, text

from hrapp import catalogs
from hrapp.context import ServiceContext
from hrapp.db.migrate import alembic_config, upgrade
from hrapp.db.models import AuditLog, Person
from hrapp.errors import ValidationError
from hrapp.io.excel_export import export_employees
from hrapp.io.excel_import import import_employees
from hrapp.queries.audit import AuditFilter, _value_label, audit_page
from hrapp.queries.employees import EmployeeFilter
from hrapp.queries.person_profile import load_profile
from hrapp.services import persons as ps

MIGRATION = Path(__file__).resolve().parents[2] / "hrapp/db/migrations/versions/0010_catalog_codes.py"


def _migration():
    spec = importlib.util.spec_from_file_location("catalog_codes", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _audit_rows(ctx: ServiceContext) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(AuditLog))


def _stored(ctx: ServiceContext, person_id: int) -> tuple:
    with ctx.read() as s:
        p = s.get(Person, person_id)
        return p.ethnicity, p.religion, p.row_version, p.updated_at


def _someone(ctx: ServiceContext, ethnicity: str | None = None) -> int:
    with ctx.read() as s:
        q = select(Person.id).where(Person.status == "working").order_by(Person.id)
        if ethnicity:
            q = q.where(Person.ethnicity == ethnicity)
        return s.scalars(q).first()


# ---------------------------------------------------------------------------------------------- codes stored


def test_every_catalogue_field_of_the_demo_holds_codes(demo_ctx):
    with demo_ctx.engine.connect() as conn:
        for table, column, kind in _migration().COLUMNS:
            values = set(conn.execute(text(f'SELECT DISTINCT "{column}" FROM {table}')).scalars()) - {None}
            assert values <= set(catalogs.labels(kind)), (table, column, values - set(catalogs.labels(kind)))
        religions = set(conn.execute(text("SELECT DISTINCT religion FROM persons")).scalars())
    assert {"khong", "phat_giao"} <= religions


def test_a_name_typed_in_the_editor_is_stored_as_its_code(demo_ctx):
    pid = _someone(demo_ctx)
    profile = load_profile(demo_ctx, pid)
    identity = replace(profile.identity, ethnicity="Ba Na", religion="phat giao")
    ps.update_person(demo_ctx, ps.PersonUpdate(pid, profile.row_version, identity))
    assert _stored(demo_ctx, pid)[:2] == ("12", "phat_giao")


def test_a_value_outside_the_catalogue_is_refused_not_stored(demo_ctx):
    pid = _someone(demo_ctx)
    profile = load_profile(demo_ctx, pid)
    with pytest.raises(ValidationError) as err:
        ps.update_person(demo_ctx, ps.PersonUpdate(pid, profile.row_version,
                                                   replace(profile.identity, ethnicity="Người sao Hỏa")))
    assert [f for f, _ in err.value.errors] == ["ethnicity"]
    assert _stored(demo_ctx, pid)[0] == "01"


# ---------------------------------------------------------------------------------------------- the migration


def test_the_migration_turns_stored_names_into_codes_and_leaves_unknown_values(demo_db):
    engine = ServiceContext.open(str(demo_db), migrate=False).engine
    with engine.begin() as conn:  # the migrations after it taken back, so that it is the next one to run
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0010_catalog_codes")
    with engine.begin() as conn:
        ids = list(conn.execute(text("SELECT id FROM persons ORDER BY id LIMIT 5")).scalars())
        rows = [("Kinh", "Phật giáo"), ("ba na", "cong giao"), ("  Chăm ", "Không"), ("Người Sao Hỏa", "Đạo lạ"),
                ("01", "khong")]
        for pid, (eth, rel) in zip(ids, rows, strict=True):
            conn.execute(text("UPDATE persons SET ethnicity = :e, religion = :r WHERE id = :i"),
                         {"e": eth, "r": rel, "i": pid})
        conn.execute(text("UPDATE qualifications SET kind = 'Chuyên môn' WHERE kind = 'chuyen_mon'"))
        conn.execute(text("UPDATE evaluations SET rating = 'Hoàn thành tốt nhiệm vụ' WHERE rating = 'htt'"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0009_salary_covering_index'"))
        audit_before = conn.execute(text("SELECT count(*) FROM audit_log")).scalar()
    assert upgrade(engine) is True
    with engine.connect() as conn:
        got = [tuple(r) for r in conn.execute(
            text(f"SELECT ethnicity, religion FROM persons WHERE id IN ({','.join(map(str, ids))}) ORDER BY id"))]
        assert got == [("01", "phat_giao"), ("12", "cong_giao"), ("14", "khong"), ("Người Sao Hỏa", "Đạo lạ"),
                       ("01", "khong")]
        assert conn.execute(text("SELECT count(*) FROM qualifications WHERE kind = 'Chuyên môn'")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM qualifications WHERE kind = 'chuyen_mon'")).scalar() > 0
        assert conn.execute(text("SELECT count(*) FROM evaluations WHERE rating = 'htt'")).scalar() > 0
        assert conn.execute(text("SELECT count(*) FROM audit_log")).scalar() == audit_before
    engine.dispose()


def test_migration_maps_only_names_never_a_code_of_its_own_catalogue():
    m = _migration()
    assert m.renames("qualification_level", ["TC", "Tiến sĩ", "tien si", "Lạ"]) == {"Tiến sĩ": "TS", "tien si": "TS"}
    assert m.renames("ethnicity", ["01", None, "KINH"]) == {"KINH": "01"}


# ---------------------------------------------------------------------------------------------- saving unchanged


def test_saving_every_demo_record_unchanged_writes_nothing(demo_ctx):
    before = _audit_rows(demo_ctx)
    with demo_ctx.read() as s:
        ids = list(s.scalars(select(Person.id).order_by(Person.id)))
    stored = {pid: _stored(demo_ctx, pid) for pid in ids}
    for pid in ids:
        profile = load_profile(demo_ctx, pid)
        ps.update_person(demo_ctx, ps.PersonUpdate(pid, profile.row_version, profile.identity))
    assert _audit_rows(demo_ctx) == before
    assert {pid: _stored(demo_ctx, pid) for pid in ids} == stored  # no version used up, no time stamp moved


def test_changing_the_phone_records_the_phone_alone(demo_ctx):
    pid = _someone(demo_ctx, "12")
    profile = load_profile(demo_ctx, pid)
    before = _audit_rows(demo_ctx)
    ps.update_person(demo_ctx, ps.PersonUpdate(pid, profile.row_version,
                                               replace(profile.identity, phone="0912000111")))
    assert _audit_rows(demo_ctx) == before + 1
    with demo_ctx.read() as s:
        row = s.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
    assert (row.action, row.entity, set(row.changes)) == ("update", "persons", {"phone"})
    assert _stored(demo_ctx, pid)[2] == profile.row_version + 1


# ---------------------------------------------------------------------------------------------- audit labels


def test_the_audit_shows_labels_of_codes_and_old_names_as_they_are(demo_ctx):
    pid = _someone(demo_ctx)
    profile = load_profile(demo_ctx, pid)
    ps.update_person(demo_ctx, ps.PersonUpdate(pid, profile.row_version,
                                               replace(profile.identity, ethnicity="14", religion="cong_giao")))
    with demo_ctx.unit_of_work() as s:  # a row written before codes were kept
        s.add(AuditLog(user="old", action="update", entity="persons", entity_id=str(pid), person_id=pid,
                       changes={"ethnicity": ["Kinh", "01"], "religion": ["Không", "phat_giao"]}))
    entries = audit_page(demo_ctx, AuditFilter(person_id=pid, action="update")).entries
    old = next(e for e in entries if e.user == "old")
    new = next(e for e in entries if e.user == "tester")
    assert [(c.label, c.old, c.new) for c in sorted(old.changes, key=lambda c: c.field)] == [
        ("Dân tộc", "Kinh", "Kinh"), ("Tôn giáo", "Không", "Phật giáo")]
    was = catalogs.label("religion", profile.identity.religion)
    assert {(c.label, c.old, c.new) for c in new.changes} == {("Dân tộc", "Kinh", "Chăm"),
                                                              ("Tôn giáo", was, "Công giáo")}
    assert "01" not in new.change_text() and "cong_giao" not in new.change_text()


@pytest.mark.parametrize(("entity", "field", "value", "label"), [
    ("persons", "status", "working", "Đang làm việc"),
    ("persons", "cur_category", "cong_chuc", "Công chức"),
    ("qualifications", "kind", "llct", "Lý luận chính trị"),
    ("qualifications", "level_code", "ThS", "Thạc sĩ"),
    ("org_units", "kind", "phong", "Phòng chuyên môn"),
    ("evaluations", "rating", "htt", "Hoàn thành tốt nhiệm vụ"),
    ("salary_steps", "rank_code", "01.003", "Chuyên viên"),
    ("persons", "gender", "F", "Nữ"),
    ("salary_steps", "reason", "thuong_xuyen", "Thường xuyên"),
    ("employments", "end_reason", "moved", "Điều động nội bộ"),
    ("posts_held", "end_reason", "moved", "moved"),  # a free text there
    ("persons", "phone", "01", "01"),  # not a catalogue field: as stored
    ("persons", "ethnicity", "Tày", "Tày"),  # an old name: as stored
])
def test_value_labels_by_table_and_field(entity, field, value, label):
    assert _value_label(entity, field, value) == label


# ---------------------------------------------------------------------------------------------- export → import


def test_the_demo_exported_and_imported_back_is_unchanged(demo_ctx, tmp_path):
    path = tmp_path / "staff.xlsx"
    count = export_employees(demo_ctx, path, EmployeeFilter())
    check = import_employees(demo_ctx, path, dry_run=True)
    assert (check.created, check.updated, check.unchanged, check.issues) == (0, 0, count, ())
    before = _audit_rows(demo_ctx)
    done = import_employees(demo_ctx, path)
    assert (done.created, done.updated, done.unchanged, done.issues) == (0, 0, count, ())
    assert _audit_rows(demo_ctx) == before + 1  # the import's own line, nothing per person


def test_export_names_the_salary_row_in_force_even_when_the_list_snapshot_is_stale(demo_ctx, tmp_path):
    pid = _someone(demo_ctx)
    with demo_ctx.engine.begin() as conn:  # the list's cur_* columns out of date (an older row's values)
        conn.execute(text("UPDATE persons SET cur_salary_step = cur_salary_step + 1, "
                          "cur_coefficient = cur_coefficient + 0.34 WHERE id = :i"), {"i": pid})
    path = tmp_path / "staff.xlsx"
    export_employees(demo_ctx, path, EmployeeFilter())
    check = import_employees(demo_ctx, path, dry_run=True)
    assert (check.created, check.updated, check.issues) == (0, 0, ())


def test_a_real_change_in_the_file_is_one_update(demo_ctx, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "staff.xlsx"
    export_employees(demo_ctx, path, EmployeeFilter())
    wb = load_workbook(path)
    ws = wb["Nhân sự"]
    head = [c.value for c in ws[1]]
    ws.cell(2, head.index("Điện thoại") + 1).value = "0912000999"
    ws.cell(3, head.index("Tôn giáo") + 1).value = "cao dai"
    wb.save(path)
    check = import_employees(demo_ctx, path, dry_run=True)
    assert (check.created, check.updated, check.issues) == (0, 2, ())
    done = import_employees(demo_ctx, path)
    assert done.updated == 2
    with demo_ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Person).where(Person.religion == "cao_dai")) == 1
        assert s.scalar(select(func.count()).select_from(Person).where(Person.religion == "Cao Đài")) == 0


def test_blank_cells_and_none_compare_equal(demo_ctx, tmp_path):
    """An exported empty cell is no change to a field stored empty (None), nor to a text stored padded."""
    pid = _someone(demo_ctx)
    with demo_ctx.engine.begin() as conn:
        conn.execute(text("UPDATE persons SET email = NULL, army_rank = '', home_town = home_town || '  ' "
                          "WHERE id = :i"), {"i": pid})
    path = tmp_path / "staff.xlsx"
    export_employees(demo_ctx, path, EmployeeFilter())
    check = import_employees(demo_ctx, path, dry_run=True)
    assert (check.created, check.updated, check.issues) == (0, 0, ())


def test_the_audit_names_units_positions_decisions_and_people_instead_of_their_ids(demo_ctx):
    from hrapp.db.models import Decision, JobPosition, OrgUnit

    pid = _someone(demo_ctx)
    with demo_ctx.read() as s:
        units = s.execute(select(OrgUnit.id, OrgUnit.name).order_by(OrgUnit.id).limit(2)).all()
        position = s.execute(select(JobPosition.id, JobPosition.name).limit(1)).one()
        decision = s.execute(select(Decision.id, Decision.number).limit(1)).one()
        name = s.get(Person, pid).full_name
    with demo_ctx.unit_of_work() as s:
        s.add(AuditLog(user="names", action="update", entity="persons", entity_id=str(pid), person_id=pid,
                       changes={"cur_unit_id": [units[0].id, units[1].id], "cur_position_id": [None, position.id],
                                "decision_id": [None, decision.id], "person_id": [None, pid],
                                "cur_salary_step": [2, 3], "unit_id": [999_999, None]}))
        s.add(AuditLog(user="names", action="update", entity="org_units", entity_id=str(units[1].id),
                       changes={"parent_id": [None, units[0].id]}))
    entries = audit_page(demo_ctx, AuditFilter(user="names")).entries
    shown = {(e.entity, c.field): (c.old, c.new) for e in entries for c in e.changes}
    assert shown[("persons", "cur_unit_id")] == (units[0].name, units[1].name)
    assert shown[("persons", "cur_position_id")] == ("", position.name)
    assert shown[("persons", "decision_id")] == ("", decision.number)
    assert shown[("persons", "person_id")] == ("", name)
    assert shown[("persons", "cur_salary_step")] == ("2", "3")  # a number, not a reference
    assert shown[("persons", "unit_id")] == ("999999", "")  # a row no longer there: its id
    assert shown[("org_units", "parent_id")] == ("", units[0].name)


def test_the_printed_planning_list_names_the_ethnicity(demo_ctx):
    from hrapp.queries.planning import profile_facts

    with demo_ctx.read() as s:
        ids = {e: s.scalar(select(Person.id).where(Person.ethnicity == e)) for e in ("01", "14")}
    facts = profile_facts(demo_ctx, list(ids.values()), date(2026, 6, 30))
    assert {e: facts[pid].ethnicity for e, pid in ids.items()} == {"01": "Kinh", "14": "Chăm"}
