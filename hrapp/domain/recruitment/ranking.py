"""The ranking of candidates per position: priority points, ties broken by the regime's steps, preferences
filled in order, the head's decisions on ties, withdrawals passing a place to the next candidate."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from hrapp.domain.priority import PriorityAward, PriorityTable
from hrapp.domain.recruitment.regime import (
    REASON_DECIDED,
    REASON_FULL,
    REASON_TIE,
    REASON_WITHDRAWN,
    ZERO,
    MethodRule,
    Outcome,
    RecruitmentRegime,
)
from hrapp.errors import DomainError

# --------------------------------------------------------------------------- ranking input and output


@dataclass(frozen=True)
class RoundTwoPart:
    """A part score of round 2, e.g. code='thi_viet', score=35 out of maximum=60."""

    code: str
    score: Decimal
    maximum: Decimal


@dataclass(frozen=True)
class Candidate:
    """One applicant as the ranking sees them; preferences are position codes, first choice first."""

    id: str
    full_name: str
    preferences: tuple[str, ...]
    priority_groups: tuple[str, ...] = ()
    round1_passed: bool = True
    round2: Decimal | None = None
    round2_parts: tuple[RoundTwoPart, ...] = ()

    def part_score(self, code: str) -> Decimal | None:
        for p in self.round2_parts:
            if p.code == code:
                return p.score
        return None


@dataclass(frozen=True)
class Target:
    """A position to fill and its quota (chỉ tiêu)."""

    position: str
    quota: int


@dataclass(frozen=True)
class RankedEntry:
    """One row of a position's ranking; `preference` is the preference number it is ranked under."""

    candidate_id: str
    full_name: str
    preference: int
    round2: Decimal | None
    priority_points: Decimal
    priority_group: str | None
    total: Decimal | None
    rank: int | None
    result: Outcome
    reason: str | None = None


@dataclass(frozen=True)
class PositionRanking:
    """The ranking of one position; `provisional` when a decision still due elsewhere can change it."""

    position: str
    quota: int
    entries: tuple[RankedEntry, ...]
    provisional: bool = False

    def ids_with(self, outcome: Outcome) -> tuple[str, ...]:
        return tuple(e.candidate_id for e in self.entries if e.result is outcome)

    @property
    def winners(self) -> tuple[str, ...]:
        return self.ids_with(Outcome.TRUNG_TUYEN)


@dataclass(frozen=True)
class RankingResult:
    """Every position's ranking plus the rule versions used to produce it."""

    regime: RecruitmentRegime
    method: MethodRule
    priority: PriorityTable
    positions: tuple[PositionRanking, ...]

    def position(self, code: str) -> PositionRanking:
        for p in self.positions:
            if p.position == code:
                return p
        raise DomainError("unknown_position", f"Không có vị trí '{code}' trong kết quả xếp hạng.")

    def candidate_outcomes(self) -> dict[str, tuple[str | None, Outcome]]:
        """Each candidate's overall result: the position won (or held, or withdrawn from) and the outcome."""
        strength = {
            Outcome.TRUNG_TUYEN: 0,
            Outcome.CAN_QUYET_DINH: 1,
            Outcome.RUT_HO_SO: 2,
            Outcome.KHONG_TRUNG_TUYEN: 3,
            Outcome.KHONG_DU_DIEU_KIEN: 4,
        }
        out: dict[str, tuple[str | None, Outcome]] = {}
        for p in self.positions:
            for e in p.entries:
                position = (
                    None
                    if e.result in (Outcome.KHONG_TRUNG_TUYEN, Outcome.KHONG_DU_DIEU_KIEN)
                    else p.position
                )
                current = out.get(e.candidate_id)
                if current is None or strength[e.result] < strength[current[1]]:
                    out[e.candidate_id] = (position, e.result)
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "regime": self.regime.code,
            "method": self.method.method,
            "rules": [self.regime.rule.to_json(), self.priority.rule.to_json()],
            "positions": [
                {
                    "position": p.position,
                    "quota": p.quota,
                    "provisional": p.provisional,
                    "ranking": [
                        {
                            "id": e.candidate_id,
                            "full_name": e.full_name,
                            "round2": json_number(e.round2),
                            "priority_points": json_number(e.priority_points),
                            "priority_group": e.priority_group,
                            "total": json_number(e.total),
                            "rank": e.rank,
                            "result": e.result.value,
                            "preference": e.preference,
                            "reason": e.reason,
                        }
                        for e in p.entries
                    ],
                }
                for p in self.positions
            ],
        }


