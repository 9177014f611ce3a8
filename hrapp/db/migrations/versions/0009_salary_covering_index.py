"""The salary history's covering index: per person, the rows by effective date and id with the columns the
salary row in force (decision) and the staff list's PCTNVK read, replacing the (person, date) index it extends

Revision ID: 0009_salary_covering_index
Revises: 0008_employment_count_index
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = '0009_salary_covering_index'
down_revision = '0008_employment_count_index'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_salary_steps_current', 'salary_steps', ['person_id', 'effective_date', 'id', 'decision_id',
                                                                'pctnvk_percent'], unique=False)
    op.drop_index('ix_salary_steps_person_date', table_name='salary_steps')


def downgrade() -> None:
    op.create_index('ix_salary_steps_person_date', 'salary_steps', ['person_id', 'effective_date'], unique=False)
    op.drop_index('ix_salary_steps_current', table_name='salary_steps')
