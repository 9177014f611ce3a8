"""A discipline's violation date, the day the violation was found and whether the case was complex: the dates the
limitation period and the time limit of the procedure are counted from (rule `discipline`)

Revision ID: 0011_discipline
Revises: 0011_syll
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011_discipline'
down_revision = '0011_syll'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('disciplines', schema=None) as batch_op:
        batch_op.add_column(sa.Column('violation_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('found_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('complex_case', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('disciplines', schema=None) as batch_op:
        batch_op.drop_column('complex_case')
        batch_op.drop_column('found_on')
        batch_op.drop_column('violation_date')
