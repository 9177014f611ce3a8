"""A round's lifecycle: the status moved forward when the step's requirements are met, or back while nothing
of the later step was recorded."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrapp import clock, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Candidate,
    RecruitmentRound,
    RoundEvent,
)
from hrapp.domain import validation as v
from hrapp.errors import DomainError, ValidationError
from hrapp.queries.recruitment import (
    STATUS_LABELS,
    STATUSES,
    RoundInfo,
    get_round,
)
from hrapp.queries.recruitment import _session as q
from hrapp.security import READ, WRITE, require
from hrapp.services.decisions import add_decision
from hrapp.services.recruitment._common import (
    _clean,
    _decision_ref_errors,
    _event,
    _has_events,
    _round_for_update,
    _score_count,
    _today,
)
from hrapp.services.recruitment.candidates import _check_all
from hrapp.services.recruitment.inputs import BACKWARD, FORWARD, StatusChange


def next_statuses(info: RoundInfo) -> tuple[str | None, str | None]:
    """(forward, backward) status the round may move to."""
    return FORWARD.get(info.status), BACKWARD.get(info.status)



# ============================================================================================== status


def change_status(ctx: ServiceContext, dto: StatusChange, *, today: date | None = None) -> RoundInfo:
    """Move the round one step: draft → open → round 1 → round 2 → results → closed, each step checked;
    one step back (with a reason) while nothing of the later step has been recorded."""
    require(ctx, WRITE)
    today = today or _today()
    with ctx.unit_of_work() as s:
        change_status_in(s, ctx, dto, today)
    return get_round(ctx, dto.round_id)


def change_status_in(s: Session, ctx: ServiceContext, dto: StatusChange, today: date) -> RecruitmentRound:
    """`change_status` inside the caller's unit of work (also used by the demo)."""
    rnd = _round_for_update(s, dto.round_id)
    if dto.to_status not in STATUSES:
        raise DomainError("round_status_invalid", status=dto.to_status, field="to_status")
    day = dto.event_date or today
    if FORWARD.get(rnd.status) == dto.to_status:
        _check_forward(s, ctx, rnd, dto, day)
    elif BACKWARD.get(rnd.status) == dto.to_status:
        _check_backward(s, rnd, dto)
    else:
        raise DomainError("status_transition", old=STATUS_LABELS[rnd.status], new=STATUS_LABELS[dto.to_status], field="to_status")
    last = s.scalar(select(func.max(RoundEvent.event_date)).where(RoundEvent.round_id == rnd.id,
                                                                   RoundEvent.kind == "status"))
    if last is not None and day < last:
        raise ValidationError([("event_date", messages.text("status_date_order", last=last))])
    if dto.to_status == "round1":
        _check_all(s, ctx, rnd, today)
    if dto.to_status == "results" and dto.decision is not None:
        rnd.results_decision_id = add_decision(s, dto.decision, "decision").id
    if BACKWARD.get(rnd.status) == dto.to_status and rnd.status == "results":
        rnd.results_decision_id = None
    _event(s, ctx, rnd, "status", day, from_status=rnd.status, to_status=dto.to_status,
           reason=_clean(dto.reason),
           decision_id=rnd.results_decision_id if dto.to_status == "results" else None)
    rnd.status = dto.to_status
    s.flush()
    if dto.to_status == "results":
        q.compute_results(s, ctx.rulebook, rnd.id)  # the ranking must be computable
    return rnd


@dataclass(frozen=True)
class Requirement:
    """Something a step of the round still needs: `field` names what is missing (as in the refusal), `where`
    where the officer supplies it (the round form's general or council tab, or a tab of the round), and
    `blocking` is False for a condition that depends on the date chosen when the step is taken."""

    field: str
    message: str
    where: str
    blocking: bool = True


@dataclass(frozen=True)
class StepRequirements:
    """What moving the round to `to_status` still needs, read before the officer asks for it."""

    to_status: str
    missing: tuple[Requirement, ...]

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.to_status]

    @property
    def ready(self) -> bool:
        return not any(r.blocking for r in self.missing)


SETUP_FIELDS = ("plan_decision", "notice_date", "application_deadline", "targets", "council")
"""Preconditions written ahead in the round's form or its positions, listed for later steps too."""
SETUP_STEPS = ("open", "round1")
"""The steps whose preconditions include some of SETUP_FIELDS."""


