"""Every service write leaves an audit row with who, when, what and old -> new values, in the same transaction."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from hrapp.db.models import AuditLog, OrgUnit


def _audit(ctx, entity):
    with ctx.read() as s:
        return s.scalars(select(AuditLog).where(AuditLog.entity == entity).order_by(AuditLog.id)).all()


def test_insert_update_delete_are_audited_with_user_and_values(ctx):
    with ctx.unit_of_work() as s:
        s.add(OrgUnit(code="P1", name="Phòng Một", kind="phong", active_from=date(2020, 1, 1)))
    with ctx.unit_of_work() as s:
        unit = s.scalar(select(OrgUnit).where(OrgUnit.code == "P1"))
        unit.name = "Phòng Hai"
    with ctx.unit_of_work() as s:
        s.delete(s.scalar(select(OrgUnit).where(OrgUnit.code == "P1")))
    rows = _audit(ctx, "org_units")
    assert [r.action for r in rows] == ["insert", "update", "delete"]
    assert all(r.user == "tester" for r in rows)
    assert rows[0].changes["name"] == [None, "Phòng Một"]
    assert rows[1].changes == {"name": ["Phòng Một", "Phòng Hai"]}
    assert rows[2].changes["code"] == ["P1", None]
    assert rows[0].entity_id == rows[1].entity_id == rows[2].entity_id != ""


def test_failed_action_leaves_neither_data_nor_audit(ctx):
    with pytest.raises(RuntimeError), ctx.unit_of_work() as s:
        s.add(OrgUnit(code="P9", name="Phòng Chín", kind="phong"))
        s.flush()
        raise RuntimeError("boom")
    assert _audit(ctx, "org_units") == []
    with ctx.read() as s:
        assert s.scalar(select(OrgUnit).where(OrgUnit.code == "P9")) is None
