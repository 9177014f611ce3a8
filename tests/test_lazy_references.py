"""The one lazy mechanism (hrapp/lazy.py): every reference a registry holds resolves to what it names, and no
other module loads modules by their names."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from hrapp import cli, lazy
from hrapp.reports import catalogue

ROOT = Path(__file__).resolve().parents[1]



def _sources() -> list[Path]:
    return sorted([*(ROOT / "hrapp").rglob("*.py"), *(ROOT / "ui").rglob("*.py"), ROOT / "main.py"])


def test_a_reference_names_a_module_and_a_symbol():
    with pytest.raises(ValueError):
        lazy.Ref("hrapp.cli")
    with pytest.raises(ValueError):
        lazy.Ref(":main")
    ref = lazy.Ref("hrapp.cli:build_parser")
    assert (ref.module_name, ref.name) == ("hrapp.cli", "build_parser")
    assert ref.load() is cli.build_parser
    assert ref == lazy.Ref("hrapp.cli:build_parser") and ref != lazy.Ref("hrapp.cli:main")
    with pytest.raises(AttributeError):
        lazy.Ref("hrapp.cli:no_such_name").load()


def test_every_command_module_of_the_command_line_resolves():
    registers = [ref.load() for ref in cli.COMMANDS]
    assert all(callable(r) and r.__name__ == "register" for r in registers)
    assert len({ref.module_name for ref in cli.COMMANDS}) == len(cli.COMMANDS)
    assert {ref.module_name for ref in cli.COMMANDS} == {
        f"hrapp.commands.{p.stem}" for p in (ROOT / "hrapp" / "commands").glob("*.py") if p.stem != "__init__"}


def test_every_page_of_the_main_window_resolves():
    from ui.pages import registry
    from ui.pages.base import BasePage

    for area in registry.AREAS:
        cls = area.page.load()
        assert isinstance(cls, type) and issubclass(cls, BasePage), area.key


def test_the_main_window_and_every_child_process_target_resolve():
    from ui import app, child_process
    from ui.main_window import MainWindow

    assert app.MAIN_WINDOW.load() is MainWindow
    for ref in child_process.TARGETS:
        fn = ref.load()
        assert callable(fn) and list(inspect.signature(fn).parameters)[0] == "ctx", ref


def test_a_child_process_runs_only_a_registered_target():
    from ui import child_process

    with pytest.raises(ValueError):
        child_process.call_in_child_process(object(), "hrapp.cli:main")  # refused before ctx is used


def _module_references(path: Path) -> list[tuple[str, str]]:
    """(module, attribute) for each attribute read through a `lazy.module("...")` stand-in bound to a name."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    stand_ins: dict[str, str] = {}
    for node in ast.walk(tree):
        if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Attribute)
                and node.value.func.attr == "module" and isinstance(node.value.func.value, ast.Name)
                and node.value.func.value.id == "lazy"):
            stand_ins[node.targets[0].id] = ast.literal_eval(node.value.args[0])
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in stand_ins:
            found.append((stand_ins[node.value.id], node.attr))
        elif (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Call)
              and isinstance(node.value.func, ast.Attribute) and node.value.func.attr == "module"
              and isinstance(node.value.func.value, ast.Name) and node.value.func.value.id == "lazy"):
            found.append((ast.literal_eval(node.value.args[0]), node.attr))
    return found


def test_every_module_the_document_catalogue_names_resolves():
    references = _module_references(Path(catalogue.__file__))
    assert len(references) > 40  # the catalogue's gather and write functions
    missing = [f"{module}:{name}" for module, name in references
               if name != "load" and not hasattr(lazy.module(module).load(), name)]
    assert missing == []
    assert len(catalogue.CATALOGUE) == len({d.key for d in catalogue.CATALOGUE})


def test_every_lazy_reference_in_the_code_resolves():
    """A `Ref("module:name")` written anywhere, and every attribute read through a `lazy.module` stand-in."""
    targets: set[str] = set()
    modules: set[tuple[str, str]] = set()
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute))
                    and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr) == "Ref"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                targets.add(node.args[0].value)
        modules.update(_module_references(path))
    assert len(targets) >= len(cli.COMMANDS) + 13 + 2
    unresolved = []
    for target in sorted(targets):
        try:
            lazy.Ref(target).load()
        except (ImportError, AttributeError, ValueError):
            unresolved.append(target)
    unresolved += [f"{m}:{n}" for m, n in sorted(modules) if n != "load" and not hasattr(lazy.module(m).load(), n)]
    assert unresolved == []


def test_no_other_module_loads_modules_by_their_names():
    loading = set()
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n == "importlib" or n == "importlib.import_module" for n in names) or (
                    isinstance(node, ast.ImportFrom) and node.module == "importlib"
                    and any(a.name == "import_module" for a in node.names)):
                loading.add(path.relative_to(ROOT).as_posix())
    assert loading == {"hrapp/lazy.py"}
