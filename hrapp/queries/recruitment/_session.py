"""The session helpers of the recruitment read side: a round's rule set-up, the rows built from a session, the
ranking through the domain function shared with the CLI. Private to the read side and to the recruitment
services, which call them inside their own unit of work; everything else reads through
hrapp.queries.recruitment."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from hrapp import catalogs
from hrapp.db.models import (
    Candidate,
    Decision,
    JobPosition,
    OrgUnit,
    Person,
    Rank,
    RecruitmentRound,
    RecruitmentTarget,
    RoundEvent,
    Score,
)
from hrapp.domain import recruitment as dr
from hrapp.domain.decisions import DecisionInfo, decision_info
from hrapp.domain.rules import RuleBook
from hrapp.errors import DomainError, NotFoundError
from hrapp.queries.recruitment.dtos import (
    METHOD_LABELS,
    TOTAL_PART,
    CandidateInfo,
    CouncilMember,
    EventInfo,
    PositionResults,
    PreferenceInfo,
    QualificationItem,
    ResultRow,
    Round1Part,
    Round2Part,
    RoundInfo,
    RoundResults,
    RoundRow,
    RoundSetup,
    ScoreInfo,
    TargetInfo,
)

# ----------------------------------------------------------------------------------------------------
# Rule set-up of a round


def regime_round1_parts(regime: dr.RecruitmentRegime, method: str) -> tuple[Round1Part, ...]:
    raw = regime.rule.params["methods"][method].get("round1", {}).get("parts", [])
    return tuple(Round1Part(p["code"], p["label"], int(p["questions"])) for p in raw)


def default_round2_parts(method: dr.MethodRule) -> tuple[Round2Part, ...]:
    """One score out of the maximum; where the regime splits round 2, its first part carries it all."""
    if not method.parts:
        return (Round2Part(TOTAL_PART, method.round2_label or "Điểm vòng 2", method.round2_max),)
    first = method.parts[0]
    return (Round2Part(first.code, first.label, method.round2_max, first.min_ratio),)


def rules_date(session: Session, rnd: RecruitmentRound) -> date | None:
    """The day that picks the rule versions: the notice date, else the plan's signing date."""
    if rnd.notice_date is not None:
        return rnd.notice_date
    if rnd.plan_decision_id is not None:
        plan = session.get(Decision, rnd.plan_decision_id)
        if plan is not None:
            return plan.sign_date
    return None


def round_setup(session: Session, rulebook: RuleBook, rnd: RecruitmentRound) -> RoundSetup:
    regime = dr.regime(rulebook, rnd.regime)
    method = regime.method(rnd.method)
    on = rules_date(session, rnd)
    priority = regime.priority_table(rulebook, on if on is not None and regime.rule.applies_on(on) else None)
    r1_default = {p.code: p for p in regime_round1_parts(regime, rnd.method)}
    if rnd.round1_parts:
        r1 = tuple(
            Round1Part(p["code"], r1_default[p["code"]].label if p["code"] in r1_default else p["code"],
                       int(p["questions"]))
            for p in rnd.round1_parts
        )
    else:
        r1 = tuple(r1_default.values())
    if rnd.round2_parts:
        r2 = []
        for p in rnd.round2_parts:
            rule = method.part(p["code"])
            label = rule.label if rule else (method.round2_label or "Điểm vòng 2")
            r2.append(Round2Part(p["code"], label, Decimal(str(p["max"])), rule.min_ratio if rule else None))
        parts = tuple(r2)
    else:
        parts = default_round2_parts(method)
    return RoundSetup(regime, method, priority, on, r1, parts)


# ----------------------------------------------------------------------------------------------------
# Helpers


def get_round(session: Session, round_id: int) -> RecruitmentRound:
    rnd = session.get(RecruitmentRound, round_id)
    if rnd is None:
        raise NotFoundError("round_not_found", "Không tìm thấy kỳ tuyển dụng này (có thể đã bị xóa).",
                            field="round_id")
    return rnd


def _dinfo(session: Session, decision_id: int | None) -> DecisionInfo | None:
    if decision_id is None:
        return None
    d = session.get(Decision, decision_id)
    return decision_info(d) if d is not None else None


def level_name(code: str | None) -> str:
    return catalogs.label("qualification_level", code, "")


