"""The person editor's histories, declared: for each, the columns of its table, the fields of its forms and the
service call behind each button (built by the one generic tab, ui/dialogs/history_tab.py), and the pages of the
editor that show them. History rows are never edited: each is added through a small form with its date and,
where the law requires one, its decision; some are completed or closed later."""

from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from hrapp import catalogs, clock
from hrapp.catalogs import ABSENCE_KINDS, SALARY_REASONS, STUDY_MODES
from hrapp.context import ServiceContext
from hrapp.domain import discipline as dr
from hrapp.domain import training as training_rules
from hrapp.domain import validation as v
from hrapp.domain.retirement import BirthDate, RetirementAge, retirement
from hrapp.errors import HrappError, ValidationError
from hrapp.queries.lookups import unit_code_of_id
from hrapp.queries.person_profile import PersonProfile
from hrapp.services import career
from hrapp.services import persons as ps
from hrapp.services import training as ts
from ui.dialogs.history_tab import (
    CHECK,
    CODE,
    DATE,
    DECIMAL,
    FILE,
    INT,
    NOTE,
    SPIN,
    UNIT,
    Action,
    Field,
    History,
    Host,
    Values,
    optional,
    tr,
)
from ui.formatting import fmt_count, fmt_date, fmt_decimal
from ui.widgets.columns import Column
from ui.widgets.forms import DateField


def _decision(row: Any) -> str:
    return row.decision.label() if row.decision is not None else ""


def _translated(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(code, tr(text)) for code, text in pairs]


def _ranks() -> list[tuple[str, str]]:
    return [(c, f"{c} – {r['name']}") for c, r in catalogs.ranks().items()]


def _categories() -> list[tuple[str, str]]:
    return [(it["code"], it["name"]) for it in catalogs.items("category")]


def _profile_unit(host: Host) -> str | None:
    return unit_code_of_id(host.ctx, host.profile.unit_id) if host.profile and host.profile.unit_id else None


SIDES = (("self", QT_TRANSLATE_NOOP("PersonEditor", "Own family")),
         ("spouse", QT_TRANSLATE_NOOP("PersonEditor", "Spouse's family")))
DOCUMENT_KINDS = (("decision", QT_TRANSLATE_NOOP("PersonEditor", "Decision")),
                  ("degree", QT_TRANSLATE_NOOP("PersonEditor", "Degree")),
                  ("certificate", QT_TRANSLATE_NOOP("PersonEditor", "Certificate")),
                  ("document", QT_TRANSLATE_NOOP("PersonEditor", "Other document")))
REGIMES = (("nd90_2020", "NĐ 90/2020"), ("nd335_2025", "NĐ 335/2025"))

# ============================================================================================== employment

EMPLOYMENTS = History("employments", lambda p: p.employments, (
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Category"), lambda e: e.category_label),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Unit"), lambda e: e.unit_name),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "From"), lambda e: fmt_date(e.start_date)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "To"), lambda e: fmt_date(e.end_date)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Ended by"), lambda e: e.end_reason_label),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Recruited on"), lambda e: fmt_date(e.recruitment_date)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Decision"), _decision),
), (
    Action("move", QT_TRANSLATE_NOOP("PersonEditor", "Move or rehire…"),
           lambda ctx, pid, x: ps.add_employment(ctx, pid, ps.EmploymentInput(
               x["category"], x["unit_id"], x["start_date"], decision=x["decision"])),
           title=QT_TRANSLATE_NOOP("PersonEditor", "Move to another unit or rehire"), decision=True, fields=(
               Field("category", QT_TRANSLATE_NOOP("PersonEditor", "Category"), CODE, _categories,
                     initial=lambda h: h.profile.category if h.profile else None),
               Field("unit_id", QT_TRANSLATE_NOOP("PersonEditor", "Unit"), UNIT),
               Field("start_date", QT_TRANSLATE_NOOP("PersonEditor", "From"), DATE))),
    Action("leave", QT_TRANSLATE_NOOP("PersonEditor", "Record leaving…"),
           lambda ctx, pid, x: ps.leave(ctx, pid, ps.LeaveInput(
               x["kind"], x["effective_date"], x["decision"], optional(x["note"]))),
           title=QT_TRANSLATE_NOOP("PersonEditor", "Record leaving"), decision=True,
           enabled=lambda p: p.status in ps.ACTIVE, fields=(
               Field("kind", QT_TRANSLATE_NOOP("PersonEditor", "Leaves by"), CODE,
                     lambda: list(ps.LEAVE_LABELS.items())),
               Field("effective_date", QT_TRANSLATE_NOOP("PersonEditor", "First day away"), DATE),
               Field("note", QT_TRANSLATE_NOOP("PersonEditor", "Note")))),
))

# ============================================================================================== retiring earlier or later

RETIRE_DIRECTIONS = (("earlier", QT_TRANSLATE_NOOP("PersonEditor", "At a lower age (NĐ 135/2020, Điều 5)")),
                     ("later", QT_TRANSLATE_NOOP("PersonEditor", "At a higher age (NĐ 135/2020, Điều 6)")))


def _ordinary_age(host: Host) -> RetirementAge | None:
    """The person's retirement age under ordinary conditions (NĐ 135/2020, Phụ lục I)."""
    if host.profile is None or host.profile.identity.birth_date is None:
        return None
    identity = host.profile.identity
    try:
        return retirement(identity.gender, BirthDate(identity.birth_date, identity.birth_precision),  # type: ignore[arg-type]  # stored values; the rule refuses others
                          host.ctx.rulebook).age
    except HrappError:
        return None


