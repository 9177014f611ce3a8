"""Recruitment rounds: targets, candidates and preferences, scores with re-marking history, round events

Revision ID: 0004_recruitment
Revises: 0004_accounts
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004_recruitment'
down_revision = '0004_accounts'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('recruitment_rounds',
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('subject', sa.String(length=20), nullable=False),
    sa.Column('regime', sa.String(length=30), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('plan_decision_id', sa.Integer(), nullable=True),
    sa.Column('notice_date', sa.Date(), nullable=True),
    sa.Column('application_deadline', sa.Date(), nullable=True),
    sa.Column('round1_date', sa.Date(), nullable=True),
    sa.Column('round2_date', sa.Date(), nullable=True),
    sa.Column('council_size', sa.Integer(), nullable=True),
    sa.Column('council', sa.JSON(), nullable=True),
    sa.Column('council_decision_id', sa.Integer(), nullable=True),
    sa.Column('round1_parts', sa.JSON(), nullable=True),
    sa.Column('round2_parts', sa.JSON(), nullable=True),
    sa.Column('results_decision_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('council_size IS NULL OR council_size > 0', name=op.f('ck_recruitment_rounds_council_size_positive')),
    sa.ForeignKeyConstraint(['council_decision_id'], ['decisions.id'], name=op.f('fk_recruitment_rounds_council_decision_id_decisions')),
    sa.ForeignKeyConstraint(['plan_decision_id'], ['decisions.id'], name=op.f('fk_recruitment_rounds_plan_decision_id_decisions')),
    sa.ForeignKeyConstraint(['results_decision_id'], ['decisions.id'], name=op.f('fk_recruitment_rounds_results_decision_id_decisions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recruitment_rounds'))
    )
    with op.batch_alter_table('recruitment_rounds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recruitment_rounds_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_recruitment_rounds_year'), ['year'], unique=False)

    op.create_table('recruitment_targets',
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('position_id', sa.Integer(), nullable=False),
    sa.Column('quota', sa.Integer(), nullable=False),
    sa.Column('vacancies_seen', sa.Integer(), nullable=True),
    sa.Column('over_vacancy_reason', sa.Text(), nullable=True),
    sa.Column('rank_code', sa.String(length=20), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('quota >= 1', name=op.f('ck_recruitment_targets_quota_positive')),
    sa.ForeignKeyConstraint(['position_id'], ['job_positions.id'], name=op.f('fk_recruitment_targets_position_id_job_positions')),
    sa.ForeignKeyConstraint(['rank_code'], ['ranks.code'], name=op.f('fk_recruitment_targets_rank_code_ranks')),
    sa.ForeignKeyConstraint(['round_id'], ['recruitment_rounds.id'], name=op.f('fk_recruitment_targets_round_id_recruitment_rounds'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recruitment_targets')),
    sa.UniqueConstraint('round_id', 'position_id', name=op.f('uq_recruitment_targets_round_id_position_id'))
    )
    with op.batch_alter_table('recruitment_targets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recruitment_targets_round_id'), ['round_id'], unique=False)

    op.create_table('recruitment_candidates',
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('sbd', sa.String(length=20), nullable=True),
    sa.Column('full_name', sa.String(length=120), nullable=False),
    sa.Column('name_folded', sa.String(length=120), nullable=False),
    sa.Column('sort_key', sa.String(length=400), nullable=False),
    sa.Column('gender', sa.String(length=1), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('birth_place', sa.String(length=200), nullable=True),
    sa.Column('home_town', sa.String(length=200), nullable=True),
    sa.Column('ethnicity', sa.String(length=40), nullable=True),
    sa.Column('religion', sa.String(length=60), nullable=True),
    sa.Column('id_number', sa.String(length=12), nullable=False),
    sa.Column('id_issue_date', sa.Date(), nullable=True),
    sa.Column('id_issue_place', sa.String(length=200), nullable=True),
    sa.Column('permanent_address', sa.String(length=300), nullable=True),
    sa.Column('current_address', sa.String(length=300), nullable=True),
    sa.Column('phone', sa.String(length=30), nullable=True),
    sa.Column('email', sa.String(length=120), nullable=True),
    sa.Column('education_level', sa.String(length=10), nullable=True),
    sa.Column('major', sa.String(length=200), nullable=True),
    sa.Column('institution', sa.String(length=200), nullable=True),
    sa.Column('graduation_year', sa.Integer(), nullable=True),
    sa.Column('degree_grade', sa.String(length=40), nullable=True),
    sa.Column('qualifications', sa.JSON(), nullable=True),
    sa.Column('experience_years', sa.Integer(), nullable=True),
    sa.Column('priority_groups', sa.JSON(), nullable=True),
    sa.Column('exemptions', sa.JSON(), nullable=True),
    sa.Column('exemption_note', sa.Text(), nullable=True),
    sa.Column('applied_on', sa.Date(), nullable=True),
    sa.Column('eligible', sa.Boolean(), nullable=True),
    sa.Column('ineligible_reasons', sa.JSON(), nullable=True),
    sa.Column('checked_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('hired_target_id', sa.Integer(), nullable=True),
    sa.Column('hire_decision_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['hire_decision_id'], ['decisions.id'], name=op.f('fk_recruitment_candidates_hire_decision_id_decisions')),
    sa.ForeignKeyConstraint(['hired_target_id'], ['recruitment_targets.id'], name=op.f('fk_recruitment_candidates_hired_target_id_recruitment_targets')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_recruitment_candidates_person_id_persons')),
    sa.ForeignKeyConstraint(['round_id'], ['recruitment_rounds.id'], name=op.f('fk_recruitment_candidates_round_id_recruitment_rounds'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recruitment_candidates')),
    sa.UniqueConstraint('round_id', 'id_number', name=op.f('uq_recruitment_candidates_round_id_id_number')),
    sa.UniqueConstraint('round_id', 'sbd', name=op.f('uq_recruitment_candidates_round_id_sbd'))
    )
    with op.batch_alter_table('recruitment_candidates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recruitment_candidates_round_id'), ['round_id'], unique=False)
        batch_op.create_index('ix_recruitment_candidates_round_sort', ['round_id', 'sort_key'], unique=False)

    op.create_table('recruitment_events',
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=True),
    sa.Column('target_id', sa.Integer(), nullable=True),
    sa.Column('candidate_id', sa.Integer(), nullable=True),
    sa.Column('chosen', sa.JSON(), nullable=True),
    sa.Column('reason_code', sa.String(length=30), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('decision_id', sa.Integer(), nullable=True),
    sa.Column('user', sa.String(length=60), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['recruitment_candidates.id'], name=op.f('fk_recruitment_events_candidate_id_recruitment_candidates'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_recruitment_events_decision_id_decisions')),
    sa.ForeignKeyConstraint(['round_id'], ['recruitment_rounds.id'], name=op.f('fk_recruitment_events_round_id_recruitment_rounds'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['target_id'], ['recruitment_targets.id'], name=op.f('fk_recruitment_events_target_id_recruitment_targets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recruitment_events'))
    )
    with op.batch_alter_table('recruitment_events', schema=None) as batch_op:
        batch_op.create_index('ix_recruitment_events_round_kind', ['round_id', 'kind'], unique=False)

    op.create_table('recruitment_preferences',
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('choice', sa.Integer(), nullable=False),
    sa.Column('eligible', sa.Boolean(), nullable=True),
    sa.Column('reasons', sa.JSON(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.CheckConstraint('choice >= 1', name=op.f('ck_recruitment_preferences_choice_positive')),
    sa.ForeignKeyConstraint(['candidate_id'], ['recruitment_candidates.id'], name=op.f('fk_recruitment_preferences_candidate_id_recruitment_candidates'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['target_id'], ['recruitment_targets.id'], name=op.f('fk_recruitment_preferences_target_id_recruitment_targets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recruitment_preferences')),
    sa.UniqueConstraint('candidate_id', 'choice', name=op.f('uq_recruitment_preferences_candidate_id_choice')),
    sa.UniqueConstraint('candidate_id', 'target_id', name=op.f('uq_recruitment_preferences_candidate_id_target_id'))
    )
    with op.batch_alter_table('recruitment_preferences', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recruitment_preferences_candidate_id'), ['candidate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_recruitment_preferences_target_id'), ['target_id'], unique=False)

    op.create_table('recruitment_scores',
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('round_no', sa.Integer(), nullable=False),
    sa.Column('part', sa.String(length=30), nullable=False),
    sa.Column('value', sa.Numeric(precision=6, scale=2), nullable=True),
    sa.Column('max_value', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.Column('absent', sa.Boolean(), nullable=False),
    sa.Column('entered_by', sa.String(length=60), nullable=True),
    sa.Column('entered_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.CheckConstraint('round_no IN (1, 2)', name=op.f('ck_recruitment_scores_round_1_2')),
    sa.ForeignKeyConstraint(['candidate_id'], ['recruitment_candidates.id'], name=op.f('fk_recruitment_scores_candidate_id_recruitment_candidates'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recruitment_scores')),
    sa.UniqueConstraint('candidate_id', 'round_no', 'part', name=op.f('uq_recruitment_scores_candidate_id_round_no_part'))
    )
    with op.batch_alter_table('recruitment_scores', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recruitment_scores_candidate_id'), ['candidate_id'], unique=False)

    op.create_table('recruitment_score_changes',
    sa.Column('score_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('old_value', sa.Numeric(precision=6, scale=2), nullable=True),
    sa.Column('new_value', sa.Numeric(precision=6, scale=2), nullable=True),
    sa.Column('old_absent', sa.Boolean(), nullable=False),
    sa.Column('new_absent', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('decision_id', sa.Integer(), nullable=True),
    sa.Column('changed_by', sa.String(length=60), nullable=True),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_recruitment_score_changes_decision_id_decisions')),
    sa.ForeignKeyConstraint(['score_id'], ['recruitment_scores.id'], name=op.f('fk_recruitment_score_changes_score_id_recruitment_scores'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recruitment_score_changes'))
    )
    with op.batch_alter_table('recruitment_score_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recruitment_score_changes_score_id'), ['score_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('recruitment_score_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recruitment_score_changes_score_id'))

    op.drop_table('recruitment_score_changes')
    with op.batch_alter_table('recruitment_scores', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recruitment_scores_candidate_id'))

    op.drop_table('recruitment_scores')
    with op.batch_alter_table('recruitment_preferences', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recruitment_preferences_target_id'))
        batch_op.drop_index(batch_op.f('ix_recruitment_preferences_candidate_id'))

    op.drop_table('recruitment_preferences')
    with op.batch_alter_table('recruitment_events', schema=None) as batch_op:
        batch_op.drop_index('ix_recruitment_events_round_kind')

    op.drop_table('recruitment_events')
    with op.batch_alter_table('recruitment_candidates', schema=None) as batch_op:
        batch_op.drop_index('ix_recruitment_candidates_round_sort')
        batch_op.drop_index(batch_op.f('ix_recruitment_candidates_round_id'))

    op.drop_table('recruitment_candidates')
    with op.batch_alter_table('recruitment_targets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recruitment_targets_round_id'))

    op.drop_table('recruitment_targets')
    with op.batch_alter_table('recruitment_rounds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recruitment_rounds_year'))
        batch_op.drop_index(batch_op.f('ix_recruitment_rounds_status'))

    op.drop_table('recruitment_rounds')
