"""The rest of a person's record: work history, family, awards, discipline, evaluations, attachments and the
photo."""

from __future__ import annotations

import mimetypes
from dataclasses import replace
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrapp import catalogs, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Attachment,
    Award,
    Decision,
    Discipline,
    Employment,
    Evaluation,
    EvaluationPeriod,
    FamilyMember,
    Person,
    PostHeld,
    WorkHistory,
)
from hrapp.domain import discipline as dr
from hrapp.domain import validation as v
from hrapp.domain.evaluation import (
    MONTH,
    PeriodScore,
    annual_score,
    check_period_score,
    evaluation_rule,
    period_end,
    rating_from_score,
)
from hrapp.domain.person_input import (
    ATTACHMENT_KINDS,
    FAMILY_SIDES,
    MAX_ATTACHMENT_BYTES,
    REGIMES,
    AttachmentInput,
    AwardInput,
    DisciplineInput,
    EvaluationInput,
    FamilyInput,
    PeriodScoreInput,
    WorkInput,
    YearFromPeriodsInput,
)
from hrapp.domain.person_input import clean_text as _clean
from hrapp.domain.person_input import decision_ref_errors as _decision_errors
from hrapp.errors import DomainError, NotFoundError, ValidationError
from hrapp.queries.person_profile import PersonProfile
from hrapp.security import READ, WRITE, require
from hrapp.services.persons._shared import (
    _dated,
    _decision_id,
    _person_unit,
    _today,
    _write,
)
from hrapp.text import normalize_name

# ============================================================================================== other history


def work_errors(dto: WorkInput, birth: date | None) -> v.Errors:
    errors: v.Errors = []
    if dto.from_date is None:
        errors.append(("from_date", messages.text("history_start_missing")))
    if not (dto.description or "").strip():
        errors.append(("description", messages.text("history_description_missing")))
    return errors + v.collect(
        ("from_date", v.not_before_birth_error(dto.from_date, birth, "Thời gian bắt đầu")),
        ("to_date", v.order_error(dto.from_date, dto.to_date, "thời gian bắt đầu", "Thời gian kết thúc")),
    )


def family_errors(dto: FamilyInput, today: date) -> v.Errors:
    errors: v.Errors = []
    if dto.side not in FAMILY_SIDES:
        errors.append(("side", messages.text("relative_side_missing")))
    if not (dto.relation or "").strip():
        errors.append(("relation", messages.text("relation_missing")))
    if not (dto.full_name or "").strip():
        errors.append(("full_name", messages.text("person_name_missing")))
    if dto.birth_year is not None and not v.MIN_BIRTH_YEAR - 50 <= dto.birth_year <= today.year:
        errors.append(("birth_year", messages.text("birth_year", year=dto.birth_year)))
    return errors


def add_work_history(ctx: ServiceContext, person_id: int, dto: WorkInput) -> PersonProfile:
    def act(s: Session, p: Person) -> None:
        v.raise_if(work_errors(dto, p.birth_date))
        s.add(WorkHistory(person_id=p.id, from_date=dto.from_date, to_date=dto.to_date,
                          description=dto.description.strip()))

    return _write(ctx, person_id, act)


def add_family_member(ctx: ServiceContext, person_id: int, dto: FamilyInput, *,
                      today: date | None = None) -> PersonProfile:
    today = today or _today()

    def act(s: Session, p: Person) -> None:
        v.raise_if(family_errors(dto, today))
        s.add(FamilyMember(person_id=p.id, side=dto.side, relation=dto.relation.strip(),
                           full_name=normalize_name(dto.full_name), birth_year=dto.birth_year,
                           details=_clean(dto.details)))

    return _write(ctx, person_id, act)


def add_award(ctx: ServiceContext, person_id: int, dto: AwardInput, *, today: date | None = None) -> PersonProfile:
    today = today or _today()

    def act(s: Session, p: Person) -> None:
        a = _dated(s, dto, "award_date", dto.decision)
        errors: v.Errors = []
        if not (a.form or "").strip():
            errors.append(("form", messages.text("award_form_missing")))
        if a.award_date is None:
            errors.append(("award_date", messages.text("award_date_missing")))
        errors += v.collect(
            ("award_date", v.not_future_error(a.award_date, today, "Ngày khen thưởng")),
            ("award_date", v.not_before_birth_error(a.award_date, p.birth_date, "Ngày khen thưởng")),
        )
        errors += _decision_errors(a.decision, required=True)
        v.raise_if(errors)
        s.add(Award(person_id=p.id, award_date=a.award_date, form=a.form.strip(), level=_clean(a.level),
                    reason=_clean(a.reason), decision_id=_decision_id(s, a.decision)))

    return _write(ctx, person_id, act)