def _cases_follow_direction(host: Host, widgets: Mapping[str, QWidget]) -> None:
    """The cases offered are the rule's for the chosen direction, each with its legal point."""
    direction, reason = widgets["direction"], widgets["reason"]
    assert isinstance(direction, QComboBox) and isinstance(reason, QComboBox)  # CODE fields

    def cases() -> None:
        reason.clear()
        for case in ps.retirement_cases(host.ctx, direction.currentData(), clock.today()):
            reason.addItem(f"{case.label} ({case.basis})", case.code)
            reason.setItemData(reason.count() - 1, case.basis, Qt.ItemDataRole.ToolTipRole)
        reason.view().setMinimumWidth(reason.view().sizeHintForColumn(0) + 24)

    # the cases are long sentences: the field keeps the form's width, the list opens as wide as they are
    reason.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    reason.setMinimumContentsLength(40)
    direction.currentIndexChanged.connect(lambda _i: cases())
    cases()


def _retires(r: Any) -> str:
    return fmt_date(r.retirement_date) if r.retirement_date else r.problem


RETIREMENT_DECISIONS = History("retirement_decisions", lambda p: p.retirement_decisions, (
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Decision"), _decision),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Retires"), lambda r: tr(dict(RETIRE_DIRECTIONS).get(r.direction, ""))
           or r.direction_label),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Case"), lambda r: r.reason_label),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Age decided"), lambda r: r.age_label),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Retirement from"), _retires),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Legal basis"), lambda r: r.basis),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Note"), lambda r: r.note),
), (
    Action("add", QT_TRANSLATE_NOOP("PersonEditor", "Record a decision…"),
           lambda ctx, pid, x: ps.add_retirement_decision(ctx, pid, ps.RetirementDecisionInput(
               x["direction"], x["reason"] or "", x["age_years"], x["age_months"], x["decision"],
               optional(x["note"]))),
           title=QT_TRANSLATE_NOOP("PersonEditor", "Retire at a lower or a higher age by decision"), decision=True,
           wire=_cases_follow_direction, fields=(
               Field("direction", QT_TRANSLATE_NOOP("PersonEditor", "Retires"), CODE,
                     lambda: _translated(RETIRE_DIRECTIONS)),
               Field("reason", QT_TRANSLATE_NOOP("PersonEditor", "Case"), CODE),
               Field("age_years", QT_TRANSLATE_NOOP("PersonEditor", "Age decided: years"), SPIN, spin=(40, 80),
                     initial=lambda h: age.years if (age := _ordinary_age(h)) else 60, narrow=True),
               Field("age_months", QT_TRANSLATE_NOOP("PersonEditor", "and months"), SPIN, spin=(0, 11),
                     initial=lambda _h: 0, narrow=True),
               Field("note", QT_TRANSLATE_NOOP("PersonEditor", "Note")))),
    Action("remove", QT_TRANSLATE_NOOP("PersonEditor", "Remove"),
           lambda ctx, rid, _x: ps.remove_retirement_decision(ctx, rid), on_row=True,
           confirm=(QT_TRANSLATE_NOOP("PersonEditor", "Remove the decision"),
                    QT_TRANSLATE_NOOP("PersonEditor", "Remove the selected retirement decision? The retirement "
                                                      "dates follow the previous decision or the ordinary age."))),
))

# ============================================================================================== qualifications


def _levels_follow_kind(_host: Host, widgets: Mapping[str, QWidget]) -> None:
    """The level list offers the levels of the chosen kind of qualification."""
    kind, level = widgets["kind"], widgets["level_code"]
    assert isinstance(kind, QComboBox) and isinstance(level, QComboBox)  # CODE fields

    def levels() -> None:
        level.clear()
        for code in v.levels_of(kind.currentData()):
            level.addItem(catalogs.label("qualification_level", code), code)

    kind.currentIndexChanged.connect(lambda _i: levels())
    levels()


def _period(q: Any) -> str:
    return f"{fmt_date(q.start_date)} – {fmt_date(q.end_date)}".strip(" –")


