"""What every part of the demo department's planner uses: the data read, the random draw, decisions
shared by a batch of people, unit names by day, pay rules."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hrapp import catalogs
from hrapp.demo.plan import AS_OF, SEED, Dec, Seat, parse_day, parse_day_or_none
from hrapp.domain.pay_steps import PAY_STEP
from hrapp.domain.rules import RuleBook
from hrapp.domain.salary import coefficients, lookup_by_class


class PlannerBase:
    """The data, the draw and the decisions made so far; the parts of the plan build on it."""

    def __init__(self, department: dict[str, Any], people: dict[str, Any], rulebook: RuleBook):
        self.dep = department
        self.people = people
        self.rb = rulebook
        self.rng = random.Random(SEED)
        self.units = {u["code"]: u for u in department["units"]}
        self.positions = {p["code"]: p for p in department["positions"]}
        self.issuers = department["issuers"]
        self.decisions: list[Dec] = []
        self.fixed: dict[str, Dec] = {}
        self._batches: dict[tuple[str, date, str], Dec] = {}
        self._names: set[str] = set()
        self._ids: set[str] = set()
        self._phones: set[str] = set()
        self._emails: set[str] = set()
        self._bhxh: set[str] = set()
        for unit in department["units"]:
            if unit.get("merged_into"):
                merge_day = parse_day(self._fixed_spec(unit["merge_decision"])["effective_date"])
                unit["active_to"] = (merge_day - timedelta(days=1)).isoformat()

    # ---- decisions

    def _fixed_spec(self, key: str) -> dict[str, Any]:
        return next(d for d in self.dep["decisions"] if d["key"] == key)

    def _load_fixed(self) -> None:
        for spec in self.dep["decisions"]:
            dec = Dec(issuer=spec["issuer"], sign_date=parse_day(spec["sign_date"]), summary=spec["summary"],
                      kind=spec.get("kind", "quyet_dinh"), number=spec["number"],
                      signer=spec.get("signer", self.issuers[spec["issuer"]]["signer"]),
                      effective_date=parse_day_or_none(spec.get("effective_date")))
            self.fixed[spec["key"]] = dec
            self.decisions.append(dec)

    def batch(self, issuer: str, sign_date: date, summary: str, kind: str = "quyet_dinh") -> Dec:
        """One decision per issuer, day and subject, shared by everyone it concerns."""
        key = (issuer, sign_date, summary)
        dec = self._batches.get(key)
        if dec is None:
            dec = Dec(issuer=issuer, sign_date=sign_date, summary=summary, kind=kind,
                      signer=self.issuers[issuer]["signer"])
            self._batches[key] = dec
            self.decisions.append(dec)
        return dec

    # ---- helpers

    def _weighted(self, pairs: list[list[Any]]) -> Any:
        return self.rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]

    def _date_between(self, start: date, end: date) -> date:
        if end <= start:
            return start
        return start + timedelta(days=self.rng.randint(0, (end - start).days))

    def _unit_start(self, code: str) -> date:
        return parse_day(self.units[code]["active_from"])

    def name_at(self, code: str, day: date) -> str:
        unit = self.units[code]
        for rename in unit.get("renames", []):
            if day < parse_day(rename["on"]):
                return rename["from"]
        return unit["name"]

    def unit_label(self, code: str, day: date) -> str:
        """How a unit is written in 'Tóm tắt quá trình công tác' for a given day."""
        root = self.name_at("SKHCN", day)
        if code in ("SKHCN", "BGD"):
            return root
        if code in ("VP", "TTR"):
            return f"{'Văn phòng' if code == 'VP' else 'Thanh tra'} {root}"
        parent = self.units[code]["parent"]
        own = self.name_at(code, day)
        return f"{own}, {self.unit_label(parent, day)}" if parent != "SKHCN" else f"{own}, {root}"

    def _interval(self, salary_class: str) -> int:
        return int(lookup_by_class(self.rb.get(PAY_STEP, AS_OF).params["interval_months"], salary_class))

    def _coefs(self, salary_class: str) -> tuple[Decimal, ...]:
        return coefficients(salary_class, self.rb, AS_OF)

    @staticmethod
    def _rank(code: str) -> dict[str, Any]:
        return catalogs.ranks()[code]

    def _issuer_for(self, unit: str, category: str) -> str:
        root = self._centre(unit)
        return root if category == "vien_chuc_tu_chu" and root else "SKHCN"

    def _centre(self, unit: str) -> str | None:
        while unit and unit not in ("TTUD", "TTPT", "TTKP"):
            unit = self.units[unit]["parent"]
        return unit

    # ---- one person: identity, dates, employment periods

    def _first_post_date(self, seat: Seat) -> date | None:
        pos = seat.pos
        if pos.get("prior"):
            return parse_day(pos["prior"][0]["from"])
        if pos.get("prior_by_seat"):
            return parse_day(pos["prior_by_seat"][seat.index][0]["from"])
        if pos.get("deputy_from"):
            return parse_day(pos["deputy_from"])
        if pos.get("post_from_by_seat"):
            return parse_day(pos["post_from_by_seat"][seat.index])
        if pos.get("post_from"):
            return parse_day(pos["post_from"])
        return None

    def _post_from(self, seat: Seat) -> date:
        pos = seat.pos
        if pos.get("post_from_by_seat"):
            return parse_day(pos["post_from_by_seat"][seat.index])
        return parse_day(pos["post_from"])