def add_discipline(ctx: ServiceContext, person_id: int, dto: DisciplineInput, *,
                   today: date | None = None) -> PersonProfile:
    """A disciplinary decision, held to the rule version in force on its decision date (rule `discipline`): the
    form must be one the version allows for the person's category and post on that day; an empty end of the
    effect period is filled from the version. A decision after the limitation period or the time limit of the
    procedure is saved with a warning in the profile (the record keeps what was decided)."""
    today = today or _today()
    warnings: v.Errors = []

    def act(s: Session, p: Person) -> None:
        d = _dated(s, dto, "decision_date", dto.decision)
        if d.effect_from is None and d.decision_date is not None:
            d = replace(d, effect_from=d.decision_date)
        errors = v.collect(("form", v.code_error("discipline_form", d.form, "Hình thức kỷ luật")))
        if not d.form:
            errors.append(("form", messages.text("discipline_form_missing")))
        if d.decision_date is None:
            errors.append(("decision_date", messages.text("discipline_date_missing")))
        errors += v.collect(
            ("decision_date", v.not_future_error(d.decision_date, today, "Ngày quyết định kỷ luật")),
            ("effect_to", v.order_error(d.effect_from, d.effect_to, "ngày có hiệu lực", "Ngày hết hiệu lực")),
        )
        errors += _decision_errors(d.decision, required=True)
        effect_to = d.effect_to
        if not errors and d.decision_date is not None and d.effect_from is not None:
            rule = dr.rule_on(ctx.rulebook, d.decision_date)
            if rule is not None:  # before NĐ 112/2020 the rule data holds no version: the form is not checked
                category = _category_on(s, p, d.decision_date)
                try:
                    dr.check_form(rule, category, _leader_on(s, p.id, d.decision_date), d.form, d.decision_date)
                    timing = dr.check_timing(rule, d.form, d.decision_date, d.violation_date, d.found_on,
                                             d.complex_case, category)
                except DomainError as exc:
                    errors.append((exc.field or "form", messages.text(exc.code, **exc.params)))
                else:
                    warnings.extend(timing.warnings(d.decision_date))
                if effect_to is None:
                    effect_to = dr.effect_end(rule, d.form, d.effect_from, category)
        v.raise_if(errors)
        s.add(Discipline(person_id=p.id, decision_date=d.decision_date, form=d.form, effect_from=d.effect_from,
                         effect_to=effect_to, reason=_clean(d.reason), decision_id=_decision_id(s, d.decision),
                         violation_date=d.violation_date, found_on=d.found_on, complex_case=d.complex_case))

    profile = _write(ctx, person_id, act)
    return replace(profile, warnings=tuple(warnings)) if warnings else profile


def _category_on(s: Session, p: Person, day: date) -> str | None:
    periods = [(start, end, category) for start, end, category in s.execute(
        select(Employment.start_date, Employment.end_date, Employment.category).where(Employment.person_id == p.id))]
    return dr.category_on(periods, day, p.cur_category)


def _leader_on(s: Session, person_id: int, day: date) -> bool:
    return dr.leader_on([(start, end) for start, end in s.execute(
        select(PostHeld.start_date, PostHeld.end_date).where(PostHeld.person_id == person_id))], day)


def add_evaluation(ctx: ServiceContext, person_id: int, dto: EvaluationInput, *,
                   today: date | None = None) -> PersonProfile:
    """The yearly rating (NĐ 90/2020) or score /100 (NĐ 335/2025); one per year; a score fixes the rating."""
    today = today or _today()

    def act(s: Session, p: Person) -> None:
        errors: v.Errors = []
        rating = (dto.rating or "").strip().lower() or None
        if not (p.birth_date.year + v.ADULT_AGE <= dto.year <= today.year):
            errors.append(("year", messages.text("evaluation_year_invalid", year=dto.year)))
        elif s.scalar(select(func.count()).select_from(Evaluation).where(
                Evaluation.person_id == p.id, Evaluation.year == dto.year)):
            errors.append(("year", messages.text("evaluation_exists", year=dto.year)))
        if dto.regime not in REGIMES:
            errors.append(("regime", messages.text("evaluation_regime_invalid", regime=dto.regime)))
        if rating is not None and rating not in catalogs.labels("rating"):
            errors.append(("rating", messages.text("rating_unknown", rating=dto.rating)))
        if dto.score is not None and not errors:
            try:
                scored = rating_from_score(dto.score, ctx.rulebook, dto.year, p.cur_category or "cong_chuc")
            except DomainError as exc:
                errors.append(("score", exc.message))
            else:
                if rating is None:
                    rating = scored.rating.value
                elif rating != scored.rating.value:
                    errors.append(("rating", messages.text("score_rating_mismatch", score=dto.score, scored=scored.rating.label, rating=catalogs.label('rating', rating))))
        if rating is None and not errors:
            errors.append(("rating", messages.text("rating_missing")))
        errors += _decision_errors(dto.decision, required=False)
        v.raise_if(errors)
        s.add(Evaluation(person_id=p.id, year=dto.year, rating=rating, score=dto.score, regime=dto.regime,
                         note=_clean(dto.note), decision_id=_decision_id(s, dto.decision)))

    return _write(ctx, person_id, act)


