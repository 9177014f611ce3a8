"""Every dialog of the ui package (and the main window) fits a 1366×768 screen, taskbar and title bar included.

Dialogs are found by walking the ui package, so a new dialog is checked without being listed. Its
constructor arguments are made from the demo department by parameter name or annotation (SAMPLES);
a dialog whose arguments cannot be made that way is skipped with the reason (add a factory to FACTORIES);
tests/ui/conftest.py also checks the minimum size of every dialog any UI test opens.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

import ui
from hrapp.context import ServiceContext
from tests.ui.conftest import CLIENT_HEIGHT, SCREEN_WIDTH
from ui.main_window import MainWindow

ON = date(2022, 6, 30)  # the demo department's date


def ui_dialog_classes() -> dict[str, type[QDialog]]:
    found: dict[str, type[QDialog]] = {}
    for info in pkgutil.walk_packages(ui.__path__, "ui."):
        if info.name == "ui.i18n_update":
            continue
        module = importlib.import_module(info.name)
        for name, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, QDialog) and obj.__module__ == info.name:
                found[f"{info.name}.{name}"] = obj
    return found


def _first(rows: list[Any]) -> Any:
    if not rows:
        raise LookupError("the demo department has none")
    return rows[0]


def _units(ctx: ServiceContext) -> list[Any]:
    from hrapp.queries.org_history import _units_at

    with ctx.read() as s:
        return _units_at(s, ON)


def _periods(ctx: ServiceContext) -> list[Any]:
    from hrapp.queries.planning import list_periods

    return list_periods(ctx)


def _posts(ctx: ServiceContext) -> list[Any]:
    from hrapp.queries.planning import list_posts

    return list_posts(ctx, _first(_periods(ctx)).id, ON)


def _entries(ctx: ServiceContext) -> list[Any]:
    from hrapp.queries.planning import list_entries

    return list_entries(ctx, _first(_periods(ctx)).id)


def _positions(ctx: ServiceContext) -> list[Any]:
    from hrapp.services.positions import list_positions

    return list_positions(ctx)


def _round(ctx: ServiceContext) -> Any:
    from hrapp.queries.recruitment import get_round, list_rounds

    return get_round(ctx, _first(list_rounds(ctx)).id)


# Sample arguments by annotation (as written in the signature), then by parameter name.
SAMPLES: dict[str, Callable[[ServiceContext], Any]] = {
    "ServiceContext": lambda ctx: ctx,
    "UnitAt": lambda ctx: _units(ctx)[1],
    "list[UnitAt]": _units,
    "PeriodRow": lambda ctx: _first(_periods(ctx)),
    "PostRow": lambda ctx: _first(_posts(ctx)),
    "list[PostRow]": _posts,
    "list[tuple[PostRow, int, int]]": lambda ctx: [(p, 0, 3) for p in _posts(ctx)],
    "EntryRow": lambda ctx: _first(_entries(ctx)),
    "PositionInfo": lambda ctx: _first(_positions(ctx)),
    "RoundInfo": _round,
    "date": lambda ctx: ON,
    "year": lambda ctx: ON.year,
    "title": lambda ctx: "Tiêu đề",
    "action": lambda ctx: (lambda *a, **k: None),
    "unit_id": lambda ctx: _units(ctx)[1].id,
    "unit_code": lambda ctx: None,
    "parent_id": lambda ctx: _units(ctx)[0].id,
    "person_id": lambda ctx: _first(_people(ctx)),
    "username": lambda ctx: "admin",
}

FACTORIES: dict[str, Callable[[ServiceContext], QDialog]] = {
    "ui.dialogs.pdf_preview.PdfPreviewDialog": lambda ctx: _pdf_preview(),
}


def _people(ctx: ServiceContext) -> list[int]:
    from hrapp.queries.employees import _employee_ids

    with ctx.read() as s:
        return _employee_ids(s)


def _pdf_preview() -> QDialog:
    import tempfile
    from pathlib import Path

    from reportlab.pdfgen import canvas

    from ui.dialogs.pdf_preview import PdfPreviewDialog

    path = Path(tempfile.mkdtemp()) / "mau.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(72, 720, "Mau")
    c.save()
    return PdfPreviewDialog(path)


def build(qualname: str, cls: type[QDialog], ctx: ServiceContext) -> QDialog:
    if qualname in FACTORIES:
        return FACTORIES[qualname](ctx)
    kwargs: dict[str, Any] = {}
    for name, param in list(inspect.signature(cls.__init__).parameters.items())[1:]:
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD) or name == "parent":
            continue
        annotation = param.annotation if isinstance(param.annotation, str) else getattr(
            param.annotation, "__name__", str(param.annotation))
        maker = SAMPLES.get(annotation) or SAMPLES.get(name)
        if maker is None:
            if param.default is not param.empty:
                continue
            pytest.skip(f"{qualname}: no sample for parameter '{name}: {annotation}'; add it to SAMPLES or "
                        f"add a factory to FACTORIES in tests/ui/test_dialog_sizes.py")
        try:
            kwargs[name] = maker(ctx)
        except LookupError as exc:
            pytest.skip(f"{qualname}: cannot make '{name}' from the demo department ({exc}); "
                        f"add a factory to FACTORIES in tests/ui/test_dialog_sizes.py")
    return cls(**kwargs)


DIALOGS = ui_dialog_classes()


def test_the_dialogs_of_this_change_are_found():
    assert {"ui.dialogs.person_detail_dialog.PersonDetailDialog",
            "ui.dialogs.first_start_dialog.FirstStartDialog"} <= set(DIALOGS)


@pytest.mark.parametrize("qualname", sorted(DIALOGS))
def test_dialog_fits_the_smallest_supported_screen(qualname, demo_ctx, qtbot):
    dialog = build(qualname, DIALOGS[qualname], demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    minimum = dialog.minimumSize().expandedTo(dialog.minimumSizeHint())
    assert minimum.width() <= SCREEN_WIDTH and minimum.height() <= CLIENT_HEIGHT, (qualname, minimum)
    assert dialog.width() <= SCREEN_WIDTH and dialog.height() <= CLIENT_HEIGHT, (qualname, dialog.size())
    dialog.close()


def test_main_window_fits_the_smallest_supported_screen(staff_ctx, qtbot):
    window = MainWindow(staff_ctx)
    qtbot.addWidget(window)
    minimum = window.minimumSize().expandedTo(window.minimumSizeHint())
    assert minimum.width() <= SCREEN_WIDTH and minimum.height() <= CLIENT_HEIGHT


def test_a_recruitment_dialog_grows_to_show_its_whole_error_list(demo_ctx, qtbot):
    """A refused step lists what is missing under the fields; the dialog makes room for every line (within
    the 1366×768 screen) instead of cutting the list."""
    from hrapp.errors import ValidationError
    from hrapp.services import recruitment as rec
    from ui.dialogs.recruitment_actions_dialog import StatusDialog

    info = _round(demo_ctx)
    dialog = StatusDialog(demo_ctx, info, rec.FORWARD.get(info.status) or "open")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.height()
    reasons = [f"Vị trí việc làm số {i} của kế hoạch chưa có hội đồng tuyển dụng, chưa có số và ngày ký "
               f"quyết định phê duyệt kế hoạch, chưa có danh sách người dự tuyển đủ điều kiện" for i in range(6)]
    dialog.errors.show_error(ValidationError([("round", r) for r in reasons]))
    box = dialog.errors
    qtbot.waitUntil(lambda: box.height() >= box.heightForWidth(box.width()), timeout=3000)
    assert dialog.height() > before
    assert dialog.height() <= CLIENT_HEIGHT and dialog.width() <= SCREEN_WIDTH
    minimum = dialog.minimumSize().expandedTo(dialog.minimumSizeHint())
    assert minimum.width() <= SCREEN_WIDTH and minimum.height() <= CLIENT_HEIGHT
