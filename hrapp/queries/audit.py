"""The audit trail for the administrator: filtered and paged in SQL, with old → new values labelled readably."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from hrapp import catalogs
from hrapp.catalogs import END_REASONS, SALARY_REASONS, STUDY_MODES
from hrapp.context import ServiceContext
from hrapp.db.models import AuditLog, Decision, JobPosition, OrgUnit, Person
from hrapp.domain.audit_labels import action_label, entity_label, field_label, readable
from hrapp.security import ADMIN, ROLE_LABELS, require
from hrapp.text import fold

PAGE_SIZE = 200


@dataclass(frozen=True)
class AuditFilter:
    """Every field optional; the dates are local calendar days, both ends included."""

    person_id: int | None = None
    person: str = ""  # part of a name, diacritics ignored
    user: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    entity: str | None = None
    action: str | None = None


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime  # local time
    user: str
    action: str
    action_label: str
    entity: str
    entity_label: str
    entity_id: str
    person_id: int | None
    person_name: str
    summary: str
    changes: tuple[FieldChange, ...]

    def change_text(self, sep: str = "\n") -> str:
        """'Điện thoại: 0905… → 0912…' one line a field; inserts and deletes show the one side."""
        lines = []
        for c in self.changes:
            if self.action == "insert":
                lines.append(f"{c.label}: {c.new}")
            elif self.action == "delete":
                lines.append(f"{c.label}: {c.old}")
            else:
                lines.append(f"{c.label}: {c.old or '(trống)'} → {c.new or '(trống)'}")
        return sep.join(lines)


@dataclass(frozen=True)
class AuditPage:
    entries: tuple[AuditEntry, ...]
    total: int  # rows matching the filter
    offset: int
    limit: int


def _local(at: datetime) -> datetime:
    """Stored times are naive UTC; shown in the computer's time zone."""
    return at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def _utc_start(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone(UTC).replace(tzinfo=None)


# The catalogue whose code a field holds: by field name, or by (table, field) where the name is shared
_CATALOG_OF: dict[str, str] = {
    "ethnicity": "ethnicity", "religion": "religion", "category": "category", "cur_category": "category",
    "cur_education": "qualification_level", "level_code": "qualification_level",
    "req_education_level": "qualification_level", "granted_level": "qualification_level",
    "grants_level": "qualification_level", "grants_kind": "qualification_kind", "rating": "rating",
    "post_code": "post", "course_type": "course_type", "funding_source": "training_funding",
}
_CATALOG_OF_IN: dict[tuple[str, str], str] = {
    ("persons", "status"): "employment_status",
    ("qualifications", "kind"): "qualification_kind",
    ("org_units", "kind"): "unit_kind",
    ("posts_held", "kind"): "appointment_kind",
    ("disciplines", "form"): "discipline_form",
    ("training_records", "result"): "training_result",
    ("job_positions", "group"): "position_group",
}
_RANK_FIELDS = {"rank_code", "cur_rank_code", "min_rank_code"}


def _vocabularies() -> dict[tuple[str, str], dict[str, str]]:
    """Codes kept without a catalogue file, with the labels the record view uses."""
    return {("salary_steps", "reason"): SALARY_REASONS, ("qualifications", "mode"): STUDY_MODES,
            ("employments", "end_reason"): END_REASONS, ("user_accounts", "role"): ROLE_LABELS}
_GENDERS = {"M": "Nam", "F": "Nữ"}


def _value_label(entity: str, name: str, value: Any) -> Any:
    """A stored code as the officer knows it ('01' → 'Kinh', 'phat_giao' → 'Phật giáo', '01.003' → 'Chuyên
    viên'); anything else (a value written before codes were kept, a free text) as it is."""
    if not isinstance(value, str) or not value:
        return value
    kind = _CATALOG_OF_IN.get((entity, name)) or _CATALOG_OF.get(name)
    if kind is not None:
        return catalogs.label(kind, value, value)
    vocabulary = _vocabularies().get((entity, name))
    if vocabulary is not None:
        return vocabulary.get(value, value)
    if name in _RANK_FIELDS:
        return catalogs.ranks().get(value, {}).get("name", value)
    if name == "gender":
        return _GENDERS.get(value, value)
    return value


# Fields holding the id of another row, shown by that row's name: (model, the column shown)
_REFERENCES: dict[str, tuple[Any, Any]] = {}


def _references() -> dict[str, tuple[Any, Any]]:
    if not _REFERENCES:
        unit, position, decision = (OrgUnit, OrgUnit.name), (JobPosition, JobPosition.name), (Decision, Decision.number)
        _REFERENCES.update({
            "unit_id": unit, "cur_unit_id": unit, "other_unit_id": unit, "merged_into_id": unit,
            "position_id": position, "cur_position_id": position,
            "decision_id": decision, "end_decision_id": decision, "person_id": (Person, Person.full_name),
        })
    return _REFERENCES


def _reference_field(entity: str, name: str) -> str | None:
    """The field whose referenced rows `name` points to ('parent_id' of a unit is a unit)."""
    if name == "parent_id" and entity == "org_units":
        return "unit_id"
    return name if name in _references() else None


Names = dict[tuple[str, int], str]


def _names(s: Session, rows: list[AuditLog]) -> Names:
    """The names of the rows the changes of `rows` point to by id, in one query per kind."""
    wanted: dict[str, set[int]] = {}
    for row in rows:
        if not isinstance(row.changes, dict):
            continue
        for name, pair in row.changes.items():
            field = _reference_field(row.entity, str(name))
            values = pair if isinstance(pair, list | tuple) else [pair]
            if field is not None:
                model = _references()[field][0].__tablename__
                wanted.setdefault(model, set()).update(v for v in values if isinstance(v, int)
                                                       and not isinstance(v, bool))
    out: Names = {}
    for model, column in {m.__tablename__: (m, c) for m, c in _references().values()}.values():
        ids = list(wanted.get(model.__tablename__, ()))
        for start in range(0, len(ids), 900):
            for i, shown in s.execute(select(model.id, column).where(model.id.in_(ids[start:start + 900]))):
                out[(model.__tablename__, i)] = str(shown)
    return out


def _shown(entity: str, name: str, value: Any, names: Names) -> str:
    field = _reference_field(entity, name)
    if field is not None and isinstance(value, int) and not isinstance(value, bool):
        model = _references()[field][0].__tablename__
        return names.get((model, value), str(value))
    return readable(_value_label(entity, name, value))


def _changes(raw: Any, entity: str = "", names: Names | None = None) -> tuple[FieldChange, ...]:
    if not isinstance(raw, dict):
        return ()
    names = names or {}
    out = []
    for name, pair in raw.items():
        if isinstance(pair, list | tuple) and len(pair) == 2:
            old, new = pair
        else:  # an explicit row's details ({"person_ids": [...], "masked": true})
            old, new = None, pair
        key = str(name)
        out.append(FieldChange(key, field_label(key), _shown(entity, key, old, names),
                               _shown(entity, key, new, names)))
    return tuple(out)


def _where(f: AuditFilter) -> list:
    conds = []
    if f.person_id is not None:
        conds.append(AuditLog.person_id == f.person_id)
    terms = [t for t in fold(f.person).split(" ") if t]
    if terms:
        ids = select(Person.id).where(and_(*[
            or_(Person.name_folded.like(f"{t}%"), Person.name_folded.like(f"% {t}%")) for t in terms
        ]))
        conds.append(AuditLog.person_id.in_(ids))
    if f.user:
        conds.append(AuditLog.user == f.user)
    if f.date_from is not None:
        conds.append(AuditLog.at >= _utc_start(f.date_from))
    if f.date_to is not None:
        conds.append(AuditLog.at < _utc_start(f.date_to + timedelta(days=1)))
    if f.entity:
        conds.append(AuditLog.entity == f.entity)
    if f.action:
        conds.append(AuditLog.action == f.action)
    return conds


def _query(f: AuditFilter) -> Select:
    q = select(AuditLog, Person.full_name).outerjoin(Person, Person.id == AuditLog.person_id)
    conds = _where(f)
    if conds:
        q = q.where(and_(*conds))
    return q.order_by(AuditLog.at.desc(), AuditLog.id.desc())


def _entry(row: AuditLog, person_name: str | None, names: Names | None = None) -> AuditEntry:
    return AuditEntry(
        id=row.id, at=_local(row.at), user=row.user, action=row.action, action_label=action_label(row.action),
        entity=row.entity, entity_label=entity_label(row.entity), entity_id=row.entity_id or "",
        person_id=row.person_id, person_name=person_name or "", summary=row.summary or "",
        changes=_changes(row.changes, row.entity, names),
    )


def audit_page(ctx: ServiceContext, f: AuditFilter = AuditFilter(), offset: int = 0,
               limit: int = PAGE_SIZE) -> AuditPage:
    """One page of the trail, newest first, and how many rows match. Administrators only."""
    require(ctx, ADMIN)
    if offset < 0 or limit < 1:
        raise ValueError("offset must be >= 0 and limit >= 1")
    conds = _where(f)
    with ctx.read() as s:
        count_q = select(func.count()).select_from(AuditLog)
        if conds:
            count_q = count_q.where(and_(*conds))
        total = int(s.scalar(count_q) or 0)
        rows = s.execute(_query(f).offset(offset).limit(limit)).all()
        names = _names(s, [r for r, _ in rows])
        entries = tuple(_entry(r, name, names) for r, name in rows)
    return AuditPage(entries=entries, total=total, offset=offset, limit=limit)


def audit_entries(ctx: ServiceContext, f: AuditFilter = AuditFilter()) -> list[AuditEntry]:
    """Every matching row (the Excel export), newest first, read in one snapshot."""
    require(ctx, ADMIN)
    with ctx.read() as s:
        rows = s.execute(_query(f)).all()
        names = _names(s, [r for r, _ in rows])
        return [_entry(r, name, names) for r, name in rows]


def audit_users(ctx: ServiceContext) -> list[str]:
    """The user names found in the trail, for the filter."""
    require(ctx, ADMIN)
    with ctx.read() as s:
        return sorted(s.scalars(select(AuditLog.user).distinct()), key=str.lower)


def audit_entities(ctx: ServiceContext) -> list[tuple[str, str]]:
    """(entity, label) pairs found in the trail, by label."""
    require(ctx, ADMIN)
    with ctx.read() as s:
        found = list(s.scalars(select(AuditLog.entity).distinct()))
    return sorted(((e, entity_label(e)) for e in found), key=lambda p: fold(p[1]))


def audit_actions(ctx: ServiceContext) -> list[tuple[str, str]]:
    """(action, label) pairs found in the trail, by label."""
    require(ctx, ADMIN)
    with ctx.read() as s:
        found = list(s.scalars(select(AuditLog.action).distinct()))
    return sorted(((a, action_label(a)) for a in found), key=lambda p: fold(p[1]))
