"""The app's one date field: the officer types digits as they come (01012027, 1/1/27, 1.1.2027) and reads
dd/mm/yyyy; a day that does not exist is refused with a message under the field, gone once corrected."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from hrapp import clock
from ui.widgets.forms import DateField, FormDialog, parse_date, read_dates


@pytest.fixture
def dialog(qtbot):
    """A form with one optional date field and its message line, as the editor dialogs build them."""
    with clock.frozen(date(2026, 12, 7)):
        d = FormDialog("Ngày", lambda: read_dates({"day": d.field}))
        d.field = d.add_field("Ngày", DateField(), "day")
        d.other = d.add_field("Ghi chú", QLineEdit(), "note")
        d.finish_layout()
        qtbot.addWidget(d)
        d.show()
        qtbot.waitExposed(d)
        yield d


def type_date(qtbot, field: DateField, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # leaving the field reads it


def message(d: FormDialog) -> str:
    label = d.findChild(QLabel, "error:day")
    return label.text() if label is not None and label.isVisible() else ""


@pytest.mark.parametrize(("typed", "shown", "day"), [
    ("01012027", "01/01/2027", date(2027, 1, 1)),
    ("1/1/27", "01/01/2027", date(2027, 1, 1)),
    ("1.1.2027", "01/01/2027", date(2027, 1, 1)),
    ("01/01/2027", "01/01/2027", date(2027, 1, 1)),
    ("5-3-1985", "05/03/1985", date(1985, 3, 5)),
    ("050385", "05/03/1985", date(1985, 3, 5)),
    ("5/3/85", "05/03/1985", date(1985, 3, 5)),
    ("29/02/2028", "29/02/2028", date(2028, 2, 29)),
    ("31122026", "31/12/2026", date(2026, 12, 31)),
])
def test_typed_forms_are_read_and_shown_as_dd_mm_yyyy(qtbot, dialog, typed, shown, day):
    type_date(qtbot, dialog.field, typed)
    assert dialog.field.text() == shown
    assert dialog.field.value() == day
    assert message(dialog) == ""


@pytest.mark.parametrize(("typed", "expected"), [
    ("29/02/2027", "29/02/2027 không phải là ngày có thật."),
    ("31/02/2026", "31/02/2026 không phải là ngày có thật."),
    ("31042026", "31/04/2026 không phải là ngày có thật."),
    ("00/01/2026", "00/01/2026 không phải là ngày có thật."),
    ("1/13/2026", "01/13/2026 không phải là ngày có thật."),
    ("mai nhe", "Ngày phải ghi dạng dd/mm/yyyy, ví dụ 05/03/1985."),
    ("0101202", "Ngày phải ghi dạng dd/mm/yyyy, ví dụ 05/03/1985."),
])
def test_impossible_or_unreadable_dates_are_refused_under_the_field(qtbot, dialog, typed, expected):
    type_date(qtbot, dialog.field, typed)
    assert message(dialog) == expected
    assert dialog.field.text() == typed  # left as typed, to be corrected
    with pytest.raises(ValueError, match=expected.split(" ")[1]):
        dialog.field.value()
    assert dialog.field.property("invalid") is True


def test_the_message_goes_as_soon_as_the_date_is_corrected(qtbot, dialog):
    type_date(qtbot, dialog.field, "31/02/2026")
    assert message(dialog)
    dialog.field.setFocus()
    qtbot.keyClick(dialog.field, Qt.Key.Key_End)
    for _ in range(10):
        qtbot.keyClick(dialog.field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.field, "28/02/2026")  # no Enter yet: fixed while typing is enough
    assert message(dialog) == ""
    assert dialog.field.property("invalid") is False
    assert dialog.field.value() == date(2026, 2, 28)


def test_enter_in_the_field_saves_the_form_or_shows_why_not(qtbot, dialog):
    dialog.field.setFocus()
    qtbot.keyClicks(dialog.field, "31/02/2026")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.isVisible() and message(dialog) == "31/02/2026 không phải là ngày có thật."
    dialog.field.selectAll()
    qtbot.keyClicks(dialog.field, "07122026")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.field.text() == "07/12/2026"
    assert dialog.result_value == {"day": date(2026, 12, 7)}


def test_empty_is_allowed_unless_required(qtbot):
    optional, required = DateField(), DateField(date(2026, 1, 5), required=True)
    qtbot.addWidget(optional)
    qtbot.addWidget(required)
    assert optional.value() is None and optional.error() == ""
    required.selectAll()
    qtbot.keyClick(required, Qt.Key.Key_Delete)
    assert required.error() == "Hãy nhập ngày (dd/mm/yyyy)."
    assert required.date().toPython() == date(2026, 1, 5)  # QDateEdit's call answers the last good date


def test_two_digit_years_follow_the_app_day():
    assert parse_date("1/1/27", today=date(2026, 12, 7)) == date(2027, 1, 1)
    assert parse_date("1/1/46", today=date(2026, 12, 7)) == date(2046, 1, 1)
    assert parse_date("1/1/47", today=date(2026, 12, 7)) == date(1947, 1, 1)
    assert parse_date("1/1/85", today=date(2026, 12, 7)) == date(1985, 1, 1)
    assert parse_date("  ") is None


def test_date_changed_is_emitted_once_per_new_date(qtbot, dialog):
    seen: list[date] = []
    dialog.field.dateChanged.connect(lambda d: seen.append(d.toPython()))
    type_date(qtbot, dialog.field, "1/1/27")
    type_date(qtbot, dialog.field, "01012027")  # same day typed again
    type_date(qtbot, dialog.field, "31/02/2027")  # refused: no change
    assert seen == [date(2027, 1, 1)]


def test_a_field_standing_alone_says_the_problem_in_its_tooltip(qtbot):
    field = DateField(date(2026, 12, 7), required=True)
    field.setToolTip("Ngày tính nhắc việc")
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    field.activateWindow()
    qtbot.waitUntil(field.isActiveWindow)
    field.selectAll()
    qtbot.keyClicks(field, "30/02/2027")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # alone in its bar: Enter reads it
    assert field.toolTip() == "30/02/2027 không phải là ngày có thật."
    assert field.date().toPython() == date(2026, 12, 7)  # a page reading it keeps the last good day
    field.selectAll()
    qtbot.keyClicks(field, "28/02/2027")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.toolTip() == "Ngày tính nhắc việc"
    assert field.date().toPython() == date(2027, 2, 28)