QUALIFICATIONS = History("qualifications", lambda p: p.qualifications, (
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Kind"), lambda q: q.kind_label),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Level"), lambda q: q.level_label),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Major / language"), lambda q: q.major or q.language),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Institution"), lambda q: q.institution),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Mode"), lambda q: q.mode_label),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Period"), _period),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Year"), lambda q: str(q.year or "")),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Certificate"), lambda q: q.certificate_no),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Expires"), lambda q: fmt_date(q.expiry_date)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Status"), lambda q: QCoreApplication.translate(
        "PersonEditor", "In progress") if q.in_progress else QCoreApplication.translate("PersonEditor", "Completed")),
), (
    Action("add", QT_TRANSLATE_NOOP("PersonEditor", "Add qualification…"),
           lambda ctx, pid, x: ps.add_qualification(ctx, pid, ps.QualificationInput(
               x["kind"], x["level_code"] or "", major=optional(x["major"]), language=optional(x["language"]),
               institution=optional(x["institution"]), mode=x["mode"], year=x["year"],
               certificate_no=optional(x["certificate_no"]), in_progress=x["in_progress"],
               start_date=x["start_date"], end_date=x["end_date"], certificate_date=x["certificate_date"],
               expiry_date=x["expiry_date"])),
           title=QT_TRANSLATE_NOOP("PersonEditor", "Add a qualification"), wire=_levels_follow_kind, fields=(
               Field("kind", QT_TRANSLATE_NOOP("PersonEditor", "Kind"), CODE,
                     lambda: list(catalogs.labels("qualification_kind").items())),
               Field("level_code", QT_TRANSLATE_NOOP("PersonEditor", "Level"), CODE),
               Field("major", QT_TRANSLATE_NOOP("PersonEditor", "Major")),
               Field("language", QT_TRANSLATE_NOOP("PersonEditor", "Language")),
               Field("institution", QT_TRANSLATE_NOOP("PersonEditor", "Institution")),
               Field("mode", QT_TRANSLATE_NOOP("PersonEditor", "Mode"), CODE, lambda: list(STUDY_MODES.items()),
                     blank=True),
               Field("start_date", QT_TRANSLATE_NOOP("PersonEditor", "From"), DATE),
               Field("end_date", QT_TRANSLATE_NOOP("PersonEditor", "To"), DATE),
               Field("year", QT_TRANSLATE_NOOP("PersonEditor", "Year obtained"), INT, narrow=True),
               Field("certificate_no", QT_TRANSLATE_NOOP("PersonEditor", "Certificate number")),
               Field("certificate_date", QT_TRANSLATE_NOOP("PersonEditor", "Certificate date"), DATE),
               Field("expiry_date", QT_TRANSLATE_NOOP("PersonEditor", "Valid until"), DATE),
               Field("in_progress", QT_TRANSLATE_NOOP("PersonEditor", "Still studying (e.g. doctoral candidate)"),
                     CHECK))),
    Action("complete", QT_TRANSLATE_NOOP("PersonEditor", "Mark completed…"),
           lambda ctx, qid, x: ps.complete_qualification(ctx, qid, x["year"], certificate_no=optional(
               x["certificate_no"]), certificate_date=x["certificate_date"]),
           title=QT_TRANSLATE_NOOP("PersonEditor", "Study completed"), on_row=True, fields=(
               Field("year", QT_TRANSLATE_NOOP("PersonEditor", "Year obtained"), INT,
                     required=QT_TRANSLATE_NOOP("PersonEditor", "Enter the year the degree was obtained.")),
               Field("certificate_no", QT_TRANSLATE_NOOP("PersonEditor", "Certificate number")),
               Field("certificate_date", QT_TRANSLATE_NOOP("PersonEditor", "Certificate date"), DATE))),
))

# ============================================================================================== rank and salary

RANKS = History("ranks", lambda p: p.ranks, (
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Rank code"), lambda r: r.rank_code),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Rank"), lambda r: r.rank_name),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "From"), lambda r: fmt_date(r.effective_date)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "To"), lambda r: fmt_date(r.end_date)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Decision"), _decision),
), (
    Action("add", QT_TRANSLATE_NOOP("PersonEditor", "Change rank…"),
           lambda ctx, pid, x: ps.add_rank(ctx, pid, ps.RankInput(x["rank_code"], x["effective_date"],
                                                                  x["decision"])),
           title=QT_TRANSLATE_NOOP("PersonEditor", "Change rank"), decision=True, fields=(
               Field("rank_code", QT_TRANSLATE_NOOP("PersonEditor", "Rank"), CODE, _ranks),
               Field("effective_date", QT_TRANSLATE_NOOP("PersonEditor", "From"), DATE))),
))


def _coefficient_follows(host: Host, widgets: Mapping[str, QWidget]) -> None:
    """The coefficient is the table's for the chosen rank and step on the paid-from day (it may be typed over)."""
    rank, step, coef, day = (widgets[k] for k in ("rank_code", "salary_step", "coefficient", "salary_date"))
    assert isinstance(rank, QComboBox) and isinstance(step, QSpinBox)  # the fields' kinds
    assert isinstance(coef, QLineEdit) and isinstance(day, DateField)

    def fill() -> None:
        try:
            coef.setText(fmt_decimal(v.expected_coefficient(rank.currentData(), step.value(), host.ctx.rulebook,
                                                            day.value() or clock.today())))
        except (ValueError, HrappError):
            pass

    rank.currentIndexChanged.connect(fill)
    step.valueChanged.connect(fill)
    day.editingFinished.connect(fill)
    fill()


def _salary_input(x: Values) -> ps.SalaryInput:
    return ps.SalaryInput(x["rank_code"], x["salary_step"], x["coefficient"], x["salary_date"], percent=x["percent"],
                          reason=x["reason"], decision=x.get("decision"), step_since=x["step_since"])