def add_period_score(ctx: ServiceContext, person_id: int, dto: PeriodScoreInput, *,
                     today: date | None = None) -> PersonProfile:
    """A công chức's monthly or quarterly score under NĐ 335/2025 (general criteria /30 + results /70); the
    rule is read on the period's last day, so a period of 2025 is refused (NĐ 90/2020 has no scores)."""
    today = today or _today()

    def act(s: Session, p: Person) -> None:
        errors: v.Errors = []
        if dto.general_score is None:
            errors.append(("general_score", messages.text("period_part_missing")))
        if dto.results_score is None:
            errors.append(("results_score", messages.text("period_part_missing")))
        v.raise_if(errors)
        assert dto.general_score is not None and dto.results_score is not None
        score = PeriodScore(dto.period_kind, dto.period_no, dto.general_score, dto.results_score)
        try:
            rule = check_period_score(ctx.rulebook, dto.year, score, p.cur_category or "")
        except DomainError as exc:
            raise ValidationError([(exc.field or "period_no", exc.message)]) from None
        first_day = period_end(dto.year, dto.period_kind, dto.period_no).replace(
            day=1, month=dto.period_no if dto.period_kind == MONTH else dto.period_no * 3 - 2)
        if first_day > today:
            errors.append(("period_no", messages.text("period_in_future", day=first_day)))
        if s.scalar(select(func.count()).select_from(EvaluationPeriod).where(
                EvaluationPeriod.person_id == p.id, EvaluationPeriod.year == dto.year,
                EvaluationPeriod.period_no == dto.period_no, EvaluationPeriod.period_kind == dto.period_kind)):
            errors.append(("period_no", messages.text("period_exists", year=dto.year)))
        v.raise_if(errors)
        s.add(EvaluationPeriod(person_id=p.id, year=dto.year, period_kind=dto.period_kind, period_no=dto.period_no,
                               general_score=dto.general_score, results_score=dto.results_score,
                               rule_version=rule.version, note=_clean(dto.note)))

    return _write(ctx, person_id, act)


def _fact_label(ctx: ServiceContext, year: int, code: str) -> str:
    spec = evaluation_rule(ctx.rulebook, year).params.get("cong_chuc", {})
    return next((f"{f['legal_basis']}" for f in spec.get("kht_facts") or () if f["code"] == code), code)


DISQUALIFYING_DISCIPLINE = "disciplined"  # NĐ 335/2025 Điều 20 khoản 4 điểm c: disciplined in the year


def rate_year_from_periods(ctx: ServiceContext, person_id: int, dto: YearFromPeriodsInput, *,
                           today: date | None = None) -> PersonProfile:
    """The year's score (the mean of its period scores, NĐ 335/2025 Điều 21) and rating (Điều 20), recorded as
    the year's evaluation; a discipline decided in the year rates it "không hoàn thành nhiệm vụ" (khoản 4.c)."""
    today = today or _today()

    def act(s: Session, p: Person) -> None:
        if not (p.birth_date.year + v.ADULT_AGE <= dto.year <= today.year):
            raise ValidationError([("year", messages.text("evaluation_year_invalid", year=dto.year))])
        if s.scalar(select(func.count()).select_from(Evaluation).where(
                Evaluation.person_id == p.id, Evaluation.year == dto.year)):
            raise ValidationError([("year", messages.text("annual_rating_exists", year=dto.year))])
        rows = list(s.scalars(select(EvaluationPeriod).where(
            EvaluationPeriod.person_id == p.id, EvaluationPeriod.year == dto.year)))
        facts = set(dto.facts)
        if s.scalar(select(func.count()).select_from(Discipline).where(
                Discipline.person_id == p.id, Discipline.decision_date >= date(dto.year, 1, 1),
                Discipline.decision_date <= date(dto.year, 12, 31))):
            facts.add(DISQUALIFYING_DISCIPLINE)
        errors = _decision_errors(dto.decision, required=False)
        v.raise_if(errors)
        try:
            result = annual_score([PeriodScore(r.period_kind, r.period_no, Decimal(r.general_score),
                                               Decimal(r.results_score)) for r in rows],
                                  ctx.rulebook, dto.year, p.cur_category or "", facts)
        except DomainError as exc:
            raise ValidationError([(exc.field or "year", exc.message)]) from None
        # the stored note is data of the record, in Vietnamese like the rest of it
        summary = (f"Điểm trung bình {result.periods} {'tháng' if result.kind == MONTH else 'quý'}: "
                   f"{format(result.score, 'f').replace('.', ',')} ({result.legal_basis})")
        if result.facts:
            summary += f"; không hoàn thành nhiệm vụ do: {', '.join(_fact_label(ctx, dto.year, f) for f in result.facts)}"
        note = _clean(dto.note)
        s.add(Evaluation(person_id=p.id, year=dto.year, rating=result.rating.value, score=result.score,
                         regime=result.rule.version, note=f"{note}. {summary}" if note else summary,
                         decision_id=_decision_id(s, dto.decision)))

    return _write(ctx, person_id, act)


