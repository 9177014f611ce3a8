"""The areas of the main window, in navigation order. A new page is one module in ui/pages/ and one line here.

An area is `ui/pages/<area>_page.py` with a `BasePage` subclass taking `(ctx, parent)`, named by
`page=Ref("ui.pages.<area>_page:<Class>")` on its line below (the one lazy mechanism, hrapp.lazy: a page's
module is imported when the page is first shown). Titles and summaries are English sources translated
in context "Areas" (resources/i18n/hrapp_vi.ts).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from hrapp.context import ServiceContext
from hrapp.lazy import Ref
from ui.pages.base import BasePage


@dataclass(frozen=True)
class Area:
    key: str  # stable id: settings group, tests
    title: str  # English source text, translated in context "Areas"
    icon: str  # resources/icons/<icon>.svg
    summary: str  # one sentence of what the area holds
    page: Ref  # the page's class, imported on first use (hrapp.lazy: the module path next to the class)


AREAS: tuple[Area, ...] = (
    Area("tasks", QT_TRANSLATE_NOOP("Areas", "To-do"), "tasks",
         QT_TRANSLATE_NOOP("Areas", "Reminders of what falls due: pay steps, retirement notices, ends of appointment terms and probation, expiring certificates."),
         page=Ref("ui.pages.todo_page:TodoPage")),
    Area("org", QT_TRANSLATE_NOOP("Areas", "Organisation"), "org",
         QT_TRANSLATE_NOOP("Areas", "The tree of units with their history of creation, renaming, merging and closing, each with its decision."),
         page=Ref("ui.pages.org_page:OrgPage")),
    Area("positions", QT_TRANSLATE_NOOP("Areas", "Job positions"), "positions",
         QT_TRANSLATE_NOOP("Areas", "The job positions of each unit with their job descriptions and competency frameworks."),
         page=Ref("ui.pages.positions_page:PositionsPage")),
    Area("quota", QT_TRANSLATE_NOOP("Areas", "Headcount"), "quota",
         QT_TRANSLATE_NOOP("Areas", "Headcount quotas by year, unit and category, compared with actual staff and vacancies."),
         page=Ref("ui.pages.staffing_page:StaffingPage")),
    Area("staff", QT_TRANSLATE_NOOP("Areas", "Staff records"), "staff",
         QT_TRANSLATE_NOOP("Areas", "The records of civil servants, public employees and contract workers."),
         page=Ref("ui.pages.staff_page:StaffPage")),
    Area("career", QT_TRANSLATE_NOOP("Areas", "Pay steps and retirement"), "career",
         QT_TRANSLATE_NOOP("Areas", "Lists of regular and early pay steps, seniority allowance and retirements for a period, printed and approved with a decision."),
         page=Ref("ui.pages.career_lists_page:CareerListsPage")),
    Area("calculators", QT_TRANSLATE_NOOP("Areas", "Calculators"), "calculator",
         QT_TRANSLATE_NOOP("Areas", "Retirement date and next pay step for anyone, from the regulation data."),
         page=Ref("ui.pages.calculators_page:CalculatorsPage")),
    Area("recruitment", QT_TRANSLATE_NOOP("Areas", "Recruitment"), "recruitment",
         QT_TRANSLATE_NOOP("Areas", "Recruitment plans and rounds: candidates, priority points, scores, ranking and results."),
         page=Ref("ui.pages.recruitment_page:RecruitmentPage")),
    Area("planning", QT_TRANSLATE_NOOP("Areas", "Succession planning"), "planning",
         QT_TRANSLATE_NOOP("Areas", "Succession plans for leadership posts by period, with the people planned and whether they meet the requirements."),
         page=Ref("ui.pages.planning_page:PlanningPage")),
    Area("training", QT_TRANSLATE_NOOP("Areas", "Training"), "training",
         QT_TRANSLATE_NOOP("Areas", "Training plans, courses and each person's training record, with the gaps between required and held qualifications."),
         page=Ref("ui.pages.training_page:TrainingPage")),
    Area("reports", QT_TRANSLATE_NOOP("Areas", "Reports"), "reports",
         QT_TRANSLATE_NOOP("Areas", "Official lists and reports, printed on A4 and exported to Excel."),
         page=Ref("ui.pages.reports_page:ReportsPage")),
    Area("rules", QT_TRANSLATE_NOOP("Areas", "Regulation data"), "rules",
         QT_TRANSLATE_NOOP("Areas", "The versions of the regulations' numbers with their legal basis and dates, editable by an administrator."),
         page=Ref("ui.pages.rules_page:RulesPage")),
    Area("admin", QT_TRANSLATE_NOOP("Areas", "Administration"), "admin",
         QT_TRANSLATE_NOOP("Areas", "User accounts and roles, the audit log of every change and export, backups and restore."),
         page=Ref("ui.pages.admin_page:AdminPage")),
)


def area(key: str) -> Area:
    for a in AREAS:
        if a.key == key:
            return a
    raise KeyError(key)


def title(a: Area) -> str:
    return QCoreApplication.translate("Areas", a.title)


def summary(a: Area) -> str:
    return QCoreApplication.translate("Areas", a.summary)


def create_page(a: Area, ctx: ServiceContext, parent: QWidget | None = None) -> BasePage:
    """Build the area's page (its module imported on first use)."""
    cls: type[BasePage] = a.page.load()
    return cls(ctx, parent)
