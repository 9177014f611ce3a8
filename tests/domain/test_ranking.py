"""Ranking candidates per position: thresholds, priority, ties, decisions, preferences, withdrawals, JSON."""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrapp.domain.recruitment import (
    Candidate,
    Outcome,
    RankingResult,
    RoundTwoPart,
    Target,
    rank_from_json,
    rank_positions,
    regime,
    regime_on,
)
from hrapp.domain.rules import load_rulebook
from hrapp.errors import DomainError

RULEBOOK = load_rulebook()
DATA = Path(__file__).parent / "data"
TT, KTT, CQD, KDDK, RUT = (o.value for o in Outcome)


def cand(
    cid: str,
    prefs: Sequence[str],
    round2: float | str | None,
    groups: Sequence[str] = (),
    round1: bool = True,
    parts: Sequence[tuple[str, str, str]] = (),
) -> Candidate:
    return Candidate(
        id=cid,
        full_name=f"Ứng viên {cid}",
        preferences=tuple(prefs),
        priority_groups=tuple(groups),
        round1_passed=round1,
        round2=None if round2 is None else Decimal(str(round2)),
        round2_parts=tuple(RoundTwoPart(c, Decimal(s), Decimal(m)) for c, s, m in parts),
    )


def rank(
    targets: dict[str, int], candidates: Sequence[Candidate], code: str = "nd138_2020", **kw
) -> RankingResult:
    r = regime(RULEBOOK, code)
    return rank_positions(
        [Target(p, q) for p, q in targets.items()],
        candidates,
        regime=r,
        method=kw.pop("method", "thi_tuyen"),
        priority=r.priority_table(RULEBOOK),
        **kw,
    )


def rows(result: RankingResult, position: str) -> list[tuple[str, int | None, str, int]]:
    """(id, rank, result, preference) of each row, in ranking order."""
    return [(e.candidate_id, e.rank, e.result.value, e.preference) for e in result.position(position).entries]


# --------------------------------------------------------------------------- regime data


def test_regimes_follow_the_event_date() -> None:
    assert regime_on(RULEBOOK, "cong_chuc", date(2025, 6, 30)).code == "nd138_2020"
    assert regime_on(RULEBOOK, "cong_chuc", date(2025, 7, 1)).code == "nd170_2025"
    assert regime_on(RULEBOOK, "vien_chuc", date(2025, 7, 1)).code == "nd115_2020"


def test_nd170_regime_data() -> None:
    r = regime(RULEBOOK, "nd170_2025")
    assert r.method_codes == ("thi_tuyen", "xet_tuyen")
    thi = r.method("thi_tuyen")
    assert (thi.round2_max, thi.round2_pass_min) == (Decimal(100), Decimal(50))
    assert {p.code: p.min_ratio for p in thi.parts} == {
        "thi_viet": Decimal("0.5"),
        "phong_van": Decimal("0.5"),
    }
    assert thi.tie_break == ("round2", "part:thi_viet")
    assert r.method("xet_tuyen").round2_pass_min == Decimal(50)
    assert r.council_sizes == (5, 7)
    assert r.application_window_days == 30
    assert (r.result_notice_working_days, r.dossier_days, r.report_to_work_days) == (2, 15, 15)
    assert r.probation_required is False
    assert "170/2025" in r.rule.legal_basis


def test_older_regimes_keep_probation_and_point_to_the_probation_rule() -> None:
    assert regime(RULEBOOK, "nd138_2020").probation_required is True
    vc = regime(RULEBOOK, "nd115_2020")
    assert vc.probation_required is True
    assert vc.probation_rule == "probation"
    assert "85/2023" in vc.rule.legal_basis


@pytest.mark.parametrize(("correct", "passed"), [(29, False), (30, True), (31, True)])
def test_round1_needs_half_the_answers_right(correct: int, passed: bool) -> None:
    assert regime(RULEBOOK, "nd170_2025").method("thi_tuyen").round1_passes(correct, 60) is passed


