"""Catalogue fields hold codes only: a value stored as its catalogue name ('Kinh', 'Phật giáo', written with or
without accents, in any case) becomes its code ('01', 'phat_giao'); a value that is neither a code nor a name is
left as it is (the editor shows it as typed)

Revision ID: 0010_catalog_codes
Revises: 0009_salary_covering_index
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010_catalog_codes'
down_revision = '0009_salary_covering_index'
branch_labels = None
depends_on = None

# (table, column, catalogue): every column that holds a code of a bundled catalogue (resources/catalogs)
COLUMNS = (
    ("persons", "ethnicity", "ethnicity"),
    ("persons", "religion", "religion"),
    ("persons", "status", "employment_status"),
    ("persons", "cur_category", "category"),
    ("persons", "cur_education", "qualification_level"),
    ("recruitment_candidates", "ethnicity", "ethnicity"),
    ("recruitment_candidates", "religion", "religion"),
    ("employments", "category", "category"),
    ("qualifications", "kind", "qualification_kind"),
    ("qualifications", "level_code", "qualification_level"),
    ("posts_held", "post_code", "post"),
    ("posts_held", "kind", "appointment_kind"),
    ("disciplines", "form", "discipline_form"),
    ("evaluations", "rating", "rating"),
    ("org_units", "kind", "unit_kind"),
    ("job_positions", "group", "position_group"),
    ("job_positions", "req_education_level", "qualification_level"),
    ("courses", "course_type", "course_type"),
    ("training_records", "result", "training_result"),
    ("training_records", "funding_source", "training_funding"),
)


def renames(kind: str, stored: list[str]) -> dict[str, str]:
    """{stored value: code} for the stored values that are a name of the catalogue and not one of its codes."""
    from hrapp import catalogs
    from hrapp.text import fold

    names = catalogs.labels(kind)
    by_name: dict[str, str] = {}
    for code, name in names.items():
        by_name.setdefault(fold(name), code)
    out: dict[str, str] = {}
    for value in stored:
        if value is None or value in names:
            continue
        found = by_name.get(fold(value.strip()))
        if found is not None:
            out[value] = found
    return out


def upgrade() -> None:
    conn = op.get_bind()
    present = set(sa.inspect(conn).get_table_names())
    for table_name, column_name, kind in COLUMNS:
        if table_name not in present:
            continue
        column = sa.column(column_name, sa.String)
        table = sa.table(table_name, column)
        stored = list(conn.execute(sa.select(column).distinct()).scalars())
        for old, code in renames(kind, stored).items():
            conn.execute(table.update().where(column == old).values({column_name: code}))


def downgrade() -> None:
    pass  # codes were always accepted where names were: nothing to undo
