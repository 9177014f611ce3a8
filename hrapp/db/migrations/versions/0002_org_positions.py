"""Unit history (parent before a move) and secondary job positions (kiêm nhiệm)

Revision ID: 0002_org_positions
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002_org_positions'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
   
    op.create_table('position_assignments',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('position_id', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('decision_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_position_assignments_decision_id_decisions')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_position_assignments_person_id_persons'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['position_id'], ['job_positions.id'], name=op.f('fk_position_assignments_position_id_job_positions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_position_assignments'))
    )
    with op.batch_alter_table('position_assignments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_position_assignments_person_id'), ['person_id'], unique=False)
        batch_op.create_index('ix_position_assignments_position', ['position_id', 'start_date'], unique=False)

    with op.batch_alter_table('org_unit_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('previous_parent_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_org_unit_events_previous_parent_id_org_units'), 'org_units', ['previous_parent_id'], ['id'])




def downgrade() -> None:
   
    with op.batch_alter_table('org_unit_events', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_org_unit_events_previous_parent_id_org_units'), type_='foreignkey')
        batch_op.drop_column('previous_parent_id')

    with op.batch_alter_table('position_assignments', schema=None) as batch_op:
        batch_op.drop_index('ix_position_assignments_position')
        batch_op.drop_index(batch_op.f('ix_position_assignments_person_id'))

    op.drop_table('position_assignments')