def test_method_outside_the_regime_is_refused() -> None:
    with pytest.raises(DomainError) as err:
        rank({"P01": 1}, [cand("A", ["P01"], 60)], method="thi_nang_ngach")
    assert err.value.code == "method_not_allowed"
    assert "không có trong quy định nd138_2020" in err.value.message


# --------------------------------------------------------------------------- scores and thresholds


def test_total_is_round2_plus_the_highest_priority_points() -> None:
    result = rank({"P01": 1}, [cand("A", ["P01"], "62.5", ["nghia_vu_quan_su", "con_thuong_binh"])])
    (entry,) = result.position("P01").entries
    assert entry.priority_points == Decimal("5")
    assert entry.priority_group == "con_thuong_binh"
    assert entry.total == Decimal("67.5")


def test_round2_pass_mark_is_50_and_priority_points_do_not_rescue_a_fail() -> None:
    # 49.99 + 7.5 = 57.49 would outrank both others, but 49.99 is below the pass mark of 50.
    result = rank(
        {"P01": 3},
        [cand("L", ["P01"], "49.99", ["thuong_binh"]), cand("E", ["P01"], "50"), cand("H", ["P01"], "50.01")],
    )
    assert rows(result, "P01") == [("H", 1, TT, 1), ("E", 2, TT, 1), ("L", None, KDDK, 1)]
    low = result.position("P01").entries[2]
    assert low.total is None
    assert low.reason == "Điểm vòng 2 (49,99) dưới 50 điểm."


def test_failing_round1_is_ineligible_whatever_the_round2_score() -> None:
    result = rank({"P01": 1}, [cand("F", ["P01"], 95, round1=False), cand("P", ["P01"], 55)])
    assert rows(result, "P01") == [("P", 1, TT, 1), ("F", None, KDDK, 1)]
    assert result.position("P01").entries[1].reason == "Không đạt vòng 1."


def test_missing_round2_score_is_ineligible() -> None:
    result = rank({"P01": 1}, [cand("V", ["P01"], None)])
    assert rows(result, "P01") == [("V", None, KDDK, 1)]


def test_nd170_each_part_must_reach_half_its_maximum() -> None:
    # W: written 29/60 is under 30 although the round-2 total 69 passes; E: 30/60 and 20/40 are exact.
    result = rank(
        {"P01": 2},
        [
            cand("W", ["P01"], 69, parts=[("thi_viet", "29", "60"), ("phong_van", "40", "40")]),
            cand("E", ["P01"], 50, parts=[("thi_viet", "30", "60"), ("phong_van", "20", "40")]),
        ],
        code="nd170_2025",
    )
    assert rows(result, "P01") == [("E", 1, TT, 1), ("W", None, KDDK, 1)]
    assert "thi viết (29/60)" in (result.position("P01").entries[1].reason or "")


# --------------------------------------------------------------------------- ties


def test_tie_on_total_at_the_last_place_goes_to_the_higher_round2() -> None:
    # X 80; A 60 + 5 = 65; B 65 + 0 = 65. One place left after X: B has the higher round 2.
    result = rank(
        {"P01": 2}, [cand("X", ["P01"], 80), cand("A", ["P01"], 60, ["con_liet_si"]), cand("B", ["P01"], 65)]
    )
    assert rows(result, "P01") == [("X", 1, TT, 1), ("B", 2, TT, 1), ("A", 3, KTT, 1)]
    assert "điểm vòng 2 thấp hơn" in (result.position("P01").entries[2].reason or "")


def unbreakable_tie() -> list[Candidate]:
    # X 80; A 60 + 5 = 65 and B 60 + 5 = 65 (same round 2); C 55.
    return [
        cand("X", ["P01"], 80),
        cand("A", ["P01"], 60, ["dan_toc_thieu_so"]),
        cand("B", ["P01"], 60, ["con_benh_binh"]),
        cand("C", ["P01"], 55),
    ]


def test_unbreakable_tie_at_the_boundary_waits_for_the_head_of_agency() -> None:
    result = rank({"P01": 2}, unbreakable_tie())
    assert rows(result, "P01") == [("X", 1, TT, 1), ("A", 2, CQD, 1), ("B", 2, CQD, 1), ("C", 4, KTT, 1)]
    assert result.position("P01").winners == ("X",)
    assert result.candidate_outcomes()["A"] == ("P01", Outcome.CAN_QUYET_DINH)