SALARIES = History("salary_steps", lambda p: p.salary_steps, (
    Column(QT_TRANSLATE_NOOP("PersonEditor", "From"), lambda s: fmt_date(s.effective_date)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Rank"), lambda s: s.rank_name),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Step"), lambda s: str(s.step)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Coefficient"), lambda s: fmt_decimal(s.coefficient)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Percent"), lambda s: f"{s.percent}%"),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Next step counts from"), lambda s: fmt_date(s.step_since)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Seniority allowance"),
           lambda s: f"{s.pctnvk_percent}%" if s.pctnvk_percent else ""),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Reason"), lambda s: s.reason_label),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Decision"), _decision),
), (
    Action("add", QT_TRANSLATE_NOOP("PersonEditor", "Add salary step…"),
           lambda ctx, pid, x: ps.add_salary_step(ctx, pid, _salary_input(x)),
           title=QT_TRANSLATE_NOOP("PersonEditor", "Add a salary step"), decision=True, wire=_coefficient_follows,
           warnings=lambda ctx, pid, x: ps.salary_warnings(ctx, pid, _salary_input(x)),
           fields=(
               Field("rank_code", QT_TRANSLATE_NOOP("PersonEditor", "Rank"), CODE, _ranks,
                     initial=lambda h: h.profile.rank_code if h.profile else None),
               Field("salary_step", QT_TRANSLATE_NOOP("PersonEditor", "Step"), SPIN,
                     initial=lambda h: (h.profile.salary_step or 0) + 1 if h.profile else 1),
               Field("coefficient", QT_TRANSLATE_NOOP("PersonEditor", "Coefficient"), DECIMAL),
               Field("salary_date", QT_TRANSLATE_NOOP("PersonEditor", "Paid from"), DATE),
               Field("step_since", QT_TRANSLATE_NOOP("PersonEditor", "Next step counts from (empty: paid from)"),
                     DATE),
               Field("percent", QT_TRANSLATE_NOOP("PersonEditor", "Percent"), SPIN, spin=(1, 100),
                     initial=lambda _h: 100),
               Field("reason", QT_TRANSLATE_NOOP("PersonEditor", "Reason"), CODE,
                     lambda: list(SALARY_REASONS.items())))),
))

# ============================================================================================== posts and work


def _post_title(h: Any) -> str:
    return h.post_title + (QCoreApplication.translate("PersonEditor", " (concurrent)") if h.is_concurrent else "")


POSTS = History("posts", lambda p: p.posts, (
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Post"), _post_title),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Unit"), lambda h: h.unit_name),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Kind"), lambda h: h.kind_label),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "From"), lambda h: fmt_date(h.start_date)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Term ends"), lambda h: fmt_date(h.term_end)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Ended"), lambda h: f"{fmt_date(h.end_date)} {h.end_reason}".strip()),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Allowance"), lambda h: fmt_decimal(h.allowance_coefficient)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Decision"), _decision),
), (
    Action("add", QT_TRANSLATE_NOOP("PersonEditor", "Appoint…"),
           lambda ctx, pid, x: ps.add_post(ctx, pid, ps.PostInput(
               x["post_code"], x["unit_id"], x["start_date"], kind=x["kind"], is_concurrent=x["is_concurrent"],
               decision=x["decision"])),
           title=QT_TRANSLATE_NOOP("PersonEditor", "Appoint to a post"), decision=True, fields=(
               Field("post_code", QT_TRANSLATE_NOOP("PersonEditor", "Post"), CODE,
                     lambda: list(catalogs.labels("post").items())),
               Field("unit_id", QT_TRANSLATE_NOOP("PersonEditor", "Unit"), UNIT, initial=_profile_unit),
               Field("kind", QT_TRANSLATE_NOOP("PersonEditor", "Kind"), CODE,
                     lambda: list(catalogs.labels("appointment_kind").items())),
               Field("start_date", QT_TRANSLATE_NOOP("PersonEditor", "From"), DATE),
               Field("is_concurrent", QT_TRANSLATE_NOOP("PersonEditor", "Concurrent post (kiêm nhiệm)"), CHECK))),
    Action("end", QT_TRANSLATE_NOOP("PersonEditor", "End the post…"),
           lambda ctx, post_id, x: ps.end_post(ctx, post_id, x["end_date"], x["reason"], x["decision"]),
           title=QT_TRANSLATE_NOOP("PersonEditor", "End the post"), decision=True, on_row=True, fields=(
               Field("end_date", QT_TRANSLATE_NOOP("PersonEditor", "Last day"), DATE),
               Field("reason", QT_TRANSLATE_NOOP("PersonEditor", "Reason")))),
))

WORK = History("work_history", lambda p: p.work_history, (
    Column(QT_TRANSLATE_NOOP("PersonEditor", "From"), lambda w: fmt_date(w.from_date)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "To"), lambda w: fmt_date(w.to_date)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Title, post, unit"), lambda w: w.description),
), (
    Action("add", QT_TRANSLATE_NOOP("PersonEditor", "Add line…"),
           lambda ctx, pid, x: ps.add_work_history(ctx, pid, ps.WorkInput(x["from_date"], x["to_date"],
                                                                          x["description"])),
           title=QT_TRANSLATE_NOOP("PersonEditor", "Add a work history line"), fields=(
               Field("from_date", QT_TRANSLATE_NOOP("PersonEditor", "From"), DATE),
               Field("to_date", QT_TRANSLATE_NOOP("PersonEditor", "To (empty: until now)"), DATE),
               Field("description", QT_TRANSLATE_NOOP("PersonEditor", "Title, post, unit")))),
))

FAMILY = History("family", lambda p: p.family, (
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Side"), lambda f: tr(dict(SIDES).get(f.side, "")) or f.side),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Relation"), lambda f: f.relation),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Full name"), lambda f: f.full_name),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Born"), lambda f: str(f.birth_year or "")),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Details"), lambda f: f.details),
), (
    Action("add", QT_TRANSLATE_NOOP("PersonEditor", "Add relative…"),
           lambda ctx, pid, x: ps.add_family_member(ctx, pid, ps.FamilyInput(
               x["relation"], x["full_name"], x["birth_year"], optional(x["details"]), x["side"])),
           title=QT_TRANSLATE_NOOP("PersonEditor", "Add a relative"), fields=(
               Field("side", QT_TRANSLATE_NOOP("PersonEditor", "Side"), CODE, lambda: _translated(SIDES)),
               Field("relation", QT_TRANSLATE_NOOP("PersonEditor", "Relation")),
               Field("full_name", QT_TRANSLATE_NOOP("PersonEditor", "Full name")),
               Field("birth_year", QT_TRANSLATE_NOOP("PersonEditor", "Born in"), INT, narrow=True),
               Field("details", QT_TRANSLATE_NOOP("PersonEditor", "Home town, occupation, address")))),
))

