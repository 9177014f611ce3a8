"""Training: course catalogue, annual plans and their lines, training records, study commitments

Revision ID: 0006_training
Revises: 0005_planning
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006_training'
down_revision = '0005_planning'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('courses',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('course_type', sa.String(length=30), nullable=False),
    sa.Column('organiser', sa.String(length=200), nullable=True),
    sa.Column('mode', sa.String(length=30), nullable=False),
    sa.Column('duration_value', sa.Integer(), nullable=True),
    sa.Column('duration_unit', sa.String(length=10), nullable=False),
    sa.Column('certificate_type', sa.String(length=120), nullable=True),
    sa.Column('grants_kind', sa.String(length=20), nullable=True),
    sa.Column('grants_level', sa.String(length=20), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("duration_unit IN ('weeks', 'periods', 'months')", name=op.f('ck_courses_duration_unit_known')),
    sa.CheckConstraint('duration_value IS NULL OR duration_value > 0', name=op.f('ck_courses_duration_positive')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_courses')),
    sa.UniqueConstraint('code', name=op.f('uq_courses_code'))
    )
    with op.batch_alter_table('courses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_courses_course_type'), ['course_type'], unique=False)

    op.create_table('training_plans',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=True),
    sa.Column('approved_on', sa.Date(), nullable=True),
    sa.Column('copied_from_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('draft', 'approved')", name=op.f('ck_training_plans_status_known')),
    sa.ForeignKeyConstraint(['copied_from_id'], ['training_plans.id'], name=op.f('fk_training_plans_copied_from_id_training_plans')),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_training_plans_decision_id_decisions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_plans')),
    sa.UniqueConstraint('year', name=op.f('uq_training_plans_year'))
    )
    op.create_table('training_plan_lines',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('position_id', sa.Integer(), nullable=True),
    sa.Column('people', sa.Integer(), nullable=False),
    sa.Column('course_type', sa.String(length=30), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=True),
    sa.Column('planned_start', sa.Date(), nullable=True),
    sa.Column('planned_end', sa.Date(), nullable=True),
    sa.Column('funding_source', sa.String(length=30), nullable=True),
    sa.Column('estimated_cost', sa.Numeric(precision=16, scale=0), nullable=True),
    sa.Column('origin', sa.String(length=20), nullable=False),
    sa.Column('requirement', sa.String(length=300), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('estimated_cost IS NULL OR estimated_cost >= 0', name=op.f('ck_training_plan_lines_cost_not_negative')),
    sa.CheckConstraint('people > 0', name=op.f('ck_training_plan_lines_people_positive')),
    sa.CheckConstraint('person_id IS NOT NULL OR unit_id IS NOT NULL', name=op.f('ck_training_plan_lines_person_or_group')),
    sa.ForeignKeyConstraint(['course_id'], ['courses.id'], name=op.f('fk_training_plan_lines_course_id_courses')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_training_plan_lines_person_id_persons')),
    sa.ForeignKeyConstraint(['plan_id'], ['training_plans.id'], name=op.f('fk_training_plan_lines_plan_id_training_plans'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['position_id'], ['job_positions.id'], name=op.f('fk_training_plan_lines_position_id_job_positions')),
    sa.ForeignKeyConstraint(['unit_id'], ['org_units.id'], name=op.f('fk_training_plan_lines_unit_id_org_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_plan_lines'))
    )
    with op.batch_alter_table('training_plan_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_plan_lines_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index('ix_training_plan_lines_plan_person', ['plan_id', 'person_id'], unique=False)

    op.create_table('training_records',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('plan_line_id', sa.Integer(), nullable=True),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('attendance', sa.String(length=20), nullable=True),
    sa.Column('attendance_note', sa.Text(), nullable=True),
    sa.Column('result', sa.String(length=20), nullable=True),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('certificate_no', sa.String(length=60), nullable=True),
    sa.Column('certificate_date', sa.Date(), nullable=True),
    sa.Column('granted_level', sa.String(length=20), nullable=True),
    sa.Column('qualification_id', sa.Integer(), nullable=True),
    sa.Column('report_received', sa.Boolean(), nullable=False),
    sa.Column('report_date', sa.Date(), nullable=True),
    sa.Column('funding_source', sa.String(length=30), nullable=True),
    sa.Column('cost', sa.Numeric(precision=16, scale=0), nullable=True),
    sa.Column('withdrawn_reason', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('sent', 'completed', 'failed', 'withdrawn')", name=op.f('ck_training_records_status_known')),
    sa.CheckConstraint('cost IS NULL OR cost >= 0', name=op.f('ck_training_records_cost_not_negative')),
    sa.ForeignKeyConstraint(['course_id'], ['courses.id'], name=op.f('fk_training_records_course_id_courses')),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_training_records_decision_id_decisions')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_training_records_person_id_persons')),
    sa.ForeignKeyConstraint(['plan_line_id'], ['training_plan_lines.id'], name=op.f('fk_training_records_plan_line_id_training_plan_lines')),
    sa.ForeignKeyConstraint(['qualification_id'], ['qualifications.id'], name=op.f('fk_training_records_qualification_id_qualifications'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_records'))
    )
    with op.batch_alter_table('training_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_records_course_id'), ['course_id'], unique=False)
        batch_op.create_index('ix_training_records_person', ['person_id', 'start_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_records_plan_line_id'), ['plan_line_id'], unique=False)

    op.create_table('study_commitments',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=True),
    sa.Column('programme', sa.String(length=300), nullable=False),
    sa.Column('study_start', sa.Date(), nullable=False),
    sa.Column('study_end', sa.Date(), nullable=False),
    sa.Column('study_months', sa.Integer(), nullable=False),
    sa.Column('multiplier', sa.Integer(), nullable=False),
    sa.Column('commitment_months', sa.Integer(), nullable=False),
    sa.Column('service_from', sa.Date(), nullable=False),
    sa.Column('service_until', sa.Date(), nullable=False),
    sa.Column('cost', sa.Numeric(precision=16, scale=0), nullable=False),
    sa.Column('rule_version', sa.String(length=40), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.Column('leave_case', sa.String(length=20), nullable=True),
    sa.Column('served_months', sa.Integer(), nullable=True),
    sa.Column('repayment', sa.Numeric(precision=16, scale=0), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('active', 'fulfilled', 'broken')", name=op.f('ck_study_commitments_status_known')),
    sa.CheckConstraint('commitment_months > 0', name=op.f('ck_study_commitments_months_positive')),
    sa.CheckConstraint('cost >= 0', name=op.f('ck_study_commitments_cost_not_negative')),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_study_commitments_decision_id_decisions')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_study_commitments_person_id_persons')),
    sa.ForeignKeyConstraint(['record_id'], ['training_records.id'], name=op.f('fk_study_commitments_record_id_training_records')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_study_commitments')),
    sa.UniqueConstraint('record_id', name=op.f('uq_study_commitments_record_id'))
    )
    with op.batch_alter_table('study_commitments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_study_commitments_person_id'), ['person_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('study_commitments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_study_commitments_person_id'))

    op.drop_table('study_commitments')
    with op.batch_alter_table('training_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_records_plan_line_id'))
        batch_op.drop_index('ix_training_records_person')
        batch_op.drop_index(batch_op.f('ix_training_records_course_id'))

    op.drop_table('training_records')
    with op.batch_alter_table('training_plan_lines', schema=None) as batch_op:
        batch_op.drop_index('ix_training_plan_lines_plan_person')
        batch_op.drop_index(batch_op.f('ix_training_plan_lines_plan_id'))

    op.drop_table('training_plan_lines')
    op.drop_table('training_plans')
    with op.batch_alter_table('courses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_courses_course_type'))

    op.drop_table('courses')