def test_recorded_decision_resolves_the_tie() -> None:
    result = rank({"P01": 2}, unbreakable_tie(), decisions={"P01": ["B"]})
    assert rows(result, "P01") == [("X", 1, TT, 1), ("B", 2, TT, 1), ("A", 3, KTT, 1), ("C", 4, KTT, 1)]


def test_decision_must_pick_exactly_the_places_left() -> None:
    with pytest.raises(DomainError) as err:
        rank({"P01": 2}, unbreakable_tie(), decisions={"P01": ["A", "B"]})
    assert err.value.code == "tie_decision_count"
    assert "phải chọn đúng 1 người" in err.value.message


@pytest.mark.parametrize("decided", [["Z"], ["C", "Z"]])
def test_decision_naming_an_unknown_candidate_is_refused(decided: list[str]) -> None:
    with pytest.raises(DomainError) as err:
        rank({"P01": 2}, unbreakable_tie(), decisions={"P01": decided})
    assert err.value.code == "decision_candidate_unknown"


def test_decision_for_an_ineligible_candidate_is_refused() -> None:
    candidates = [*unbreakable_tie(), cand("F", ["P01"], 90, round1=False)]
    with pytest.raises(DomainError) as err:
        rank({"P01": 2}, candidates, decisions={"P01": ["F"]})
    assert "không đủ điều kiện" in err.value.message


def test_tie_wholly_inside_the_quota_makes_everyone_a_winner() -> None:
    result = rank(
        {"P01": 3},
        [
            cand("A", ["P01"], 60, ["con_liet_si"]),
            cand("B", ["P01"], 60, ["si_quan"]),
            cand("C", ["P01"], "52.5"),
        ],
    )
    assert rows(result, "P01") == [("A", 1, TT, 1), ("B", 1, TT, 1), ("C", 3, TT, 1)]


def test_tie_wholly_outside_the_quota_needs_no_decision() -> None:
    result = rank({"P01": 1}, [cand("X", ["P01"], 80), cand("A", ["P01"], 65), cand("B", ["P01"], 65)])
    assert rows(result, "P01") == [("X", 1, TT, 1), ("A", 2, KTT, 1), ("B", 2, KTT, 1)]


def test_nd170_breaks_a_round2_tie_by_the_written_part() -> None:
    # Both 70 in round 2: A wrote 40/60, B wrote 42/60. Under NĐ 170 B wins; NĐ 138 has no such step.
    candidates = [
        cand("A", ["P01"], 70, parts=[("thi_viet", "40", "60"), ("phong_van", "30", "40")]),
        cand("B", ["P01"], 70, parts=[("thi_viet", "42", "60"), ("phong_van", "28", "40")]),
    ]
    assert rows(rank({"P01": 1}, candidates, code="nd170_2025"), "P01") == [("B", 1, TT, 1), ("A", 2, KTT, 1)]
    assert rows(rank({"P01": 1}, candidates, code="nd138_2020"), "P01") == [
        ("A", 1, CQD, 1),
        ("B", 1, CQD, 1),
    ]


# --------------------------------------------------------------------------- preferences


def test_first_preferences_are_decided_before_second_preferences() -> None:
    # P01: A 80 wins, B 70 loses. P02: C (first preference, 60) takes the only place before B
    # (second preference, 70) is considered. A won P01 and is not ranked at P02.
    result = rank(
        {"P01": 1, "P02": 1},
        [cand("A", ["P01", "P02"], 80), cand("B", ["P01", "P02"], 70), cand("C", ["P02"], 60)],
    )
    assert rows(result, "P01") == [("A", 1, TT, 1), ("B", 2, KTT, 1)]
    assert rows(result, "P02") == [("C", 1, TT, 1), ("B", 2, KTT, 2)]
    assert "nguyện vọng trước" in (result.position("P02").entries[1].reason or "")


