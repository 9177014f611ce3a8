"""The staffing count's covering index: running employments grouped by unit, category and job position

Revision ID: 0008_employment_count_index
Revises: 0007_person_list_index
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = '0008_employment_count_index'
down_revision = '0007_person_list_index'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_employments_count', 'employments', ['unit_id', 'category', 'position_id', 'start_date',
                                                             'end_date', 'person_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_employments_count', table_name='employments')
