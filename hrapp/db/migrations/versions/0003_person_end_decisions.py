"""The decision that ended an employment period or a post (retirement, resignation, dismissal from a post)

Revision ID: 0003_person_end_decisions
Revises: 0002_org_positions
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003_person_end_decisions'
down_revision = '0002_org_positions'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('employments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('end_decision_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_employments_end_decision_id_decisions'), 'decisions',
                                    ['end_decision_id'], ['id'])
    with op.batch_alter_table('posts_held', schema=None) as batch_op:
        batch_op.add_column(sa.Column('end_decision_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_posts_held_end_decision_id_decisions'), 'decisions',
                                    ['end_decision_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('posts_held', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_posts_held_end_decision_id_decisions'), type_='foreignkey')
        batch_op.drop_column('end_decision_id')
    with op.batch_alter_table('employments', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_employments_end_decision_id_decisions'), type_='foreignkey')
        batch_op.drop_column('end_decision_id')
