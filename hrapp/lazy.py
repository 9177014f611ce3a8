"""The one lazy mechanism: a reference to a module's name, imported at its first use.

Start-up must not import what only some runs need (ReportLab, openpyxl, the services behind one command, the
pages not yet opened). Four registries therefore list their entries without importing them, and all four use
this module, nothing else (no `importlib` anywhere else):

- the command line's sub-commands (`hrapp.cli.COMMANDS`: each command module's `register`),
- the main window's pages (`ui.pages.registry.AREAS`: each area's page class),
- the functions run in a child process (`ui.child_process.TARGETS`; the child rebuilds an exception raised
  there from its module and class name the same way),
- the document catalogue (`hrapp.reports.catalogue`: the modules that gather and write the documents).

A reference is written `"package.module:name"`: the module path next to the symbol, so an editor's search for
either finds the line, and tests/test_lazy_references.py checks that every registered reference resolves.
`Ref` names one symbol; `module("package.module")` stands for a whole module, its attributes becoming `Ref`s.

Everywhere else imports are direct, at the top of the file, but for the entry points, which defer what start-up
does not need, each in one stated way:
- main.py imports the command line or the GUI, whichever the arguments ask for;
- a command handler (hrapp/commands/*, and the sign-in in hrapp/cli_auth.py) imports the service or document
  module it runs in its own body, so `hrapp --help` and a command that does not need them do not load every
  service (all of them at once triple the command line's start-up);
- the GUI (ui/app.py) shows its start frame first: what the frame does not need (the database layer, the main
  window through `ui.app.MAIN_WINDOW`, a `Ref`, the database's passphrase, the message boxes) is imported in
  the function that uses it once the frame shows; hrapp/failures.py, which the frame's error boundary uses,
  reads SQLAlchemy's errors only when it explains one.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any


class Ref:
    """`Ref("package.module:name")`: the named attribute of the module, imported when first loaded or called."""

    __slots__ = ("target",)

    def __init__(self, target: str) -> None:
        module_name, sep, name = target.partition(":")
        if not sep or not module_name or not name:
            raise ValueError(f"a lazy reference is 'package.module:name', not {target!r}")
        self.target = target

    @property
    def module_name(self) -> str:
        return self.target.partition(":")[0]

    @property
    def name(self) -> str:
        return self.target.partition(":")[2]

    def load(self) -> Any:
        """The module imported (once, as any import), then the named attribute (a dotted name: a nested one)."""
        found: Any = importlib.import_module(self.module_name)
        for part in self.name.split("."):
            found = getattr(found, part)
        return found

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.load()(*args, **kwargs)

    @property
    def __signature__(self) -> inspect.Signature:
        return inspect.signature(self.load())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Ref) and other.target == self.target

    def __hash__(self) -> int:
        return hash(self.target)

    def __repr__(self) -> str:
        return f"Ref({self.target!r})"


class Module:
    """`module("package.module")`: a stand-in for the module; `.load()` imports it, and each attribute read is a
    `Ref` to that name of it (a function of it called through the stand-in imports the module then). The
    stand-in's own `name` and `load` are not the module's: reach such a name with `Ref`."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def load(self) -> Any:
        return importlib.import_module(self.name)

    def __getattr__(self, attr: str) -> Ref:
        if attr.startswith("__"):
            raise AttributeError(attr)
        return Ref(f"{self.name}:{attr}")

    def __repr__(self) -> str:
        return f"module({self.name!r})"


def module(name: str) -> Module:
    return Module(name)


def load(target: str) -> Any:
    """`Ref(target).load()`: the symbol named "package.module:name"."""
    return Ref(target).load()