# ============================================================================================== awards, evaluations

AWARDS = History("awards", lambda p: p.awards, (
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Date"), lambda a: fmt_date(a.award_date)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Award"), lambda a: a.form),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Level"), lambda a: a.level),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Reason"), lambda a: a.reason),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Decision"), _decision),
), (
    Action("add", QT_TRANSLATE_NOOP("PersonEditor", "Add award…"),
           lambda ctx, pid, x: ps.add_award(ctx, pid, ps.AwardInput(
               x["award_date"], x["form"], optional(x["level"]), optional(x["reason"]), x["decision"])),
           title=QT_TRANSLATE_NOOP("PersonEditor", "Add an award"), decision=True, fields=(
               Field("award_date", QT_TRANSLATE_NOOP("PersonEditor", "Date"), DATE),
               Field("form", QT_TRANSLATE_NOOP("PersonEditor", "Award")),
               Field("level", QT_TRANSLATE_NOOP("PersonEditor", "Level")),
               Field("reason", QT_TRANSLATE_NOOP("PersonEditor", "Reason")))),
))

def _discipline_rule_follows(host: Host, widgets: Mapping[str, QWidget]) -> None:
    """The form list offers only the measures the rule version in force on the decision date allows for the
    person's category and post that day; the rule used is shown, and the end of the effect period is filled from
    it (until the officer types another end)."""
    decided, form, start, end, rule_edit, violated, found, hard = (widgets[k] for k in (
        "decision_date", "form", "effect_from", "effect_to", "rule", "violation_date", "found_on", "complex_case"))
    assert isinstance(decided, DateField) and isinstance(start, DateField) and isinstance(end, DateField)
    assert isinstance(violated, DateField) and isinstance(found, DateField) and isinstance(hard, QCheckBox)
    assert isinstance(form, QComboBox) and isinstance(rule_edit, QLabel)  # the fields' kinds
    filled: list[date | None] = [None]  # the end last filled in here (an end typed over it is kept)

    def read(field: DateField) -> date | None:
        try:
            return field.value()
        except ValueError:  # a date still being typed: the check on save words it
            return None

    def day() -> date:
        return read(decided) or clock.today()

    def who() -> tuple[str | None, bool]:
        p = host.profile
        if p is None:
            return None, False
        on = day()
        return (dr.category_on([(e.start_date, e.end_date, e.category) for e in p.employments], on, p.category),
                dr.leader_on([(h.start_date, h.end_date) for h in p.posts], on))

    def fill_end() -> None:
        rule = dr.rule_on(host.ctx.rulebook, day())
        first = read(start) or read(decided)
        if rule is None or first is None or form.currentData() is None:
            return
        if read(end) is None or read(end) == filled[0]:
            filled[0] = dr.effect_end(rule, form.currentData(), first, who()[0])
            end.set_value(filled[0])

    def offer() -> None:
        rule = dr.rule_on(host.ctx.rulebook, day())
        category, leader = who()
        codes = (dr.allowed_forms(rule, category, leader) if rule is not None
                 else tuple(catalogs.labels("discipline_form")))
        chosen = form.currentData()
        form.blockSignals(True)
        form.clear()
        for code in codes:
            form.addItem(catalogs.label("discipline_form", code, code), code)
        if chosen in codes:
            form.setCurrentIndex(codes.index(chosen))
        elif chosen is not None:  # kept, marked, so that saving says why rather than changing the form unseen
            form.addItem(catalogs.label("discipline_form", chosen, chosen) + QCoreApplication.translate(
                "PersonEditor", " (does not apply on this date)"), chosen)
            form.setCurrentIndex(form.count() - 1)
        form.blockSignals(False)
        if rule is None:
            rule_edit.setText(QCoreApplication.translate("PersonEditor", "No rule data for this date"))
        else:
            post = (QCoreApplication.translate("PersonEditor", "leadership post") if leader
                    else QCoreApplication.translate("PersonEditor", "no leadership post"))
            kind = catalogs.label("category", category or "", category or "?")
            rule_edit.setText(f"{rule.name}: {kind[:1].lower() + kind[1:]}, {post}")
        if not codes:
            rule_edit.setText(rule_edit.text() + QCoreApplication.translate(
                "PersonEditor", ": no disciplinary measure applies to this category"))
        deadline()
        fill_end()

    def deadline() -> None:
        """After the limitation period or the time limit of the procedure: say so before saving, do not refuse."""
        rule, on, seen, done = dr.rule_on(host.ctx.rulebook, day()), read(decided), read(found), read(violated)
        text = rule_edit.text().split(" · ")[0]
        if rule is not None and on is not None and form.currentData() is not None:
            try:
                timing = dr.check_timing(rule, form.currentData(), on, done, seen, hard.isChecked(), who()[0])
            except HrappError:
                timing = None  # dates in the wrong order: the check on save words it
            if timing is not None and timing.barred and timing.limitation_last_day is not None:
                text += " · " + QCoreApplication.translate(
                    "PersonEditor", "after the limitation period (%1)").replace(
                    "%1", fmt_date(timing.limitation_last_day))
            if timing is not None and timing.late and timing.processing_last_day is not None:
                text += " · " + QCoreApplication.translate(
                    "PersonEditor", "after the time limit of the procedure (%1)").replace(
                    "%1", fmt_date(timing.processing_last_day))
        rule_edit.setText(text)

    decided.editingFinished.connect(offer)
    decided.textEdited.connect(lambda _t: offer() if read(decided) is not None else None)  # as soon as it reads
    start.editingFinished.connect(fill_end)
    for dated in (violated, found):
        dated.editingFinished.connect(deadline)
        dated.textEdited.connect(lambda _t: deadline())
    hard.toggled.connect(lambda _c: deadline())
    start.textEdited.connect(lambda _t: fill_end())
    form.currentIndexChanged.connect(lambda _i: fill_end())
    form.currentIndexChanged.connect(lambda _i: deadline())
    offer()