def test_second_preference_fills_a_place_still_free() -> None:
    result = rank(
        {"P01": 1, "P02": 2},
        [cand("A", ["P01", "P02"], 80), cand("B", ["P01", "P02"], 70), cand("C", ["P02"], 60)],
    )
    assert rows(result, "P02") == [("C", 1, TT, 1), ("B", 2, TT, 2)]
    assert result.candidate_outcomes() == {
        "A": ("P01", Outcome.TRUNG_TUYEN),
        "B": ("P02", Outcome.TRUNG_TUYEN),
        "C": ("P02", Outcome.TRUNG_TUYEN),
    }


def test_winner_of_the_first_preference_takes_no_second_place() -> None:
    # P02 keeps a free place: A listed it second but already won P01.
    result = rank({"P01": 1, "P02": 2}, [cand("A", ["P01", "P02"], 90), cand("C", ["P02"], 60)])
    assert rows(result, "P02") == [("C", 1, TT, 1)]
    assert result.position("P02").winners == ("C",)


def test_second_preferences_compete_among_themselves_by_the_same_rule() -> None:
    # P02 has one free place after its first preference D; B (75) and E (72) both lost P01 to A.
    result = rank(
        {"P01": 1, "P02": 2},
        [
            cand("A", ["P01", "P02"], 90),
            cand("E", ["P01", "P02"], 72),
            cand("B", ["P01", "P02"], 70, ["thuong_binh"]),
            cand("D", ["P02"], 51),
        ],
    )
    assert rows(result, "P02") == [("D", 1, TT, 1), ("B", 2, TT, 2), ("E", 3, KTT, 2)]


def test_third_preference_is_reached_when_the_first_two_are_full() -> None:
    result = rank(
        {"P01": 1, "P02": 1, "P03": 1},
        [cand("A", ["P01"], 90), cand("B", ["P02"], 85), cand("C", ["P01", "P02", "P03"], 70)],
    )
    assert rows(result, "P03") == [("C", 1, TT, 3)]


def test_pending_tie_marks_positions_it_can_still_change_as_provisional() -> None:
    # A and B tie for P01's only place; the loser will be offered P02, which has a free place.
    candidates = [
        cand("A", ["P01", "P02"], 60, ["con_liet_si"]),
        cand("B", ["P01", "P02"], 60, ["dan_toc_thieu_so"]),
        cand("D", ["P02"], 55),
    ]
    pending = rank({"P01": 1, "P02": 2}, candidates)
    assert pending.position("P02").provisional is True
    assert rows(pending, "P02") == [("D", 1, TT, 1)]
    decided = rank({"P01": 1, "P02": 2}, candidates, decisions={"P01": ["A"]})
    assert decided.position("P02").provisional is False
    assert rows(decided, "P02") == [("D", 1, TT, 1), ("B", 2, TT, 2)]


def test_pending_tie_leaves_a_full_position_final() -> None:
    candidates = [
        cand("A", ["P01", "P02"], 60, ["con_liet_si"]),
        cand("B", ["P01", "P02"], 60, ["dan_toc_thieu_so"]),
        cand("D", ["P02"], 55),
    ]
    assert rank({"P01": 1, "P02": 1}, candidates).position("P02").provisional is False


# --------------------------------------------------------------------------- withdrawals


def test_withdrawal_moves_the_next_candidate_up() -> None:
    candidates = [cand("A", ["P01"], 80), cand("B", ["P01"], 70), cand("C", ["P01"], 60)]
    result = rank({"P01": 1}, candidates, withdrawn=["A"])
    assert rows(result, "P01") == [("B", 1, TT, 1), ("C", 2, KTT, 1), ("A", None, RUT, 1)]
    assert result.candidate_outcomes()["A"] == ("P01", Outcome.RUT_HO_SO)


def test_place_freed_goes_to_a_second_preference_candidate_next_in_line() -> None:
    # Before: P01 A; P02 C (first preference) ahead of B (second preference). C withdraws.
    candidates = [cand("A", ["P01"], 80), cand("B", ["P01", "P02"], 70), cand("C", ["P02"], 60)]
    assert rows(rank({"P01": 1, "P02": 1}, candidates), "P02") == [("C", 1, TT, 1), ("B", 2, KTT, 2)]
    result = rank({"P01": 1, "P02": 1}, candidates, withdrawn=["C"])
    assert rows(result, "P02") == [("B", 1, TT, 2), ("C", None, RUT, 1)]