def json_number(value: Decimal | None) -> int | float | None:
    """62.5 -> 62.5, 5.0 -> 5: JSON numbers, not strings."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _fmt(value: Decimal) -> str:
    """Vietnamese decimal comma for messages: 49.99 -> '49,99'."""
    text = format(value.normalize(), "f") if value == value.to_integral_value() else str(value)
    return text.replace(".", ",")


# --------------------------------------------------------------------------- ranking


@dataclass(frozen=True)
class _Scored:
    index: int
    candidate: Candidate
    award: PriorityAward
    total: Decimal | None
    reason: str | None

    @property
    def id(self) -> str:
        return self.candidate.id

    @property
    def eligible(self) -> bool:
        return self.reason is None


@dataclass(frozen=True)
class _Block:
    """Candidates of one position and phase sharing a rank and an outcome."""

    phase: int
    members: tuple[_Scored, ...]
    outcome: Outcome
    reason: str | None


@dataclass(frozen=True)
class _Allocation:
    blocks: dict[str, tuple[_Block, ...]]
    holders: dict[str, tuple[str, int, Outcome]]
    provisional: frozenset[str]


def _ineligibility(c: Candidate, method: MethodRule) -> str | None:
    if not c.round1_passed:
        return "Không đạt vòng 1."
    if c.round2 is None:
        return "Không có điểm vòng 2."
    if c.round2 < method.round2_pass_min:
        return f"Điểm vòng 2 ({_fmt(c.round2)}) dưới {_fmt(method.round2_pass_min)} điểm."
    for part in c.round2_parts:
        rule = method.part(part.code)
        if rule is not None and rule.min_ratio is not None and part.score < rule.min_ratio * part.maximum:
            percent = _fmt(rule.min_ratio * 100)
            return (
                f"Điểm {rule.label.lower()} ({_fmt(part.score)}/{_fmt(part.maximum)}) "
                f"dưới {percent}% điểm tối đa của phần thi."
            )
    return None


def _step_value(s: _Scored, step: str) -> Decimal | None:
    if step == "round2":
        return s.candidate.round2
    return s.candidate.part_score(step.removeprefix("part:"))


def _split(group: list[_Scored], steps: tuple[str, ...]) -> list[list[_Scored]]:
    """Break a tie on total by the regime's criteria; a criterion someone lacks cannot break it."""
    if len(group) <= 1 or not steps:
        return [group]
    step, rest = steps[0], steps[1:]
    values = [_step_value(s, step) for s in group]
    known = [v for v in values if v is not None]
    if len(known) < len(values):
        return [group]
    out: list[list[_Scored]] = []
    for v in sorted(set(known), reverse=True):
        out.extend(_split([s for s, sv in zip(group, values, strict=True) if sv == v], rest))
    return out


def _tie_groups(pool: list[_Scored], steps: tuple[str, ...]) -> list[list[_Scored]]:
    """Pool ordered by total descending, as groups no rule can separate (input order inside a group)."""
    out: list[list[_Scored]] = []
    ordered = sorted(pool, key=lambda s: s.index)
    totals = sorted({s.total for s in ordered if s.total is not None}, reverse=True)
    for total in totals:
        out.extend(_split([s for s in ordered if s.total == total], steps))
    return out


def _lost_reason(loser: _Scored, last_winner: _Scored | None, full_before: bool) -> str | None:
    """Why a ranked candidate outside the quota lost, where it is not just a lower total."""
    if full_before:
        return REASON_FULL
    if last_winner is None or last_winner.total != loser.total:
        return None
    if last_winner.candidate.round2 != loser.candidate.round2:
        return "Bằng tổng điểm ở chỉ tiêu cuối cùng; điểm vòng 2 thấp hơn người trúng tuyển."
    return "Bằng tổng điểm và điểm vòng 2 ở chỉ tiêu cuối cùng; điểm thi viết thấp hơn người trúng tuyển."


