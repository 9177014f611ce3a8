"""Evaluation under NĐ 335/2025: the monthly or quarterly scores of a công chức that make the year's score, and the
decisions that allow a unit more "hoàn thành xuất sắc" ratings than the usual share (NĐ 48/2023)

Revision ID: 0011_evaluation
Revises: 0011_address
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011_evaluation'
down_revision = '0011_address'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('evaluation_periods',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('period_kind', sa.String(length=10), nullable=False),
    sa.Column('period_no', sa.Integer(), nullable=False),
    sa.Column('general_score', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.Column('results_score', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.Column('rule_version', sa.String(length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.CheckConstraint("period_kind IN ('month', 'quarter')", name=op.f('ck_evaluation_periods_kind_known')),
    sa.CheckConstraint('period_no >= 1 AND period_no <= 12', name=op.f('ck_evaluation_periods_number_in_range')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_evaluation_periods_person_id_persons'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation_periods')),
    sa.UniqueConstraint('person_id', 'year', 'period_kind', 'period_no',
                        name=op.f('uq_evaluation_periods_person_id_year_period_kind_period_no'))
    )
    with op.batch_alter_table('evaluation_periods', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluation_periods_person_id'), ['person_id'], unique=False)

    op.create_table('htxs_cap_exceptions',
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('percent', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.CheckConstraint('percent > 0 AND percent <= 100', name=op.f('ck_htxs_cap_exceptions_percent_in_range')),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_htxs_cap_exceptions_decision_id_decisions')),
    sa.ForeignKeyConstraint(['unit_id'], ['org_units.id'], name=op.f('fk_htxs_cap_exceptions_unit_id_org_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_htxs_cap_exceptions')),
    sa.UniqueConstraint('unit_id', 'year', name=op.f('uq_htxs_cap_exceptions_unit_id_year'))
    )
    with op.batch_alter_table('htxs_cap_exceptions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_htxs_cap_exceptions_unit_id'), ['unit_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('htxs_cap_exceptions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_htxs_cap_exceptions_unit_id'))
    op.drop_table('htxs_cap_exceptions')
    with op.batch_alter_table('evaluation_periods', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evaluation_periods_person_id'))
    op.drop_table('evaluation_periods')