def test_withdrawal_cascades_through_preferences() -> None:
    # A withdraws from P01: B wins P01 as first preference, so B is no longer ranked at P02.
    candidates = [cand("A", ["P01"], 80), cand("B", ["P01", "P02"], 70), cand("C", ["P02"], 60)]
    result = rank({"P01": 1, "P02": 1}, candidates, withdrawn=["A"])
    assert rows(result, "P01") == [("B", 1, TT, 1), ("A", None, RUT, 1)]
    assert rows(result, "P02") == [("C", 1, TT, 1)]


def test_successive_withdrawals_in_order() -> None:
    candidates = [cand("A", ["P01"], 80), cand("B", ["P01"], 70), cand("C", ["P01"], 60)]
    result = rank({"P01": 1}, candidates, withdrawn=["A", "B"])
    assert rows(result, "P01") == [("C", 1, TT, 1), ("A", None, RUT, 1), ("B", None, RUT, 1)]
    with pytest.raises(DomainError) as err:
        rank({"P01": 1}, candidates, withdrawn=["B", "A"])
    assert err.value.code == "withdrawal_not_winner"
    assert "không trúng tuyển" in err.value.message


def test_tied_candidate_withdrawing_settles_the_tie() -> None:
    result = rank({"P01": 2}, unbreakable_tie(), withdrawn=["A"])
    assert rows(result, "P01") == [("X", 1, TT, 1), ("B", 2, TT, 1), ("C", 3, KTT, 1), ("A", None, RUT, 1)]


def test_decision_stays_valid_after_the_chosen_candidate_withdraws() -> None:
    result = rank({"P01": 2}, unbreakable_tie(), decisions={"P01": ["A"]}, withdrawn=["A"])
    assert rows(result, "P01") == [("X", 1, TT, 1), ("B", 2, TT, 1), ("C", 3, KTT, 1), ("A", None, RUT, 1)]


# --------------------------------------------------------------------------- input validation


@pytest.mark.parametrize(
    ("candidates", "code", "fragment"),
    [
        ([cand("A", ["P01"], 60), cand("A", ["P01"], 70)], "duplicate_candidate", "Mã ứng viên 'A' bị trùng"),
        ([cand("A", ["P09"], 60)], "unknown_position", "nguyện vọng 'P09' không có"),
        ([cand("A", ["P01", "P01"], 60)], "candidate_preference_repeated", "đăng ký một vị trí nhiều lần"),
        ([cand("A", ["P01"], "100.01")], "score_out_of_range", "phải từ 0 đến 100"),
        ([cand("A", ["P01"], "-0.5")], "score_out_of_range", "phải từ 0 đến 100"),
        ([cand("A", ["P01"], 60, ["chau_liet_si"])], "priority_group_unknown", "Không có diện ưu tiên"),
        ([cand("A", ["P01"], 60, parts=[("thi_viet", "30", "60")])], "round2_parts_total", "tổng điểm tối đa"),
    ],
)
def test_bad_input_is_refused_in_vietnamese(candidates: list[Candidate], code: str, fragment: str) -> None:
    with pytest.raises(DomainError) as err:
        rank({"P01": 1}, candidates)
    assert err.value.code == code
    assert fragment in err.value.message


def test_quota_must_be_a_positive_whole_number() -> None:
    with pytest.raises(DomainError) as err:
        rank({"P01": 0}, [cand("A", ["P01"], 60)])
    assert err.value.field == "quota"


# --------------------------------------------------------------------------- JSON contract


def load_fixture() -> dict:
    return json.loads((DATA / "ranking_nd170.json").read_text(encoding="utf-8"))


def contract_rows(output: dict, position: str) -> list[dict]:
    keys = ("id", "round2", "priority_points", "total", "rank", "result", "preference")
    (pos,) = [p for p in output["positions"] if p["position"] == position]
    return [{k: row[k] for k in keys} for row in pos["ranking"]]


