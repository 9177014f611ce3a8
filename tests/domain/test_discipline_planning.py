"""Planning reads a discipline without its own end date by the discipline rule version of its decision date: the
effect period (not the planning rule's default 12 months) decides while it bars the cadre."""

from __future__ import annotations

from datetime import date

import pytest

from hrapp.domain import planning as pl
from hrapp.domain.rules import load_rulebook
from tests.domain.test_planning import cadre, check

BOOK = load_rulebook()
RATINGS = {y: "htt" for y in range(2016, 2027)}


@pytest.mark.parametrize("on, barred", [
    (date(2025, 6, 30), False), (date(2025, 7, 1), True), (date(2026, 6, 30), True), (date(2026, 7, 1), False)])
def test_a_reprimand_under_nd_172_bars_planning_to_the_last_day_of_its_period(on, barred):
    rules = pl.planning_rules(BOOK, "qd377_2025" if on >= date(2025, 10, 8) else "qd50_2021")
    d = pl.DisciplineFact("khien_trach", date(2025, 7, 1), date(2025, 7, 1))
    result = check(cadre(disciplines=(d,), ratings=RATINGS), rules, BOOK, on=on)
    assert (pl.DISCIPLINE in result.codes) is barred
    if barred:
        assert "đến hết ngày 30/06/2026" in next(r.message for r in result.reasons if r.code == pl.DISCIPLINE)


@pytest.mark.parametrize("on, barred", [(date(2022, 9, 19), True), (date(2022, 9, 20), False)])
def test_a_cach_chuc_under_nd_112_bars_planning_24_months(on, barred):
    rules = pl.planning_rules(BOOK, "qd50_2021")
    d = pl.DisciplineFact("cach_chuc", date(2020, 9, 20), date(2020, 9, 20))
    result = check(cadre(disciplines=(d,), ratings=RATINGS), rules, BOOK, on=on)
    assert (pl.DISCIPLINE in result.codes) is barred
