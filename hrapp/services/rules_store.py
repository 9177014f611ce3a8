"""Rule versions in the database: seeded from resources/rules, editable by an administrator."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp.db.models import RuleVersionRow
from hrapp.domain.rules import RuleBook, RuleVersion, load_rulebook

if TYPE_CHECKING:
    from hrapp.services.context import ServiceContext


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
    with ctx.read() as s:
        rows = s.scalars(select(RuleVersionRow)).all()
    if not rows:
        return load_rulebook()
    versions = [
        RuleVersion(code=r.code, version=r.version, effective_from=r.effective_from, effective_to=r.effective_to,
                    legal_basis=r.legal_basis, params=r.params, title=r.title)
        for r in rows
    ]
    # Rules added to the bundle after the database was seeded still apply until `init` stores them.
    stored = {(v.code, v.version) for v in versions}
    versions += [v for v in load_rulebook().all() if (v.code, v.version) not in stored]
    return RuleBook(versions)