def _forward_missing(s: Session, ctx: ServiceContext, rnd: RecruitmentRound, to_status: str,
                     day: date) -> list[Requirement]:
    """What the forward step to `to_status` lacks on `day`: the one list that refuses the step and that the
    page shows before the officer presses (see `step_requirements`)."""
    out: list[Requirement] = []
    if to_status == "open":
        if rnd.plan_decision_id is None:
            out.append(Requirement("plan_decision", "Chưa có kế hoạch tuyển dụng (số, ngày ký).", "round:general"))
        if rnd.notice_date is None:
            out.append(Requirement("notice_date", "Chưa có ngày thông báo tuyển dụng.", "round:general"))
        if rnd.application_deadline is None:
            out.append(Requirement("application_deadline", "Chưa có hạn nhận phiếu đăng ký dự tuyển.",
                                   "round:general"))
        if not rnd.targets:
            out.append(Requirement("targets", "Chưa có vị trí và chỉ tiêu tuyển dụng.", "targets"))
        return out
    setup = q.round_setup(s, ctx.rulebook, rnd)
    if to_status == "round1":
        council = rnd.council or []
        if len(council) not in setup.regime.council_sizes:
            sizes = " hoặc ".join(str(n) for n in setup.regime.council_sizes)
            out.append(Requirement("council", f"Chưa thành lập Hội đồng tuyển dụng ({sizes} thành viên).",
                                   "round:council"))
        if not s.scalar(select(func.count()).select_from(Candidate).where(Candidate.round_id == rnd.id)):
            out.append(Requirement("candidates", "Chưa có người đăng ký dự tuyển.", "candidates"))
        if rnd.application_deadline is not None and day <= rnd.application_deadline:
            out.append(Requirement("event_date", f"Chưa hết hạn nhận phiếu đăng ký dự tuyển (đến hết ngày "
                                                 f"{v.dmy(rnd.application_deadline)}).", "candidates",
                                   blocking=False))
        return out
    cands = q.candidates_of(s, rnd.id)
    if to_status == "round2":
        missing_r1 = [c.full_name for c in cands if c.eligible and q.round1_result(c, setup)[0] is None]
        if missing_r1:
            out.append(Requirement("scores", f"Còn {len(missing_r1)} người chưa có kết quả vòng 1: "
                                             f"{_names(missing_r1)}.", "round1"))
        passers = [c for c in cands if q.round1_result(c, setup)[0] is True]
        if not passers:
            out.append(Requirement("candidates", "Không có người nào đủ điều kiện dự vòng 2.", "candidates"))
        no_sbd = [c.full_name for c in passers if not c.sbd]
        if no_sbd:
            out.append(Requirement("sbd", f"Còn {len(no_sbd)} người dự vòng 2 chưa có số báo danh: "
                                          f"{_names(no_sbd)}.", "candidates"))
    elif to_status == "results":
        passers = [c for c in cands if q.round1_result(c, setup)[0] is True]
        missing = [c.full_name for c in passers
                   if any(not any(sc.round_no == 2 and sc.part == p.code for sc in c.scores)
                          for p in setup.round2_parts)]
        if missing:
            out.append(Requirement("scores", f"Còn {len(missing)} người chưa có điểm vòng 2: {_names(missing)}.",
                                   "round2"))
    elif to_status == "closed":
        res = q.compute_results(s, ctx.rulebook, rnd.id)
        if res.pending_decisions:
            names = ", ".join(p.position_name for p in res.pending_decisions)
            out.append(Requirement("decisions", f"Còn vị trí bằng điểm chờ người đứng đầu quyết định: {names}.",
                                   "results"))
        waiting = [r.full_name for _p, r in res.winners() if not r.hired]
        if waiting:
            out.append(Requirement("hire", f"Còn {len(waiting)} người trúng tuyển chưa được tuyển dụng hoặc ghi "
                                           f"nhận rút hồ sơ: {_names(waiting)}.", "hiring"))
    return out


def _check_forward(s: Session, ctx: ServiceContext, rnd: RecruitmentRound, dto: StatusChange, day: date) -> None:
    errors: v.Errors = [(r.field, r.message) for r in _forward_missing(s, ctx, rnd, dto.to_status, day)]
    if dto.to_status == "results":
        errors += _decision_ref_errors(dto.decision, "decision", False, "quyết định công nhận kết quả")
    v.raise_if(errors)


def step_requirements(ctx: ServiceContext, round_id: int, *, today: date | None = None) -> tuple[StepRequirements, ...]:
    """Every forward step left to the round, first the next one, each with what it still needs on `today`.

    The next step lists all it lacks (the same list that would refuse it); a later step lists only what is
    written ahead in the round's form or positions (plan, notice, deadline, positions, council), since
    scores and results cannot exist before their step."""
    require(ctx, READ)
    day = today or clock.today()
    with ctx.read() as s:
        rnd = q.get_round(s, round_id)
        out: list[StepRequirements] = []
        status = rnd.status
        while status in FORWARD:
            to = FORWARD[status]
            if not out:
                missing = _forward_missing(s, ctx, rnd, to, day)
            elif to in SETUP_STEPS:  # later steps: only what is written ahead (no ranking computed for them)
                missing = [r for r in _forward_missing(s, ctx, rnd, to, day) if r.field in SETUP_FIELDS]
            else:
                missing = []
            out.append(StepRequirements(to, tuple(missing)))
            status = to
    return tuple(out)


def _names(names: Sequence[str], limit: int = 5) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" và {len(names) - limit} người khác" if len(names) > limit else "")


def _check_backward(s: Session, rnd: RecruitmentRound, dto: StatusChange) -> None:
    if not _clean(dto.reason):
        raise ValidationError([("reason", messages.text("step_back_reason_missing"))])
    blocked: str | None = None
    if rnd.status == "open" and s.scalar(select(func.count()).select_from(Candidate)
                                         .where(Candidate.round_id == rnd.id)):
        blocked = "đã có người đăng ký dự tuyển"
    elif rnd.status == "round1" and _score_count(s, rnd.id, 1):
        blocked = "đã có điểm vòng 1"
    elif rnd.status == "round2" and _score_count(s, rnd.id, 2):
        blocked = "đã có điểm vòng 2"
    elif rnd.status == "results" and _has_events(s, rnd.id, ("tie_decision", "withdrawal", "hire")):
        blocked = "đã có quyết định, rút hồ sơ hoặc tuyển dụng sau khi có kết quả"
    if blocked:
        raise DomainError("step_back_blocked", blocked=blocked, field="to_status")