DISCIPLINES = History("disciplines", lambda p: p.disciplines, (
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Decided on"), lambda d: fmt_date(d.decision_date)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Form"), lambda d: d.form_label),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "From"), lambda d: fmt_date(d.effect_from)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "To"), lambda d: fmt_date(d.effect_to)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Violation on"), lambda d: fmt_date(d.violation_date)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Reason"), lambda d: d.reason),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Decision"), _decision),
), (
    Action("add", QT_TRANSLATE_NOOP("PersonEditor", "Add discipline…"),
           lambda ctx, pid, x: ps.add_discipline(ctx, pid, ps.DisciplineInput(
               x["decision_date"], x["form"] or "", x["effect_from"], x["effect_to"], optional(x["reason"]),
               x["decision"], violation_date=x["violation_date"], found_on=x["found_on"],
               complex_case=x["complex_case"])),
           title=QT_TRANSLATE_NOOP("PersonEditor", "Add a discipline"), decision=True,
           wire=_discipline_rule_follows, fields=(
               Field("decision_date", QT_TRANSLATE_NOOP("PersonEditor", "Decided on"), DATE),
               Field("rule", QT_TRANSLATE_NOOP("PersonEditor", "Rule applied"), NOTE),
               Field("form", QT_TRANSLATE_NOOP("PersonEditor", "Form"), CODE,
                     lambda: list(catalogs.labels("discipline_form").items())),
               Field("effect_from", QT_TRANSLATE_NOOP("PersonEditor", "In effect from"), DATE),
               Field("effect_to", QT_TRANSLATE_NOOP("PersonEditor", "In effect until"), DATE),
               Field("violation_date", QT_TRANSLATE_NOOP("PersonEditor", "Violation committed on"), DATE),
               Field("found_on", QT_TRANSLATE_NOOP("PersonEditor", "Violation found on"), DATE),
               Field("complex_case", QT_TRANSLATE_NOOP("PersonEditor", "Complex case (longer time limit)"), CHECK),
               Field("reason", QT_TRANSLATE_NOOP("PersonEditor", "Reason")))),
))

EVALUATIONS = History("evaluations", lambda p: p.evaluations, (
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Year"), lambda e: str(e.year)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Rating"), lambda e: e.rating_label),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Score"), lambda e: fmt_decimal(e.score) if e.score else ""),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Regime"), lambda e: dict(REGIMES).get(e.regime, e.regime)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Note"), lambda e: e.note),
), (
    Action("add", QT_TRANSLATE_NOOP("PersonEditor", "Add evaluation…"),
           lambda ctx, pid, x: ps.add_evaluation(ctx, pid, ps.EvaluationInput(
               x["year"], x["rating"], x["score"], x["regime"], optional(x["note"]))),
           title=QT_TRANSLATE_NOOP("PersonEditor", "Add an evaluation"), fields=(
               Field("year", QT_TRANSLATE_NOOP("PersonEditor", "Year"), SPIN, spin=(1990, 2100),
                     initial=lambda _h: clock.today().year - 1),
               Field("rating", QT_TRANSLATE_NOOP("PersonEditor", "Rating"), CODE,
                     lambda: list(catalogs.labels("rating").items()), blank=True),
               Field("score", QT_TRANSLATE_NOOP("PersonEditor", "Score (/100)"), DECIMAL, narrow=True),
               Field("regime", QT_TRANSLATE_NOOP("PersonEditor", "Regime"), CODE, lambda: list(REGIMES)),
               Field("note", QT_TRANSLATE_NOOP("PersonEditor", "Note")))),
))

PERIOD_KINDS = (("month", QT_TRANSLATE_NOOP("PersonEditor", "Month")),
                ("quarter", QT_TRANSLATE_NOOP("PersonEditor", "Quarter")))


def _period(e: Any) -> str:
    return f"{tr(dict(PERIOD_KINDS)[e.period_kind])} {e.period_no}" if e.period_kind in dict(PERIOD_KINDS) else ""


def _year_facts(x: Values) -> tuple[str, ...]:
    """The disqualifying facts ticked (NĐ 335/2025 Điều 20 khoản 4 b, d; a discipline of the year, c, is read
    from the record)."""
    return tuple(code for code in ("degradation", "corruption_in_charge") if x[code])


