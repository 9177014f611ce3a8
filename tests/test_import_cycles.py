"""No import cycle between the files of hrapp/ and ui/: the import graph (grimp, which import-linter uses; every import,
at the top of a file or inside a function) has no strongly connected group of modules, except the groups known
today, listed below to be taken apart (issue 15). A new cycle, or a known one grown larger, fails; a known one
removed must be struck from the list."""

from __future__ import annotations

import os
import subprocess
import sys

from hrapp.paths import ROOT

KNOWN_CYCLES: list[frozenset[str]] = []

GRAPH = """
import json, grimp
graph = grimp.build_graph("hrapp", "ui", cache_dir=None)
modules = sorted(m for m in graph.modules if ".migrations.versions." not in m)
print(json.dumps({m: sorted(graph.find_modules_directly_imported_by(m)) for m in modules}))
"""


def _import_graph() -> dict[str, list[str]]:
    """Module -> the modules it imports, for this checkout (a child process: grimp reads the files on disk)."""
    import json

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-c", GRAPH], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600, check=True)
    return json.loads(done.stdout)


def strongly_connected(edges: dict[str, list[str]]) -> list[frozenset[str]]:
    """The groups of two or more modules that reach each other (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[frozenset[str]] = []
    for root in edges:
        if root in index:
            continue
        work = [(root, iter(edges.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges.get(child, ()))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(frozenset(group))
    return groups


def test_the_cycle_finder_finds_cycles():
    edges = {"a": ["b"], "b": ["c"], "c": ["a", "d"], "d": [], "e": ["e", "d"], "f": ["g"], "g": ["f"]}
    assert sorted(map(sorted, strongly_connected(edges))) == [["a", "b", "c"], ["f", "g"]]


def test_no_new_import_cycle_in_hrapp_or_ui():
    edges = _import_graph()
    assert len(edges) > 200 and "hrapp.context" in edges and "ui.main_window" in edges
    found = strongly_connected(edges)
    new = [sorted(group) for group in found if group not in KNOWN_CYCLES]
    assert new == [], "an import cycle appeared (or a known one grew): make the dependency go one way"
    gone = [sorted(group) for group in KNOWN_CYCLES if group not in found]
    assert gone == [], "a known cycle is gone: strike it from KNOWN_CYCLES"
