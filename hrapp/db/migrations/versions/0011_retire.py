"""Retiring earlier or later than the ordinary age by a decision (NĐ 135/2020, Điều 5–6): one row per decision

Revision ID: 0011_retire
Revises: 0010_catalog_codes
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011_retire'
down_revision = '0010_catalog_codes'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('retirement_adjustments',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('direction', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('age_months', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'],
                            name=op.f('fk_retirement_adjustments_decision_id_decisions')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_retirement_adjustments_person_id_persons'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_retirement_adjustments')),
    )
    with op.batch_alter_table('retirement_adjustments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_retirement_adjustments_person_id'), ['person_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('retirement_adjustments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_retirement_adjustments_person_id'))
    op.drop_table('retirement_adjustments')
