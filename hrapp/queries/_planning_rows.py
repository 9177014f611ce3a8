"""The session-level reads of succession planning, for the public queries (hrapp.queries.planning) and for the
services that read inside their own unit of work: periods, posts with their holders, entries, and the facts about
the planned people that the checks (hrapp.domain.planning) and the printed lists need, in a few bulk queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from hrapp import catalogs
from hrapp.db.models import (
    Decision,
    Discipline,
    Employment,
    Evaluation,
    OrgUnit,
    Person,
    PlanningEntry,
    PlanningPeriod,
    PlanningPost,
    PlanningReview,
    PostHeld,
    Qualification,
    Rank,
)
from hrapp.domain import planning as pl
from hrapp.domain import training as tr
from hrapp.domain.retirement import BirthDate, Precision, Sex
from hrapp.errors import NotFoundError
from hrapp.queries._retirement import retirement_exceptions
from hrapp.queries._training_rows import chunks, obtained_by

QUALIFICATION_KINDS = ("chuyen_mon", "llct", "qlnn", "ngoai_ngu", "tin_hoc")


_PRECISIONS: dict[str, Precision] = {"day": "day", "month": "month", "year": "year"}
_SEXES: dict[str, Sex] = {"M": "M", "F": "F"}


def sex_of(gender: str) -> Sex:
    """A stored gender ('M' or 'F') as the retirement rule takes it."""
    return _SEXES[gender]


def birth_of(value: date, precision: str | None) -> BirthDate:
    """A stored date of birth with how much of it is known (the column holds 'day', 'month' or 'year')."""
    return BirthDate(value, _PRECISIONS.get(precision or "day", "day"))


def _dmy(day: date | None) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}" if day else ""


# ============================================================================================== periods


@dataclass(frozen=True)
class PeriodRow:
    id: int
    code: str
    name: str
    start_year: int
    end_year: int
    rule_version: str
    note: str | None
    posts: int = 0
    active_entries: int = 0

    @property
    def label(self) -> str:
        return f"{self.start_year}–{self.end_year}"

    @property
    def first_day(self) -> date:
        return date(self.start_year, 1, 1)

    @property
    def last_day(self) -> date:
        return date(self.end_year, 12, 31)


def _period_row(s: Session, p: PlanningPeriod) -> PeriodRow:
    posts = s.scalars(select(PlanningPost.id).where(PlanningPost.period_id == p.id)).all()
    active = s.scalars(select(PlanningEntry.id).where(PlanningEntry.period_id == p.id,
                                                      PlanningEntry.status == "active")).all()
    return PeriodRow(p.id, p.code, p.name, p.start_year, p.end_year, p.rule_version, p.note, len(posts), len(active))


def list_periods(s: Session) -> list[PeriodRow]:
    periods = s.scalars(select(PlanningPeriod).order_by(PlanningPeriod.start_year.desc())).all()
    return [_period_row(s, p) for p in periods]


def get_period(s: Session, period: int | str) -> PeriodRow:
    """A period by id or by its code ('2026-2031')."""
    if isinstance(period, int) and not isinstance(period, bool):
        row = s.get(PlanningPeriod, period)
    else:
        row = s.scalar(select(PlanningPeriod).where(PlanningPeriod.code == pl.normalize_period_code(str(period))))
    if row is None:
        raise NotFoundError("period_not_found", f"Không có giai đoạn quy hoạch '{period}'.", field="period")
    return _period_row(s, row)


# ============================================================================================== posts


@dataclass(frozen=True)
class HolderRow:
    """Who holds the post on the day, and when the term ends."""

    person_id: int
    full_name: str
    start_date: date
    term_end: date | None
    kind: str


@dataclass(frozen=True)
class PostRow:
    id: int
    period_id: int
    unit_id: int
    unit_code: str
    unit_name: str
    unit_kind: str
    post_code: str
    title: str
    level: str
    rank: int
    max_people: int | None
    sort_order: int
    note: str | None
    holders: tuple[HolderRow, ...] = ()


def _post_order(row: PostRow) -> tuple:
    # Department posts first, then by unit and the post's rank (head before deputy).
    level_order = {"so": 0, "phong": 1, "duoi_phong": 2}.get(row.level, 3)
    return (row.sort_order, level_order, row.unit_code if level_order else "", -row.rank, row.unit_code, row.id)


def list_posts(s: Session, period_id: int, on: date) -> list[PostRow]:
    """The posts of a period with the people holding them on `on` (their term end), in print order."""
    rows = s.execute(
        select(PlanningPost, OrgUnit).join(OrgUnit, OrgUnit.id == PlanningPost.unit_id)
        .where(PlanningPost.period_id == period_id)
    ).all()
    holders = held_posts(s, {(p.unit_id, p.post_code) for p, _ in rows}, on)
    out = [
        PostRow(p.id, p.period_id, p.unit_id, u.code, u.name, u.kind, p.post_code, pl.post_title(p.post_code, u.name, u.kind),
                pl.post_level(p.post_code), pl.post_rank(p.post_code), p.max_people, p.sort_order, p.note,
                tuple(holders.get((p.unit_id, p.post_code), ())))
        for p, u in rows
    ]
    return sorted(out, key=_post_order)


def get_post(s: Session, post_id: int, on: date) -> PostRow:
    p = s.get(PlanningPost, post_id)
    if p is None:
        raise NotFoundError("planning_post_not_found", "Không tìm thấy chức danh quy hoạch này.", field="post_id")
    return next(r for r in list_posts(s, p.period_id, on) if r.id == post_id)


def held_posts(s: Session, keys: Iterable[tuple[int, str]], on: date) -> dict[tuple[int, str], list[HolderRow]]:
    """{(unit id, post code): holders on `on`} for the given posts (concurrent holders included)."""
    keys = set(keys)
    if not keys:
        return {}
    units = sorted({u for u, _ in keys})
    out: dict[tuple[int, str], list[HolderRow]] = defaultdict(list)
    for chunk in chunks(units):
        q = (select(PostHeld, Person.full_name).join(Person, Person.id == PostHeld.person_id)
             .where(PostHeld.unit_id.in_(chunk), PostHeld.start_date <= on,
                    or_(PostHeld.end_date.is_(None), PostHeld.end_date >= on))
             .order_by(PostHeld.start_date))
        for ph, name in s.execute(q):
            if (ph.unit_id, ph.post_code) in keys:
                out[(ph.unit_id, ph.post_code)].append(HolderRow(ph.person_id, name, ph.start_date, ph.term_end,
                                                                 ph.kind))
    return out


# ============================================================================================== entries


@dataclass(frozen=True)
class EntryRow:
    id: int
    period_id: int
    post_id: int
    post_code: str
    post_title: str
    post_level: str
    unit_id: int
    unit_code: str
    person_id: int
    full_name: str
    gender: str
    birth_date: date
    birth_precision: str
    sort_key: str
    kind: str
    decision_id: int
    decision_label: str
    approved_on: date
    status: str
    status_date: date | None
    removal_code: str | None
    removal_reason: str | None
    removal_decision_label: str | None
    review_id: int | None
    removal_review_id: int | None
    appointed_post_id: int | None
    note: str | None
    snapshot: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def birth(self) -> BirthDate:
        return birth_of(self.birth_date, self.birth_precision)

    @property
    def status_label(self) -> str:
        return pl.STATUS_LABELS.get(self.status, self.status)

    @property
    def kind_label(self) -> str:
        return pl.KIND_LABELS.get(self.kind, self.kind)


def _decision_label(number: str | None, sign_date: date | None) -> str | None:
    if number is None:
        return None
    return f"{number} ngày {_dmy(sign_date)}" if sign_date else number


def list_entries(s: Session, period_id: int, statuses: Iterable[str] | None = ("active",), *,
                 review_id: int | None = None, person_id: int | None = None) -> list[EntryRow]:
    """Entries of a period (by default the active ones), ordered by post then given name.

    `review_id` keeps the entries a review added or removed."""
    removal = aliased(Decision)
    q = (select(PlanningEntry, Person, PlanningPost, OrgUnit, Decision, removal)
         .join(Person, Person.id == PlanningEntry.person_id)
         .join(PlanningPost, PlanningPost.id == PlanningEntry.post_id)
         .join(OrgUnit, OrgUnit.id == PlanningPost.unit_id)
         .join(Decision, Decision.id == PlanningEntry.decision_id)
         .outerjoin(removal, removal.id == PlanningEntry.removal_decision_id)
         .where(PlanningEntry.period_id == period_id))
    if statuses is not None:
        q = q.where(PlanningEntry.status.in_(tuple(statuses)))
    if review_id is not None:
        q = q.where(or_(PlanningEntry.review_id == review_id, PlanningEntry.removal_review_id == review_id))
    if person_id is not None:
        q = q.where(PlanningEntry.person_id == person_id)
    out = []
    for e, p, post, unit, dec, rem in s.execute(q):
        out.append(EntryRow(
            id=e.id, period_id=e.period_id, post_id=post.id, post_code=post.post_code,
            post_title=pl.post_title(post.post_code, unit.name, unit.kind), post_level=pl.post_level(post.post_code),
            unit_id=unit.id, unit_code=unit.code, person_id=p.id, full_name=p.full_name, gender=p.gender,
            birth_date=p.birth_date, birth_precision=p.birth_precision or "day", sort_key=p.sort_key or "",
            kind=e.kind, decision_id=dec.id, decision_label=_decision_label(dec.number, dec.sign_date) or "",
            approved_on=e.approved_on, status=e.status, status_date=e.status_date, removal_code=e.removal_code,
            removal_reason=e.removal_reason,
            removal_decision_label=_decision_label(rem.number, rem.sign_date) if rem is not None else None,
            review_id=e.review_id, removal_review_id=e.removal_review_id, appointed_post_id=e.appointed_post_id,
            note=e.note, snapshot=dict(e.snapshot or {}),
        ))
    return out


# ============================================================================================== reviews


@dataclass(frozen=True)
class ReviewRow:
    id: int
    period_id: int
    year: int
    review_date: date
    decision_id: int
    decision_label: str
    decision_date: date
    summary: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    note: str | None = None


def list_reviews(s: Session, period_id: int) -> list[ReviewRow]:
    q = (select(PlanningReview, Decision).join(Decision, Decision.id == PlanningReview.decision_id)
         .where(PlanningReview.period_id == period_id).order_by(PlanningReview.review_date, PlanningReview.id))
    return [ReviewRow(r.id, r.period_id, r.year, r.review_date, d.id, _decision_label(d.number, d.sign_date) or "",
                      d.sign_date, dict(r.summary or {}), r.note) for r, d in s.execute(q)]


def get_review(s: Session, review_id: int) -> ReviewRow:
    row = s.get(PlanningReview, review_id)
    if row is None:
        raise NotFoundError("review_not_found", "Không tìm thấy đợt rà soát quy hoạch này.", field="review_id")
    return next(r for r in list_reviews(s, row.period_id) if r.id == review_id)


# ============================================================================================== facts


def cadre_facts(s: Session, person_ids: Iterable[int], on: date) -> dict[int, pl.CadreFacts]:
    """What the planning checks need about each person on `on`, as the records stood that day: on staff
    (an employment covering the day), qualifications obtained by then, ratings, disciplines, posts held."""
    ids = sorted(set(person_ids))
    working: set[int] = set()
    levels: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    ratings: dict[int, dict[int, str]] = defaultdict(dict)
    disciplines: dict[int, list[pl.DisciplineFact]] = defaultdict(list)
    posts: dict[int, list[pl.HeldPost]] = defaultdict(list)
    people: dict[int, Any] = {}
    for chunk in chunks(ids):
        for row in s.execute(select(Person.id, Person.full_name, Person.gender, Person.birth_date,
                                    Person.birth_precision, Person.status).where(Person.id.in_(chunk))):
            people[row.id] = row
        working.update(s.scalars(select(Employment.person_id).where(
            Employment.person_id.in_(chunk), Employment.start_date <= on,
            or_(Employment.end_date.is_(None), Employment.end_date >= on))))
        for q in s.scalars(select(Qualification).where(Qualification.person_id.in_(chunk),
                                                       Qualification.in_progress.is_(False))):
            if obtained_by(q, on):
                levels[q.person_id][q.kind].append(q.level_code)
        for pid, year, rating in s.execute(select(Evaluation.person_id, Evaluation.year, Evaluation.rating)
                                           .where(Evaluation.person_id.in_(chunk))):
            ratings[pid][year] = rating
        for d in s.scalars(select(Discipline).where(Discipline.person_id.in_(chunk), Discipline.decision_date <= on)):
            disciplines[d.person_id].append(pl.DisciplineFact(d.form, d.decision_date, d.effect_from or d.decision_date,
                                                              d.effect_to))
        for ph in s.scalars(select(PostHeld).where(PostHeld.person_id.in_(chunk), PostHeld.start_date <= on,
                                                   or_(PostHeld.end_date.is_(None), PostHeld.end_date >= on))):
            posts[ph.person_id].append(pl.HeldPost(ph.post_code, ph.unit_id, ph.start_date))
    statuses = catalogs.labels("employment_status")
    adjusted = retirement_exceptions(s, on, ids)
    out = {}
    for pid, row in people.items():
        on_staff = pid in working and row.status in ("working", "seconded", "leave")
        out[pid] = pl.CadreFacts(
            person_id=pid, full_name=row.full_name, gender=row.gender,
            birth=birth_of(row.birth_date, row.birth_precision), working=on_staff,
            status_label=statuses.get(row.status, row.status).lower() if not on_staff else "",
            levels={k: tuple(v) for k, v in levels[pid].items()}, ratings=dict(ratings[pid]),
            disciplines=tuple(disciplines[pid]), posts=tuple(posts[pid]),
            retirement_exception=adjusted.get(pid),
        )
    return out


@dataclass(frozen=True)
class ProfileFacts:
    """The columns of the printed planning list about one person (Vietnamese text, ready to print)."""

    person_id: int
    ethnicity: str
    current_post: str
    unit_name: str
    chuyen_mon: str
    llct: str
    qlnn: str
    ngoai_ngu: str
    tin_hoc: str
    ratings: dict[int, str] = field(default_factory=dict, hash=False, compare=False)


def profile_facts(s: Session, person_ids: Iterable[int], on: date) -> dict[int, ProfileFacts]:
    """Post or rank with the unit on `on`, the highest qualification of each kind, and the ratings."""
    ids = sorted(set(person_ids))
    units = {u.id: u for u in s.scalars(select(OrgUnit))}
    ranks = dict(s.execute(select(Rank.code, Rank.name)).all())
    out: dict[int, ProfileFacts] = {}
    for chunk in chunks(ids):
        people = {p.id: p for p in s.scalars(select(Person).where(Person.id.in_(chunk)))}
        unit_of: dict[int, int] = {}
        for e in s.scalars(select(Employment).where(Employment.person_id.in_(chunk), Employment.start_date <= on)
                           .order_by(Employment.start_date, Employment.id)):
            if e.end_date is None or e.end_date >= on or e.person_id not in unit_of:
                unit_of[e.person_id] = e.unit_id
        main_post: dict[int, PostHeld] = {}
        for ph in s.scalars(select(PostHeld).where(PostHeld.person_id.in_(chunk), PostHeld.start_date <= on,
                                                   or_(PostHeld.end_date.is_(None), PostHeld.end_date >= on))):
            best = main_post.get(ph.person_id)
            if best is None or (not ph.is_concurrent, pl.post_rank(ph.post_code)) > \
                    (not best.is_concurrent, pl.post_rank(best.post_code)):
                main_post[ph.person_id] = ph
        quals: dict[int, dict[str, list[Qualification]]] = defaultdict(lambda: defaultdict(list))
        for q in s.scalars(select(Qualification).where(Qualification.person_id.in_(chunk),
                                                       Qualification.in_progress.is_(False))):
            if obtained_by(q, on):
                quals[q.person_id][q.kind].append(q)
        ratings: dict[int, dict[int, str]] = defaultdict(dict)
        for pid, year, rating in s.execute(select(Evaluation.person_id, Evaluation.year, Evaluation.rating)
                                           .where(Evaluation.person_id.in_(chunk))):
            ratings[pid][year] = rating
        for pid, p in people.items():
            held = main_post.get(pid)
            unit = units.get(held.unit_id if held else unit_of.get(pid, p.cur_unit_id or -1))
            unit_name = unit.name if unit else ""
            if held is not None:
                current = pl.post_title(held.post_code, unit_name, unit.kind if unit else None)
            else:
                rank = ranks.get(p.cur_rank_code or "", "")
                current = ", ".join(x for x in (rank, unit_name) if x)
            out[pid] = ProfileFacts(
                person_id=pid, ethnicity=catalogs.label("ethnicity", p.ethnicity), current_post=current, unit_name=unit_name,
                chuyen_mon=_highest_text("chuyen_mon", quals[pid]["chuyen_mon"], with_major=True),
                llct=_highest_text("llct", quals[pid]["llct"]), qlnn=_highest_text("qlnn", quals[pid]["qlnn"]),
                ngoai_ngu=_highest_text("ngoai_ngu", quals[pid]["ngoai_ngu"], with_language=True),
                tin_hoc=_highest_text("tin_hoc", quals[pid]["tin_hoc"]), ratings=dict(ratings[pid]),
            )
    return out


# How levels are written in the narrow columns of printed lists.
_SHORT_LEVELS = {"cu_nhan": "Cử nhân", "CVCC": "CVCC", "CVC": "CVC", "CV": "CV", "tin_hoc_co_ban": "Cơ bản",
                 "tin_hoc_nang_cao": "Nâng cao", "tin_hoc_dh": "Đại học"}


def _highest_text(kind: str, rows: list[Qualification], *, with_major: bool = False,
                  with_language: bool = False) -> str:
    if not rows:
        return ""
    best = max(rows, key=lambda q: (tr.level_rank(kind, q.level_code) or 0, q.year or 0))
    text = _SHORT_LEVELS.get(best.level_code) or catalogs.label("qualification_level", best.level_code)
    if with_major and best.major:
        text = f"{text} {best.major}"
    if with_language and best.language:
        text = f"{best.language} {best.level_code}"
    return text


@dataclass(frozen=True)
class CandidateRow:
    """A person to pick for a planned post: who, how old, and their post or rank with the unit."""

    person_id: int
    full_name: str
    birth_date: date
    gender: str
    age: int
    current_post: str
