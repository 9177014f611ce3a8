"""Rule versions in the database: seeded from resources/rules, editable by an administrator."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp.context import ServiceContext, read_rulebook
from hrapp.db.models import RuleVersionRow
from hrapp.domain.rules import RuleBook, load_rulebook


def seed_rules(session: Session) -> int:
    """Insert bundled rule versions the database does not have yet; never overwrite an edited one."""
    have = {(c, v) for c, v in session.execute(select(RuleVersionRow.code, RuleVersionRow.version))}
    added = 0
    for rv in load_rulebook().all():
        if (rv.code, rv.version) in have:
            continue
        session.add(
            RuleVersionRow(code=rv.code, version=rv.version, title=rv.title, effective_from=rv.effective_from,
                           effective_to=rv.effective_to, legal_basis=rv.legal_basis, params=rv.params)
        )
        added += 1
    return added


def load_rulebook_from_db(ctx: ServiceContext) -> RuleBook:
    """Rules as stored in the database, bundled ones added (read by the context itself, `ctx.rulebook`)."""
    return read_rulebook(ctx)
