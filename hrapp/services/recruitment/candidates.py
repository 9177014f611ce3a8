"""Candidates of a round: the registration form checked and written, their eligibility for each preferred
position, candidate numbers (SBD)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp import catalogs, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Candidate,
    CandidatePreference,
    JobPosition,
    Rank,
    RecruitmentRound,
)
from hrapp.domain import validation as v
from hrapp.domain.person_input import personal_details_errors
from hrapp.errors import DomainError, NotFoundError, ValidationError
from hrapp.queries.recruitment import (
    CandidateInfo,
    QualificationItem,
    RoundSetup,
    get_candidate,
    list_candidates,
)
from hrapp.queries.recruitment import _session as q
from hrapp.security import WRITE, require
from hrapp.services.recruitment._common import (
    _clean,
    _round_for_update,
    _score_count,
    _today,
    require_status,
)
from hrapp.services.recruitment.inputs import EDITABLE_CANDIDATES, MAX_EXPERIENCE_YEARS, CandidateInput
from hrapp.text import fold, name_sort_key, normalize_name

# ============================================================================================== candidates


def candidate_errors(dto: CandidateInput, setup: RoundSetup, target_ids: Sequence[int], today: date,
                     deadline: date | None = None, notice: date | None = None) -> v.Errors:
    """Problems of a registration form that can be seen without the database."""
    errors = personal_details_errors(dto, today)
    errors += v.collect(
        ("applied_on", v.not_future_error(dto.applied_on, today, "Ngày nộp phiếu")),
    )
    if dto.education_level:
        errors += v.collect(("education_level", v.level_error("chuyen_mon", dto.education_level)))
    if dto.birth_date is not None and dto.birth_date <= today:
        errors += v.collect(("graduation_year", v.qualification_year_error(dto.birth_date, dto.graduation_year,
                                                                            today)))
    for i, item in enumerate(dto.qualifications):
        where = f"qualifications[{i}]"
        if item.kind not in catalogs.labels("qualification_kind"):
            errors.append((f"{where}.kind", messages.text("qualification_kind_unknown", kind=item.kind)))
            continue
        errors += v.collect((f"{where}.level_code", v.level_error(item.kind, item.level_code)))
        if item.kind == "ngoai_ngu" and not _clean(item.language):
            errors.append((f"{where}.language", messages.text("language_missing")))
        if dto.birth_date is not None and dto.birth_date <= today:
            errors += v.collect((f"{where}.year", v.qualification_year_error(dto.birth_date, item.year, today)))
    if dto.experience_years is not None and not 0 <= dto.experience_years <= MAX_EXPERIENCE_YEARS:
        errors.append(("experience_years", messages.text("experience_years_limit", limit=MAX_EXPERIENCE_YEARS)))
    if not dto.preferences:
        errors.append(("preferences", messages.text("preference_missing")))
    if len(set(dto.preferences)) != len(dto.preferences):
        errors.append(("preferences", messages.text("preference_repeated")))
    if any(t not in target_ids for t in dto.preferences):
        errors.append(("preferences", messages.text("preference_not_in_round")))
    for code in dto.priority_groups:
        group = setup.priority.group(code) if isinstance(code, str) else None
        if group is None:
            known = isinstance(code, str) and code in setup.priority.known_codes
            errors.append(("priority_groups",
                           f"Diện ưu tiên '{code}' không áp dụng theo {setup.priority.rule.legal_basis}." if known
                           else f"Không có diện ưu tiên '{code}' trong quy định về điểm ưu tiên tuyển dụng."))
    if len(set(dto.priority_groups)) != len(dto.priority_groups):
        errors.append(("priority_groups", messages.text("priority_group_twice")))
    allowed = {p.code for p in setup.round1_parts} if setup.has_round1_test else set()
    for code in dto.exemptions:
        if code not in allowed:
            errors.append(("exemptions", f"Không có phần thi vòng 1 '{code}' để miễn." if allowed
                           else "Hình thức tuyển dụng này không có bài thi vòng 1 để miễn."))
    if dto.exemptions and not _clean(dto.exemption_note):
        errors.append(("exemption_note", messages.text("exemption_basis_missing")))
    if dto.applied_on is not None and deadline is not None and dto.applied_on > deadline:
        errors.append(("applied_on", messages.text("applied_after_deadline", applied=dto.applied_on, deadline=deadline)))
    if dto.applied_on is not None and notice is not None and dto.applied_on < notice:
        errors.append(("applied_on", messages.text("applied_before_notice", applied=dto.applied_on, notice=notice)))
    return errors


def _apply_candidate(c: Candidate, dto: CandidateInput) -> None:
    c.full_name = normalize_name(dto.full_name)
    c.name_folded = fold(c.full_name)
    c.sort_key = name_sort_key(c.full_name)
    assert dto.gender is not None  # candidate_errors refused a missing sex
    c.gender = dto.gender
    assert dto.birth_date is not None
    c.birth_date = dto.birth_date
    for attr in ("birth_place", "home_town", "id_issue_place", "permanent_address", "current_address", "phone",
                 "major", "institution", "degree_grade", "exemption_note", "note"):
        setattr(c, attr, _clean(getattr(dto, attr)))
    c.ethnicity = v.catalog_code("ethnicity", dto.ethnicity) or dto.ethnicity or None  # a name typed: its code
    c.religion = v.catalog_code("religion", dto.religion) or dto.religion or None
    number = v.normalize_cccd(dto.id_number)
    assert number is not None  # candidate_errors refused a missing CCCD
    c.id_number = number
    c.id_issue_date = dto.id_issue_date
    c.email = (_clean(dto.email) or "").lower() or None
    c.education_level = dto.education_level or None
    c.graduation_year = dto.graduation_year
    c.qualifications = [i.to_json() for i in dto.qualifications] or None
    c.experience_years = dto.experience_years
    c.priority_groups = list(dto.priority_groups) or None
    c.exemptions = list(dto.exemptions) or None
    c.applied_on = dto.applied_on


def _set_preferences(s: Session, c: Candidate, targets: Sequence[int]) -> None:
    current = [p.target_id for p in sorted(c.preferences, key=lambda p: p.choice)]
    if current == list(targets):
        return
    c.preferences.clear()
    s.flush()  # the unique (candidate, choice) rows must go before the new ones come
    for i, tid in enumerate(targets, start=1):
        c.preferences.append(CandidatePreference(target_id=tid, choice=i))


def _duplicate_errors(s: Session, round_id: int, id_number: str | None, own_id: int | None) -> v.Errors:
    number = v.normalize_cccd(id_number)
    if not number or v.cccd_error(number):
        return []
    qy = select(Candidate.full_name).where(Candidate.round_id == round_id, Candidate.id_number == number)
    if own_id is not None:
        qy = qy.where(Candidate.id != own_id)
    other = s.scalar(qy)
    if other:
        return [("id_number", f"Số CCCD {number} đã đăng ký trong kỳ tuyển dụng này ({other}); mỗi người chỉ "
                              "có một phiếu đăng ký.")]
    return []




def save_candidate_in(s: Session, ctx: ServiceContext, rnd: RecruitmentRound, dto: CandidateInput, today: date,
                      candidate: Candidate | None = None) -> Candidate:
    """Validate and write one registration form inside the caller's unit of work (also used by the import)."""
    setup = q.round_setup(s, ctx.rulebook, rnd)
    errors = candidate_errors(dto, setup, [t.id for t in rnd.targets], today, rnd.application_deadline,
                              rnd.notice_date)
    errors += _duplicate_errors(s, rnd.id, dto.id_number, candidate.id if candidate else None)
    v.raise_if(errors)
    c = candidate or Candidate(round_id=rnd.id, status="registered")
    _apply_candidate(c, dto)
    if candidate is None:
        s.add(c)
    s.flush()
    _set_preferences(s, c, dto.preferences)
    if rnd.status == "round1":
        _check_candidate(s, rnd, c, _eligibility_date(rnd, today))
    else:
        c.eligible, c.ineligible_reasons, c.checked_on = None, None, None
        for p in c.preferences:
            p.eligible, p.reasons = None, None
    return c


