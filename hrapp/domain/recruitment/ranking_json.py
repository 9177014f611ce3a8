"""The JSON contract of the ranking (the CLI `rules rank`): the input checked field by field, the result written."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from hrapp.domain.recruitment.ranking import Candidate, RoundTwoPart, Target, rank_positions
from hrapp.domain.recruitment.regime import ZERO, regime
from hrapp.domain.rules import RuleBook
from hrapp.errors import DomainError

# --------------------------------------------------------------------------- JSON contract (CLI)

_TOP_KEYS = {"regime", "method", "targets", "candidates", "decisions", "withdrawn", "date"}
_TARGET_KEYS = {"position", "quota"}
_CANDIDATE_KEYS = {
    "id",
    "full_name",
    "preferences",
    "priority_groups",
    "round1_passed",
    "round2",
    "round2_parts",
}
_PART_KEYS = {"part", "score", "max"}


def _bad(message: str, field: str, code: str = "invalid_input") -> DomainError:
    return DomainError(code, message, field=field)


def _require(obj: Any, keys: set[str], required: tuple[str, ...], where: str) -> Mapping[str, Any]:
    """`where` is the JSON path of `obj` ('' for the whole input)."""
    label = where or "dữ liệu đầu vào"
    if not isinstance(obj, Mapping):
        raise _bad(f"{label[0].upper()}{label[1:]} phải là một đối tượng JSON.", where or "input")
    for key in required:
        if key not in obj:
            raise _bad(f"Thiếu trường '{key}' ở {label}.", f"{where}.{key}" if where else key, "missing_key")
    extra = sorted(set(obj) - keys)
    if extra:
        raise _bad(
            f"Trường '{extra[0]}' ở {label} không được hỗ trợ (chỉ nhận: {', '.join(sorted(keys))}).",
            f"{where}.{extra[0]}" if where else extra[0],
        )
    return obj


def _text(value: Any, field: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise _bad(f"Trường '{field}' phải là chuỗi ký tự.", field)
    text = str(value).strip()
    if not text:
        raise _bad(f"Trường '{field}' không được để trống.", field)
    return text


def _text_list(value: Any, field: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _bad(f"Trường '{field}' phải là một danh sách.", field)
    return tuple(_text(v, f"{field}[{i}]") for i, v in enumerate(value))


def _score(value: Any, field: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise _bad(f"Trường '{field}' phải là số.", field)
    try:
        result = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation as exc:
        raise _bad(f"Trường '{field}' phải là số (nhận được '{value}').", field) from exc
    if not result.is_finite():
        raise _bad(f"Trường '{field}' phải là số (nhận được '{value}').", field)
    return result


def _candidate(raw: Any, where: str) -> Candidate:
    obj = _require(raw, _CANDIDATE_KEYS, ("id", "full_name", "preferences", "round1_passed"), where)
    if not isinstance(obj["round1_passed"], bool):
        raise _bad(f"Trường '{where}.round1_passed' phải là true hoặc false.", f"{where}.round1_passed")
    if not isinstance(obj["full_name"], str):
        raise _bad(f"Trường '{where}.full_name' phải là chuỗi ký tự.", f"{where}.full_name")
    parts: list[RoundTwoPart] = []
    raw_parts = obj.get("round2_parts", [])
    if not isinstance(raw_parts, list):
        raise _bad(f"Trường '{where}.round2_parts' phải là một danh sách.", f"{where}.round2_parts")
    for i, p in enumerate(raw_parts):
        pw = f"{where}.round2_parts[{i}]"
        po = _require(p, _PART_KEYS, ("part", "score", "max"), pw)
        parts.append(
            RoundTwoPart(
                _text(po["part"], f"{pw}.part"),
                _score(po["score"], f"{pw}.score"),
                _score(po["max"], f"{pw}.max"),
            )
        )
    if "round2" in obj and obj["round2"] is not None:
        round2: Decimal | None = _score(obj["round2"], f"{where}.round2")
    elif parts:
        round2 = sum((p.score for p in parts), ZERO)
    elif obj["round1_passed"] and "round2" not in obj:
        raise _bad(
            f"Thiếu trường 'round2' ở {where} (ghi null nếu vắng thi vòng 2).",
            f"{where}.round2",
            "missing_key",
        )
    else:
        round2 = None
    return Candidate(
        id=_text(obj["id"], f"{where}.id"),
        full_name=obj["full_name"].strip(),
        preferences=_text_list(obj["preferences"], f"{where}.preferences"),
        priority_groups=_text_list(obj.get("priority_groups", []), f"{where}.priority_groups"),
        round1_passed=obj["round1_passed"],
        round2=round2,
        round2_parts=tuple(parts),
    )


def parse_ranking_input(data: Any, rulebook: RuleBook) -> dict[str, Any]:
    """Check and convert the JSON input of `rank_from_json` into `rank_positions` arguments."""
    obj = _require(data, _TOP_KEYS, ("regime", "method", "targets", "candidates"), "")
    chosen_regime = regime(rulebook, _text(obj["regime"], "regime"))
    method = _text(obj["method"], "method")
    chosen_regime.method(method)
    on: date | None = None
    if obj.get("date") is not None:
        try:
            on = date.fromisoformat(_text(obj["date"], "date"))
        except ValueError as exc:
            raise _bad("Trường 'date' phải là ngày dạng YYYY-MM-DD.", "date") from exc
    if not isinstance(obj["targets"], list):
        raise _bad("Trường 'targets' phải là một danh sách.", "targets")
    targets = []
    for i, raw in enumerate(obj["targets"]):
        where = f"targets[{i}]"
        t = _require(raw, _TARGET_KEYS, ("position", "quota"), where)
        quota = t["quota"]
        if isinstance(quota, bool) or not isinstance(quota, int):
            raise _bad(f"Trường '{where}.quota' phải là số nguyên.", f"{where}.quota")
        targets.append(Target(_text(t["position"], f"{where}.position"), quota))
    if not isinstance(obj["candidates"], list):
        raise _bad("Trường 'candidates' phải là một danh sách.", "candidates")
    candidates = [_candidate(raw, f"candidates[{i}]") for i, raw in enumerate(obj["candidates"])]
    decisions: dict[str, tuple[str, ...]] = {}
    raw_decisions = obj.get("decisions") or {}
    if not isinstance(raw_decisions, Mapping):
        raise _bad("Trường 'decisions' phải là đối tượng {vị trí: [mã ứng viên]}.", "decisions")
    for pos, ids in raw_decisions.items():
        decisions[str(pos)] = _text_list(ids, f"decisions.{pos}")
    withdrawn = _text_list(obj.get("withdrawn") or [], "withdrawn")
    return {
        "targets": targets,
        "candidates": candidates,
        "regime": chosen_regime,
        "method": method,
        "priority": chosen_regime.priority_table(rulebook, on),
        "decisions": decisions,
        "withdrawn": withdrawn,
    }


def rank_from_json(data: dict[str, Any], rulebook: RuleBook) -> dict[str, Any]:
    """The CLI contract (`rules rank --input FILE.json --format json`): JSON input in, JSON-ready dict out.

    Input: {"regime", "method", "targets": [{"position", "quota"}], "candidates": [{"id", "full_name",
    "preferences", "priority_groups", "round1_passed", "round2", "round2_parts"?}], "decisions"?,
    "withdrawn"?, "date"?}. Output: {"regime", "method", "rules", "positions": [{"position", "quota",
    "provisional", "ranking": [{"id", "full_name", "round2", "priority_points", "priority_group",
    "total", "rank", "result", "preference", "reason"}]}]}. Bad input raises DomainError (Vietnamese).
    """
    return rank_positions(**parse_ranking_input(data, rulebook)).to_json()
