"""An account limited to one unit (the demo's TTUD, 47 people) reads nobody of the other units, whatever
document, list or lookup it asks for: every document of the Reports catalogue is written as that account and
searched for the names of the people of the other units; an explicit request for another unit or for a person
outside is refused in words that are the same whether the unit or the person exists or not."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from hrapp.db.models import JobPosition, OrgUnit, Person, PlanningPeriod, TrainingPlan
from hrapp.errors import HrappError

SCOPE_UNIT = "TTUD"
REPORT_DAY = date(2025, 12, 31)


def file_text(path: Path) -> str:
    if path.suffix == ".pdf":
        return " ".join(" ".join(p.extract_text() for p in PdfReader(str(path)).pages).split())
    book = load_workbook(path, read_only=True)
    return "\n".join(str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
                     for v in row if v is not None)


def named(text: str, names: set[str]) -> set[str]:
    """The names that occur in the text as whole words."""
    return {n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)}


class Demo:
    """The demo department as seen by an administrator: who is in the scope unit, who is not."""

    def __init__(self, ctx) -> None:
        from hrapp.services.agency import get_agency

        agency = get_agency(ctx)
        with ctx.read() as s:
            units = dict(s.execute(select(OrgUnit.code, OrgUnit.id)).all())
            self.unit_id = units[SCOPE_UNIT]
            people = s.execute(select(Person.id, Person.full_name, Person.cur_unit_id)).all()
            self.period_id = s.scalar(select(PlanningPeriod.id).where(PlanningPeriod.name.contains("2020")))
            self.plan_year = s.scalar(select(TrainingPlan.year).order_by(TrainingPlan.year))
            self.position_id = s.scalar(select(JobPosition.id).where(JobPosition.unit_id == self.unit_id)
                                        .order_by(JobPosition.id))
            self.other_position_id = s.scalar(select(JobPosition.id).where(JobPosition.unit_id == units["BGD"])
                                              .order_by(JobPosition.id))
        self.inside = {n for _, n, u in people if u == self.unit_id}
        # a name also borne by someone of the unit would be no proof of a leak
        # nor are the agency's signers, printed under every document by the agency's settings
        signers = {agency.head_name, agency.deputy_name, agency.preparer_name}
        self.outside = {n for _, n, u in people if u != self.unit_id} - self.inside - signers
        self.inside_ids = sorted(i for i, _, u in people if u == self.unit_id)
        self.outside_ids = sorted(i for i, _, u in people if u != self.unit_id)
        self.count = len(self.inside_ids)


@pytest.fixture
def demo(demo_ctx) -> Demo:
    return Demo(demo_ctx)


@pytest.fixture
def scoped(demo_ctx, demo):
    """The demo signed in as a unit leader of TTUD (reads personal data, approves, limited to the unit)."""
    demo_ctx.sign_in("ttud.lanhdao", "lanh_dao", (demo.unit_id,))
    return demo_ctx


def test_the_demo_has_people_on_both_sides_of_the_scope(demo):
    assert demo.count == 47
    assert len(demo.outside) > 90


# ---------------------------------------------------------------------------------------------------------
# Every document of the Reports catalogue


def _params(demo: Demo, person_id: int | None = None, position_id: int | None = None):
    from ui.pages.reports_page import Params

    return Params(as_of=REPORT_DAY, year=REPORT_DAY.year, start=date(2026, 1, 1), end=date(2027, 12, 31),
                  overdue=True, layout="full", unit_code=None, category=None,
                  position_id=position_id or demo.position_id, person_id=person_id or demo.inside_ids[0],
                  period_id=demo.period_id, round_id=1, plan_year=demo.plan_year, by_position=True,
                  rank_code="V.05.02.06")


def _catalogue() -> list[str]:
    from ui.pages.reports_page import REPORTS

    return [r.key for r in REPORTS]


@pytest.mark.parametrize("key", _catalogue())
def test_every_document_of_the_catalogue_names_nobody_outside_the_scope(scoped, demo, tmp_path, key):
    from ui.pages.reports_page import report

    r = report(key)
    target = tmp_path / f"{key}{'.xlsx' if r.excel else '.pdf'}"
    r.run(scoped, str(target), _params(demo), lambda _d, _t: None, lambda: False)

    text = file_text(target)
    assert named(text, demo.outside) == set()


def _unit_lists(demo: Demo, tmp_path: Path):
    """Each list that takes a unit, asked for a unit (code, id) as the CLI and the Reports page pass it."""
    from hrapp.reports.staff_list import export_staff_list
    from hrapp.reports.training_gaps import export_gaps
    from hrapp.services.career import retirement_list
    from hrapp.services.pay_lists import pay_step_due_list, pctnvk_due_list

    start, end = date(2026, 1, 1), date(2027, 12, 31)
    return {
        "staff_list": lambda ctx, code, uid: export_staff_list(ctx, tmp_path / f"ds_{code}.xlsx", code),
        "training_gaps": lambda ctx, code, uid: export_gaps(ctx, tmp_path / f"nc_{code}.xlsx", REPORT_DAY, code),
        "pay_step": lambda ctx, code, uid: pay_step_due_list(ctx, start, end, uid),
        "pctnvk": lambda ctx, code, uid: pctnvk_due_list(ctx, start, end, uid),
        "retirement": lambda ctx, code, uid: retirement_list(ctx, REPORT_DAY.year, uid),
    }


@pytest.mark.parametrize("key", ["staff_list", "training_gaps", "pay_step", "pctnvk", "retirement"])
def test_a_list_of_another_unit_is_refused_in_the_words_of_a_unit_that_does_not_exist(scoped, demo, tmp_path,
                                                                                       key):
    out = tmp_path / "out"
    out.mkdir()
    ask = _unit_lists(demo, out)[key]
    with scoped.read() as s:
        bgd = s.scalar(select(OrgUnit.id).where(OrgUnit.code == "BGD"))
    words = []
    for code, uid in (("BGD", bgd), ("KHONGCO", 10**6)):
        with pytest.raises(HrappError) as refused:
            ask(scoped, code, uid)
        words.append(refused.value.message.replace(code, "X"))
    assert words[0] == words[1]
    assert list(out.iterdir()) == []
    ask(scoped, SCOPE_UNIT, demo.unit_id)  # its own unit is served


def test_a_cv_of_someone_outside_is_refused_like_a_person_that_does_not_exist(scoped, demo, tmp_path):
    from hrapp.reports.cv_2c import export_cv

    words = []
    for pid in (demo.outside_ids[0], 10**6):
        target = tmp_path / f"cv_{pid}.pdf"
        with pytest.raises(HrappError) as refused:
            export_cv(scoped, target, pid)
        assert not target.exists()
        words.append(refused.value.message)
    assert words[0] == words[1]


def test_the_profile_and_detail_of_someone_outside_are_refused_like_a_missing_person(scoped, demo):
    from hrapp.queries.person_detail import load_person_detail
    from hrapp.queries.person_profile import load_profile

    for read in (lambda pid: load_profile(scoped, pid), lambda pid: load_person_detail(scoped, pid)):
        words = []
        for pid in (demo.outside_ids[0], 10**6):
            with pytest.raises(HrappError) as refused:
                read(pid)
            words.append(refused.value.message)
        assert words[0] == words[1]
    assert load_profile(scoped, demo.inside_ids[0]).id == demo.inside_ids[0]
