"""A year's evaluation ratings for a unit: NĐ 90/2020 ratings or NĐ 335/2025 scores, with the HTXS cap per unit."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp import catalogs, clock, messages
from hrapp.context import ServiceContext
from hrapp.db.models import Decision, Evaluation, HtxsCapException, OrgUnit
from hrapp.domain import validation as v
from hrapp.domain.decisions import DecisionInfo, decision_info
from hrapp.domain.evaluation import (
    HtxsCapCheck,
    Rating,
    ScoreRating,
    check_exception_percent,
    evaluation_rule,
    htxs_cap_check,
    rating_from_score,
)
from hrapp.domain.rules import RuleVersion
from hrapp.errors import DomainError, NotFoundError, ValidationError
from hrapp.queries.org_history import _descendants
from hrapp.security import READ, WRITE, require
from hrapp.services.career_facts import load_facts
from hrapp.services.decisions import DecisionRef, add_decision
from hrapp.text import name_sort_key

# The regime code stored on a rating given without a score (the four NĐ 90/2020 levels).
RATING_ONLY_REGIME = "nd90_2020"


@dataclass(frozen=True)
class RatingEntry:
    """One person's result: a rating (htxs, htt, ht, kht), or a score /100 where the year's regime has scores."""

    person_id: int
    rating: str | None = None
    score: Decimal | None = None
    note: str | None = None


@dataclass(frozen=True)
class UnitRatingsInput:
    year: int
    unit_id: int
    entries: tuple[RatingEntry, ...]
    decision: DecisionRef | None = None


@dataclass(frozen=True)
class RatingRow:
    person_id: int
    full_name: str
    category: str
    unit_name: str
    rating: str | None
    rating_label: str
    score: Decimal | None
    regime: str
    scored: bool  # the year's regime for this category rates by score


@dataclass(frozen=True)
class CapInfo:
    """The HTXS cap of one category group of the unit."""

    category: str
    category_label: str
    allowed_max: int
    actual: int
    htt_count: int
    ok: bool
    rule: RuleVersion
    percent: Decimal = Decimal(20)
    exception: DecisionInfo | None = None  # the decision that allows the unit a higher share

    @property
    def message(self) -> str:
        by = f", theo quyết định {self.exception.label()}" if self.exception is not None else ""
        text = (f"{self.category_label}: {self.actual} hoàn thành xuất sắc nhiệm vụ, tối đa {self.allowed_max} "
                f"({format(self.percent.normalize(), 'f')}% của {self.htt_count} người hoàn thành tốt nhiệm vụ{by})")
        return text if self.ok else f"{text}: vượt tỷ lệ."


@dataclass(frozen=True)
class CapExceptionInput:
    """A decision of the competent authority allowing a unit with outstanding results a higher share of HTXS in
    a year (NĐ 90/2020 as amended by NĐ 48/2023; NĐ 335/2025 Điều 20 khoản 5 điểm b)."""

    unit_id: int
    year: int
    percent: Decimal | str | None
    decision: DecisionRef | None
    note: str | None = None


@dataclass(frozen=True)
class CapExceptionInfo:
    id: int
    unit_id: int
    year: int
    percent: Decimal
    decision: DecisionInfo
    note: str


@dataclass(frozen=True)
class UnitRatings:
    year: int
    unit_id: int
    unit_name: str
    rows: tuple[RatingRow, ...]
    caps: tuple[CapInfo, ...]
    rule: RuleVersion
    exception: CapExceptionInfo | None = None


def _regime_spec(rule: RuleVersion, category: str) -> dict | None:
    spec = rule.params.get(category)
    return spec if isinstance(spec, dict) else None


def _unit_people(ctx: ServiceContext, year: int, unit_id: int, today: date) -> tuple[str, list]:
    on = min(date(year, 12, 31), today)
    with ctx.read() as s:
        unit = s.get(OrgUnit, unit_id)
        if unit is None:
            raise NotFoundError("unit_not_found", "Đơn vị không tồn tại.", field="unit_id")
        inside = {unit_id} | _descendants(s, unit_id)
        facts = [f for f in load_facts(s, on).values() if f.unit_id in inside]
        return unit.name, facts


def _check_year(year: int, today: date) -> None:
    if not isinstance(year, int) or not 1990 <= year <= today.year:
        raise ValidationError([("year", messages.text("evaluation_year_range", last=today.year))])


def unit_ratings(ctx: ServiceContext, year: int, unit_id: int, *, today: date | None = None) -> UnitRatings:
    """The people of a unit (and its sub-units) on staff in `year`, with the ratings recorded and the HTXS caps."""
    require(ctx, READ, unit_id)
    today = today or clock.today()
    _check_year(year, today)
    rule = evaluation_rule(ctx.rulebook, year)
    name, facts = _unit_people(ctx, year, unit_id, today)
    ids = [f.person_id for f in facts]
    stored: dict[int, Evaluation] = {}
    with ctx.read() as s:
        for i in range(0, len(ids), 900):
            for e in s.scalars(select(Evaluation).where(Evaluation.year == year,
                                                        Evaluation.person_id.in_(ids[i:i + 900]))):
                stored[e.person_id] = e
    rows = []
    for f in sorted(facts, key=lambda f: (f.unit_name, _sort(f.full_name))):
        spec = _regime_spec(rule, f.category or "")
        if spec is None:
            continue  # not evaluated under NĐ 90 / NĐ 335 (contract workers)
        found = stored.get(f.person_id)
        rating = found.rating if found else None
        rows.append(RatingRow(f.person_id, f.full_name, f.category or "", f.unit_name, rating,
                              catalogs.label("rating", rating, "") if rating else "",
                              Decimal(found.score) if found is not None and found.score is not None else None,
                              found.regime if found else _regime_code(rule, spec), bool(spec.get("score_bands"))))
    exception = _exception(ctx, unit_id, year)
    return UnitRatings(year, unit_id, name, tuple(rows), _caps(ctx, rows, year, rule, exception), rule, exception)


def _exception_in(s: Session, unit_id: int, year: int) -> CapExceptionInfo | None:
    row = s.scalar(select(HtxsCapException).where(HtxsCapException.unit_id == unit_id, HtxsCapException.year == year))
    if row is None:
        return None
    decision = s.get(Decision, row.decision_id)
    assert decision is not None  # the column is required
    return CapExceptionInfo(row.id, row.unit_id, row.year, Decimal(row.percent), decision_info(decision),
                            row.note or "")


def _exception(ctx: ServiceContext, unit_id: int, year: int) -> CapExceptionInfo | None:
    with ctx.read() as s:
        return _exception_in(s, unit_id, year)


def _sort(name: str) -> str:
    return name_sort_key(name)


def _regime_code(rule: RuleVersion, spec: dict) -> str:
    return rule.version if spec.get("score_bands") else RATING_ONLY_REGIME


def _caps(ctx: ServiceContext, rows: list[RatingRow], year: int, rule: RuleVersion,
          exception: CapExceptionInfo | None) -> tuple[CapInfo, ...]:
    by_category: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        if r.rating:
            by_category[r.category].append(r.rating)
    out = []
    for category in sorted({r.category for r in rows}):
        check: HtxsCapCheck = htxs_cap_check(by_category[category], ctx.rulebook, year, category,
                                             exception.percent if exception is not None else None)
        out.append(CapInfo(category, catalogs.label("category", category, category), check.allowed_max,
                           check.actual, check.htt_count, check.ok, check.rule, check.percent,
                           exception.decision if exception is not None else None))
    return tuple(out)


def score_rating(ctx: ServiceContext, year: int, score: Decimal | str | int,
                 category: str = "cong_chuc") -> ScoreRating:
    """The rating a score gives in `year` (NĐ 335/2025: ≥90 HTXS, 70–<90 HTT, 50–<70 HT, <50 KHT)."""
    return rating_from_score(score, ctx.rulebook, year, category)


def record_unit_ratings(ctx: ServiceContext, dto: UnitRatingsInput, *, today: date | None = None) -> UnitRatings:
    """Save the ratings of a unit for a year in one transaction: a score sets the rating, a rating given with a
    score must agree with it, and the result is refused when HTXS would exceed the cap of a category group."""
    require(ctx, WRITE, dto.unit_id)
    today = today or clock.today()
    _check_year(dto.year, today)
    rule = evaluation_rule(ctx.rulebook, dto.year)
    _name, facts = _unit_people(ctx, dto.year, dto.unit_id, today)
    by_id = {f.person_id: f for f in facts}
    errors: v.Errors = []
    decided: dict[int, tuple[str, Decimal | None, str, str | None]] = {}
    seen: set[int] = set()
    for n, entry in enumerate(dto.entries):
        where = f"entries[{n}]"
        f = by_id.get(entry.person_id)
        if f is None:
            errors.append((where, messages.text("evaluation_person_other_unit", person=entry.person_id, year=dto.year)))
            continue
        if entry.person_id in seen:
            errors.append((where, messages.text("evaluation_twice", name=f.full_name)))
            continue
        seen.add(entry.person_id)
        spec = _regime_spec(rule, f.category or "")
        if spec is None:
            errors.append((where, messages.text("evaluation_not_rated", name=f.full_name, basis=rule.legal_basis)))
            continue
        rating = (entry.rating or "").strip().lower() or None
        try:
            if rating is not None:
                rating = Rating.parse(rating).value
            if entry.score is not None:
                scored = rating_from_score(entry.score, ctx.rulebook, dto.year, f.category or "")
                if rating is not None and rating != scored.rating.value:
                    errors.append((where, messages.text("evaluation_score_mismatch", name=f.full_name, score=entry.score, scored=scored.rating.label, rating=catalogs.label('rating', rating))))
                    continue
                rating = scored.rating.value
            elif spec.get("score_bands"):
                errors.append((where, messages.text("evaluation_score_missing", name=f.full_name, year=dto.year, basis=spec['legal_basis'])))
                continue
        except DomainError as exc:
            errors.append((where, f"{f.full_name}: {exc.message}"))
            continue
        if rating is None:
            errors.append((where, messages.text("evaluation_rating_missing", name=f.full_name)))
            continue
        decided[entry.person_id] = (rating, entry.score, _regime_code(rule, spec), (entry.note or "").strip() or None)
    v.raise_if(errors)
    with ctx.unit_of_work() as s:
        stored = {e.person_id: e for e in s.scalars(select(Evaluation).where(
            Evaluation.year == dto.year, Evaluation.person_id.in_([f.person_id for f in facts])))}
        # the cap is on the unit's whole result: ratings recorded before plus the ones entered now
        final: dict[str, list[str]] = defaultdict(list)
        for f in facts:
            if _regime_spec(rule, f.category or "") is None:
                continue
            if f.person_id in decided:
                final[f.category or ""].append(decided[f.person_id][0])
            elif f.person_id in stored:
                final[f.category or ""].append(stored[f.person_id].rating)
        cap_errors = []
        exception = _exception_in(s, dto.unit_id, dto.year)
        for category, ratings in sorted(final.items()):
            check = htxs_cap_check(ratings, ctx.rulebook, dto.year, category,
                                   exception.percent if exception is not None else None)
            if not check.ok and exception is not None:
                cap_errors.append(("entries", messages.text(
                    "evaluation_htxs_cap_exception", category=catalogs.label('category', category, category),
                    actual=check.actual, allowed=check.allowed_max, percent=format(check.percent.normalize(), "f"),
                    htt=check.htt_count, decision=exception.decision.label())))
            elif not check.ok:
                cap_errors.append(("entries", messages.text("evaluation_htxs_cap", category=catalogs.label('category', category, category), actual=check.actual, allowed=check.allowed_max, percent=rule.params[category]['htxs_cap']['percent'], htt=check.htt_count)))
        v.raise_if(cap_errors)
        decision_id = add_decision(s, dto.decision).id if dto.decision is not None else None
        for pid, (rating, score, regime, note) in decided.items():
            e = stored.get(pid)
            if e is None:
                s.add(Evaluation(person_id=pid, year=dto.year, rating=rating, score=score, regime=regime, note=note,
                                 decision_id=decision_id))
            else:
                e.rating, e.score, e.regime = rating, score, regime
                e.note = note if note is not None else e.note
                e.decision_id = decision_id if decision_id is not None else e.decision_id
    return unit_ratings(ctx, dto.year, dto.unit_id, today=today)


def record_cap_exception(ctx: ServiceContext, dto: CapExceptionInput, *, today: date | None = None) -> CapExceptionInfo:
    """Record the decision that allows a unit a higher share of HTXS for a year; one per unit and year. The share
    is the decision's (above the usual share, at most 100%); the ratings of the unit are then checked by it."""
    require(ctx, WRITE, dto.unit_id)
    today = today or clock.today()
    _check_year(dto.year, today)
    errors: v.Errors = []
    percent: Decimal | None = None
    try:
        percent = check_exception_percent(dto.percent, ctx.rulebook, dto.year)
    except DomainError as exc:
        errors.append(("percent", exc.message))
    if dto.decision is None:
        errors.append(("decision", messages.text("cap_exception_decision_missing")))
    v.raise_if(errors)
    assert percent is not None and dto.decision is not None
    with ctx.unit_of_work() as s:
        unit = s.get(OrgUnit, dto.unit_id)
        if unit is None:
            raise NotFoundError("unit_not_found", "Đơn vị không tồn tại.", field="unit_id")
        if _exception_in(s, dto.unit_id, dto.year) is not None:
            raise ValidationError([("year", messages.text("cap_exception_exists", unit=unit.name, year=dto.year))])
        decision = add_decision(s, dto.decision)
        s.add(HtxsCapException(unit_id=dto.unit_id, year=dto.year, percent=percent, decision_id=decision.id,
                               note=(dto.note or "").strip() or None))
        s.flush()
        found = _exception_in(s, dto.unit_id, dto.year)
    assert found is not None
    return found