def education_requirement(pos: JobPosition, rank: Rank | None) -> str:
    """'Đại học trở lên, chuyên ngành Công nghệ thông tin' (empty when the position sets nothing)."""
    level = pos.req_education_level or (rank.required_education if rank else None)
    parts = []
    if level:
        parts.append(f"{level_name(level)} trở lên")
    if pos.req_major:
        parts.append(f"chuyên ngành {pos.req_major}")
    return ", ".join(parts)


def other_requirements(pos: JobPosition) -> str:
    """The conditions a candidate must meet besides the degree (LLCT and QLNN come by training later)."""
    parts = []
    for kind, code in (("tin_hoc", pos.req_it), ("ngoai_ngu", pos.req_language)):
        if code:
            parts.append(f"{catalogs.label('qualification_kind', kind)}: {level_name(code)}")
    if pos.req_experience_years:
        parts.append(f"kinh nghiệm từ {pos.req_experience_years} năm")
    return "; ".join(parts)


def target_info(session: Session, t: RecruitmentTarget, hired: int = 0) -> TargetInfo:
    pos = session.get(JobPosition, t.position_id)
    assert pos is not None
    unit = session.get(OrgUnit, pos.unit_id)
    rank_code = t.rank_code or pos.min_rank_code
    rank = session.get(Rank, rank_code) if rank_code else None
    edu = education_requirement(pos, rank)
    other = other_requirements(pos)
    return TargetInfo(
        id=t.id, position_id=pos.id, position_code=pos.code, position_name=pos.name, unit_id=pos.unit_id,
        unit_name=unit.name if unit else "", quota=t.quota, vacancies_seen=t.vacancies_seen,
        over_vacancy_reason=t.over_vacancy_reason, rank_code=rank_code, rank_name=rank.name if rank else None,
        requirements="; ".join(x for x in (edu, other) if x), education_requirement=edu,
        other_requirements=other, hired=hired, note=t.note,
    )


def _hired_by_target(session: Session, round_id: int) -> dict[int, int]:
    rows = session.execute(
        select(Candidate.hired_target_id, func.count()).where(
            Candidate.round_id == round_id, Candidate.status == "hired"
        ).group_by(Candidate.hired_target_id)
    )
    return {tid: n for tid, n in rows if tid is not None}


def _council(session: Session, members: Sequence[Mapping[str, Any]]) -> tuple[CouncilMember, ...]:
    """The council as stored on the round. A member linked to a staff record the session may not read (an account
    limited to other units) keeps their role and title, the name withheld: the round names nobody outside."""
    linked = [m["person_id"] for m in members if m.get("person_id") is not None]
    readable = set(session.scalars(select(Person.id).where(Person.id.in_(linked)))) if linked else set()
    return tuple(
        CouncilMember(m.get("full_name", "") if m.get("person_id") is None or m["person_id"] in readable else "",
                      m.get("title", ""), m.get("role", "uy_vien"), m.get("person_id"))
        for m in members)


def round_info(session: Session, rulebook: RuleBook, round_id: int) -> RoundInfo:
    rnd = get_round(session, round_id)
    setup = round_setup(session, rulebook, rnd)
    hired = _hired_by_target(session, rnd.id)
    count = session.scalar(select(func.count()).select_from(Candidate).where(Candidate.round_id == rnd.id)) or 0
    allowed = tuple(Round2Part(p.code, p.label, setup.method.round2_max, p.min_ratio) for p in setup.method.parts)
    return RoundInfo(
        id=rnd.id, name=rnd.name, year=rnd.year, subject=rnd.subject, regime=rnd.regime,
        regime_label=setup.regime.rule.params.get("subject_label", "") + " – " + setup.regime.rule.legal_basis,
        legal_basis=setup.regime.rule.legal_basis, method=rnd.method, method_label=setup.method.label,
        category=rnd.category, plan_decision=_dinfo(session, rnd.plan_decision_id), notice_date=rnd.notice_date,
        application_deadline=rnd.application_deadline, round1_date=rnd.round1_date, round2_date=rnd.round2_date,
        council_size=rnd.council_size,
        council=_council(session, rnd.council or ()),
        council_decision=_dinfo(session, rnd.council_decision_id),
        results_decision=_dinfo(session, rnd.results_decision_id),
        round1_parts=setup.round1_parts if setup.has_round1_test else (), round2_parts=setup.round2_parts,
        split_round2=setup.split_round2, has_round1_test=setup.has_round1_test, status=rnd.status, note=rnd.note,
        targets=tuple(target_info(session, t, hired.get(t.id, 0)) for t in rnd.targets), candidates=count,
        council_sizes=setup.regime.council_sizes, allowed_parts=allowed,
        round2_pass_min=setup.method.round2_pass_min,
    )


