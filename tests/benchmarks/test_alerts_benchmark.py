"""Alerts for 100,000 people: built in bulk, computed within a time a user accepts on the first screen.

Not in the default run (pytest ignores tests/benchmarks); run it with
``python -m pytest tests/benchmarks/test_alerts_benchmark.py -s``.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import insert

from hrapp.db.models import (
    Discipline,
    Employment,
    Evaluation,
    OrgUnit,
    Person,
    PostHeld,
    Qualification,
    SalaryStep,
)
from hrapp.domain.rules import load_rulebook
from hrapp.domain.salary import coefficients
from hrapp.services.alerts import alerts

PEOPLE = 100_000
AS_OF = date(2026, 11, 28)
RANKS = [("01.003", "A1"), ("01.002", "A2.1"), ("01.004", "A0"), ("01.005", "C1"), ("V.05.02.07", "A1")]


def fill(ctx, n: int = PEOPLE, seed: int = 5) -> None:
    rnd = random.Random(seed)
    book = load_rulebook()
    coefs = {cls: coefficients(cls, book, AS_OF) for _, cls in RANKS}
    with ctx.unit_of_work() as s:
        s.execute(insert(OrgUnit), [{"id": i, "code": f"U{i}", "name": f"Đơn vị {i}", "kind": "phong",
                                     "parent_id": None} for i in range(1, 51)])
        persons, emps, steps, discs, evals, posts, quals = [], [], [], [], [], [], []
        for pid in range(1, n + 1):
            born = date(1963, 1, 1) + timedelta(days=rnd.randrange(0, 365 * 38))
            persons.append({"id": pid, "full_name": f"Nguyễn Văn Thứ {pid}", "gender": rnd.choice("MF"),
                            "birth_date": born, "birth_precision": "day", "status": "working", "sort_key": str(pid),
                            "cur_unit_id": 1 + pid % 50})
            emps.append({"person_id": pid, "category": rnd.choice(("cong_chuc", "vien_chuc")),
                         "unit_id": 1 + pid % 50, "start_date": date(2005, 1, 1)})
            rank, cls = rnd.choice(RANKS)
            step = rnd.randint(1, len(coefs[cls]))
            since = AS_OF - timedelta(days=rnd.randrange(0, 365 * 4))
            steps.append({"person_id": pid, "rank_code": rank, "salary_class": cls, "step": step,
                          "coefficient": coefs[cls][step - 1], "percent": 100, "effective_date": since,
                          "step_since": since, "reason": "thuong_xuyen"})
            if pid % 40 == 0:
                discs.append({"person_id": pid, "decision_date": since + timedelta(days=30), "form": "khien_trach",
                              "effect_from": since + timedelta(days=30)})
            if pid % 25 == 0:
                evals.append({"person_id": pid, "year": 2024, "rating": "kht", "regime": "nd90_2020"})
            if pid % 20 == 0:
                posts.append({"person_id": pid, "post_code": "truong_phong", "post_title": "Trưởng phòng",
                              "unit_id": 1 + pid % 50, "kind": "bo_nhiem",
                              "start_date": AS_OF - timedelta(days=rnd.randrange(0, 365 * 5)),
                              "allowance_coefficient": Decimal("0.40"), "is_concurrent": False})
            if pid % 10 == 0:
                quals.append({"person_id": pid, "kind": "ngoai_ngu", "level_code": "B1", "language": "Tiếng Anh",
                              "expiry_date": AS_OF + timedelta(days=rnd.randrange(-400, 400)), "in_progress": False})
        for model, rows in ((Person, persons), (Employment, emps), (SalaryStep, steps), (Discipline, discs),
                            (Evaluation, evals), (PostHeld, posts), (Qualification, quals)):
            s.execute(insert(model), rows)


def test_alerts_for_100000_people(ctx):
    started = time.perf_counter()
    fill(ctx)
    built = time.perf_counter() - started
    assert ctx.rulebook is not None
    started, cpu = time.perf_counter(), time.process_time()
    rows = alerts(ctx, AS_OF, 30)
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"\n{PEOPLE} people built in {built:.1f} s; alerts in {took:.2f} s ({cpu:.2f} s of CPU): {len(rows)} "
          f"items, {dict(Counter(a.kind for a in rows))}")
    assert {a.kind for a in rows} >= {"pay_step", "retirement", "term_expiry", "certificate_expiry"}
    # CPU time, not wall time: a busy machine must not fail it. A desktop computes it in a few seconds.
    assert cpu < 30