def row(cid: str, round2, points, total, rank_, result: str, preference: int) -> dict:
    return {
        "id": cid,
        "round2": round2,
        "priority_points": points,
        "total": total,
        "rank": rank_,
        "result": result,
        "preference": preference,
    }


def test_json_contract_end_to_end() -> None:
    # Worked by hand from the fixture (NĐ 170, thi tuyển):
    # P01 (2 places): A2 70; A1 62.5 + 5 = 67.5 and A3 62.5 + 5 = 67.5 tie fully, the head chose A3.
    #   A6 failed round 1.
    # P02 (1 place): A7 80 won but withdrew, so A4 55 + 2.5 = 57.5 (first preference) wins before
    #   A1 (67.5, second preference, lost P01). A5 49.5 is under 50 even with 7.5 points.
    output = rank_from_json(load_fixture(), RULEBOOK)
    assert [(p["position"], p["quota"]) for p in output["positions"]] == [("P01", 2), ("P02", 1)]
    assert contract_rows(output, "P01") == [
        row("A2", 70, 0, 70, 1, TT, 1),
        row("A3", 62.5, 5, 67.5, 2, TT, 1),
        row("A1", 62.5, 5, 67.5, 3, KTT, 1),
        row("A6", None, 0, None, None, KDDK, 1),
    ]
    assert contract_rows(output, "P02") == [
        row("A4", 55, 2.5, 57.5, 1, TT, 1),
        row("A1", 62.5, 5, 67.5, 2, KTT, 2),
        row("A7", 80, 0, 80, None, RUT, 1),
        row("A5", 49.5, 7.5, None, None, KDDK, 1),
    ]
    assert output["regime"] == "nd170_2025"
    assert [r["version"] for r in output["rules"]] == ["nd170_2025", "nd170_2025"]
    assert json.loads(json.dumps(output, ensure_ascii=False)) == output


def test_json_numbers_are_numbers_not_strings() -> None:
    output = rank_from_json(load_fixture(), RULEBOOK)
    first = output["positions"][1]["ranking"][0]
    assert (first["round2"], first["priority_points"], first["total"]) == (55, 2.5, 57.5)
    assert isinstance(first["round2"], int) and isinstance(first["total"], float)
    assert '"total": 57.5' in json.dumps(first)


def test_json_without_the_decision_shows_the_tie() -> None:
    data = load_fixture()
    del data["decisions"]
    output = rank_from_json(data, RULEBOOK)
    assert [(r["id"], r["rank"], r["result"]) for r in output["positions"][0]["ranking"]] == [
        ("A2", 1, TT),
        ("A1", 2, CQD),
        ("A3", 2, CQD),
        ("A6", None, KDDK),
    ]
    # A1 and A3 are not offered P02 while undecided; P02 is full from first preferences anyway.
    assert [r["id"] for r in output["positions"][1]["ranking"]] == ["A4", "A7", "A5"]
    assert output["positions"][1]["provisional"] is False


def mutate(change) -> dict:
    data = copy.deepcopy(load_fixture())
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "code", "fragment"),
    [
        (lambda d: d.pop("targets"), "missing_key", "Thiếu trường 'targets'"),
        (lambda d: d["candidates"][0].pop("round1_passed"), "missing_key", "Thiếu trường 'round1_passed'"),
        (lambda d: d["candidates"][1].pop("round2"), "missing_key", "Thiếu trường 'round2'"),
        (lambda d: d["candidates"][1].update(id="A1"), "duplicate_candidate", "bị trùng"),
        (lambda d: d["candidates"][1].update(preferences=["P03"]), "unknown_position", "'P03'"),
        (lambda d: d["candidates"][1].update(round2=100.5), "score_out_of_range", "từ 0 đến 100"),
        (lambda d: d["candidates"][1].update(round2=-1), "score_out_of_range", "từ 0 đến 100"),
        (lambda d: d["candidates"][1].update(round2="bảy mươi"), "invalid_input", "phải là số"),
        (lambda d: d["candidates"][1].update(round1_passed="yes"), "invalid_input", "true hoặc false"),
        (lambda d: d["targets"][0].update(quota="2"), "invalid_input", "số nguyên"),
        (lambda d: d.update(regime="nd999_2030"), "regime_unknown", "Không có chế độ tuyển dụng"),
        (lambda d: d.update(method="tiep_nhan"), "method_not_allowed", "không có trong quy định"),
        (lambda d: d.update(withdrawal=["A7"]), "invalid_input", "không được hỗ trợ"),
        (lambda d: d.update(withdrawn=["A6"]), "withdrawal_not_winner", "không trúng tuyển"),
        (lambda d: d.update(decisions={"P09": ["A1"]}), "decision_position_unknown", "'P09'"),
        (lambda d: d.update(date="2025-06-30"), "rule_not_found", "không áp dụng"),
    ],
)
def test_json_input_errors_are_vietnamese_domain_errors(change, code: str, fragment: str) -> None:
    with pytest.raises(DomainError) as err:
        rank_from_json(mutate(change), RULEBOOK)
    assert err.value.code == code
    assert fragment in err.value.message


