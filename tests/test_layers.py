"""The packages of `generator` depend on each other in one direction, read from the import graph.

Every import counts: the ones inside functions (lazy imports hide cycles, they do not remove
them) and the ones under `if TYPE_CHECKING:` (a type the code needs is a dependency too).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

# From top to bottom; a part may import from its own layer (without cycles) and from lower layers.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"__main__", "cli", "terminal"}),
    frozenset({"api"}),
    frozenset({"interview", "assemble", "analysis", "compare", "tender", "summary"}),
    frozenset({"library", "answers", "facts"}),
    frozenset({"adapters", "notation"}),
    # Plain values and helpers every layer shares; they import nothing above them.
    frozenset({"errors", "blocks", "document", "comparison", "resources", "cache", "__init__"}),
)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _part(module: str) -> str:
    """The subpackage or top-level module of `generator` that `module` belongs to."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _rank(part: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if part in layer)


def _import_nodes(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    return (n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom))


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    """The generator modules an import statement loads (a `from pkg import mod` loads pkg.mod)."""
    if isinstance(node, ast.Import):
        yield from (a.name for a in node.names if a.name in MODULES)
        return
    base = node.module or ""
    if node.level:
        package = module.split(".") if MODULES[module].name == "__init__.py" else module.split(".")[:-1]
        package = package[:len(package) - node.level + 1]
        base = ".".join([*package, *([node.module] if node.module else [])])
    for alias in node.names:
        target = f"{base}.{alias.name}"
        found = target if target in MODULES else base
        if found in MODULES:
            yield found


def import_graph() -> dict[str, dict[str, int]]:
    """module -> {imported module: line of the first import}."""
    graph: dict[str, dict[str, int]] = {}
    for module, path in MODULES.items():
        edges: dict[str, int] = {}
        for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            for target in _targets(module, node):
                if target != module:
                    edges.setdefault(target, node.lineno)
        graph[module] = edges
    return graph


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for nxt in graph.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of nodes that reach each other (strongly connected, more than one node)."""
    reach = {node: _reachable(graph, node) for node in graph}
    groups = {tuple(sorted(n for n in reach[node] if node in reach[n])) for node in graph if node in reach[node]}
    return sorted(list(g) for g in groups if len(g) > 1)


GRAPH = import_graph()


def test_every_module_has_a_layer():
    unplaced = sorted({_part(m) for m in MODULES} - set().union(*LAYERS))
    assert unplaced == [], f"add these parts of generator to a layer in {__name__}.LAYERS"


def test_imports_only_go_down_or_sideways():
    upward = [f"{m}:{line} imports {t}" for m, edges in GRAPH.items() for t, line in edges.items()
              if _rank(_part(t)) < _rank(_part(m))]
    assert upward == []


def test_the_parts_of_one_layer_do_not_import_each_other_in_a_circle():
    parts: dict[str, set[str]] = {}
    for module, edges in GRAPH.items():
        parts.setdefault(_part(module), set()).update(_part(t) for t in edges if _part(t) != _part(module))
    assert _cycles(parts) == []


def test_no_module_imports_itself_through_others():
    assert _cycles({m: set(edges) for m, edges in GRAPH.items()}) == []


@pytest.mark.parametrize("adapter", sorted(m for m in MODULES if _part(m) == "adapters"))
def test_adapters_are_leaves(adapter):
    """An adapter wraps one third-party library; it knows only the shared plain values."""
    allowed = {"adapters", *LAYERS[-1]}
    assert {t for t in GRAPH[adapter] if _part(t) not in allowed} == set()


def test_the_reader_counts_lazy_and_type_checking_imports():
    source = "if TYPE_CHECKING:\n    import a\nelse:\n    import b\ndef f():\n    import c\n"
    assert [node.names[0].name for node in _import_nodes(ast.parse(source))] == ["a", "b", "c"]
