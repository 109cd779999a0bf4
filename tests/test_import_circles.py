"""No import circles in ``courses`` (issue 16, point 5): a module that imports another late, inside a
function, to dodge a circle still depends on it, so imports in functions count as much as those at
the top. A service queues its task by path (``core.dispatch``): tasks import services, never the
other way round.

``courses.exams`` is covered too: its models no longer name the paper builder's admin panels (the
viewset does, ``wagtail_hooks.ExamPaperViewSet.panels``), so models -> builder_panels -> builder
-> services/selectors -> models is no ring any more.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _modules(package: str) -> dict[str, Path]:
    modules = {}
    for path in (ROOT / package).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        modules[name.removesuffix(".__init__")] = path
    return modules


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The modules of ``modules`` that ``name`` imports, at the top or in a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            candidates = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for candidate in candidates:
            while candidate and candidate not in modules:
                candidate = candidate.rpartition(".")[0]
            if candidate and candidate != name:
                found.add(candidate)
                break
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules("courses")
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph[module]:
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return groups


def test_courses_has_no_import_circles():
    graph = _graph()
    circles = _circles(graph)
    described = [
        "; ".join(f"{m} -> {', '.join(sorted(graph[m] & set(group)))}" for m in group) for group in circles
    ]
    assert circles == [], "\n".join(described)


def test_only_tasks_import_tasks():
    """Services queue tasks by path (``core.dispatch``); only a task module may import another."""
    offenders = {
        module: sorted(imported)
        for module, imports in _graph().items()
        if not module.endswith(".tasks")
        and (imported := {m for m in imports if m.endswith(".tasks") or m == "courses.tasks"})
    }
    assert offenders == {}
