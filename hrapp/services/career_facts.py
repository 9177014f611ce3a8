"""What a person's records said on a given day (`PersonFacts`), read for many people at once in a few bulk queries
(`load_facts`); the career computations (hrapp.services.career) and the alerts read these facts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import Connection, and_, bindparam, exists, or_, select
from sqlalchemy.orm import Session, aliased

from hrapp import catalogs
from hrapp.db.models import (
    Decision,
    Discipline,
    Employment,
    Evaluation,
    LeavePeriod,
    OrgUnit,
    Person,
    PostHeld,
    Rank,
    SalaryStep,
)
from hrapp.db.scope import reader
from hrapp.domain.retirement import BirthDate, RetirementException
from hrapp.queries._retirement import retirement_exceptions

ACTIVE_STATUSES = ("working", "seconded", "leave")
UNPAID_LEAVE = "khong_luong"
LEAVE_KINDS = catalogs.ABSENCE_KINDS
# Posts whose term the appointment rule fixes (5 years or to retirement); the others end by their own decision.
TERM_KINDS = ("bo_nhiem", "bo_nhiem_lai", "keo_dai")



# ============================================================================================== facts
# The facts are immutable named tuples rather than frozen dataclasses: load_facts builds several per person and
# a tuple is built several times faster, which is most of the difference for 100,000 people.


class SalaryFacts(NamedTuple):
    """The salary row in force: rank, step, coefficient and the dates the next step and PCTNVK count from."""

    row_id: int
    rank_code: str
    salary_class: str
    step: int
    coefficient: Decimal
    percent: int
    effective_date: date
    step_since: date
    pctnvk_percent: int | None
    pctnvk_since: date | None
    reason: str
    decision_id: int | None = None


class DisciplineFacts(NamedTuple):
    form: str
    effect_from: date
    effect_to: date | None = None
    decided: date | None = None  # the decision date: it chooses the rule versions the discipline is read by


class PostFacts(NamedTuple):
    post_id: int
    post_code: str
    post_title: str
    unit_id: int
    kind: str
    start_date: date
    term_end: date | None
    is_concurrent: bool = False


class ProbationFacts(NamedTuple):
    employment_id: int
    category: str
    start: date
    recorded_end: date | None
    required_level: str | None  # the education the rank or title requires (DH, CD, TC)


class StaffRow(NamedTuple):
    """A person's employment in force on the day (the latest started, then the newest) with the person's own
    columns: what `load_facts` reads per person besides the salary, and what a caller that has read it hands over."""

    person_id: int
    employment_id: int
    category: str
    unit_id: int | None
    start_date: date
    probation_start: date | None
    probation_end: date | None
    full_name: str
    gender: str
    birth_date: date
    birth_precision: str | None
    staff_code: str | None
    cur_rank_code: str | None


def staff_columns(e: Any, p: Any) -> tuple[Any, ...]:
    """The columns of a `StaffRow`, in its order, from the employment entity `e` and the person entity `p`."""
    return (e.person_id, e.id, e.category, e.unit_id, e.start_date, e.probation_start, e.probation_end,
            p.full_name, p.gender, p.birth_date, p.birth_precision, p.staff_code, p.cur_rank_code)


def in_force(e: Any, as_of: date) -> Any:
    """The employment `e` covers `as_of`."""
    return and_(e.start_date <= as_of, or_(e.end_date.is_(None), e.end_date >= as_of))


def latest_in_force(e: Any, as_of: date) -> Any:
    """The employment `e` is the one `load_facts` keeps for its person: no other employment in force on `as_of`
    started later, or on the same day with a higher id."""
    other = aliased(Employment)
    return ~exists().where(other.person_id == e.person_id, in_force(other, as_of),
                           or_(other.start_date > e.start_date,
                               and_(other.start_date == e.start_date, other.id > e.id)))


class PersonFacts(NamedTuple):
    """What the records say about one person on `as_of`, as the computations need it."""

    person_id: int
    full_name: str
    gender: str
    birth_date: date
    birth_precision: str
    category: str | None
    unit_id: int | None
    unit_name: str = ""
    staff_code: str | None = None
    salary: SalaryFacts | None = None
    disciplines: tuple[DisciplineFacts, ...] = ()
    kht_years: tuple[int, ...] = ()
    leaves: tuple[tuple[str, date, date], ...] = ()  # (kind, first day, last day)
    posts: tuple[PostFacts, ...] = ()
    probation: ProbationFacts | None = None
    retirement_exception: RetirementException | None = None  # the newest decision to retire earlier or later

    @property
    def birth(self) -> BirthDate:
        return BirthDate(self.birth_date, self.birth_precision or "day")  # type: ignore[arg-type]  # a stored precision (day/month/year)

    @property
    def unpaid_leaves(self) -> list[tuple[date, date]]:
        return [(a, b) for kind, a, b in self.leaves if kind == UNPAID_LEAVE]


# ============================================================================================== results





@lru_cache(maxsize=4096)
def scale_decimal(value: Decimal | str | int) -> Decimal:
    """A stored coefficient as the scale writes it: Numeric(6, 3) gives 3.000, the scale says 3.00."""
    d = Decimal(str(value))
    two = d.quantize(Decimal("0.01"))
    return two if two == d else d.normalize()


_WHOLE_TABLE_FROM = 2000


def chunks(ids: list[int], size: int = 900) -> Iterable[list[int]]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def load_facts(session: Session, as_of: date, person_ids: Iterable[int] | None = None, *,
               salaries: dict[int, SalaryFacts] | None = None,
               staff: dict[int, StaffRow] | None = None) -> dict[int, PersonFacts]:
    """The facts of everyone on staff on `as_of` (or of `person_ids`), in a handful of bulk queries.

    "On staff" is an employment period covering the day, so a past day is seen as it was: people retired
    since then count, and salary rows, disciplines and posts decided later are left out. `salaries` are the
    salary rows in force the caller has already read (`current_salary_id`), keyed by person; `staff` the
    employments in force with the person columns (`staff_columns`, `latest_in_force`) of people it has already
    found on staff; the other people's are read here.
    """
    wanted = None if person_ids is None else sorted(set(person_ids))
    # Core rows on the session's connection: the ORM's row processing would double the time for 100,000 people.
    conn = reader(session)
    employment: dict[int, StaffRow] = {}
    if staff and wanted is not None:
        employment = {pid: staff[pid] for pid in wanted if pid in staff}
        wanted = [pid for pid in wanted if pid not in staff]
    emp = select(*staff_columns(Employment, Person)).join(Person, Person.id == Employment.person_id) \
        .where(in_force(Employment, as_of))

    def by_ids(q, col):
        return [q.where(col.in_(chunk)) for chunk in chunks(wanted)] if wanted is not None else [q]

    def few_by_ids(q, col):
        # Tables with a few rows per hundred people: read whole rather than in thousands of ids for many
        # people (rows of people not wanted are never looked up).
        return [q] if wanted is not None and len(wanted) > _WHOLE_TABLE_FROM else by_ids(q, col)

    if wanted is None or wanted:
        for q in by_ids(emp, Employment.person_id):
            for row in conn.execute(q):
                held = employment.get(row[0])
                if held is None or (row[4], row[1]) > (held[4], held[1]):
                    employment[row[0]] = StaffRow(*row)
    ids = sorted(employment)
    if wanted is not None:
        wanted = ids  # the salary rows and the small tables below are read for the people on staff only
    if not ids:
        return {}
    units = dict(conn.execute(select(OrgUnit.id, OrgUnit.name)).all())
    required = dict(conn.execute(select(Rank.code, Rank.required_education)).all())
    if salaries is None:
        salary = _latest_salary(conn, as_of, wanted)
    else:
        unread = [pid for pid in ids if pid not in salaries]
        salary = {**salaries, **(_latest_salary(conn, as_of, unread) if unread else {})}
    disciplines: dict[int, list[DisciplineFacts]] = defaultdict(list)
    for q in few_by_ids(select(Discipline.person_id, Discipline.form, Discipline.effect_from, Discipline.effect_to,
                           Discipline.decision_date).where(Discipline.decision_date <= as_of),
                    Discipline.person_id):
        for pid, form, start, end, decided in conn.execute(q):
            disciplines[pid].append(DisciplineFacts(form, start or decided, end, decided))
    kht: dict[int, list[int]] = defaultdict(list)
    for q in few_by_ids(select(Evaluation.person_id, Evaluation.year)
                    .where(Evaluation.rating == "kht", Evaluation.year <= as_of.year), Evaluation.person_id):
        for pid, year in conn.execute(q):
            kht[pid].append(year)
    leaves: dict[int, list[tuple[str, date, date]]] = defaultdict(list)
    for q in few_by_ids(select(LeavePeriod.person_id, LeavePeriod.kind, LeavePeriod.start_date, LeavePeriod.end_date)
                    .where(LeavePeriod.start_date <= as_of), LeavePeriod.person_id):
        for pid, kind, start, end in conn.execute(q):
            leaves[pid].append((kind, start, end))
    posts: dict[int, list[PostFacts]] = defaultdict(list)
    for q in few_by_ids(select(PostHeld.person_id, PostHeld.id, PostHeld.post_code, PostHeld.post_title, PostHeld.unit_id,
                           PostHeld.kind, PostHeld.start_date, PostHeld.term_end, PostHeld.is_concurrent)
                    .where(PostHeld.start_date <= as_of, or_(PostHeld.end_date.is_(None), PostHeld.end_date >= as_of)),
                    PostHeld.person_id):
        for pid, post_id, code, title, unit_id, kind, start, term_end, concurrent in conn.execute(q):
            posts[pid].append(PostFacts(post_id, code, title, unit_id, kind, start, term_end, bool(concurrent)))
    adjusted = retirement_exceptions(conn, as_of, None if wanted is None or len(wanted) > _WHOLE_TABLE_FROM
                                     else wanted)
    out: dict[int, PersonFacts] = {}
    for pid in ids:
        e = employment[pid]
        sal = salary.get(pid)
        rank = sal.rank_code if sal else e.cur_rank_code
        prob = None
        if e.probation_start is not None:
            prob = ProbationFacts(e.employment_id, e.category, e.probation_start, e.probation_end, required.get(rank) if rank is not None else None)
        out[pid] = PersonFacts(
            person_id=pid, full_name=e.full_name, gender=e.gender, birth_date=e.birth_date,
            birth_precision=e.birth_precision or "day", category=e.category, unit_id=e.unit_id,
            unit_name=units.get(e.unit_id, "") if e.unit_id is not None else "", staff_code=e.staff_code, salary=sal,
            disciplines=tuple(disciplines.get(pid, ())), kht_years=tuple(kht.get(pid, ())),
            leaves=tuple(leaves.get(pid, ())), posts=tuple(posts.get(pid, ())), probation=prob,
            retirement_exception=adjusted.get(pid),
        )
    return out



def _latest_salary(conn: Connection | Session, as_of: date, wanted: list[int] | None) -> dict[int, SalaryFacts]:
    """The salary row in force on `as_of` per person: the newest row already effective, or one decided by then
    (a step approved in advance counts, so it is not reported as due again).

    One index search per person (the newest known row by effective date and id) rather than numbering all rows
    of all people: the salary history is ten times longer than the staff list."""
    driver = select(Person.id).where(Person.id.in_(bindparam("ids", expanding=True))) if wanted is not None \
        else select(Person.id)
    people = driver.subquery("people")
    current = current_salary_id(people.c.id, as_of)
    q = select(SalaryStep.person_id, *salary_columns(SalaryStep)).select_from(people).join(
        SalaryStep, SalaryStep.id == current)
    batches = [{}] if wanted is None else [{"ids": c} for c in chunks(wanted)]
    out: dict[int, SalaryFacts] = {}
    for params in batches:
        for r in conn.execute(q, params):
            out[r[0]] = salary_facts(r[1:])
    return out


def salary_columns(sal: Any) -> tuple[Any, ...]:
    """The columns of the salary table (or an alias of it) that `salary_facts` reads, in its order."""
    return (sal.id, sal.rank_code, sal.salary_class, sal.step, sal.coefficient, sal.percent, sal.effective_date,
            sal.step_since, sal.pctnvk_percent, sal.pctnvk_since, sal.reason, sal.decision_id)


def salary_facts(values: Sequence[Any]) -> SalaryFacts:
    """The salary facts of a row's `salary_columns` values."""
    row_id, rank_code, salary_class, step, coefficient, *rest = values
    return SalaryFacts(row_id, rank_code, salary_class, step, scale_decimal(coefficient), *rest)


def current_salary_id(person_id: Any, as_of: date) -> Any:
    """The id of the salary row in force on `as_of` for the person column `person_id`, as a correlated scalar
    subquery: the newest row (by effective date, then id) that took effect by then or whose decision was signed
    by then."""
    s = aliased(SalaryStep)
    d = aliased(Decision)
    return (
        select(s.id).outerjoin(d, d.id == s.decision_id)
        .where(s.person_id == person_id, or_(s.effective_date <= as_of, d.sign_date <= as_of))
        .order_by(s.effective_date.desc(), s.id.desc()).limit(1)
        .scalar_subquery()
    )


