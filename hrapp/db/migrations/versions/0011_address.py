"""Places after the two-tier reform (from 01/07/2025: 34 provinces, communes, no district level): birthplace,
home town, permanent and current address each get the code of the official unit they name. The texts stay as
they are; a code is filled where the text names one unit without doubt (old names are mapped to the new list),
left empty otherwise (a foreign place, a name several units share, a unit merged away before the list)

Revision ID: 0011_address
Revises: 0011_discipline
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011_address'
down_revision = '0011_discipline'
branch_labels = None
depends_on = None

PLACES = (("birth_place", "birth_place_code"), ("home_town", "home_town_code"),
          ("permanent_address", "permanent_address_code"), ("current_address", "current_address_code"))


def upgrade() -> None:
    from hrapp.domain.places import resolve

    with op.batch_alter_table("persons") as batch:
        for _text, code in PLACES:
            batch.add_column(sa.Column(code, sa.String(5), nullable=True))
    bind = op.get_bind()
    persons = sa.table("persons", sa.column("id", sa.Integer),
                       *(sa.column(c, sa.String) for pair in PLACES for c in pair))
    codes: dict[str, str | None] = {}  # the same text repeats across thousands of people
    for text_col, code_col in PLACES:
        texts = [r[0] for r in bind.execute(sa.select(persons.c[text_col]).distinct()) if r[0]]
        for text in texts:
            if text not in codes:
                codes[text] = resolve(text).code
            if codes[text] is not None:
                bind.execute(persons.update().where(persons.c[text_col] == text).values({code_col: codes[text]}))


def downgrade() -> None:
    with op.batch_alter_table("persons") as batch:
        for _text, code in PLACES:
            batch.drop_column(code)
