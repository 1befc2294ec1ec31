"""Layers that never reach up, and no import cycle: every import of every module,
at the top, inside a function or under `if TYPE_CHECKING`, read with `ast`.

core <- i18n <- files <- present <- api <- commands <- the entry point: a module may
import from its own layer and the layers to its left, never from one to its right.
"""

from __future__ import annotations

import ast
from pathlib import Path

from support import ROOT

PACKAGE = ROOT / "medbal"
LAYERS = ["core", "i18n", "files", "present", "api", "serve", "commands", "entry"]
ENTRY = {"medbal.launch", "medbal.process", "medbal.__main__"}

# Edges of the cycle inside medbal/files: `dates` and `review` live in loader.py, which
# the other readers import while it imports them.  Removed by the file-layer work; no
# other edge of a cycle is allowed.
CYCLE_EDGES_TO_REMOVE: set[tuple[str, str]] = set()  # none left: the file layer has no cycle


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def layer(module: str) -> int:
    if module == "medbal":
        return 0  # the package itself: its version, nothing imported
    if module in ENTRY:
        return LAYERS.index("entry")
    return LAYERS.index(module.split(".")[1])


def resolve(name: str) -> str:
    """The module an imported name loads: itself, or the module that holds it."""
    while name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def imports(path: Path) -> set[str]:
    """Every medbal module `path` imports, wherever the import statement is."""
    found: set[str] = set()
    here = module_name(path)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {resolve(a.name) for a in node.names if a.name.startswith("medbal")}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the importing module's package
                package = here.split(".")[
                    : len(here.split(".")) - node.level + (path.name == "__init__.py")
                ]
                base = ".".join([*package, *([base] if base else [])])
            if base.startswith("medbal"):
                found |= {resolve(f"{base}.{a.name}") for a in node.names}
    return found - {here}


GRAPH = {name: imports(path) for name, path in MODULES.items()}


def test_every_module_is_in_a_layer():
    assert {layer(m) for m in MODULES} == set(range(len(LAYERS)))


def test_no_module_imports_from_a_layer_above_it():
    upward = sorted(
        (m, target)
        for m, targets in GRAPH.items()
        for target in targets
        if layer(target) > layer(m)
    )
    assert upward == []


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
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
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycle_but_the_listed_ones_of_the_file_layer():
    graph = {m: {t for t in ts if (m, t) not in CYCLE_EDGES_TO_REMOVE} for m, ts in GRAPH.items()}
    assert cycles(graph) == []


def test_every_listed_edge_still_exists():
    """An edge the file-layer work removes leaves CYCLE_EDGES_TO_REMOVE too (delete its
    line), so the list never allows a cycle that no longer needs allowing."""
    assert {e for e in CYCLE_EDGES_TO_REMOVE if e[1] not in GRAPH[e[0]]} == set()


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_walk_sees_imports_inside_functions_and_type_checking():
    engine = GRAPH["medbal.core.engine"]
    assert "medbal.core.model" in engine  # at the top
    views = GRAPH["medbal.present.views"]
    assert "medbal.core.engine" in views  # under `if TYPE_CHECKING`
    formats = GRAPH["medbal.present.formats"]
    assert "medbal.present.layout" in formats  # inside a function


# --- one way to do each thing --------------------------------------------------------


def _calls(path: Path) -> list[str]:
    """Every call in a module, as written: `sys.stdout.write`, `typer.echo`, `print`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            found.append(ast.unparse(node.func))
    return found


def test_everything_written_goes_through_the_output_boundary():
    """stdout, stderr and files are written by medbal.present.output (and the process's
    own stream guards): no print, no echo, no write to a standard stream elsewhere."""
    writers = {"medbal.present.output", "medbal.process"}
    found = sorted(
        (name, call)
        for name, path in MODULES.items()
        if name not in writers
        for call in _calls(path)
        if call in ("print", "typer.echo", "echo", "click.echo", "write_atomic")
        or (call.startswith(("sys.stdout", "sys.stderr")) and call.endswith(("write", "flush")))
    )
    assert found == [], found
    # The file layer's atomic write has one caller: the boundary.
    callers = {n for n, p in MODULES.items() for c in _calls(p) if c.endswith("write_atomic")}
    assert callers == {"medbal.present.output"}


def test_the_medbal_line_is_written_in_one_place():
    """One error reporter: the `medbal: ` prefix is built in medbal.present.output only."""
    makers = set()
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr) and "medbal: " in ast.unparse(node):
                makers.add(name)  # f"medbal: {message}"
            elif isinstance(node, ast.Constant) and str(node.value).startswith("\nmedbal: "):
                makers.add(name)  # a line written out whole
    assert makers == {"medbal.present.output"}, makers


def test_the_language_is_chosen_by_one_rule():
    """MEDBAL_LANG and the locale's variables are read in medbal.i18n.lang alone."""
    readers = set()
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in (
                "MEDBAL_LANG",
                "LC_ALL",
                "LC_MESSAGES",
                "LANG",
            ):
                readers.add(name)
    assert readers == {"medbal.i18n.lang"}, readers
