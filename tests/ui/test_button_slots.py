"""A slot behind a click takes no optional positional parameter: `clicked(bool)`, `triggered(bool)` and
`toggled(bool)` would fill it with False (that left "Export…" and "Download the template…" doing nothing).
Such options are keyword-only."""

from __future__ import annotations

import ast
from pathlib import Path

import ui

SIGNALS_WITH_A_BOOL = {"clicked", "triggered", "toggled"}


def connected_slots_with_positional_parameters() -> list[str]:
    found = []
    for path in sorted(Path(ui.__file__).parent.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            methods = {n.name: n for n in cls.body if isinstance(n, ast.FunctionDef)}
            for call in ast.walk(cls):
                if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "connect" and call.args):
                    continue
                signal, slot = call.func.value, call.args[0]
                if not (isinstance(signal, ast.Attribute) and signal.attr in SIGNALS_WITH_A_BOOL):
                    continue
                if isinstance(slot, ast.Attribute) and isinstance(slot.value, ast.Name) and slot.value.id == "self":
                    method = methods.get(slot.attr)
                    if method is not None and method.args.defaults:  # an optional positional parameter
                        found.append(f"{path.name}:{call.lineno} {cls.name}.{slot.attr}")
    return found


def test_no_click_fills_a_slots_option_with_false():
    assert connected_slots_with_positional_parameters() == []


def test_the_check_finds_a_slot_with_a_positional_option(tmp_path, monkeypatch):
    bad = tmp_path / "ui_bad.py"
    bad.write_text("class P:\n    def __init__(self):\n        self.b.clicked.connect(self.export)\n"
                   "    def export(self, path=None):\n        pass\n", encoding="utf-8")
    monkeypatch.setattr(ui, "__file__", str(tmp_path / "__init__.py"))
    assert connected_slots_with_positional_parameters() == ["ui_bad.py:3 P.export"]
