"""The employee import's writing of checked plans in the one transaction: new people with bulk inserts (30,000 rows
take seconds) and one audit row each, people already stored through the ORM so every change is audited."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Table, select

from hrapp import catalogs, clock
from hrapp.db.models import (
    AuditLog,
    Base,
    Decision,
    Employment,
    FamilyMember,
    Person,
    PostHeld,
    Qualification,
    RankAssignment,
    SalaryStep,
    WorkHistory,
)
from hrapp.db.models.base import utcnow
from hrapp.domain import validation as v
from hrapp.domain.appointments import post_term_end, retirement_first_day
from hrapp.domain.person_input import clean_text
from hrapp.errors import DomainError
from hrapp.io import excel_template as t
from hrapp.io.employee_plan import _CHUNK, _CLEANED, EmployeePlanner, _held_rank, _Plan
from hrapp.io.workbook_rows import (
    normalize_cccd_cached,
)
from hrapp.services import persons as ps
from hrapp.services.decisions import DecisionInput, add_decision
from hrapp.services.history import Keep, audit_inserted, chain, supersede
from hrapp.services.history import insert_rows as _insert  # one name the tests can stand in for
from hrapp.services.persons._shared import _salary_row
from hrapp.services.snapshot import EDU_RANK, refresh_snapshot, set_name, snapshot_values
from hrapp.text import normalize_name


def _table(model: type[Base]) -> Table:
    """The Core table of a mapped class, typed as one (the bulk insert takes a Table)."""
    return model.metadata.tables[model.__tablename__]


class EmployeeImport(EmployeePlanner):
    """The planner that also writes its plans (the caller's unit of work commits or rolls back)."""

    # writing --------------------------------------------------------------------------------------
    def _decision_id(self, ref: ps.DecisionRef | None) -> int | None:
        """One Decision row per (number, signing date), shared by every row of the file that cites it."""
        if not isinstance(ref, DecisionInput):
            return None
        key = (ref.number.strip(), ref.sign_date)
        if key not in self.decisions:
            found = self.s.scalar(select(Decision.id).where(Decision.number == key[0],
                                                            Decision.sign_date == key[1]).limit(1))
            self.decisions[key] = found if found is not None else add_decision(self.s, ref).id
        return self.decisions[key]

    def write(self, plans: list[_Plan], source: str) -> tuple[int, int, int, dict[str, int]]:
        added = {spec.name: 0 for spec in t.SHEETS}
        new = [p for p in plans if p.person_id is None]
        old = [p for p in plans if p.person_id is not None]
        created = self._write_new(new, added)
        updated = unchanged = 0
        for plan in old:
            if plan.changes_anything() and self._write_existing(plan, added):
                updated += 1
            else:
                unchanged += 1
            self.tick()
        added[t.PERSONS.name] = created + updated
        if self.org.units:
            added[t.UNITS.name] = self.org.units
        if self.org.quotas:
            added[t.QUOTAS.name] = self.org.quotas
        self.s.add(AuditLog(user=self.s.info.get("user", "system"), action="import", entity="persons",
                            summary=f"Nhập từ tệp {source}: {created} người mới, {updated} cập nhật",
                            changes={"added": added}))
        return created, updated, unchanged, added

    def _write_new(self, plans: list[_Plan], added: dict[str, int]) -> int:
        if not plans:
            return 0
        today = clock.today()
        person_rows: list[dict[str, Any]] = []
        children: list[dict[type[Base], list[dict[str, Any]]]] = []
        for plan in plans:
            record, rows = self._new_rows(plan, today)
            person_rows.append(record)
            children.append(rows)
        conn = self.s.connection()
        people = _table(Person)
        # no RETURNING (SQLite can only do it row by row, in order): the new ids are read back by CCCD,
        # unique per person
        for start in range(0, len(person_rows), _BATCH):
            batch = person_rows[start:start + _BATCH]
            _insert(conn, people, batch)
            self.tick(len(batch) // 2)
        numbers = [r["id_number"] for r in person_rows]
        by_number: dict[str, int] = {}
        for start in range(0, len(numbers), _CHUNK):
            chunk = numbers[start:start + _CHUNK]
            by_number.update(conn.execute(select(people.c.id_number, people.c.id)
                                          .where(people.c.id_number.in_(chunk))).all())
        ids = [by_number[n] for n in numbers]
        grouped: dict[type[Base], list[dict[str, Any]]] = {}
        for pid, rows in zip(ids, children, strict=True):
            for model, items in rows.items():
                for item in items:
                    item["person_id"] = pid
                grouped.setdefault(model, []).extend(items)
        for model, items in grouped.items():
            for start in range(0, len(items), _BATCH):
                _insert(conn, _table(model), items[start:start + _BATCH])
        sheet_of = {Qualification: t.QUALIFICATIONS.name, SalaryStep: t.SALARY.name, WorkHistory: t.WORK.name,
                    FamilyMember: t.FAMILY.name}
        for model, name in sheet_of.items():
            added[name] += len(grouped.get(model, []))
        # who added each person, when, with the CCCD and name: the same trail as a person added by hand
        audit_inserted(conn, self.s.info.get("user", "system"), utcnow(), "persons",
                       ((pid, {"id_number": [None, r["id_number"]], "full_name": [None, r["full_name"]]})
                        for pid, r in zip(ids, person_rows, strict=True)), "Nhập từ Excel")
        self.tick(len(plans) - len(plans) // 2)
        return len(plans)

    def _new_rows(self, plan: _Plan, today: date) -> tuple[dict[str, Any], dict[type[Base], list[dict[str, Any]]]]:
        i = plan.identity
        record: dict[str, Any] = dict(i.__dict__)
        for k in _CLEANED:  # clean_text on the texts from the file (the other fields are None)
            x = record[k]
            if x.__class__ is str:
                record[k] = x.strip() or None
        record.update(_name_fields(i.full_name))
        record["id_number"] = normalize_cccd_cached(i.id_number)
        record["email"] = record["email"].lower() if record.get("email") else None
        record["status"] = "working"
        e = plan.employment
        assert e is not None
        emp = {"category": e.category, "unit_id": e.unit_id, "position_id": None, "start_date": e.start_date,
               "end_date": None, "recruitment_date": e.recruitment_date,
               "recruitment_agency": clean_text(e.recruitment_agency)}
        steps = [{"rank_code": s.rank_code, "salary_class": v.salary_class_of(s.rank_code),  # type: ignore[arg-type]  # checked: set
                  "step": s.step, "coefficient": Decimal(str(s.coefficient)), "percent": s.percent,
                  "effective_date": s.effective_date, "step_since": s.step_since or s.effective_date,
                  "reason": s.reason, "decision_id": self._decision_id(s.decision), "note": None}
                 for _, s in plan.salaries]
        ranks: list[dict[str, Any]] = []
        for st in steps:
            if not ranks or ranks[-1]["rank_code"] != st["rank_code"]:
                ranks.append({"rank_code": st["rank_code"], "effective_date": st["effective_date"],
                              "end_date": None, "decision_id": st["decision_id"]})
        chain(ranks, start="effective_date")
        posts = []
        if plan.post is not None:
            code, start = plan.post
            posts.append(self._post_row(code, start, e.unit_id, i))
        quals = [_qual_row(q) for q in plan.qualifications]
        record.update(_new_snapshot(emp, ranks, steps, posts, quals, today))
        rows: dict[type[Base], list[dict[str, Any]]] = {
            Employment: [emp], SalaryStep: steps, RankAssignment: ranks, PostHeld: posts, Qualification: quals,
            WorkHistory: [{"from_date": w.from_date, "to_date": w.to_date, "description": w.description.strip()}
                          for w in plan.work],
            FamilyMember: [_family_row(f) for f in plan.family],
        }
        return record, rows

    def _post_row(self, code: str, start: date, unit_id: int | None, identity: ps.IdentityInput) -> dict[str, Any]:
        ends = None
        retire = retirement_first_day(identity.gender, identity.birth_date,  # type: ignore[arg-type]  # checked: set
                                      identity.birth_precision, self.rules)
        if retire is not None:
            try:
                ends = post_term_end("bo_nhiem", start, retire, self.rules)
            except DomainError:  # retirement on or before the appointment: no term, as the file gives none
                ends = None
        allowance = catalogs.extra("post", code).get("allowance")
        return {"post_code": code, "post_title": catalogs.label("post", code), "unit_id": unit_id,
                "kind": "bo_nhiem", "start_date": start, "term_end": ends, "end_date": None,
                "is_concurrent": False, "allowance_coefficient": Decimal(str(allowance)) if allowance else None}

    def _write_existing(self, plan: _Plan, added: dict[str, int]) -> bool:
        """Additions and identity changes for a stored person, through the ORM (audited). True if changed."""
        s = self.s
        p = s.get(Person, plan.person_id)
        assert p is not None
        changed = False
        for key, value in plan.identity_changes.items():
            if key == "full_name":
                set_name(p, value)
            elif key == "id_number":
                continue
            else:
                setattr(p, key, clean_text(value) if isinstance(value, str) else value)
            changed = True
        e = plan.employment
        if e is not None and e.start_date is not None:
            rows = s.scalars(select(Employment).where(Employment.person_id == p.id)).all()
            if not any(r.start_date == e.start_date for r in rows):
                supersede(rows, e.start_date, end_reason=Keep("moved"))
                s.add(Employment(person_id=p.id, category=e.category, unit_id=e.unit_id, start_date=e.start_date,
                                 recruitment_date=e.recruitment_date,
                                 recruitment_agency=clean_text(e.recruitment_agency)))
                changed = True
        for _, sal in plan.salaries:
            dec = self._decision_id(sal.decision)
            ranks = s.scalars(select(RankAssignment).where(RankAssignment.person_id == p.id)).all()
            assert sal.effective_date is not None  # a planned salary passed salary_errors: its date is set
            if _held_rank(ranks, sal.effective_date) != sal.rank_code:
                supersede(ranks, sal.effective_date, start="effective_date")
                s.add(RankAssignment(person_id=p.id, rank_code=sal.rank_code, effective_date=sal.effective_date,
                                     decision_id=dec))
                s.flush()
            s.add(_salary_row(p.id, sal, dec))
            added[t.SALARY.name] += 1
            changed = True
        if plan.post is not None:
            code, start = plan.post
            stored = s.scalars(select(PostHeld).where(PostHeld.person_id == p.id)).all()
            if not any((x.post_code, x.start_date) == (code, start) for x in stored):
                supersede([x for x in stored if not x.is_concurrent], start, started_before=True,
                          end_reason=Keep("Bổ nhiệm chức vụ mới"))
                unit_id = e.unit_id if e is not None else p.cur_unit_id
                s.add(PostHeld(person_id=p.id, **self._post_row(code, start, unit_id, plan.identity)))
                changed = True
        for q in plan.qualifications:
            s.add(Qualification(person_id=p.id, **_qual_row(q)))
            added[t.QUALIFICATIONS.name] += 1
            changed = True
        for qid, q in plan.completions:
            row = s.get(Qualification, qid)
            assert row is not None
            row.in_progress, row.year = False, q.year
            row.end_date = q.end_date or row.end_date
            row.certificate_no = q.certificate_no or row.certificate_no
            row.certificate_date = q.certificate_date or row.certificate_date
            added[t.QUALIFICATIONS.name] += 1
            changed = True
        for w in plan.work:
            s.add(WorkHistory(person_id=p.id, from_date=w.from_date, to_date=w.to_date,
                              description=w.description.strip()))
            added[t.WORK.name] += 1
            changed = True
        for f in plan.family:
            s.add(FamilyMember(person_id=p.id, **_family_row(f)))
            added[t.FAMILY.name] += 1
            changed = True
        if changed:
            refresh_snapshot(s, p)
        return changed


_BATCH = 5000


@lru_cache(maxsize=65536)
def _name_parts(full_name: str) -> tuple[tuple[str, Any], ...]:
    holder = SimpleNamespace()
    set_name(holder, full_name)  # type: ignore[arg-type]  # set_name only sets the name attributes
    return tuple(holder.__dict__.items())


def _name_fields(full_name: str) -> dict[str, Any]:
    """The name columns set_name writes (full name, its parts, folded text, collation key); names repeat."""
    return dict(_name_parts(full_name))


def _new_snapshot(emp: dict[str, Any], ranks: list[dict[str, Any]], steps: list[dict[str, Any]],
                  posts: list[dict[str, Any]], quals: list[dict[str, Any]], today: date) -> dict[str, Any]:
    """The cur_* columns of a new person, written with the person's row. With at most one employment, rank,
    step and post (a row of the persons sheet) each is the current one, as snapshot_values finds it; longer
    histories (rows of the salary sheet) go through snapshot_values itself."""
    levels = [q["level_code"] for q in quals if q["kind"] == "chuyen_mon" and not q["in_progress"]]
    if len(ranks) > 1 or len(steps) > 1 or len(posts) > 1:
        ns = SimpleNamespace
        return snapshot_values([ns(id=0, **emp)], [ns(id=0, **r) for r in ranks], [ns(id=0, **s) for s in steps],
                               [ns(id=0, **p) for p in posts], levels, today)
    rank = ranks[0] if ranks else None
    step = steps[0] if steps else None
    post = posts[0] if posts else None
    live = post is not None and post["start_date"] <= today and (post["end_date"] is None
                                                                  or post["end_date"] >= today)
    best = max(levels, key=lambda c: EDU_RANK.get(c, 0), default=None)
    return {
        "cur_unit_id": emp["unit_id"], "cur_category": emp["category"], "cur_position_id": emp["position_id"],
        "cur_rank_code": rank["rank_code"] if rank else (step["rank_code"] if step else None),
        "cur_salary_step": step["step"] if step else None,
        "cur_coefficient": step["coefficient"] if step else None,
        "cur_post": post["post_title"] if post is not None and live else None,
        "cur_education": best if best in EDU_RANK else None,
    }


def _qual_row(q: ps.QualificationInput) -> dict[str, Any]:
    return {"kind": q.kind, "level_code": q.level_code, "major": clean_text(q.major),
            "language": clean_text(q.language), "institution": clean_text(q.institution), "mode": q.mode,
            "start_date": q.start_date, "end_date": q.end_date, "year": q.year,
            "certificate_no": clean_text(q.certificate_no), "certificate_date": q.certificate_date,
            "expiry_date": q.expiry_date, "in_progress": q.in_progress, "source": "import", "note": None}


def _family_row(f: ps.FamilyInput) -> dict[str, Any]:
    return {"side": f.side, "relation": f.relation.strip(), "full_name": normalize_name(f.full_name),
            "birth_year": f.birth_year, "details": clean_text(f.details)}
