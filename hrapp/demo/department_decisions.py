"""The Sở's own decisions that the demo's succession plans and training write: the next free number of the
year (at the Sở's pace, after those already stored) and the director who signs on a day."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hrapp.db.models import Decision, Person, PostHeld

SUFFIX = "QĐ-SKH&CN"


def next_number(session: Session, day: date) -> str:
    """The number of a decision of the Sở signed on `day`: about 1.1 a day into the year, past those taken."""
    taken = {int(m.group(1)) for (n,) in session.execute(
        select(Decision.number).where(Decision.number.like(f"%/{SUFFIX}"),
                                      Decision.sign_date >= date(day.year, 1, 1),
                                      Decision.sign_date <= date(day.year, 12, 31)))
             if (m := re.match(r"(\d+)/", n))}
    n = max(1, round(day.timetuple().tm_yday * 1.1))
    while n in taken:
        n += 1
    return f"{n:02d}/{SUFFIX}"


def director_on(session: Session, day: date) -> str:
    """The name of the Sở's director in office on `day` (the title when the post was vacant)."""
    name = session.scalar(select(Person.full_name).join(PostHeld, PostHeld.person_id == Person.id).where(
        PostHeld.post_code == "giam_doc_so", PostHeld.start_date <= day,
        or_(PostHeld.end_date.is_(None), PostHeld.end_date >= day)))
    return name or "Giám đốc Sở"
