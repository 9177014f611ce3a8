"""The career CLI contracts: `rules retirement`, `rules pay-step`, `rules list` and `alerts`, exact JSON shapes."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from hrapp.cli import build_parser, main
from tests.domain.test_retirement import MEN_BANDS, WOMEN_BANDS

ROOT = Path(__file__).resolve().parents[2]
RETIREMENT_KEYS = {"retirement_age", "reached_on", "last_working_day", "retirement_date", "notice_due", "rule"}
PAY_STEP_KEYS = {"next_step", "next_coefficient", "due_date", "pctnvk_percent", "rule"}
ALERT_KEYS = {"kind", "employee_id", "full_name", "due_date", "detail"}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)


def call(capsys, *args: str) -> tuple[int, object]:
    code = main(list(args))
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip().startswith(("{", "[")) else out


def test_a_man_born_02_1965_retires_at_61y6m_without_a_database():
    res = run("rules", "retirement", "--sex", "M", "--birth", "1965-02", "--format", "json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert set(data) == RETIREMENT_KEYS
    assert data["retirement_age"] == {"years": 61, "months": 6}
    assert data["reached_on"] == "2026-08-01"
    assert data["last_working_day"] == "2026-08-31"
    assert data["retirement_date"] == "2026-09-01"
    assert data["notice_due"] == "2026-03-01"
    assert data["rule"] == {"code": "retirement_age", "version": "nd135_2020", "effective_from": "2021-01-01",
                            "effective_to": None,
                            "legal_basis": "Nghị định 135/2020/NĐ-CP, Điều 4 và Phụ lục I (tuổi nghỉ hưu bình "
                                           "thường), Điều 5 và Phụ lục II (nghỉ hưu ở tuổi thấp hơn), Điều 6 (nghỉ hưu "
                                           "ở tuổi cao hơn); Bộ luật Lao động 2019, Điều 169",
                            "name": "NĐ 135/2020/NĐ-CP"}


def test_a_year_only_birth_counts_from_1_january(capsys):
    code, data = call(capsys, "rules", "retirement", "--sex", "F", "--birth", "1970", "--format", "json")
    assert code == 0
    assert data["retirement_age"] == {"years": 57, "months": 4}
    assert (data["reached_on"], data["retirement_date"], data["notice_due"]) == (
        "2027-05-01", "2027-06-01", "2026-12-01")


def test_a_full_birth_date_on_the_31st_reaches_the_age_on_the_last_day_of_a_short_month(capsys):
    code, data = call(capsys, "rules", "retirement", "--sex", "F", "--birth", "1968-10-31", "--format", "json")
    assert code == 0
    assert (data["reached_on"], data["last_working_day"], data["retirement_date"]) == (
        "2025-06-30", "2025-06-30", "2025-07-01")


def _band_edges() -> list:
    cases = []
    for sex, bands in (("M", MEN_BANDS), ("F", WOMEN_BANDS)):
        for first, last, years, months in bands:
            for y, m in (first, last):
                cases.append(pytest.param(sex, f"{y:04d}-{m:02d}", years, months, id=f"{sex}-{m:02d}/{y}"))
    cases += [pytest.param("M", "1960-12", 60, 0, id="M-12/1960"), pytest.param("M", "1966-04", 62, 0, id="M-04/1966"),
              pytest.param("F", "1965-12", 55, 0, id="F-12/1965"), pytest.param("F", "1975-05", 60, 0, id="F-05/1975")]
    return cases


@pytest.mark.parametrize("sex, birth, years, months", _band_edges())
def test_every_band_edge_of_the_retirement_tables_through_the_command(capsys, sex, birth, years, months):
    code, data = call(capsys, "rules", "retirement", "--sex", sex, "--birth", birth, "--format", "json")
    assert code == 0
    assert data["retirement_age"] == {"years": years, "months": months}
    reached = date.fromisoformat(data["reached_on"])
    born = date.fromisoformat(f"{birth}-01")
    assert (reached.year - born.year) * 12 + reached.month - born.month == years * 12 + months
    assert data["retirement_date"] == date(reached.year + reached.month // 12, reached.month % 12 + 1, 1).isoformat()


def test_pay_step_before_the_last_step(capsys):
    code, data = call(capsys, "rules", "pay-step", "--salary-class", "A1", "--step", "3", "--since", "2020-07-01",
                      "--format", "json")
    assert code == 0 and set(data) == PAY_STEP_KEYS
    assert (data["next_step"], data["next_coefficient"], data["due_date"], data["pctnvk_percent"]) == (
        4, "3.33", "2023-07-01", None)
    assert data["rule"]["code"] == "pay_step" and data["rule"]["version"] == "tt03_2021"


def test_pay_step_with_a_delay(capsys):
    code, data = call(capsys, "rules", "pay-step", "--salary-class", "B", "--step", "5", "--since", "2021-03-31",
                      "--delay-months", "6", "--format", "json")
    assert code == 0
    assert (data["next_step"], data["next_coefficient"], data["due_date"]) == (6, "2.86", "2023-09-30")


def test_pay_step_at_the_last_step_gives_the_pctnvk_start(capsys):
    code, data = call(capsys, "rules", "pay-step", "--salary-class", "A1", "--step", "9", "--since", "2020-01-15",
                      "--format", "json")
    assert code == 0 and set(data) == PAY_STEP_KEYS
    assert data["next_step"] is None and data["next_coefficient"] is None
    assert (data["due_date"], data["pctnvk_percent"]) == ("2023-01-15", 5)
    assert data["rule"]["code"] == "pctnvk"


@pytest.mark.parametrize(
    "args",
    [
        ("rules", "retirement", "--sex", "M", "--birth", "1965-13"),
        ("rules", "retirement", "--sex", "X", "--birth", "1965"),
        ("rules", "pay-step", "--salary-class", "A1", "--step", "10", "--since", "2020-01-01"),
        ("rules", "pay-step", "--salary-class", "Z9", "--step", "1", "--since", "2020-01-01"),
        ("rules", "pay-step", "--salary-class", "A1", "--step", "1", "--since", "2020-02-30"),
        ("alerts", "--days", "-3"),
    ],
)
def test_bad_input_is_one_line_on_stderr_without_traceback(args):
    res = run(*args)
    assert res.returncode != 0
    assert "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_rules_list_names_each_version_and_its_legal_basis(capsys):
    code, data = call(capsys, "rules", "list", "--code", "retirement_notice", "--format", "json")
    assert code == 0
    assert [(r["version"], r["effective_from"], r["effective_to"]) for r in data] == [
        ("nd46_2010", "2010-07-01", "2025-06-30"), ("nd170_2025", "2025-07-01", None)]
    assert data[1]["legal_basis"] == "Nghị định 170/2025/NĐ-CP, Điều 62"


def test_alerts_json_is_an_array_of_the_contract_fields(tmp_path):
    from hrapp.services.setup import init_database
    from tests.services import career_builders as b

    db = tmp_path / "hr.sqlite3"
    ctx = init_database(str(db))
    units = b.department(ctx)
    pid = b.person(ctx, "Lê Minh Khoa", units["VP"], since=date(2019, 7, 20))
    b.person(ctx, "Trần Văn Đức", units["VP"], birth=date(1962, 2, 15), since=None, rank=None)
    ctx.engine.dispose()
    res = run("--db", str(db), "alerts", "--as-of", "2022-06-30", "--days", "30", "--format", "json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert all(set(a) == ALERT_KEYS for a in data)
    assert [(a["kind"], a["due_date"]) for a in data] == [("retirement_notice", "2022-03-01"),
                                                          ("pay_step", "2022-07-20")]
    assert data[1]["employee_id"] == pid and data[1]["full_name"] == "Lê Minh Khoa"
    assert data[1]["detail"].startswith("Chuyên viên (01.003) bậc 3/9")
    only = run("--db", str(db), "alerts", "--as-of", "2022-06-30", "--kind", "pay_step", "--format", "json")
    assert [a["kind"] for a in json.loads(only.stdout)] == ["pay_step"]


def test_another_module_can_add_a_rules_sub_command_before_or_after_this_one():
    from hrapp.commands.career import register, rules_group

    for first in ("other", "career"):
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers(dest="command")

        def other(sub: argparse._SubParsersAction = sub) -> None:
            rules_group(sub).add_parser("rank").set_defaults(handler="rank")

        if first == "other":
            other()
            register(sub)
        else:
            register(sub)
            other()
        assert parser.parse_args(["rules", "rank"]).handler == "rank"
        assert parser.parse_args(["rules", "list"]).rules_command == "list"


def test_the_rules_group_is_registered_in_the_application_parser():
    args = build_parser().parse_args(["rules", "retirement", "--sex", "F", "--birth", "1975-05"])
    assert args.rules_command == "retirement"
