"""The fields of the Sơ yếu lý lịch of the national CBCCVC database (TT 06/2023/TT-BNV) on the person's record:
mã số định danh (unique), số thẻ BHYT, cơ quan quản lý, thành phần gia đình xuất thân, công việc làm lâu nhất,
chức vụ Đảng hiện tại and kiêm nhiệm. Every column is new and empty: existing rows keep their values.

Revision ID: 0011_syll
Revises: 0011_paysteps
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011_syll'
down_revision = '0011_paysteps'
branch_labels = None
depends_on = None

COLUMNS = (
    ("personal_id", 12),
    ("health_insurance_no", 20),  # 15 characters, room for the spaces typed between groups
    ("managing_agency", 200),
    ("family_background", 120),
    ("longest_work", 200),
    ("party_post", 120),
    ("party_concurrent_post", 120),
)


def upgrade() -> None:
    with op.batch_alter_table("persons") as batch:
        for name, length in COLUMNS:
            batch.add_column(sa.Column(name, sa.String(length=length), nullable=True))
        batch.create_unique_constraint("uq_persons_personal_id", ["personal_id"])


def downgrade() -> None:
    with op.batch_alter_table("persons") as batch:
        batch.drop_constraint("uq_persons_personal_id", type_="unique")
        for name, _length in reversed(COLUMNS):
            batch.drop_column(name)