def add_candidate(ctx: ServiceContext, round_id: int, dto: CandidateInput, *,
                  today: date | None = None) -> CandidateInfo:
    """Register a candidate (Phiếu đăng ký dự tuyển); a CCCD already registered in the round is refused."""
    require(ctx, WRITE)
    today = today or _today()
    with ctx.unit_of_work() as s:
        rnd = _round_for_update(s, round_id)
        require_status(rnd, EDITABLE_CANDIDATES, "thêm người dự tuyển")
        c = save_candidate_in(s, ctx, rnd, dto, today)
        candidate_id = c.id
    return get_candidate(ctx, candidate_id)


def update_candidate(ctx: ServiceContext, candidate_id: int, dto: CandidateInput, *,
                     today: date | None = None) -> CandidateInfo:
    require(ctx, WRITE)
    today = today or _today()
    with ctx.unit_of_work() as s:
        c = _candidate(s, candidate_id)
        rnd = _round_for_update(s, c.round_id)
        require_status(rnd, EDITABLE_CANDIDATES, "sửa phiếu đăng ký dự tuyển")
        if any(sc.round_no == 1 for sc in c.scores):
            raise DomainError("has_scores", f"{c.full_name} đã có điểm vòng 1 nên không thể sửa phiếu đăng ký.")
        save_candidate_in(s, ctx, rnd, dto, today, c)
    return get_candidate(ctx, candidate_id)


