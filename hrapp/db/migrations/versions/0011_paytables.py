"""Ranks on their legal salary table: the ngạch Nhân viên (01.005) on class B (TT 02/2021/TT-BNV), the drivers,
guards and service staff on Bảng 4 of NĐ 204/2004 (B4.1, B4.3, B4.5) instead of class C1. Only a rank still on the
class it was seeded with moves; a class an administrator changed is left as it is. Salary rows already written keep
their class and coefficient (history is not rewritten).

Revision ID: 0011_paytables
Revises: 0011_promotion
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011_paytables'
down_revision = '0011_promotion'
branch_labels = None
depends_on = None

# rank code: (class it was seeded with, class by the legal text)
MOVES = {
    "01.005": ("C1", "B"),
    "01.007": ("C1", "B4.1"),
    "01.008": ("C1", "B4.3"),
    "01.009": ("C1", "B4.5"),
}

_ranks = sa.table("ranks", sa.column("code", sa.String), sa.column("salary_class", sa.String))


def upgrade() -> None:
    for code, (old, new) in MOVES.items():
        op.execute(_ranks.update().where(_ranks.c.code == code, _ranks.c.salary_class == old)
                   .values(salary_class=new))


def downgrade() -> None:
    for code, (old, new) in MOVES.items():
        op.execute(_ranks.update().where(_ranks.c.code == code, _ranks.c.salary_class == new)
                   .values(salary_class=old))