PERIODS = History("evaluation_periods", lambda p: p.evaluation_periods, (
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Year"), lambda e: str(e.year)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Period"), _period),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "General criteria (/30)"), lambda e: fmt_decimal(e.general_score)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Results (/70)"), lambda e: fmt_decimal(e.results_score)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Score"), lambda e: fmt_decimal(e.total)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Note"), lambda e: e.note),
), (
    Action("add", QT_TRANSLATE_NOOP("PersonEditor", "Add a period's score…"),
           lambda ctx, pid, x: ps.add_period_score(ctx, pid, ps.PeriodScoreInput(
               x["year"], x["period_kind"], x["period_no"], x["general_score"], x["results_score"],
               optional(x["note"]))),
           title=QT_TRANSLATE_NOOP("PersonEditor", "Score a month or a quarter (NĐ 335/2025)"), fields=(
               Field("year", QT_TRANSLATE_NOOP("PersonEditor", "Year"), SPIN, spin=(2026, 2100),
                     initial=lambda _h: max(clock.today().year, 2026)),
               Field("period_kind", QT_TRANSLATE_NOOP("PersonEditor", "Tracked by"), CODE,
                     lambda: _translated(PERIOD_KINDS)),
               Field("period_no", QT_TRANSLATE_NOOP("PersonEditor", "Month or quarter number"), SPIN, spin=(1, 12),
                     initial=lambda _h: clock.today().month),
               Field("general_score", QT_TRANSLATE_NOOP("PersonEditor", "General criteria (/30)"), DECIMAL,
                     narrow=True),
               Field("results_score", QT_TRANSLATE_NOOP("PersonEditor", "Results (/70)"), DECIMAL, narrow=True),
               Field("note", QT_TRANSLATE_NOOP("PersonEditor", "Note")))),
    Action("rate", QT_TRANSLATE_NOOP("PersonEditor", "Rate the year from its scores…"),
           lambda ctx, pid, x: ps.rate_year_from_periods(ctx, pid, ps.YearFromPeriodsInput(
               x["year"], _year_facts(x), optional(x["note"]), x["decision"])),
           title=QT_TRANSLATE_NOOP("PersonEditor", "The year's rating from the monthly or quarterly scores"),
           decision=True, fields=(
               Field("year", QT_TRANSLATE_NOOP("PersonEditor", "Year"), SPIN, spin=(2026, 2100),
                     initial=lambda _h: max(clock.today().year, 2026)),
               Field("degradation", QT_TRANSLATE_NOOP(
                   "PersonEditor", "Concluded to show political, ethical or lifestyle degradation"), CHECK),
               Field("corruption_in_charge", QT_TRANSLATE_NOOP(
                   "PersonEditor", "A unit under the person's direct charge was dealt with for corruption or waste"),
                     CHECK),
               Field("note", QT_TRANSLATE_NOOP("PersonEditor", "Note")))),
))

# ============================================================================================== leave, study

LEAVES = History("leave_periods", lambda p: p.leave_periods, (
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Kind"), lambda q: q.kind_label),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "From"), lambda q: fmt_date(q.start_date)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "To"), lambda q: fmt_date(q.end_date)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Days"), lambda q: str(q.days)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Decision"), _decision),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Note"), lambda q: q.note),
), (
    Action("add", QT_TRANSLATE_NOOP("PersonEditor", "Add leave…"),
           lambda ctx, pid, x: career.add_leave_period(ctx, pid, career.LeavePeriodInput(
               x["kind"], x["start_date"], x["end_date"], x["decision"], optional(x["note"]))),
           title=QT_TRANSLATE_NOOP("PersonEditor", "Add a leave period"), decision=True, fields=(
               Field("kind", QT_TRANSLATE_NOOP("PersonEditor", "Kind"), CODE, lambda: list(ABSENCE_KINDS.items())),
               Field("start_date", QT_TRANSLATE_NOOP("PersonEditor", "First day"), DATE),
               Field("end_date", QT_TRANSLATE_NOOP("PersonEditor", "Last day"), DATE),
               Field("note", QT_TRANSLATE_NOOP("PersonEditor", "Note")))),
))

COMMITMENTS = History("commitments", lambda p: p.commitments, (
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Programme"), lambda c: c.programme),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Study from"), lambda c: fmt_date(c.study_start)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Study until"), lambda c: fmt_date(c.study_end)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Months to serve"), lambda c: str(c.commitment_months)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Serve until"), lambda c: fmt_date(c.service_until)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Cost"), lambda c: fmt_count(int(c.cost))),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Status"),
           lambda c: training_rules.COMMITMENT_STATUSES.get(c.status, c.status)),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Repayment"),
           lambda c: fmt_count(int(c.repayment)) if c.repayment is not None else ""),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Decision"), _decision),
), (
    Action("add", QT_TRANSLATE_NOOP("PersonEditor", "Add a study commitment…"),
           lambda ctx, pid, x: ts.create_commitment(ctx, ts.CommitmentInput(
               pid, x["programme"], x["study_start"], x["study_end"], x["cost"], decision=x["decision"],
               note=optional(x["note"]))),
           title=QT_TRANSLATE_NOOP("PersonEditor", "Postgraduate study: the service commitment"), decision=True,
           fields=(
               Field("programme", QT_TRANSLATE_NOOP("PersonEditor", "Programme")),
               Field("study_start", QT_TRANSLATE_NOOP("PersonEditor", "Study from"), DATE),
               Field("study_end", QT_TRANSLATE_NOOP("PersonEditor", "Study until"), DATE),
               Field("cost", QT_TRANSLATE_NOOP("PersonEditor", "Cost paid by the agency (VND)"), DECIMAL,
                     required=QT_TRANSLATE_NOOP("PersonEditor", "Enter the cost the agency paid.")),
               Field("note", QT_TRANSLATE_NOOP("PersonEditor", "Note")))),
    Action("leaving", QT_TRANSLATE_NOOP("PersonEditor", "Record leaving early…"),
           lambda ctx, cid, x: ts.record_leaving(ctx, ts.LeavingInput(cid, x["left_on"], x["case"])),
           title=QT_TRANSLATE_NOOP("PersonEditor", "Left before serving the commitment: the repayment"),
           on_row=True, fields=(
               Field("left_on", QT_TRANSLATE_NOOP("PersonEditor", "Left on"), DATE,
                     required=QT_TRANSLATE_NOOP("PersonEditor", "Enter the day the person left.")),
               Field("case", QT_TRANSLATE_NOOP("PersonEditor", "Case"), CODE,
                     lambda: list(training_rules.LEAVE_CASES.items())))),
))

