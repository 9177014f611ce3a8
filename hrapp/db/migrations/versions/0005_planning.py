"""Succession planning: periods with their rule version, posts to plan, entries by decision, yearly reviews

Revision ID: 0005_planning
Revises: 0004_recruitment
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005_planning'
down_revision = '0004_recruitment'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('planning_periods',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('start_year', sa.Integer(), nullable=False),
    sa.Column('end_year', sa.Integer(), nullable=False),
    sa.Column('rule_version', sa.String(length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('end_year >= start_year', name=op.f('ck_planning_periods_years_in_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_planning_periods')),
    sa.UniqueConstraint('code', name=op.f('uq_planning_periods_code'))
    )
    op.create_table('planning_reviews',
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('review_date', sa.Date(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('summary', sa.JSON(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_planning_reviews_decision_id_decisions')),
    sa.ForeignKeyConstraint(['period_id'], ['planning_periods.id'], name=op.f('fk_planning_reviews_period_id_planning_periods'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_planning_reviews'))
    )
    op.create_index(op.f('ix_planning_reviews_period_id'), 'planning_reviews', ['period_id'], unique=False)
    op.create_table('planning_posts',
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('post_code', sa.String(length=40), nullable=False),
    sa.Column('max_people', sa.Integer(), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('max_people IS NULL OR max_people > 0', name=op.f('ck_planning_posts_max_people_positive')),
    sa.ForeignKeyConstraint(['period_id'], ['planning_periods.id'], name=op.f('fk_planning_posts_period_id_planning_periods'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['org_units.id'], name=op.f('fk_planning_posts_unit_id_org_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_planning_posts')),
    sa.UniqueConstraint('period_id', 'unit_id', 'post_code', name=op.f('uq_planning_posts_period_id_unit_id_post_code'))
    )
    op.create_index(op.f('ix_planning_posts_period_id'), 'planning_posts', ['period_id'], unique=False)
    op.create_table('planning_entries',
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('approved_on', sa.Date(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=True),
    sa.Column('snapshot', sa.JSON(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_date', sa.Date(), nullable=True),
    sa.Column('removal_code', sa.String(length=30), nullable=True),
    sa.Column('removal_reason', sa.Text(), nullable=True),
    sa.Column('removal_decision_id', sa.Integer(), nullable=True),
    sa.Column('removal_review_id', sa.Integer(), nullable=True),
    sa.Column('appointed_post_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('initial', 'supplement')", name=op.f('ck_planning_entries_kind_known')),
    sa.CheckConstraint("status IN ('active', 'removed', 'appointed')", name=op.f('ck_planning_entries_status_known')),
    sa.ForeignKeyConstraint(['appointed_post_id'], ['posts_held.id'], name=op.f('fk_planning_entries_appointed_post_id_posts_held')),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_planning_entries_decision_id_decisions')),
    sa.ForeignKeyConstraint(['period_id'], ['planning_periods.id'], name=op.f('fk_planning_entries_period_id_planning_periods'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_planning_entries_person_id_persons')),
    sa.ForeignKeyConstraint(['post_id'], ['planning_posts.id'], name=op.f('fk_planning_entries_post_id_planning_posts')),
    sa.ForeignKeyConstraint(['removal_decision_id'], ['decisions.id'], name=op.f('fk_planning_entries_removal_decision_id_decisions')),
    sa.ForeignKeyConstraint(['removal_review_id'], ['planning_reviews.id'], name=op.f('fk_planning_entries_removal_review_id_planning_reviews')),
    sa.ForeignKeyConstraint(['review_id'], ['planning_reviews.id'], name=op.f('fk_planning_entries_review_id_planning_reviews')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_planning_entries'))
    )
    op.create_index('ix_planning_entries_period_status', 'planning_entries', ['period_id', 'status'], unique=False)
    op.create_index(op.f('ix_planning_entries_person_id'), 'planning_entries', ['person_id'], unique=False)
    op.create_index(op.f('ix_planning_entries_post_id'), 'planning_entries', ['post_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_planning_entries_post_id'), table_name='planning_entries')
    op.drop_index(op.f('ix_planning_entries_person_id'), table_name='planning_entries')
    op.drop_index('ix_planning_entries_period_status', table_name='planning_entries')
    op.drop_table('planning_entries')
    op.drop_index(op.f('ix_planning_posts_period_id'), table_name='planning_posts')
    op.drop_table('planning_posts')
    op.drop_index(op.f('ix_planning_reviews_period_id'), table_name='planning_reviews')
    op.drop_table('planning_reviews')
    op.drop_table('planning_periods')
