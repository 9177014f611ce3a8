"""The headless recruitment contract: `rules rank --input FILE.json --format json` (no database) and
`recruitment list --format json`; bad input is one Vietnamese line on stderr, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          input=stdin, timeout=120)


def rank(tmp_path: Path, data: dict[str, Any]) -> dict[str, Any]:
    path = tmp_path / "input.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    res = run("rules", "rank", "--input", str(path), "--format", "json")
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def cand(cid: str, prefs: list[str], round2: float | None, groups: list[str] | None = None,
         round1: bool = True) -> dict[str, Any]:
    return {"id": cid, "full_name": f"Thí sinh {cid}", "preferences": prefs, "priority_groups": groups or [],
            "round1_passed": round1, "round2": round2}


def table(out: dict[str, Any], position: str) -> list[tuple[str, int | None, str, int]]:
    pos = next(p for p in out["positions"] if p["position"] == position)
    return [(e["id"], e["rank"], e["result"], e["preference"]) for e in pos["ranking"]]


def row(out: dict[str, Any], position: str, cid: str) -> dict[str, Any]:
    pos = next(p for p in out["positions"] if p["position"] == position)
    return next(e for e in pos["ranking"] if e["id"] == cid)


BASE = {"regime": "nd115_2020", "method": "xet_tuyen"}


def test_output_has_the_documented_shape(tmp_path):
    out = rank(tmp_path, {**BASE, "targets": [{"position": "KS", "quota": 1}],
                          "candidates": [cand("A", ["KS"], 70)]})
    assert set(out) >= {"positions"}
    pos = out["positions"][0]
    assert (pos["position"], pos["quota"]) == ("KS", 1)
    entry = pos["ranking"][0]
    assert set(entry) >= {"id", "round2", "priority_points", "total", "rank", "result", "preference"}
    assert entry == {**entry, "id": "A", "round2": 70, "priority_points": 0, "total": 70, "rank": 1,
                     "result": "trung_tuyen", "preference": 1}


def test_only_the_highest_priority_tier_counts(tmp_path):
    out = rank(tmp_path, {**BASE, "targets": [{"position": "KS", "quota": 3}], "candidates": [
        cand("A", ["KS"], 60, ["thuong_binh", "dan_toc_thieu_so", "nghia_vu_quan_su"]),
        cand("B", ["KS"], 60, ["con_liet_si", "thanh_nien_xung_phong"]),
        cand("C", ["KS"], 60, ["nghia_vu_quan_su"]),
    ]})
    assert [(row(out, "KS", c)["priority_points"], row(out, "KS", c)["total"]) for c in "ABC"] == [
        (7.5, 67.5), (5, 65), (2.5, 62.5)]


def test_fifty_passes_and_just_below_does_not_even_with_priority(tmp_path):
    out = rank(tmp_path, {**BASE, "targets": [{"position": "KS", "quota": 3}], "candidates": [
        cand("A", ["KS"], 50), cand("B", ["KS"], 49.99, ["anh_hung_lao_dong"]), cand("C", ["KS"], None, round1=False),
    ]})
    assert table(out, "KS") == [("A", 1, "trung_tuyen", 1), ("B", None, "khong_du_dieu_kien", 1),
                                ("C", None, "khong_du_dieu_kien", 1)]
    assert row(out, "KS", "B")["total"] is None


def test_a_tie_at_the_last_place_goes_to_the_higher_round2(tmp_path):
    out = rank(tmp_path, {**BASE, "targets": [{"position": "KS", "quota": 2}], "candidates": [
        cand("A", ["KS"], 90), cand("B", ["KS"], 65, ["nghia_vu_quan_su"]), cand("C", ["KS"], 67.5),
    ]})
    assert row(out, "KS", "B")["total"] == row(out, "KS", "C")["total"] == 67.5
    assert table(out, "KS") == [("A", 1, "trung_tuyen", 1), ("C", 2, "trung_tuyen", 1),
                                ("B", 3, "khong_trung_tuyen", 1)]


def test_an_unbreakable_tie_waits_for_the_head_then_follows_the_decision(tmp_path):
    data = {**BASE, "targets": [{"position": "KS", "quota": 2}], "candidates": [
        cand("A", ["KS"], 90), cand("B", ["KS"], 67.5), cand("C", ["KS"], 67.5)]}
    out = rank(tmp_path, data)
    assert table(out, "KS") == [("A", 1, "trung_tuyen", 1), ("B", 2, "can_quyet_dinh", 1),
                                ("C", 2, "can_quyet_dinh", 1)]
    decided = rank(tmp_path, {**data, "decisions": {"KS": ["C"]}})
    assert [(c, r) for c, _rank, r, _p in table(decided, "KS")] == [
        ("A", "trung_tuyen"), ("C", "trung_tuyen"), ("B", "khong_trung_tuyen")]


def test_free_places_go_to_second_preferences_who_lost_their_first(tmp_path):
    out = rank(tmp_path, {**BASE, "targets": [{"position": "KS", "quota": 1}, {"position": "NC", "quota": 2}],
                          "candidates": [cand("A", ["KS"], 90), cand("B", ["KS", "NC"], 85),
                                         cand("C", ["NC"], 55), cand("D", ["KS", "NC"], 60)]})
    assert table(out, "KS") == [("A", 1, "trung_tuyen", 1), ("B", 2, "khong_trung_tuyen", 1),
                                ("D", 3, "khong_trung_tuyen", 1)]
    # C (first preference) is placed before B (second preference) despite B's higher score
    assert table(out, "NC") == [("C", 1, "trung_tuyen", 1), ("B", 2, "trung_tuyen", 2),
                                ("D", 3, "khong_trung_tuyen", 2)]


def test_a_withdrawal_frees_the_place_for_the_next_ranked(tmp_path):
    data = {**BASE, "targets": [{"position": "KS", "quota": 1}],
            "candidates": [cand("A", ["KS"], 90), cand("B", ["KS"], 70), cand("C", ["KS"], 60)]}
    out = rank(tmp_path, {**data, "withdrawn": ["A"]})
    assert [(c, r) for c, _rank, r, _p in table(out, "KS")] == [
        ("B", "trung_tuyen"), ("C", "khong_trung_tuyen"), ("A", "rut_ho_so")]


def test_input_from_stdin_and_text_output(tmp_path):
    data = {**BASE, "targets": [{"position": "KS", "quota": 1}], "candidates": [cand("A", ["KS"], 70)]}
    res = run("rules", "rank", "--input", "-", "--format", "text", stdin=json.dumps(data))
    assert res.returncode == 0, res.stderr
    assert "Vị trí KS – chỉ tiêu 1" in res.stdout and "Trúng tuyển" in res.stdout


@pytest.mark.parametrize("data, message", [
    ({"method": "xet_tuyen", "targets": [], "candidates": []}, "Thiếu trường 'regime'"),
    ({**BASE, "targets": [{"position": "KS", "quota": 1}], "candidates": [cand("A", ["XX"], 70)]},
     "nguyện vọng 'XX'"),
    ({**BASE, "targets": [{"position": "KS", "quota": 1}], "candidates": [cand("A", ["KS"], 101)]},
     "điểm vòng 2 phải từ 0 đến 100"),
    ({**BASE, "targets": [{"position": "KS", "quota": 1}], "candidates": [cand("A", ["KS"], 70, ["ho_ngheo"])]},
     "Không có diện ưu tiên 'ho_ngheo'"),
])
def test_bad_input_is_one_line_without_traceback(tmp_path, data, message):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    res = run("rules", "rank", "--input", str(path), "--format", "json")
    assert res.returncode != 0
    assert message in res.stderr
    assert "Traceback" not in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_a_file_that_is_not_json_is_reported(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{regime: nd115_2020", encoding="utf-8")
    res = run("rules", "rank", "--input", str(path))
    assert res.returncode == 2 and "không phải JSON hợp lệ" in res.stderr


def test_recruitment_list_json(tmp_path):
    from hrapp.services import recruitment as rec
    from hrapp.services.setup import init_database
    from tests.services.recruitment_builders import NOTICE, advance, centre, form, new_round, target_id

    db = tmp_path / "hr.sqlite3"
    ctx = init_database(str(db))
    org = centre(ctx)
    info = new_round(ctx, org, {"IT": 2, "SCI": 1})
    advance(ctx, info.id, "open", NOTICE)
    rec.add_candidate(ctx, info.id, form("Nguyễn Văn An", (target_id(info, org["IT"]),)))
    ctx.engine.dispose()
    res = run("--db", str(db), "recruitment", "list", "--format", "json")
    assert res.returncode == 0, res.stderr
    rounds = json.loads(res.stdout)
    assert len(rounds) == 1
    r = rounds[0]
    assert (r["year"], r["regime"], r["method"], r["status"], r["quota"], r["candidates"], r["hired"]) == (
        2022, "nd115_2020", "xet_tuyen", "open", 3, 1, 0)
    assert r["plan_decision"] == "148/KH-SKHCN ngày 04/03/2022"
    assert r["application_deadline"] == (NOTICE + timedelta(days=30)).isoformat()
    assert [(t["position"], t["quota"]) for t in r["targets"]] == [("KS-CNTT", 2), ("NCV", 1)]
    assert date.fromisoformat(r["notice_date"]) == NOTICE


def test_recruitment_results_and_print(tmp_path):
    from decimal import Decimal

    from hrapp.queries import recruitment as rq
    from hrapp.services import recruitment as rec
    from hrapp.services.setup import init_database
    from tests.services.recruitment_builders import (
        NOTICE,
        advance,
        centre,
        form,
        new_round,
        target_id,
        to_round2,
    )

    db = tmp_path / "hr.sqlite3"
    ctx = init_database(str(db))
    org = centre(ctx)
    info = new_round(ctx, org, {"IT": 1})
    advance(ctx, info.id, "open", NOTICE)
    it = target_id(info, org["IT"])
    a = rec.add_candidate(ctx, info.id, form("Nguyễn Văn An", (it,))).id
    b = rec.add_candidate(ctx, info.id, form("Lê Văn Bảo", (it,), groups=("nghia_vu_quan_su",))).id
    info = to_round2(ctx, rq.get_round(ctx, info.id))
    rec.enter_scores(ctx, rec.ScoreSheet(info.id, 2, (rec.ScoreEntry(a, "tong", Decimal(70)),
                                                      rec.ScoreEntry(b, "tong", Decimal(68)))))
    advance(ctx, info.id, "results", date(2022, 5, 16))
    ctx.engine.dispose()
    res = run("--db", str(db), "recruitment", "results", str(info.id), "--format", "json")
    assert res.returncode == 0, res.stderr
    ranking = json.loads(res.stdout)["positions"][0]["ranking"]
    assert [(e["id"], e["total"], e["priority_points"], e["result"]) for e in ranking] == [
        (str(b), 70.5, 2.5, "trung_tuyen"), (str(a), 70, 0, "khong_trung_tuyen")]
    out = tmp_path / "kq.pdf"
    res = run("--db", str(db), "recruitment", "print", str(info.id), "--document", "results", "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert out.read_bytes().startswith(b"%PDF") and "Đã ghi" in res.stdout
    bad = run("--db", str(db), "recruitment", "print", str(info.id), "--document", "results", "--out", "x.doc")
    assert bad.returncode == 2 and "phải có đuôi .pdf, .xlsx" in bad.stderr
    missing = run("--db", str(db), "recruitment", "results", "999")
    assert missing.returncode == 1 and "Không tìm thấy kỳ tuyển dụng" in missing.stderr