def _allocate(
    targets: Sequence[Target],
    pool: Sequence[_Scored],
    method: MethodRule,
    decisions: Mapping[str, frozenset[str]],
) -> _Allocation:
    """First preferences for every position, then second preferences for places still free, and so on."""
    quota = {t.position: t.quota for t in targets}
    free = dict(quota)
    blocks: dict[str, list[_Block]] = {t.position: [] for t in targets}
    holders: dict[str, tuple[str, int, Outcome]] = {}
    # seats already won or held at each position when each phase starts
    taken_before: dict[str, list[int]] = {t.position: [] for t in targets}
    phases = max((len(s.candidate.preferences) for s in pool), default=0)
    for phase in range(phases):
        pools: dict[str, list[_Scored]] = {t.position: [] for t in targets}
        for s in pool:
            prefs = s.candidate.preferences
            if s.id not in holders and phase < len(prefs):
                pools[prefs[phase]].append(s)
        for t in targets:
            pos = t.position
            taken_before[pos].append(quota[pos] - free[pos])
            full_before = free[pos] == 0
            last_winner: _Scored | None = None
            for group in _tie_groups(pools[pos], method.tie_break):
                seats = free[pos]
                if seats == 0:
                    reason = _lost_reason(group[0], last_winner, full_before)
                    blocks[pos].append(_Block(phase, tuple(group), Outcome.KHONG_TRUNG_TUYEN, reason))
                elif len(group) <= seats:
                    blocks[pos].append(_Block(phase, tuple(group), Outcome.TRUNG_TUYEN, None))
                    free[pos] -= len(group)
                    last_winner = group[0]
                    holders.update({s.id: (pos, phase, Outcome.TRUNG_TUYEN) for s in group})
                else:
                    chosen = [s for s in group if s.id in decisions.get(pos, frozenset())]
                    if not chosen:
                        blocks[pos].append(_Block(phase, tuple(group), Outcome.CAN_QUYET_DINH, REASON_TIE))
                        holders.update({s.id: (pos, phase, Outcome.CAN_QUYET_DINH) for s in group})
                    elif len(chosen) != seats:
                        names = ", ".join(s.id for s in group)
                        raise DomainError(
                            "tie_decision_count",
                            position=pos, seats=seats, names=names, chosen=len(chosen),
                            field="decisions",
                        )
                    else:
                        picked = {s.id for s in chosen}
                        rest = tuple(s for s in group if s.id not in picked)
                        blocks[pos].append(_Block(phase, tuple(chosen), Outcome.TRUNG_TUYEN, REASON_DECIDED))
                        blocks[pos].append(_Block(phase, rest, Outcome.KHONG_TRUNG_TUYEN, REASON_DECIDED))
                        holders.update({s.id: (pos, phase, Outcome.TRUNG_TUYEN) for s in chosen})
                        last_winner = chosen[0]
                    free[pos] = 0
    provisional: set[str] = set()
    by_id = {s.id: s for s in pool}
    for cid, (_pos, phase, outcome) in holders.items():
        if outcome is not Outcome.CAN_QUYET_DINH:
            continue
        prefs = by_id[cid].candidate.preferences
        for later in range(phase + 1, len(prefs)):
            if taken_before[prefs[later]][later] < quota[prefs[later]]:
                provisional.add(prefs[later])
    return _Allocation({k: tuple(v) for k, v in blocks.items()}, holders, frozenset(provisional))