# ============================================================================================== attachments


_IMAGE_MAGIC = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png"}


def _attachment_errors(dto: AttachmentInput) -> v.Errors:
    errors: v.Errors = []
    if not (dto.filename or "").strip():
        errors.append(("filename", messages.text("file_not_chosen")))
    if not dto.data:
        errors.append(("filename", messages.text("file_empty")))
    elif len(dto.data) > MAX_ATTACHMENT_BYTES:
        errors.append(("filename", messages.text("attachment_too_big", limit=MAX_ATTACHMENT_BYTES // (1024 * 1024))))
    if dto.kind not in ATTACHMENT_KINDS:
        errors.append(("kind", messages.text("attachment_kind_invalid", kind=dto.kind)))
    return errors


def add_attachment(ctx: ServiceContext, person_id: int, dto: AttachmentInput) -> PersonProfile:
    """A scanned decision, degree or other document, stored in the database so backups include it."""

    def act(s: Session, p: Person) -> None:
        errors = _attachment_errors(dto)
        if dto.decision_id is not None and s.get(Decision, dto.decision_id) is None:
            errors.append(("decision", messages.text("decision_missing_record")))
        v.raise_if(errors)
        name = dto.filename.replace("\\", "/").rsplit("/", 1)[-1].strip()
        mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
        s.add(Attachment(person_id=p.id, decision_id=dto.decision_id, kind=dto.kind, filename=name, mime=mime,
                         size=len(dto.data), data=dto.data, note=_clean(dto.note)))

    return _write(ctx, person_id, act)


def set_photo(ctx: ServiceContext, person_id: int, filename: str, data: bytes) -> PersonProfile:
    """The 4x6 photo (JPEG or PNG); earlier photos stay among the attachments."""

    def act(s: Session, p: Person) -> None:
        errors = _attachment_errors(AttachmentInput(filename, data, "photo"))
        mime = next((m for magic, m in _IMAGE_MAGIC.items() if data.startswith(magic)), None)
        if data and mime is None:
            errors.append(("photo", messages.text("photo_format")))
        v.raise_if(errors)
        name = filename.replace("\\", "/").rsplit("/", 1)[-1].strip()
        row = Attachment(person_id=p.id, kind="photo", filename=name, mime=mime, size=len(data), data=data)
        s.add(row)
        s.flush()
        p.photo_id = row.id

    return _write(ctx, person_id, act)


def delete_attachment(ctx: ServiceContext, attachment_id: int) -> PersonProfile:
    """Remove a wrongly attached file (the audit trail keeps the fact and its name)."""
    require(ctx, WRITE)
    with ctx.read() as s:
        row = s.get(Attachment, attachment_id)
        if row is None or row.person_id is None:
            raise NotFoundError("attachment_not_found", "Không tìm thấy tài liệu này.", field="attachment")
        person_id = row.person_id

    def act(s: Session, p: Person) -> None:
        row = s.get(Attachment, attachment_id)
        if p.photo_id == attachment_id:
            p.photo_id = None
        s.delete(row)

    return _write(ctx, person_id, act)


def attachment_data(ctx: ServiceContext, attachment_id: int) -> tuple[str, str, bytes]:
    """(file name, MIME type, content) of a stored attachment, to open or save it."""
    require(ctx, READ)
    with ctx.read() as s:
        row = s.get(Attachment, attachment_id)
        if row is None:
            raise NotFoundError("attachment_not_found", "Không tìm thấy tài liệu này.", field="attachment")
        filename, mime, data, person_id = row.filename, row.mime, bytes(row.data), row.person_id
    require(ctx, READ, _person_unit(ctx, person_id) if person_id else None)
    return filename, mime, data