def list_rounds(session: Session, year: int | None = None) -> list[RoundRow]:
    """Every round, newest year first."""
    q = select(RecruitmentRound).order_by(RecruitmentRound.year.desc(), RecruitmentRound.id.desc())
    if year is not None:
        q = q.where(RecruitmentRound.year == year)
    rounds = session.scalars(q.options(selectinload(RecruitmentRound.targets))).all()
    counts = dict(session.execute(select(Candidate.round_id, func.count()).group_by(Candidate.round_id)).all())
    hired = dict(session.execute(select(Candidate.round_id, func.count()).where(Candidate.status == "hired")
                                 .group_by(Candidate.round_id)).all())
    out: list[RoundRow] = []
    for r in rounds:
        plan = session.get(Decision, r.plan_decision_id) if r.plan_decision_id else None
        label = METHOD_LABELS.get(r.method, r.method)
        out.append(RoundRow(
            id=r.id, name=r.name, year=r.year, regime=r.regime, method=r.method, method_label=label,
            status=r.status, plan_number=plan.number if plan else None, plan_date=plan.sign_date if plan else None,
            positions=len(r.targets), quota=sum(t.quota for t in r.targets), candidates=counts.get(r.id, 0),
            hired=hired.get(r.id, 0),
        ))
    return out


# ----------------------------------------------------------------------------------------------------
# Candidates and scores


def candidates_of(session: Session, round_id: int) -> list[Candidate]:
    return list(session.scalars(
        select(Candidate).where(Candidate.round_id == round_id)
        .options(selectinload(Candidate.preferences), selectinload(Candidate.scores).selectinload(Score.changes))
        .order_by(Candidate.sort_key, Candidate.id)
    ))




def round1_result(c: Candidate, setup: RoundSetup) -> tuple[bool | None, str | None]:
    """(passed, reason if not): None while the eligibility check or a round-1 score is missing."""
    if c.eligible is None:
        return None, "Chưa kiểm tra điều kiện, tiêu chuẩn dự tuyển."
    if not c.eligible:
        return False, dr.reasons_text(c.ineligible_reasons or ()) or "Không đủ điều kiện, tiêu chuẩn dự tuyển."
    if not setup.has_round1_test:
        return True, None
    exempt = set(c.exemptions or ())
    scores = {s.part: s for s in c.scores if s.round_no == 1}
    for part in setup.round1_parts:
        if part.code in exempt:
            continue
        s = scores.get(part.code)
        if s is None:
            return None, f"Chưa có kết quả vòng 1 phần {part.label.lower()}."
        if s.absent or s.value is None:
            return False, f"Vắng thi vòng 1 ({part.label.lower()})."
        if not setup.method.round1_passes(int(s.value), part.questions):
            ratio = setup.method.round1_pass_ratio or Decimal(0)
            return False, (f"Vòng 1 phần {part.label.lower()}: {int(s.value)}/{part.questions} câu đúng, "
                           f"dưới {pct(ratio)}%.")
    return True, None


def pct(ratio: Decimal) -> str:
    value = (ratio * 100).normalize()
    return format(value, "f").replace(".", ",")


def round2_result(c: Candidate, setup: RoundSetup) -> tuple[Decimal | None, dict[str, Decimal | None], bool]:
    """(round-2 score when every part is in, part scores, absent)."""
    scores = {s.part: s for s in c.scores if s.round_no == 2}
    parts: dict[str, Decimal | None] = {}
    absent = False
    complete = True
    for p in setup.round2_parts:
        s = scores.get(p.code)
        if s is None:
            complete = False
            parts[p.code] = None
        elif s.absent or s.value is None:
            absent = True
            parts[p.code] = None
        else:
            parts[p.code] = Decimal(s.value)
    if absent or not complete:
        return None, parts, absent
    return sum((v for v in parts.values() if v is not None), Decimal(0)), parts, False