def _validate(targets: Sequence[Target], candidates: Sequence[Candidate], method: MethodRule) -> None:
    if not targets:
        raise DomainError("targets_missing", field="targets")
    positions: set[str] = set()
    for t in targets:
        if not t.position:
            raise DomainError("target_code_missing", field="targets")
        if t.position in positions:
            raise DomainError(
                "duplicate_position", f"Vị trí '{t.position}' bị khai báo hai lần.", field="targets"
            )
        if isinstance(t.quota, bool) or not isinstance(t.quota, int) or t.quota < 1:
            raise DomainError(
                "target_quota_invalid",
                position=t.position,
                field="quota",
            )
        positions.add(t.position)
    ids: set[str] = set()
    for c in candidates:
        if not c.id:
            raise DomainError("candidate_code_missing", field="id")
        if c.id in ids:
            raise DomainError("duplicate_candidate", f"Mã ứng viên '{c.id}' bị trùng.", field="id")
        ids.add(c.id)
        if not c.preferences:
            raise DomainError(
                "candidate_no_preference", candidate=c.id, field="preferences"
            )
        if len(set(c.preferences)) != len(c.preferences):
            raise DomainError(
                "candidate_preference_repeated", candidate=c.id, field="preferences"
            )
        for pos in c.preferences:
            if pos not in positions:
                raise DomainError(
                    "unknown_position",
                    f"Ứng viên {c.id}: nguyện vọng '{pos}' không có trong danh sách vị trí tuyển dụng.",
                    field="preferences",
                )
        _validate_scores(c, method)


def _validate_scores(c: Candidate, method: MethodRule) -> None:
    top = method.round2_max
    if c.round2 is not None and not ZERO <= c.round2 <= top:
        raise DomainError(
            "score_out_of_range",
            f"Ứng viên {c.id}: điểm vòng 2 phải từ 0 đến {_fmt(top)} (nhận được {_fmt(c.round2)}).",
            field="round2",
        )
    if not c.round2_parts:
        return
    if not method.parts:
        raise DomainError(
            "round2_parts_not_in_method",
            candidate=c.id, method=method.label.lower(),
            field="round2_parts",
        )
    seen: set[str] = set()
    for part in c.round2_parts:
        rule = method.part(part.code)
        if rule is None:
            allowed = ", ".join(p.code for p in method.parts)
            raise DomainError(
                "round2_part_unknown",
                candidate=c.id, part=part.code, allowed=allowed,
                field="round2_parts",
            )
        if part.code in seen:
            raise DomainError(
                "round2_part_repeated",
                candidate=c.id, part=part.code,
                field="round2_parts",
            )
        seen.add(part.code)
        if part.maximum <= 0 or not ZERO <= part.score <= part.maximum:
            raise DomainError(
                "score_out_of_range",
                f"Ứng viên {c.id}: điểm {rule.label.lower()} phải từ 0 đến điểm tối đa của phần "
                f"({_fmt(part.score)}/{_fmt(part.maximum)}).",
                field="round2_parts",
            )
    # Part maxima are the weights of the parts: together they make the round-2 scale.
    if sum((p.maximum for p in c.round2_parts), ZERO) != top:
        raise DomainError(
            "round2_parts_total",
            candidate=c.id, top=_fmt(top),
            field="round2_parts",
        )
    if c.round2 is None or sum((p.score for p in c.round2_parts), ZERO) != c.round2:
        raise DomainError(
            "round2_sum_mismatch",
            candidate=c.id,
            field="round2",
        )


