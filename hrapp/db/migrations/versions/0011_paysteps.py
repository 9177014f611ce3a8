"""Pay-step rule versions stored before TT 08/2013 Đ.2.1.c was read in working days: the stored versions tt08_2013
and tt03_2021 of `pay_step` get the parameters the rules now read (`not_counted_time`: odd days in working days,
under 11 dropped, 11 to under 22 one month; `probation_counts`: False from TT 03/2021/TT-BNV) and lose the
30-day month (`unpaid_leave`) nothing reads any more. Every other value, edited or not, is kept.

Revision ID: 0011_paysteps
Revises: 0011_paytables
Create Date: 2026-12-08
"""

from __future__ import annotations

import copy
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0011_paysteps'
down_revision = '0011_paytables'
branch_labels = None
depends_on = None

NOT_COUNTED = {"drop_below_working_days": 11, "one_month_below_working_days": 22, "calendar": "work_calendar"}
PROBATION_COUNTS = {"tt08_2013": True, "tt03_2021": False}
OLD_UNPAID_LEAVE = {"days_per_month": 30, "remainder_counts_from_days": 11}

rules = sa.table("rule_versions", sa.column("id", sa.Integer), sa.column("code", sa.String),
                 sa.column("version", sa.String), sa.column("params", sa.JSON))


def upgraded(version: str, params: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(params)
    out.pop("unpaid_leave", None)
    out.setdefault("not_counted_time", dict(NOT_COUNTED))
    out.setdefault("probation_counts", PROBATION_COUNTS[version])
    confidence = out.get("confidence")
    if isinstance(confidence, dict):
        confidence.pop("unpaid_leave", None)
        confidence.setdefault("not_counted_time", "S")
    return out


def downgraded(params: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(params)
    out.pop("not_counted_time", None)
    out.pop("probation_counts", None)
    out.setdefault("unpaid_leave", dict(OLD_UNPAID_LEAVE))
    return out


def _rewrite(change) -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.select(rules.c.id, rules.c.version, rules.c.params).where(
        rules.c.code == "pay_step", rules.c.version.in_(tuple(PROBATION_COUNTS)))).all()
    for row_id, version, params in rows:
        new = change(version, dict(params or {}))
        if new != params:
            conn.execute(rules.update().where(rules.c.id == row_id).values(params=new))


def upgrade() -> None:
    _rewrite(upgraded)


def downgrade() -> None:
    _rewrite(lambda _version, params: downgraded(params))
