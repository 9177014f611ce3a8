"""The read side is behind the security boundary: every public function of hrapp/queries takes the caller's
context first (it checks the permission, opens its own read session with the unit scope) and is run as an
account limited to one unit by one of the tests/queries/test_scoped_*.py files, which list it in COVERED."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import hrapp.queries


def public_queries() -> dict[str, object]:
    found: dict[str, object] = {}
    for info in pkgutil.walk_packages(hrapp.queries.__path__, "hrapp.queries."):
        if any(part.startswith("_") for part in info.name.split(".")):
            continue
        module = importlib.import_module(info.name)
        for name, fn in vars(module).items():
            if (inspect.isfunction(fn) and not name.startswith("_") and fn.__module__ == module.__name__):
                found[f"{module.__name__}.{name}"] = fn
    return found


def covered() -> set[str]:
    names: set[str] = set()
    for path in sorted(Path(__file__).parent.glob("test_scoped_*.py")):
        module = importlib.import_module(f"tests.queries.{path.stem}")
        names |= set(module.COVERED)
    return names


def test_every_public_query_takes_the_context_first():
    wrong = [name for name, fn in public_queries().items()
             if next(iter(inspect.signature(fn).parameters), None) != "ctx"]
    assert wrong == []


def test_every_public_query_is_run_as_an_account_limited_to_one_unit():
    queries = set(public_queries())
    assert queries - covered() == set(), "queries no scoped test runs"
    assert covered() - queries == set(), "COVERED names a query that does not exist"