def test_json_round2_parts_give_the_round2_score() -> None:
    data = {
        "regime": "nd170_2025",
        "method": "thi_tuyen",
        "targets": [{"position": "P01", "quota": 1}],
        "candidates": [
            {
                "id": "K1",
                "full_name": "Ngô Thị Khánh",
                "preferences": ["P01"],
                "round1_passed": True,
                "round2_parts": [
                    {"part": "thi_viet", "score": 40, "max": 60},
                    {"part": "phong_van", "score": 22.5, "max": 40},
                ],
            }
        ],
    }
    (entry,) = rank_from_json(data, RULEBOOK)["positions"][0]["ranking"]
    assert (entry["round2"], entry["total"], entry["result"]) == (62.5, 62.5, TT)


# --------------------------------------------------------------------------- invariants


@st.composite
def rounds(draw):
    positions = [f"P{i}" for i in range(draw(st.integers(1, 3)))]
    quotas = {p: draw(st.integers(1, 3)) for p in positions}
    groups = st.lists(st.sampled_from(["", "thuong_binh", "con_liet_si", "nghia_vu_quan_su"]), max_size=2)
    candidates = []
    for i in range(draw(st.integers(0, 9))):
        prefs = draw(st.lists(st.sampled_from(positions), min_size=1, max_size=len(positions), unique=True))
        score = draw(st.sampled_from(["40", "50", "55", "60", "62.5", "65", "70"]))
        candidates.append(
            cand(
                f"C{i}",
                prefs,
                score,
                [g for g in draw(groups) if g],
                round1=draw(st.booleans()) or i % 3 != 0,
            )
        )
    return quotas, candidates


@settings(max_examples=150, deadline=None)
@given(rounds())
def test_ranking_invariants(data) -> None:
    quotas, candidates = data
    result = rank(quotas, candidates)
    won: list[str] = []
    for p in result.positions:
        held = [e for e in p.entries if e.result in (Outcome.TRUNG_TUYEN, Outcome.CAN_QUYET_DINH)]
        winners = [e for e in p.entries if e.result is Outcome.TRUNG_TUYEN]
        assert len(winners) <= p.quota
        # A tie at the boundary holds at least one place more than remains, never fewer.
        assert len(held) <= p.quota or any(e.result is Outcome.CAN_QUYET_DINH for e in held)
        for e in winners:
            assert e.total is not None and e.round2 is not None and e.round2 >= 50
        for e in p.entries:
            if e.result is Outcome.KHONG_DU_DIEU_KIEN:
                assert e.rank is None
        # Within one preference round, no loser has a higher total than a winner.
        for pref in {e.preference for e in p.entries}:
            totals_won = [e.total for e in winners if e.preference == pref]
            totals_lost = [
                e.total for e in p.entries if e.preference == pref and e.result is Outcome.KHONG_TRUNG_TUYEN
            ]
            if totals_won and totals_lost:
                assert min(totals_won) >= max(totals_lost)  # type: ignore[type-var]
        won.extend(e.candidate_id for e in winners)
    assert len(won) == len(set(won)), "a candidate wins at most one position"
