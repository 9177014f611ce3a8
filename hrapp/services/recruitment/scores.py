"""Scores of a round: a score sheet entered, a score re-marked with its reason and decision."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from sqlalchemy.orm import Session

from hrapp import messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Candidate,
    Score,
    ScoreChange,
)
from hrapp.domain import validation as v
from hrapp.errors import ValidationError
from hrapp.queries.recruitment import (
    CandidateInfo,
    RoundSetup,
    get_candidate,
    list_candidates,
)
from hrapp.queries.recruitment import _session as q
from hrapp.security import WRITE, require
from hrapp.services.decisions import add_decision
from hrapp.services.recruitment._common import (
    _clean,
    _decision_ref_errors,
    _has_events,
    _round_for_update,
    require_status,
)
from hrapp.services.recruitment.candidates import _candidate
from hrapp.services.recruitment.inputs import MAX_SCORE_PLACES, Remark, ScoreSheet

# ============================================================================================== scores


def _parse_value(value: Decimal | int | str | None) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        d = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation as exc:
        raise ValidationError([("value", messages.text("score_not_number", value=value))]) from exc
    if not d.is_finite():
        raise ValidationError([("value", messages.text("score_not_number", value=value))])
    return d


def _score_errors(c: Candidate, setup: RoundSetup, round_no: int, part: str, value: Decimal | None,
                  absent: bool, where: str) -> tuple[v.Errors, Decimal | None]:
    """(errors, maximum of the part)."""
    who = f"{c.full_name}{f' (SBD {c.sbd})' if c.sbd else ''}"
    if round_no == 1:
        if not setup.has_round1_test:
            return [(where, "Hình thức xét tuyển không có bài thi vòng 1.")], None
        p1 = setup.round1_part(part)
        if p1 is None:
            return [(where, f"{who}: không có phần thi vòng 1 '{part}'.")], None
        if not c.eligible:
            return [(where, f"{who} không đủ điều kiện dự tuyển nên không có điểm vòng 1.")], None
        if part in (c.exemptions or ()):
            return [(where, f"{who} được miễn phần thi {p1.label.lower()}.")], None
        top = Decimal(p1.questions)
        if value is not None and (value != value.to_integral_value() or not 0 <= value <= top):
            return [(where, f"{who}: số câu đúng phần {p1.label.lower()} phải là số nguyên từ 0 đến "
                            f"{p1.questions}.")], top
        return [], top
    p2 = setup.round2_part(part)
    if p2 is None:
        allowed = ", ".join(p.label.lower() for p in setup.round2_parts)
        return [(where, f"{who}: vòng 2 của kỳ này không có phần thi '{part}' (chỉ có: {allowed}).")], None
    if q.round1_result(c, setup)[0] is not True:
        return [(where, f"{who} không đủ điều kiện dự vòng 2.")], None
    if value is not None:
        if not 0 <= value <= p2.max:
            return [(where, f"{who}: điểm {p2.label.lower()} phải từ 0 đến {q.pct(p2.max / 100)}.")], p2.max
        if value != value.quantize(Decimal(1).scaleb(-MAX_SCORE_PLACES)):
            return [(where, f"{who}: điểm chỉ ghi tối đa {MAX_SCORE_PLACES} chữ số thập phân.")], p2.max
    return [], p2.max


def _set_score(s: Session, ctx: ServiceContext, c: Candidate, round_no: int, part: str, value: Decimal | None,
               absent: bool, top: Decimal, kind: str = "sua", reason: str | None = None,
               decision_id: int | None = None) -> None:
    existing = next((x for x in c.scores if x.round_no == round_no and x.part == part), None)
    if value is None and not absent:
        if existing is not None:
            c.scores.remove(existing)
        return
    if existing is None:
        c.scores.append(Score(round_no=round_no, part=part, value=value, max_value=top, absent=absent,
                              entered_by=ctx.user))
        return
    old = None if existing.value is None else Decimal(existing.value)
    if old == value and existing.absent == absent and kind == "sua":
        return
    existing.changes.append(ScoreChange(kind=kind, old_value=old, new_value=value, old_absent=existing.absent,
                                        new_absent=absent, reason=reason, decision_id=decision_id,
                                        changed_by=ctx.user))
    existing.value = value
    existing.absent = absent
    existing.max_value = top


def enter_scores_in(s: Session, ctx: ServiceContext, sheet: ScoreSheet) -> None:
    """Validate every cell, then write them all (inside the caller's unit of work; also used by the import)."""
    rnd = _round_for_update(s, sheet.round_id)
    if sheet.round_no not in (1, 2):
        raise ValidationError([("round_no", messages.text("round_number_invalid"))])
    require_status(rnd, ("round1",) if sheet.round_no == 1 else ("round2",), f"nhập điểm vòng {sheet.round_no}")
    setup = q.round_setup(s, ctx.rulebook, rnd)
    cands = {c.id: c for c in q.candidates_of(s, rnd.id)}
    errors: v.Errors = []
    writes: list[tuple[Candidate, str, Decimal | None, bool, Decimal]] = []
    seen: set[tuple[int, str]] = set()
    for i, e in enumerate(sheet.entries):
        where = f"entries[{i}]"
        c = cands.get(e.candidate_id)
        if c is None:
            errors.append((where, messages.text("candidate_not_in_round")))
            continue
        if (c.id, e.part) in seen:
            errors.append((where, messages.text("score_part_twice", name=c.full_name, part=e.part)))
            continue
        seen.add((c.id, e.part))
        value = None if e.absent else _parse_value(e.value)
        errs, top = _score_errors(c, setup, sheet.round_no, e.part, value, e.absent, where)
        errors += errs
        if not errs and top is not None:
            writes.append((c, e.part, value, e.absent, top))
    v.raise_if(errors)
    for c, part, value, absent, top in writes:
        _set_score(s, ctx, c, sheet.round_no, part, value, absent, top)


def enter_scores(ctx: ServiceContext, sheet: ScoreSheet) -> list[CandidateInfo]:
    """Scores typed by hand (or read from the score sheet): round 1 = correct answers per part, round 2 =
    points per part. A changed score before the results is a correction and is kept in the history."""
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        enter_scores_in(s, ctx, sheet)
    return list_candidates(ctx, sheet.round_id)


def remark_score(ctx: ServiceContext, dto: Remark) -> CandidateInfo:
    """Re-marking (phúc khảo): replace a score; the old value, the new one and the reason are logged."""
    require(ctx, WRITE)
    reason = _clean(dto.reason)
    with ctx.unit_of_work() as s:
        c = _candidate(s, dto.candidate_id)
        rnd = _round_for_update(s, c.round_id)
        allowed = ("round1", "round2") if dto.round_no == 1 else ("round2", "results")
        require_status(rnd, allowed, f"phúc khảo điểm vòng {dto.round_no}")
        errors: v.Errors = []
        if not reason:
            errors.append(("reason", messages.text("review_reason_missing")))
        errors += _decision_ref_errors(dto.decision, "decision", False, "văn bản phúc khảo")
        existing = next((x for x in c.scores if x.round_no == dto.round_no and x.part == dto.part), None)
        if existing is None:
            errors.append(("part", messages.text("review_no_score", name=c.full_name)))
        if rnd.status == "results" and _has_events(s, rnd.id, ("tie_decision", "withdrawal", "hire")):
            errors.append(("status", messages.text("review_after_results")))
        value = None if dto.absent else _parse_value(dto.value)
        setup = q.round_setup(s, ctx.rulebook, rnd)
        errs, top = _score_errors(c, setup, dto.round_no, dto.part, value, dto.absent, "value")
        errors += errs
        if value is None and not dto.absent:
            errors.append(("value", messages.text("review_score_missing")))
        v.raise_if(errors)
        assert top is not None
        decision_id = add_decision(s, dto.decision).id if dto.decision is not None else None
        _set_score(s, ctx, c, dto.round_no, dto.part, value, dto.absent, top, "phuc_khao", reason, decision_id)
        s.flush()
        if rnd.status == "results":
            q.compute_results(s, ctx.rulebook, rnd.id)
        candidate_id = c.id
    return get_candidate(ctx, candidate_id)
