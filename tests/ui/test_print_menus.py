"""The print menus of the area pages are built from the document catalogue by one builder (ui/widgets/
print_menu.py): each entry is a catalogue document in a printed format, titled as the catalogue titles it, and
choosing one writes the file."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton

from hrapp.reports.catalogue import document
from tests.ui.recruitment_clicks import menu_choice
from ui.widgets.print_menu import print_menu

PAGE_DOCUMENTS = {
    "planning": ("planning_list", "planning_summary", "planning_review"),
    "training": ("training_plan", "training_results", "training_gaps"),
    "recruitment": ("recruitment_plan", "recruitment_eligible", "recruitment_scores", "recruitment_results"),
}


@pytest.fixture
def window(qtbot, demo_ctx):
    from ui.main_window import MainWindow

    w = MainWindow(demo_ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def print_button(window, area: str) -> QPushButton:
    page = window.show_area(area)
    return page.detail.print_button if area == "recruitment" else page.print_button


def save_into(monkeypatch, target) -> list[str]:
    """The save dialog answers `target`; what it suggested is kept."""
    asked: list[str] = []

    def save_as(_parent, _title, suggested, _filter):
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    return asked


@pytest.mark.parametrize("area", sorted(PAGE_DOCUMENTS))
def test_an_area_page_offers_its_documents_from_the_catalogue(window, area):
    entries = print_button(window, area).menu().actions()
    keys = PAGE_DOCUMENTS[area]
    assert [a.data() for a in entries] == [(k, s) for k in keys for s in (".pdf", ".xlsx")]
    assert [a.text() for a in entries] == [f"{document(k).title} ({name})…" for k in keys
                                           for name in ("PDF", "Excel")]


def test_the_training_plan_chosen_in_the_menu_is_written_as_a_workbook(window, qtbot, monkeypatch, tmp_path):
    target = tmp_path / "ke_hoach.xlsx"
    asked = save_into(monkeypatch, target)
    button = print_button(window, "training")
    menu_choice(qtbot, button, "Kế hoạch đào tạo, bồi dưỡng hằng năm (Excel)")
    page = window.show_area("training")
    qtbot.waitUntil(lambda: page.last_export == target, timeout=30_000)
    assert asked and asked[0].endswith(".xlsx")
    assert target.read_bytes().startswith(b"PK")  # an Office Open XML workbook


def test_the_planning_list_chosen_in_the_menu_is_written_as_a_pdf(window, qtbot, monkeypatch, tmp_path):
    target = tmp_path / "quy_hoach.pdf"
    save_into(monkeypatch, target)
    page = window.show_area("planning")
    page.period_combo.setCurrentIndex(next(i for i in range(page.period_combo.count())
                                           if page.period_combo.itemText(i).startswith("2026–2031")))
    menu_choice(qtbot, page.print_button, "Danh sách quy hoạch (PDF)")
    qtbot.waitUntil(lambda: page.last_export == target, timeout=30_000)
    assert target.read_bytes().startswith(b"%PDF")


def test_the_builder_offers_printed_formats_only_and_reports_the_choice(qtbot):
    button = QPushButton("In")
    qtbot.addWidget(button)
    button.show()
    chosen: list[tuple[str, str]] = []
    actions = print_menu(button, ("training_gaps", "quality"), lambda key, suffix: chosen.append((key, suffix)))
    assert ".json" in document("training_gaps").formats
    assert list(actions) == [("training_gaps", ".pdf"), ("training_gaps", ".xlsx"), ("quality", ".pdf"),
                             ("quality", ".xlsx")]
    menu_choice(qtbot, button, f"{document('quality').title} (Excel)")
    assert chosen == [("quality", ".xlsx")]
