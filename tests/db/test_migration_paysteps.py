"""Migration 0011_paysteps: pay-step rule versions stored with the 30-day month get the working-day conversion and
the probation counting the rules now read, keep every other value (an administrator's edit included), and go
back on downgrade."""

from __future__ import annotations

import json
from datetime import date

from alembic import command
from sqlalchemy import text

from hrapp.db import migrate
from hrapp.db.engine import make_engine, resolve_url
from hrapp.domain.pay_steps import months_not_counted
from hrapp.domain.rules import RuleBook, RuleVersion, load_rulebook

OLD = {"interval_months": {"A1": 36}, "kht_year_delay_months": 7, "confidence": {"unpaid_leave": "S"},
       "unpaid_leave": {"days_per_month": 30, "remainder_counts_from_days": 11}}


def test_stored_pay_step_versions_are_upgraded_and_downgraded(tmp_path):
    engine = make_engine(resolve_url(str(tmp_path / "hr.sqlite3")))
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0010_catalog_codes")
        for i, version in enumerate(("tt08_2013", "tt03_2021")):
            conn.execute(text("INSERT INTO rule_versions (id, code, version, title, effective_from, effective_to, "
                              "legal_basis, params) VALUES (:i, 'pay_step', :v, '', :f, NULL, 'x', :p)"),
                         {"i": i + 1, "v": version, "f": date(2013 + 8 * i, 9, 15), "p": json.dumps(OLD)})
        conn.execute(text("INSERT INTO rule_versions (id, code, version, title, effective_from, effective_to, "
                          "legal_basis, params) VALUES (3, 'pctnvk', 'tt03_2021', '', '2021-01-01', NULL, 'x', :p)"),
                     {"p": json.dumps(OLD)})
        command.upgrade(cfg, "0011_paysteps")
        rows = {(c, v): json.loads(p) for c, v, p in conn.execute(text(
            "SELECT code, version, params FROM rule_versions"))}
    old, new = rows[("pay_step", "tt08_2013")], rows[("pay_step", "tt03_2021")]
    assert "unpaid_leave" not in new and new["probation_counts"] is False and old["probation_counts"] is True
    assert new["not_counted_time"] == {"drop_below_working_days": 11, "one_month_below_working_days": 22,
                                       "calendar": "work_calendar"}
    assert new["kht_year_delay_months"] == 7 and new["confidence"] == {"not_counted_time": "S"}  # edits kept
    assert rows[("pctnvk", "tt03_2021")] == OLD  # another rule is not touched
    # The upgraded version is one the conversion can read.
    stored = RuleVersion("pay_step", "tt03_2021", date(2021, 8, 15), None, "x", new)
    book = RuleBook([v for v in load_rulebook().all() if v.code != "pay_step"] + [stored])
    assert months_not_counted([(date(2024, 3, 4), date(2024, 3, 18))], book, date(2025, 1, 1)).months == 1

    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0010_catalog_codes")
        (params,) = conn.execute(text("SELECT params FROM rule_versions WHERE id = 2")).one()
    back = json.loads(params)
    assert back["unpaid_leave"] == OLD["unpaid_leave"] and "not_counted_time" not in back
    engine.dispose()