def delete_candidate(ctx: ServiceContext, candidate_id: int) -> None:
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        c = _candidate(s, candidate_id)
        rnd = _round_for_update(s, c.round_id)
        require_status(rnd, ("draft", "open"), "xóa người dự tuyển")
        s.delete(c)


def _candidate(s: Session, candidate_id: int) -> Candidate:
    c = s.get(Candidate, candidate_id)
    if c is None:
        raise NotFoundError("candidate_not_found", "Không tìm thấy người dự tuyển này.", field="candidate_id")
    return c


# ============================================================================================== eligibility


def _level_rank(code: str | None) -> int:
    if not code:
        return 0
    return int(catalogs.extra("qualification_level", code).get("rank", 0))


def _majors_match(required: str, held: Sequence[str]) -> bool:
    """'Vật lý, Điện tử - Viễn thông' (or '; ', ' hoặc ') accepts a degree in either; the candidate's major
    must contain one of them ('Công nghệ thông tin ứng dụng' has 'Công nghệ thông tin'), diacritics aside."""
    options = [fold(x) for x in re.split(r",|;| hoặc ", required) if x.strip()]
    have = [fold(m) for m in held if m and m.strip()]
    return any(o in m for o in options for m in have)


def eligibility_reasons(c: Candidate, pos: JobPosition, rank: Rank | None, on: date) -> list[str]:
    """Why the candidate does not meet the position's requirements on `on` (empty when they do): age at
    least 18, professional level and major, IT and language certificates, years of experience."""
    reasons: list[str] = []
    if v.age_on(c.birth_date, on) < v.ADULT_AGE:
        reasons.append(f"Chưa đủ {v.ADULT_AGE} tuổi vào ngày {v.dmy(on)} (sinh ngày {v.dmy(c.birth_date)}).")
    quals = [QualificationItem.from_json(x) for x in c.qualifications or ()]
    professional = [(c.education_level, c.major)] if c.education_level else []
    professional += [(x.level_code, x.major) for x in quals if x.kind == "chuyen_mon"]
    best = max((lvl for lvl, _m in professional), key=_level_rank, default=None)
    required = pos.req_education_level
    if rank is not None and rank.required_education and _level_rank(rank.required_education) > _level_rank(required):
        required = rank.required_education
    if required and _level_rank(best) < _level_rank(required):
        reasons.append(f"Trình độ chuyên môn: yêu cầu {q.level_name(required)} trở lên, {_held(q.level_name(best))}.")
    if pos.req_major:
        # The major must be that of a degree at the required level; when the level already fails, any
        # degree's major is compared so the list names only what is really missing.
        level_ok = not required or _level_rank(best) >= _level_rank(required)
        floor = _level_rank(required) if level_ok else 0
        majors = [m for lvl, m in professional if m and _level_rank(lvl) >= floor]
        if not _majors_match(pos.req_major, majors):
            reasons.append(f"Chuyên ngành: yêu cầu {pos.req_major}, {_held('; '.join(majors))}.")
    # Political theory (LLCT) and state management (QLNN) are standards gained by training after recruitment
    # (bồi dưỡng during probation, or for a leadership post); only IT and language certificates are asked for.
    for kind, need in (("tin_hoc", pos.req_it), ("ngoai_ngu", pos.req_language)):
        if not need:
            continue
        held = max((x.level_code for x in quals if x.kind == kind), key=_level_rank, default=None)
        if _level_rank(held) < _level_rank(need):
            reasons.append(f"{catalogs.label('qualification_kind', kind)}: yêu cầu {q.level_name(need)}, "
                           f"{_held(q.level_name(held))}.")
    if pos.req_experience_years and (c.experience_years or 0) < pos.req_experience_years:
        reasons.append(f"Kinh nghiệm: yêu cầu từ {pos.req_experience_years} năm, người dự tuyển có "
                       f"{c.experience_years or 0} năm.")
    return reasons