def rank_positions(
    targets: Sequence[Target],
    candidates: Sequence[Candidate],
    *,
    regime: RecruitmentRegime,
    method: str,
    priority: PriorityTable,
    decisions: Mapping[str, Sequence[str]] | None = None,
    withdrawn: Sequence[str] = (),
) -> RankingResult:
    """Rank every position of a round; used by both the GUI and the CLI.

    A candidate ranks when round 1 was passed and round 2 reaches the regime's pass mark (each part
    too, where the regime sets one). Total = round 2 + the single highest priority points. Places go
    by total, descending, within the quota; a tie on total at the last place goes to the higher round-2
    score (then the written part where the regime says so); a tie still unbroken marks every tied
    candidate `can_quyet_dinh` until `decisions[position]` names the head's choice. First preferences
    are decided for all positions before places still free are offered to second preferences, and so
    on. A winner listed in `withdrawn` (in the order they withdrew) frees the place for the next one.
    """
    rule = regime.method(method)
    if priority.subject != regime.subject:
        raise DomainError(
            "rule_not_found",
            f"Quy định điểm ưu tiên {priority.rule.version} không dùng cho chế độ tuyển dụng {regime.code}.",
        )
    _validate(targets, candidates, rule)
    scored: list[_Scored] = []
    for index, c in enumerate(candidates):
        award = priority.award(c.priority_groups)
        reason = _ineligibility(c, rule)
        total = c.round2 + award.points if reason is None and c.round2 is not None else None
        scored.append(_Scored(index, c, award, total, reason))
    by_id = {s.id: s for s in scored}
    chosen = _checked_decisions(decisions or {}, targets, by_id)
    withdrawn_at = _apply_withdrawals(targets, scored, rule, chosen, withdrawn, by_id)
    final = _allocate(targets, [s for s in scored if s.eligible and s.id not in withdrawn_at], rule, chosen)

    positions: list[PositionRanking] = []
    for t in targets:
        entries: list[RankedEntry] = []
        for block in final.blocks[t.position]:
            rank = len(entries) + 1
            entries.extend(
                _entry(s, block.phase + 1, rank, block.outcome, block.reason) for s in block.members
            )
        for cid, (pos, phase) in withdrawn_at.items():
            if pos == t.position:
                entries.append(_entry(by_id[cid], phase + 1, None, Outcome.RUT_HO_SO, REASON_WITHDRAWN))
        for s in scored:
            if not s.eligible and s.candidate.preferences[0] == t.position:
                entries.append(_entry(s, 1, None, Outcome.KHONG_DU_DIEU_KIEN, s.reason))
        positions.append(
            PositionRanking(t.position, t.quota, tuple(entries), t.position in final.provisional)
        )
    return RankingResult(regime, rule, priority, tuple(positions))


def _entry(
    s: _Scored, preference: int, rank: int | None, outcome: Outcome, reason: str | None
) -> RankedEntry:
    return RankedEntry(
        candidate_id=s.id,
        full_name=s.candidate.full_name,
        preference=preference,
        round2=s.candidate.round2,
        priority_points=s.award.points,
        priority_group=s.award.group_code,
        total=s.total,
        rank=rank,
        result=outcome,
        reason=reason,
    )


def _checked_decisions(
    decisions: Mapping[str, Sequence[str]], targets: Sequence[Target], by_id: Mapping[str, _Scored]
) -> dict[str, frozenset[str]]:
    positions = {t.position for t in targets}
    out: dict[str, frozenset[str]] = {}
    for pos, ids in decisions.items():
        if pos not in positions:
            raise DomainError(
                "decision_position_unknown",
                position=pos,
                field="decisions",
            )
        if len(set(ids)) != len(ids):
            raise DomainError(
                "decision_candidate_repeated", position=pos, field="decisions"
            )
        for cid in ids:
            s = by_id.get(cid)
            if s is None:
                raise DomainError(
                    "decision_candidate_unknown",
                    position=pos, candidate=cid,
                    field="decisions",
                )
            if not s.eligible or pos not in s.candidate.preferences:
                raise DomainError(
                    "decision_candidate_ineligible",
                    position=pos, candidate=cid,
                    field="decisions",
                )
        out[pos] = frozenset(ids)
    return out


def _apply_withdrawals(
    targets: Sequence[Target],
    scored: Sequence[_Scored],
    rule: MethodRule,
    decisions: Mapping[str, frozenset[str]],
    withdrawn: Sequence[str],
    by_id: Mapping[str, _Scored],
) -> dict[str, tuple[str, int]]:
    """Withdrawals in the order they happened; each must be a winner (or a tied candidate) at that point."""
    out: dict[str, tuple[str, int]] = {}
    for cid in withdrawn:
        if cid not in by_id:
            raise DomainError(
                "withdrawal_unknown", candidate=cid, field="withdrawn"
            )
        if cid in out:
            raise DomainError(
                "withdrawal_twice", candidate=cid, field="withdrawn"
            )
        alloc = _allocate(targets, [s for s in scored if s.eligible and s.id not in out], rule, decisions)
        held = alloc.holders.get(cid)
        if held is None:
            raise DomainError(
                "withdrawal_not_winner",
                candidate=cid,
                field="withdrawn",
            )
        out[cid] = (held[0], held[1])
    return out
