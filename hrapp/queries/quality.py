"""Number and quality of staff on a date (BM01/BNV style), per reporting unit and in total, computed from the
dated history: who worked where that day, what they had completed by then, their rank and age that day."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp import catalogs
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Employment,
    HeadcountQuota,
    Person,
    Qualification,
    Rank,
    RankAssignment,
    SalaryStep,
)
from hrapp.domain.retirement import BirthDate, RetirementException, Sex, retirement
from hrapp.domain.rules import RuleBook
from hrapp.domain.validation import age_on, catalog_code
from hrapp.errors import DomainError
from hrapp.queries._retirement import retirement_exceptions
from hrapp.queries.org_history import _units_at
from hrapp.security import READ, require, units_in_scope
from hrapp.text import fold

EDUCATION = ("TS", "ThS", "DH", "CD", "TC", "SC")
POLITICAL = ("cu_nhan", "cao_cap", "trung_cap", "so_cap")
STATE_MANAGEMENT = ("CVCC", "CVC", "CV")
RANKS = ("CVCC", "CVC", "CV", "CS", "NV")
AGE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("<=30", 0, 30), ("31-40", 31, 40), ("41-50", 41, 50), ("51-60", 51, 60), (">60", 61, None))
COLLEGE_OR_HIGHER = ("TS", "ThS", "DH", "CD")
_CHUNK = 900

_LEVEL_RANK = {it["code"]: int((it.get("extra") or {}).get("rank", 0)) for it in catalogs.items("qualification_level")}
_IT_MAJORS = ("cong nghe thong tin", "tin hoc", "khoa hoc may tinh", "ky thuat phan mem", "he thong thong tin")
_ENGLISH = ("tieng anh", "anh van", "anh ngu", "english", "ngon ngu anh")
_LANGUAGE_MAJORS = ("ngon ngu", "tieng ", "su pham tieng", "ngu van anh")


@dataclass(frozen=True)
class QualityCounts:
    """The counts of one row of the report (a unit, or the total). Each person counts once per group, at the
    highest level completed by the day."""

    headcount: int = 0
    women: int = 0
    party_members: int = 0
    ethnic_minority: int = 0
    religious: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    by_education: dict[str, int] = field(default_factory=dict)
    doctoral_candidates: int = 0
    by_political_theory: dict[str, int] = field(default_factory=dict)
    by_state_management: dict[str, int] = field(default_factory=dict)
    by_rank: dict[str, int] = field(default_factory=dict)
    by_it: dict[str, int] = field(default_factory=dict)
    by_language: dict[str, int] = field(default_factory=dict)
    age_bands: dict[str, int] = field(default_factory=dict)
    women_51_55: int = 0
    men_56_60: int = 0
    over_retirement_age: int = 0

    @property
    def college_or_higher(self) -> int:
        return sum(self.by_education.get(k, 0) for k in COLLEGE_OR_HIGHER)

    def to_json(self) -> dict[str, Any]:
        return {
            "headcount": self.headcount, "women": self.women, "party_members": self.party_members,
            "ethnic_minority": self.ethnic_minority, "religious": self.religious,
            "by_category": dict(self.by_category), "by_education": dict(self.by_education),
            "college_or_higher": self.college_or_higher, "doctoral_candidates": self.doctoral_candidates,
            "by_political_theory": dict(self.by_political_theory),
            "by_state_management": dict(self.by_state_management), "by_rank": dict(self.by_rank),
            "by_it": dict(self.by_it), "by_language": dict(self.by_language), "age_bands": dict(self.age_bands),
            "women_51_55": self.women_51_55, "men_56_60": self.men_56_60,
            "over_retirement_age": self.over_retirement_age,
        }


@dataclass(frozen=True)
class UnitQuality:
    unit_id: int
    code: str
    name: str  # as it was named on the day
    quota: int | None  # headcount assigned for the year (the unit and its sub-units), None when none recorded
    counts: QualityCounts


@dataclass(frozen=True)
class QualityStats:
    as_of: date
    categories: tuple[str, ...] | None  # None: every category
    units: tuple[UnitQuality, ...]
    total: QualityCounts
    quota_total: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "categories": list(self.categories) if self.categories else None,
            "units": [{"code": u.code, "name": u.name, "quota": u.quota, **u.counts.to_json()} for u in self.units],
            "total": {"quota": self.quota_total, **self.total.to_json()},
        }


@dataclass
class _Someone:
    """What the counts need of one person on the day."""

    unit_id: int
    category: str
    gender: str
    birth: date
    precision: str
    ethnicity: str | None
    religion: str | None
    party_member: bool
    education: str | None = None
    doctoral_candidate: bool = False
    political: str | None = None
    state_management: str | None = None
    rank: str | None = None
    it: str | None = None
    english: str | None = None
    other_language: str | None = None
    retirement_exception: RetirementException | None = None  # a decision to retire earlier or later
    ethnic_language: bool = False


def _completed_by(q: Any, day: date) -> bool:
    """A degree counts from its certificate (or the end of study, or the year it was obtained)."""
    if q.in_progress:
        return False
    done = q.certificate_date or q.end_date or (date(q.year, 1, 1) if q.year else None)
    return done is None or done <= day


def _higher(current: str | None, level: str) -> str:
    return level if current is None or _LEVEL_RANK.get(level, 0) > _LEVEL_RANK.get(current, 0) else current


def _has(text: str, needles: Sequence[str]) -> bool:
    return any(n in text for n in needles)


def _ethnic_languages() -> tuple[str, ...]:
    return tuple(fold(it["name"]) for it in catalogs.items("ethnicity") if (it.get("extra") or {}).get("minority"))


def _apply_qualification(p: _Someone, q: Any, day: date, ethnic: tuple[str, ...]) -> None:
    kind, level = q.kind, q.level_code
    if kind == "chuyen_mon" and level == "TS" and (q.start_date is None or q.start_date <= day) \
            and not _completed_by(q, day):
        p.doctoral_candidate = True
        return
    if not _completed_by(q, day):
        return
    major = fold(q.major or "")
    language = fold(q.language or "")
    if kind == "chuyen_mon":
        p.education = _higher(p.education, level)
        if level in ("TS", "ThS", "DH", "CD", "TC") and _has(major, _IT_MAJORS):
            p.it = "trung_cap_tro_len"
        if level in ("TS", "ThS", "DH") and (language or _has(major, _LANGUAGE_MAJORS)):
            if _has(language or major, _ENGLISH):
                p.english = "degree"
            else:
                p.other_language = "degree"
    elif kind == "llct":
        p.political = _higher(p.political, level)
    elif kind == "qlnn":
        p.state_management = _higher(p.state_management, level)
    elif kind == "tin_hoc":
        if level == "tin_hoc_dh":
            p.it = "trung_cap_tro_len"
        elif p.it is None:
            p.it = "chung_chi"
    elif kind == "ngoai_ngu":
        if language.startswith("tieng ") and language[6:] in ethnic:
            p.ethnic_language = True
        elif _has(language, _ENGLISH):
            p.english = p.english or "certificate"
        elif language:
            p.other_language = p.other_language or "certificate"


def _load(session: Session, day: date, categories: Sequence[str] | None) -> dict[int, _Someone]:
    q = select(Employment.person_id, Employment.unit_id, Employment.category, Employment.start_date).where(
        Employment.start_date <= day, (Employment.end_date.is_(None)) | (Employment.end_date >= day))
    if categories:
        q = q.where(Employment.category.in_(list(categories)))
    where: dict[int, tuple[int, str, date]] = {}
    for pid, unit_id, category, start in session.execute(q):
        if pid not in where or start > where[pid][2]:
            where[pid] = (unit_id, category, start)
    people: dict[int, _Someone] = {}
    ids = list(where)
    minority = {it["code"] for it in catalogs.items("ethnicity") if (it.get("extra") or {}).get("minority")}
    codes: dict[tuple[str, str | None], str | None] = {}

    def code(kind: str, value: str | None) -> str | None:  # records keep codes or names
        if (kind, value) not in codes:
            codes[(kind, value)] = catalog_code(kind, value)
        return codes[(kind, value)]

    ethnic = _ethnic_languages()
    shorts = dict(session.execute(select(Rank.code, Rank.short)).all())
    for first in range(0, len(ids), _CHUNK):
        chunk = ids[first:first + _CHUNK]
        for r in session.execute(select(Person.id, Person.gender, Person.birth_date, Person.birth_precision,
                                        Person.ethnicity, Person.religion, Person.party_join_date)
                                 .where(Person.id.in_(chunk))):
            unit_id, category, _ = where[r.id]
            people[r.id] = _Someone(
                unit_id=unit_id, category=category, gender=r.gender, birth=r.birth_date,
                precision=r.birth_precision or "day",
                ethnicity=r.ethnicity if code("ethnicity", r.ethnicity) in minority else None,
                religion=r.religion if r.religion and code("religion", r.religion) != "khong" else None,
                party_member=r.party_join_date is not None and r.party_join_date <= day)
        for pid, exception in retirement_exceptions(session, day, chunk).items():
            people[pid].retirement_exception = exception
        for qrow in session.execute(select(Qualification).where(Qualification.person_id.in_(chunk))).scalars():
            _apply_qualification(people[qrow.person_id], qrow, day, ethnic)
        held: dict[int, tuple[date, str]] = {}
        for pid, rank, eff, end in session.execute(
                select(RankAssignment.person_id, RankAssignment.rank_code, RankAssignment.effective_date,
                       RankAssignment.end_date).where(RankAssignment.person_id.in_(chunk),
                                                      RankAssignment.effective_date <= day)):
            if (end is None or end >= day) and (pid not in held or eff > held[pid][0]):
                held[pid] = (eff, rank)
        paid: dict[int, tuple[date, str]] = {}  # without a rank decision: the rank of the salary row in force
        for pid, rank, eff in session.execute(
                select(SalaryStep.person_id, SalaryStep.rank_code, SalaryStep.effective_date)
                .where(SalaryStep.person_id.in_(chunk), SalaryStep.effective_date <= day)):
            if pid not in paid or eff > paid[pid][0]:
                paid[pid] = (eff, rank)
        for pid in chunk:
            found = held.get(pid) or paid.get(pid)
            if found is not None:
                people[pid].rank = shorts.get(found[1])
    return people


def _count(people: Sequence[_Someone], day: date, rulebook: RuleBook | None) -> QualityCounts:
    cat = Counter(p.category for p in people)
    edu = Counter(p.education or "none" for p in people)
    pol = Counter(p.political for p in people if p.political)
    qlnn = Counter(p.state_management for p in people if p.state_management)
    rank = Counter(p.rank for p in people if p.rank)
    it = Counter(p.it for p in people if p.it)
    bands: Counter[str] = Counter()
    women_51_55 = men_56_60 = over = 0
    for p in people:
        age = age_on(p.birth, day)
        for label, low, high in AGE_BANDS:
            if age >= low and (high is None or age <= high):
                bands[label] += 1
                break
        if p.gender == "F" and 51 <= age <= 55:
            women_51_55 += 1
        if p.gender == "M" and 56 <= age <= 60:
            men_56_60 += 1
        if rulebook is not None and p.gender in ("M", "F"):
            sex: Sex = "M" if p.gender == "M" else "F"
            try:
                born = BirthDate(p.birth, p.precision)  # type: ignore[arg-type]  # the column holds day, month or year; BirthDate checks it
                reached = retirement(sex, born, rulebook, p.retirement_exception).reached_on
            except DomainError:
                reached = None
            if reached is not None and reached <= day:
                over += 1
    languages = {
        "english_degree": sum(1 for p in people if p.english == "degree"),
        "english_certificate": sum(1 for p in people if p.english == "certificate"),
        "other_degree": sum(1 for p in people if p.other_language == "degree"),
        "other_certificate": sum(1 for p in people if p.other_language == "certificate"),
        "ethnic_language": sum(1 for p in people if p.ethnic_language),
    }
    return QualityCounts(
        headcount=len(people), women=sum(1 for p in people if p.gender == "F"),
        party_members=sum(1 for p in people if p.party_member),
        ethnic_minority=sum(1 for p in people if p.ethnicity), religious=sum(1 for p in people if p.religion),
        by_category={c: cat.get(c, 0) for c in catalogs.CATEGORIES},
        by_education={k: edu.get(k, 0) for k in (*EDUCATION, "none")},
        doctoral_candidates=sum(1 for p in people if p.doctoral_candidate),
        by_political_theory={k: pol.get(k, 0) for k in POLITICAL},
        by_state_management={k: qlnn.get(k, 0) for k in STATE_MANAGEMENT},
        by_rank={k: rank.get(k, 0) for k in RANKS},
        by_it={k: it.get(k, 0) for k in ("trung_cap_tro_len", "chung_chi")},
        by_language=languages, age_bands={label: bands.get(label, 0) for label, _, _ in AGE_BANDS},
        women_51_55=women_51_55, men_56_60=men_56_60, over_retirement_age=over,
    )


def _quality_stats(session: Session, as_of: date, *, categories: Sequence[str] | None = None,
                  rulebook: RuleBook | None = None, unit_scope: frozenset[int] | None = None) -> QualityStats:
    """The statistics on `as_of`: one row per unit directly under the department (sub-units roll up into
    it; staff of the department itself get its own row), plus the total.

    `rulebook` enables the "over retirement age" count; `unit_scope` keeps only the rows of those units.
    """
    tree = _units_at(session, as_of, include_inactive=True)
    parent = {u.id: u.parent_id for u in tree}
    by_id = {u.id: u for u in tree}

    def reporting_unit(unit_id: int) -> int:
        """The unit directly under the department that `unit_id` is in (itself when it is one, or the root)."""
        seen: set[int] = set()
        while unit_id not in seen:
            up = parent.get(unit_id)
            if up is None or parent.get(up) is None:
                break
            seen.add(unit_id)
            unit_id = up
        return unit_id

    people = _load(session, as_of, categories)
    groups: dict[int, list[_Someone]] = {}
    for p in people.values():
        groups.setdefault(reporting_unit(p.unit_id), []).append(p)
    quotas: Counter[int] = Counter()
    quota_rows = select(HeadcountQuota.unit_id, HeadcountQuota.number, HeadcountQuota.category).where(
        HeadcountQuota.year == as_of.year)
    has_quota: set[int] = set()
    for unit_id, number, category in session.execute(quota_rows):
        if categories and category not in categories:
            continue
        top = reporting_unit(unit_id)
        quotas[top] += number
        has_quota.add(top)
    active = {u.id for u in tree if (u.active_from is None or u.active_from <= as_of)
              and (u.active_to is None or u.active_to >= as_of)}
    rows: list[UnitQuality] = []
    for u in tree:
        top_level = u.parent_id is not None and parent.get(u.parent_id) is None
        is_root = u.parent_id is None
        if not (top_level or (is_root and u.id in groups)) or (u.id not in active and u.id not in groups):
            continue
        if unit_scope is not None and u.id not in unit_scope:
            continue
        rows.append(UnitQuality(u.id, u.code, by_id[u.id].name, quotas[u.id] if u.id in has_quota else None,
                                _count(groups.get(u.id, []), as_of, rulebook)))
    # staff of a unit outside the tree as known that day (closed unit, no parent) still count in the total
    shown = {r.unit_id for r in rows}
    everyone = [p for uid, group in groups.items() for p in group if unit_scope is None or uid in shown]
    total_quota = sum(r.quota or 0 for r in rows) if any(r.quota is not None for r in rows) else None
    return QualityStats(as_of, tuple(categories) if categories else None, tuple(rows),
                        _count(everyone, as_of, rulebook), total_quota)


def quality_stats(ctx: ServiceContext, as_of: date, *, categories: Sequence[str] | None = None) -> QualityStats:
    """The statistics on `as_of` of the units the account may see (of `categories` only, when given), with the
    "over retirement age" count by the rules in force."""
    require(ctx, READ)
    with ctx.read() as s:
        return _quality_stats(s, as_of, categories=categories, rulebook=ctx.rulebook, unit_scope=units_in_scope(ctx))
