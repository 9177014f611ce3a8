"""Writes the demo department's plan: decisions, units, quotas and positions, then people and their
history."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp import catalogs, clock
from hrapp.db.models import (
    Allowance,
    AppSetting,
    Award,
    Decision,
    Discipline,
    Employment,
    Evaluation,
    FamilyMember,
    HeadcountQuota,
    JobPosition,
    OrgUnit,
    OrgUnitEvent,
    Person,
    PositionCompetency,
    PostHeld,
    Qualification,
    RankAssignment,
    SalaryStep,
    WorkHistory,
)
from hrapp.demo.plan import PersonPlan, Plan, parse_day, parse_day_or_none, pos_level
from hrapp.domain import places
from hrapp.domain.history import chain_ends
from hrapp.domain.person_input import PLACE_FIELDS
from hrapp.services.snapshot import set_name, snapshot_values


class Writer:
    """Turns the plan into rows: decisions, units, quotas and positions, then people and their history."""

    def __init__(self, session: Session, department: dict[str, Any], majors: dict[str, Any], plan: Plan):
        self.s = session
        self.dep = department
        self.majors = majors
        self.plan = plan
        self.units: dict[str, OrgUnit] = {}
        self.positions: dict[str, JobPosition] = {}

    def write(self) -> dict[str, int]:
        self._decisions()
        self._units()
        quotas = self._quotas()
        self._positions()
        self._people()
        self._settings()
        return {"units": len(self.units), "positions": len(self.positions), "persons": len(self.plan.persons),
                "quotas": quotas, "decisions": len(self.plan.decisions)}

    def _decisions(self) -> None:
        issuers = self.dep["issuers"]
        taken: dict[tuple[str, int], set[int]] = {}
        for dec in self.plan.decisions:
            if dec.number:
                lead = dec.number.split("/")[0]
                if lead.isdigit():
                    taken.setdefault((dec.issuer, dec.sign_date.year), set()).add(int(lead))
        pending = sorted((d for d in self.plan.decisions if not d.number),
                         key=lambda d: (d.issuer, d.sign_date, d.summary))
        last: dict[tuple[str, int], int] = {}
        pace: dict[tuple[str, int], float] = {}
        for dec in pending:
            key = (dec.issuer, dec.sign_date.year)
            spec = issuers[dec.issuer]
            if key not in pace:  # each office issues a little more or less in a given year
                pace[key] = spec["per_day"] * random.Random(f"{dec.issuer}-{dec.sign_date.year}").uniform(0.75, 1.25)
            day_of_year = dec.sign_date.timetuple().tm_yday
            number = max(last.get(key, 0) + 1, round(day_of_year * pace[key]))
            while number in taken.get(key, set()):
                number += 1
            last[key] = number
            dec.number = f"{number:02d}/{spec['suffix']}"
        for dec in self.plan.decisions:
            dec.row = Decision(number=dec.number, kind=dec.kind, sign_date=dec.sign_date, signer=dec.signer,
                               issuer=issuers[dec.issuer]["name"], effective_date=dec.effective_date,
                               summary=dec.summary)
            self.s.add(dec.row)
        self.s.flush()

    def _dec_id(self, key: str) -> int:
        return self.plan.fixed[key].row_id

    def _units(self) -> None:
        for i, spec in enumerate(self.dep["units"]):
            unit = OrgUnit(code=spec["code"], name=spec["name"], short_name=spec.get("short_name"), kind=spec["kind"],
                           sort_order=i, active_from=parse_day(spec["active_from"]),
                           active_to=parse_day_or_none(spec.get("active_to")), decision_id=self._dec_id(spec["decision"]))
            if spec["parent"]:
                unit.parent = self.units[spec["parent"]]
            self.units[spec["code"]] = unit
            self.s.add(unit)
        self.s.flush()
        for spec in self.dep["units"]:
            unit = self.units[spec["code"]]
            renames = spec.get("renames", [])
            self.s.add(OrgUnitEvent(unit_id=unit.id, kind="create", event_date=unit.active_from,
                                    new_value=renames[0]["from"] if renames else unit.name,
                                    decision_id=unit.decision_id))
            for j, rename in enumerate(renames):
                new = renames[j + 1]["from"] if j + 1 < len(renames) else unit.name
                self.s.add(OrgUnitEvent(unit_id=unit.id, kind="rename", event_date=parse_day(rename["on"]),
                                        old_value=rename["from"], new_value=new,
                                        decision_id=self._dec_id(rename["decision"])))
            if spec.get("merged_into"):
                target = self.units[spec["merged_into"]]
                unit.merged_into_id = target.id
                on = parse_day(spec["active_to"]) + timedelta(days=1)
                dec = self._dec_id(spec["merge_decision"])
                self.s.add(OrgUnitEvent(unit_id=unit.id, kind="merge", event_date=on, other_unit_id=target.id,
                                        old_value=unit.name, new_value=target.name, decision_id=dec))
                self.s.add(OrgUnitEvent(unit_id=target.id, kind="merge_in", event_date=on, other_unit_id=unit.id,
                                        old_value=unit.name, new_value=target.name, decision_id=dec))

    def _quotas(self) -> int:
        spec = self.dep["quotas"]
        for row in spec["rows"]:
            self.s.add(HeadcountQuota(year=spec["year"], unit_id=self.units[row["unit"]].id, category=row["category"],
                                      number=row["number"], decision_id=self._dec_id(row["decision"]),
                                      note=row.get("note")))
        return len(spec["rows"])

    def _positions(self) -> None:
        texts = self.dep["group_text"]
        for spec in self.dep["positions"]:
            unit = self.units[spec["unit"]]
            decision = self.plan.fixed["vtvl_248" if spec["unit"] == "TTKP" else "vtvl_4366"]
            group = spec["group"]
            tier = spec.get("tier")
            text = {k: v.format(superior=spec.get("superior", "lãnh đạo đơn vị"), unit=unit.name)
                    for k, v in texts[group].items()}
            pos = JobPosition(
                code=spec["code"], name=spec["name"], unit_id=unit.id, group=group,
                min_rank_code=spec.get("min_rank", spec["ranks"][0]), number_needed=spec["needed"],
                status="approved", decision_id=decision.row_id, effective_from=decision.sign_date,
                purpose=spec["purpose"],
                tasks=[{"task": t, "product": p, "frequency": f} for t, p, f in spec["tasks"]],
                relationships=text["relationships"], authority=text["authority"], conditions=text["conditions"],
                req_education_level=pos_level(spec), req_major=self._majors(spec),
                req_political_theory="cao_cap" if tier in ("so", "head") and unit.kind != "phong_thuoc"
                else ("trung_cap" if group == "lanh_dao" else None),
                req_state_management="CVC" if tier in ("so", "head") else (
                    "CV" if group in ("lanh_dao", "chuyen_nganh", "dung_chung") and spec["ranks"][0][0] != "V"
                    else None),
                req_it=spec.get("it", "tin_hoc_co_ban") if group != "ho_tro" else None,
                req_language=("B1" if tier == "so" else "A2") if group != "ho_tro" else None,
                req_experience_years=spec.get("years", 0), is_leadership=group == "lanh_dao",
            )
            pos.competencies = [PositionCompetency(competency_code=c, level=lvl)
                                for c, lvl in competencies(spec).items()]
            self.positions[spec["code"]] = pos
            self.s.add(pos)
        self.s.flush()

    def _majors(self, spec: dict[str, Any]) -> str:
        return ", ".join(dict.fromkeys(self.majors[m]["name"] for m in spec["majors"]))

    def _people(self) -> None:
        rows: list[tuple[PersonPlan, Person, list[Any]]] = []
        for plan in self.plan.persons:
            person = Person(gender=plan.gender, birth_date=plan.birth, birth_precision=plan.birth_precision,
                            birth_place=plan.birth_place, home_town=plan.home_town, ethnicity=plan.ethnicity,
                            religion=plan.religion, status="working", **plan.fields)
            set_name(person, plan.full_name)
            for text_field, code_field in PLACE_FIELDS:  # the demo writes the old names; their new units coded
                setattr(person, code_field, places.resolve(getattr(person, text_field)).code)
            children = self._children(plan)
            values = snapshot_values(
                [c for c in children if isinstance(c, Employment)],
                [c for c in children if isinstance(c, RankAssignment)],
                [c for c in children if isinstance(c, SalaryStep)],
                [c for c in children if isinstance(c, PostHeld)],
                [c.level_code for c in children if isinstance(c, Qualification) and c.kind == "chuyen_mon"
                 and not c.in_progress],
                clock.today(),
            )
            for key, value in values.items():
                setattr(person, key, value)
            rows.append((plan, person, children))
            self.s.add(person)
        self.s.flush()
        for _plan, person, children in rows:
            for child in children:
                child.person_id = person.id
            self.s.add_all(children)
        self.s.flush()

    def _children(self, plan: PersonPlan) -> list[Any]:
        out: list[Any] = []
        seat = plan.seat
        position = self.positions[seat.code]
        for i, stint in enumerate(plan.stints):
            current = i == len(plan.stints) - 1
            probation_fields = {}
            if plan.probation_end is not None and current:
                probation_fields = {"probation_start": plan.recruit, "probation_end": plan.probation_end,
                                    "probation_pay_percent": 85}
            out.append(Employment(
                category=stint.category, unit_id=self.units[stint.unit].id,
                position_id=position.id if stint.unit == seat.pos["unit"] else None, start_date=stint.start,
                end_date=stint.end, end_reason="moved" if stint.end else None, recruitment_date=plan.recruit,
                recruitment_agency=self.dep["issuers"][plan.stints[0].decided_by.issuer]["name"],
                decision_id=stint.decided_by.row_id, note=stint.note,
                **probation_fields))
        rank_ends = chain_ends([day for day, _code, _dec, _reason in plan.ranks])
        for (day, code, dec, _reason), end in zip(plan.ranks, rank_ends, strict=True):
            out.append(RankAssignment(rank_code=code, effective_date=day, end_date=end, decision_id=dec.row_id))
        for row in plan.salary:
            dec = row.pop("decision")
            out.append(SalaryStep(decision_id=dec.row_id, **row))
        for post in plan.posts:
            allowance = Decimal(catalogs.extra("post", post.post)["allowance"])
            out.append(PostHeld(post_code=post.post, post_title=catalogs.label("post", post.post),
                                unit_id=self.units[post.unit].id, kind=post.kind, start_date=post.start,
                                term_end=post.term_end, end_date=post.end, end_reason=post.end_reason,
                                allowance_coefficient=allowance, decision_id=post.decision.row_id))
            out.append(Allowance(kind="chuc_vu", coefficient=allowance, effective_date=post.start, end_date=post.end,
                                 decision_id=post.decision.row_id))
        for q in plan.quals:
            out.append(Qualification(source="demo", **q))
        for year, (rating, dec) in plan.evaluations.items():
            out.append(Evaluation(year=year, rating=rating, regime="nd56_2015" if year < 2020 else "nd90_2020",
                                  decision_id=dec.row_id))
        for award in plan.awards:
            dec = award.pop("decision")
            out.append(Award(decision_id=dec.row_id, **award))
        for disc in plan.disciplines:
            dec = disc.pop("decision")
            out.append(Discipline(decision_id=dec.row_id, **disc))
        for member in plan.family:
            out.append(FamilyMember(**member))
        for start, end, text in plan.work:
            out.append(WorkHistory(from_date=start, to_date=end, description=text))
        return out

    def _settings(self) -> None:
        stored = {s.key: s for s in self.s.scalars(select(AppSetting))}
        for key, value in self.plan.settings.items():
            if key in stored:
                stored[key].value = value
            else:
                self.s.add(AppSetting(key=key, value=value))


def competencies(spec: dict[str, Any]) -> dict[str, int]:
    """General competencies by kind of position, plus the position's professional and leadership ones."""
    group, tier = spec["group"], spec.get("tier")
    general = {
        "so": [5, 5, 4, 5, 5, 4, 3], "head": [4, 4, 4, 4, 4, 3, 2], "deputy": [4, 4, 3, 4, 4, 3, 2],
        "sub": [4, 3, 3, 3, 4, 3, 2],
    }.get(tier or "", [2, 2, 1, 2, 2, 1, 0] if group == "ho_tro" else [3, 3, 3, 3, 3, 3, 2])
    out = {f"NLC0{i + 1}": level for i, level in enumerate(general) if level}
    out.update(spec.get("cm", {}))
    if group == "lanh_dao":
        lead = {"so": 4, "head": 3}.get(tier or "", 2)
        out.update({f"NLQL0{i}": lead for i in range(1, 6)})
    return out
