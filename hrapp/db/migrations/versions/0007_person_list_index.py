"""The staff list's covering index: display order (sort_key, id) with the columns its filters and search read

Revision ID: 0007_person_list_index
Revises: 0006_training
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = '0007_person_list_index'
down_revision = '0006_training'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_persons_list', 'persons', ['sort_key', 'id', 'status', 'name_folded', 'cur_unit_id',
                                                   'cur_category'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_persons_list', table_name='persons')