def candidate_info(session: Session, c: Candidate, setup: RoundSetup,
                   targets: Mapping[int, TargetInfo]) -> CandidateInfo:
    try:
        award = setup.priority.award(c.priority_groups or ())
        points, plabel = award.points, (award.group.label if award.group else None)
    except DomainError:  # a code an administrator removed from the rule data: shown without points
        points, plabel = Decimal(0), None
    passed, reason = round1_result(c, setup)
    round2, _parts, absent = round2_result(c, setup)
    prefs = tuple(
        PreferenceInfo(p.target_id, p.choice, targets[p.target_id].position_name if p.target_id in targets else "",
                       targets[p.target_id].unit_name if p.target_id in targets else "", p.eligible,
                       tuple(p.reasons or ()))
        for p in sorted(c.preferences, key=lambda p: p.choice)
    )
    return CandidateInfo(
        id=c.id, round_id=c.round_id, sbd=c.sbd, full_name=c.full_name, gender=c.gender, birth_date=c.birth_date,
        birth_place=c.birth_place, home_town=c.home_town, ethnicity=c.ethnicity, religion=c.religion,
        id_number=c.id_number, id_issue_date=c.id_issue_date, id_issue_place=c.id_issue_place,
        permanent_address=c.permanent_address, current_address=c.current_address, phone=c.phone, email=c.email,
        education_level=c.education_level, major=c.major, institution=c.institution,
        graduation_year=c.graduation_year, degree_grade=c.degree_grade,
        qualifications=tuple(QualificationItem.from_json(q) for q in c.qualifications or ()),
        experience_years=c.experience_years, priority_groups=tuple(c.priority_groups or ()),
        priority_points=points, priority_label=plabel, exemptions=tuple(c.exemptions or ()),
        exemption_note=c.exemption_note, applied_on=c.applied_on, eligible=c.eligible,
        ineligible_reasons=tuple(c.ineligible_reasons or ()), preferences=prefs,
        scores=tuple(ScoreInfo(s.round_no, s.part, None if s.value is None else Decimal(s.value),
                               Decimal(s.max_value), s.absent, len(s.changes)) for s in c.scores),
        round1_passed=passed, round1_reason=reason, round2=round2, round2_absent=absent, status=c.status,
        person_id=c.person_id, note=c.note,
    )


def candidate_infos(session: Session, rulebook: RuleBook, round_id: int) -> list[CandidateInfo]:
    """The round's candidates in Vietnamese given-name order."""
    rnd = get_round(session, round_id)
    setup = round_setup(session, rulebook, rnd)
    targets = {t.id: target_info(session, t) for t in rnd.targets}
    return [candidate_info(session, c, setup, targets) for c in candidates_of(session, round_id)]




def events(session: Session, round_id: int) -> list[EventInfo]:
    rows = session.scalars(select(RoundEvent).where(RoundEvent.round_id == round_id).order_by(RoundEvent.id))
    names = dict(session.execute(select(Candidate.id, Candidate.full_name)
                                 .where(Candidate.round_id == round_id)).all())
    return [
        EventInfo(
            id=e.id, kind=e.kind, event_date=e.event_date, from_status=e.from_status, to_status=e.to_status,
            target_id=e.target_id, candidate_id=e.candidate_id,
            candidate_name=names.get(e.candidate_id) if e.candidate_id else None,
            chosen=tuple(e.chosen or ()), reason_code=e.reason_code, reason=e.reason,
            decision=_dinfo(session, e.decision_id), user=e.user,
        )
        for e in rows
    ]


# ----------------------------------------------------------------------------------------------------
# Ranking


def ranking_inputs(session: Session, rnd: RecruitmentRound, setup: RoundSetup,
                   candidates: Sequence[Candidate]) -> tuple[list[dr.Candidate], dict[str, list[int]], dict[str, str]]:
    """Domain candidates; each one's preference choices in the order passed; why a candidate cannot rank.

    Eligibility is checked per position: the first preference decides whether the candidate sits the exam
    (one who fails it is listed there as not eligible, with the reasons); a later preference the candidate
    does not qualify for is left out, the others keep their order.
    """
    out: list[dr.Candidate] = []
    choices: dict[str, list[int]] = {}
    reasons: dict[str, str] = {}
    for c in candidates:
        prefs = sorted(c.preferences, key=lambda p: p.choice)
        if not prefs:
            continue
        usable = [p for p in prefs if p.eligible]
        passed, why = round1_result(c, setup)
        ok = bool(prefs[0].eligible) and passed is True
        chosen = usable if ok else prefs
        round2, parts, absent = round2_result(c, setup)
        domain_parts: tuple[dr.RoundTwoPart, ...] = ()
        if ok and round2 is not None and setup.split_round2:
            domain_parts = tuple(dr.RoundTwoPart(p.code, parts[p.code] or Decimal(0), p.max)
                                 for p in setup.round2_parts)
        cid = str(c.id)
        out.append(dr.Candidate(
            id=cid, full_name=c.full_name, preferences=tuple(str(p.target_id) for p in chosen),
            priority_groups=tuple(c.priority_groups or ()), round1_passed=ok,
            round2=round2 if ok else None, round2_parts=domain_parts,
        ))
        choices[cid] = [p.choice for p in chosen]
        if not ok:
            reasons[cid] = why or "Không đủ điều kiện dự tuyển ở vị trí đã đăng ký."
        elif absent:
            reasons[cid] = "Vắng mặt ở vòng 2."
    return out, choices, reasons


