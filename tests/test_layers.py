"""The three layers stay honest: read every module's imports and check who may import whom.

1. per-document cleaning (``newsclean.config``, ``model``, ``pipeline``, ``decode``, ``stages`` …)
2. cross-document steps (``newsclean.corpus``)
3. running a batch (``newsclean.run``) and the CLI on top

Nothing in layers 1 and 2 imports layer 3, the CLI or a distributed engine; layer 1 does not
import layer 2; and no chain of imports leads from a module back to itself. Imports inside
functions count too: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "newsclean"
ENGINES = ("dask", "distributed", "pyspark", "ray")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def _imports(name: str, path: Path) -> set[str]:
    """Every module ``name`` imports (package-internal ones resolved to modules), anywhere in it."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in MODULES else target)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(name: str) -> int:
    # newsclean.dask: the public face of the Dask API, on top like the CLI
    on_top = {"newsclean.cli", "newsclean.__main__", "newsclean.dask"}
    if name.startswith("newsclean.run") or name in on_top:
        return 3
    if name.startswith("newsclean.corpus"):
        return 2
    return 1


def _is_engine(module: str) -> bool:
    return module.partition(".")[0] in ENGINES


@pytest.mark.parametrize("name", sorted(n for n in GRAPH if _layer(n) < 3))
def test_lower_layers_do_not_import_running_or_engines(name: str) -> None:
    bad = sorted(
        m
        for m in GRAPH[name]
        if _is_engine(m) or (m.startswith("newsclean") and _layer(m) > _layer(name))
    )
    assert not bad, f"{name} (layer {_layer(name)}) imports {bad}"


def test_the_graph_sees_the_layers() -> None:
    """The test would notice a violation: the runner does import the pipeline and corpus."""
    assert "newsclean.pipeline" in GRAPH["newsclean.run.batch"]
    assert _layer("newsclean.run.runner") == 3
    assert _layer("newsclean.corpus.site") == 2
    assert _layer("newsclean.stages.encoding.mojibake") == 1


def _cycles() -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in GRAPH.get(v, ()):
            if w not in GRAPH:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles() -> None:
    assert _cycles() == []