# ============================================================================================== documents


def _attach(ctx: ServiceContext, person_id: int, x: Values) -> PersonProfile:
    chosen = Path(x["filename"].strip())
    if not x["filename"].strip() or not chosen.is_file():
        raise ValidationError([("filename", QCoreApplication.translate("PersonEditor", "Choose an existing file."))])
    return ps.add_attachment(ctx, person_id, ps.AttachmentInput(
        chosen.name, chosen.read_bytes(), x["kind"], optional(x["note"])))


def _open_document(ctx: ServiceContext, attachment_id: int, _x: Values) -> Path:
    """Write the document to a temporary file and open it with the system's viewer."""
    name, _mime, data = ps.attachment_data(ctx, attachment_id)
    target = Path(tempfile.mkdtemp(prefix="hrapp_")) / name
    target.write_bytes(data)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
    return target


DOCUMENTS = History("attachments", lambda p: p.attachments, (
    Column(QT_TRANSLATE_NOOP("PersonEditor", "File"), lambda a: a.filename),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Kind"), lambda a: a.kind),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Size"), lambda a: f"{a.size // 1024 or 1} KB"),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Added"), lambda a: fmt_date(a.created_at.date())),
    Column(QT_TRANSLATE_NOOP("PersonEditor", "Note"), lambda a: a.note),
), (
    Action("attach", QT_TRANSLATE_NOOP("PersonEditor", "Attach file…"), _attach,
           title=QT_TRANSLATE_NOOP("PersonEditor", "Attach a file"), fields=(
               Field("filename", QT_TRANSLATE_NOOP("PersonEditor", "File"), FILE),
               Field("kind", QT_TRANSLATE_NOOP("PersonEditor", "Kind"), CODE, lambda: _translated(DOCUMENT_KINDS)),
               Field("note", QT_TRANSLATE_NOOP("PersonEditor", "Note")))),
    Action("open", QT_TRANSLATE_NOOP("PersonEditor", "Open"), _open_document, on_row=True, writes=False),
    Action("remove", QT_TRANSLATE_NOOP("PersonEditor", "Remove"),
           lambda ctx, aid, _x: ps.delete_attachment(ctx, aid), on_row=True,
           confirm=(QT_TRANSLATE_NOOP("PersonEditor", "Remove the document"),
                    QT_TRANSLATE_NOOP("PersonEditor", "Remove the selected document from the record?"))),
))

# ============================================================================================== the pages


@dataclass(frozen=True)
class Page:
    """A tab of the editor after Identity and Employment: its title and the histories it shows, each under
    its caption (none when the page shows one history) with its share of the height."""

    title: str
    sections: tuple[tuple[str, History, int], ...]


PAGES = (
    Page(QT_TRANSLATE_NOOP("PersonEditor", "Qualifications"), (("", QUALIFICATIONS, 1),)),
    Page(QT_TRANSLATE_NOOP("PersonEditor", "Rank and salary"), (
        (QT_TRANSLATE_NOOP("PersonEditor", "Ranks held"), RANKS, 1),
        (QT_TRANSLATE_NOOP("PersonEditor", "Salary history"), SALARIES, 2))),
    Page(QT_TRANSLATE_NOOP("PersonEditor", "Posts"), (("", POSTS, 1),)),
    Page(QT_TRANSLATE_NOOP("PersonEditor", "Work history"), (("", WORK, 1),)),
    Page(QT_TRANSLATE_NOOP("PersonEditor", "Family"), (("", FAMILY, 1),)),
    Page(QT_TRANSLATE_NOOP("PersonEditor", "Awards and discipline"), (
        (QT_TRANSLATE_NOOP("PersonEditor", "Awards"), AWARDS, 1),
        (QT_TRANSLATE_NOOP("PersonEditor", "Discipline"), DISCIPLINES, 1))),
    Page(QT_TRANSLATE_NOOP("PersonEditor", "Evaluations"), (
        (QT_TRANSLATE_NOOP("PersonEditor", "Yearly ratings"), EVALUATIONS, 1),
        (QT_TRANSLATE_NOOP("PersonEditor", "Monthly or quarterly scores (NĐ 335/2025)"), PERIODS, 1))),
    Page(QT_TRANSLATE_NOOP("PersonEditor", "Leave and study"), (
        (QT_TRANSLATE_NOOP("PersonEditor", "Leave periods"), LEAVES, 1),
        (QT_TRANSLATE_NOOP("PersonEditor", "Postgraduate study commitments"), COMMITMENTS, 1))),
    Page(QT_TRANSLATE_NOOP("PersonEditor", "Documents"), (("", DOCUMENTS, 1),)),
)