def decisions_and_withdrawals(session: Session, round_id: int) -> tuple[dict[str, list[str]], list[str]]:
    decisions: dict[str, list[str]] = {}
    withdrawn: list[str] = []
    for e in session.scalars(select(RoundEvent).where(
            RoundEvent.round_id == round_id, RoundEvent.kind.in_(("tie_decision", "withdrawal")))
            .order_by(RoundEvent.id)):
        if e.kind == "tie_decision" and e.target_id is not None:
            decisions[str(e.target_id)] = [str(x) for x in e.chosen or ()]
        elif e.kind == "withdrawal" and e.candidate_id is not None:
            withdrawn.append(str(e.candidate_id))
    return decisions, withdrawn


def compute_results(session: Session, rulebook: RuleBook, round_id: int, *,
                    extra_decisions: Mapping[str, Sequence[str]] | None = None,
                    extra_withdrawn: Sequence[str] = ()) -> RoundResults:
    """Rank every position of the round with `hrapp.domain.recruitment.rank_positions`.

    `extra_decisions`/`extra_withdrawn` let a service check a decision or a withdrawal before saving it.
    """
    rnd = get_round(session, round_id)
    setup = round_setup(session, rulebook, rnd)
    cands = candidates_of(session, round_id)
    by_id = {str(c.id): c for c in cands}
    domain_cands, choices, reasons = ranking_inputs(session, rnd, setup, cands)
    decisions, withdrawn = decisions_and_withdrawals(session, round_id)
    if extra_decisions:
        decisions.update({k: list(v) for k, v in extra_decisions.items()})
    withdrawn += list(extra_withdrawn)
    targets = [dr.Target(str(t.id), t.quota) for t in rnd.targets]
    infos = {t.id: target_info(session, t) for t in rnd.targets}
    if not targets:
        return RoundResults(rnd.id, rnd.regime, rnd.method, setup.regime.rule.legal_basis,
                            setup.priority.rule.legal_basis, ())
    result = dr.rank_positions(targets, domain_cands, regime=setup.regime, method=rnd.method,
                               priority=setup.priority, decisions=decisions, withdrawn=withdrawn)
    positions: list[PositionResults] = []
    for pr in result.positions:
        tid = int(pr.position)
        rows: list[ResultRow] = []
        for e in pr.entries:
            c = by_id[e.candidate_id]
            _r2, parts, _absent = round2_result(c, setup)
            phase_choices = choices.get(e.candidate_id, [])
            choice = phase_choices[e.preference - 1] if 0 < e.preference <= len(phase_choices) else e.preference
            group = setup.priority.group(e.priority_group) if e.priority_group else None
            reason = (reasons.get(e.candidate_id) or e.reason) if e.result is dr.Outcome.KHONG_DU_DIEU_KIEN else e.reason
            rows.append(ResultRow(
                candidate_id=c.id, sbd=c.sbd, full_name=c.full_name, gender=c.gender, birth_date=c.birth_date,
                choice=choice, round2=e.round2, parts=parts, priority_points=e.priority_points,
                priority_group=e.priority_group, priority_label=group.label if group else None, total=e.total,
                rank=e.rank, outcome=e.result, reason=reason,
                hired=c.status == "hired" and c.hired_target_id == tid, person_id=c.person_id,
            ))
        info = infos[tid]
        positions.append(PositionResults(tid, info.position_name, info.unit_name, pr.quota, pr.provisional,
                                         tuple(rows)))
    return RoundResults(rnd.id, rnd.regime, rnd.method, setup.regime.rule.legal_basis,
                        setup.priority.rule.legal_basis, tuple(positions), result)