def _held(what: str) -> str:
    return f"người dự tuyển có {what}" if what else "người dự tuyển chưa có"


def _eligibility_date(rnd: RecruitmentRound, today: date) -> date:
    return rnd.application_deadline or rnd.notice_date or today


def _check_candidate(s: Session, rnd: RecruitmentRound, c: Candidate, on: date) -> None:
    """Each preference is checked; the first decides whether the candidate may sit the exam at all, and a
    later preference the candidate does not qualify for is left out of the ranking."""
    targets = {t.id: t for t in rnd.targets}
    prefs = sorted(c.preferences, key=lambda p: p.choice)
    for p in prefs:
        t = targets[p.target_id]
        pos = s.get(JobPosition, t.position_id)
        assert pos is not None
        rank_code = t.rank_code or pos.min_rank_code
        rank = s.get(Rank, rank_code) if rank_code else None
        own = eligibility_reasons(c, pos, rank, on)
        p.eligible = not own
        p.reasons = own or None
    first = prefs[0] if prefs else None
    c.eligible = bool(first and first.eligible)
    c.ineligible_reasons = None if c.eligible else (list(first.reasons or ()) if first else None)
    c.checked_on = on


def _check_all(s: Session, ctx: ServiceContext, rnd: RecruitmentRound, today: date) -> None:
    on = _eligibility_date(rnd, today)
    for c in q.candidates_of(s, rnd.id):
        _check_candidate(s, rnd, c, on)


def check_eligibility(ctx: ServiceContext, round_id: int, *, today: date | None = None) -> list[CandidateInfo]:
    """Check every candidate against the requirements of each position applied for, on the application
    deadline; the failing reasons are kept with the candidate. Done automatically when round 1 starts."""
    require(ctx, WRITE)
    today = today or _today()
    with ctx.unit_of_work() as s:
        rnd = _round_for_update(s, round_id)
        require_status(rnd, ("open", "round1"), "kiểm tra điều kiện dự tuyển")
        if _score_count(s, rnd.id, 1):
            raise DomainError("has_scores", "Đã có điểm vòng 1 nên không kiểm tra lại điều kiện dự tuyển.")
        _check_all(s, ctx, rnd, today)
    return list_candidates(ctx, round_id)


# ============================================================================================== SBD


def assign_sbd(ctx: ServiceContext, round_id: int, prefix: str = "") -> list[CandidateInfo]:
    """Number the candidates who may sit the exam (số báo danh): position by position in the plan's order,
    then by given name; zero-padded (001, 002 …) after an optional prefix. Not after scores exist."""
    require(ctx, WRITE)
    prefix = (prefix or "").strip()
    if len(prefix) > 10:
        raise ValidationError([("prefix", messages.text("number_prefix_too_long"))])
    with ctx.unit_of_work() as s:
        assign_sbd_in(s, round_id, prefix)
    return list_candidates(ctx, round_id)


def assign_sbd_in(s: Session, round_id: int, prefix: str = "") -> None:
    """`assign_sbd` inside the caller's unit of work (also used by the demo)."""
    rnd = _round_for_update(s, round_id)
    require_status(rnd, ("round1",), "đánh số báo danh")
    if _score_count(s, rnd.id, 1) or _score_count(s, rnd.id, 2):
        raise DomainError("has_scores", "Đã có điểm thi nên không đánh lại số báo danh.")
    order = {t.id: t.sort_order for t in rnd.targets}
    cands = q.candidates_of(s, rnd.id)
    sitting = [c for c in cands if c.eligible]
    if not sitting:
        raise DomainError("no_candidates", "Không có người dự tuyển nào đủ điều kiện để đánh số báo danh.")

    def key(c: Candidate) -> tuple[int, str, int]:
        first = next(p for p in sorted(c.preferences, key=lambda p: p.choice) if p.eligible)
        return order.get(first.target_id, 0), c.sort_key, c.id

    sitting.sort(key=key)
    width = max(3, len(str(len(sitting))))
    for c in cands:
        c.sbd = None
    s.flush()
    for n, c in enumerate(sitting, start=1):
        c.sbd = f"{prefix}{n:0{width}d}"
