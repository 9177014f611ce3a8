"""The reserved difference of a salary row (hệ số chênh lệch bảo lưu) placed on a new rank by TT 02/2007/TT-BNV

Revision ID: 0011_promotion
Revises: 0011_retire
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011_promotion'
down_revision = '0011_retire'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('salary_steps') as batch:
        batch.add_column(sa.Column('reserved_coefficient', sa.Numeric(6, 3), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('salary_steps') as batch:
        batch.drop_column('reserved_coefficient')
