"""Dependencies point one way: certification → courses → cms → core.

Every module of the four layers is parsed (imports inside functions count too) and an import of a
higher layer fails the test: core imports none of cms, courses, certification (nor the project
package ``config``: core reads settings through ``django.conf``), cms none of courses and
certification, courses not certification. ``config`` (settings, URLs, the Celery app) sits above
them all and may import anything. Strings resolved at run time (``importlib.import_module``,
``apps.get_model``, dotted paths in settings) are not imports and are not checked.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["core", "cms", "courses", "certification"]  # bottom to top
# What each layer may not import: every layer above it; core not the project package either.
FORBIDDEN = {layer: set(LAYERS[index + 1 :]) for index, layer in enumerate(LAYERS)}
FORBIDDEN["core"].add("config")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, *, module: str, is_package: bool = False) -> list[str]:
    """Every module ``source`` imports, anywhere in it, as absolute dotted names."""
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if node.module is None:  # "from .. import selectors": the names are modules of the package
                found += [f"{target}.{alias.name}".lstrip(".") for alias in node.names]
            else:
                found.append(target)
    return found


def upward_imports(source: str, *, module: str, is_package: bool = False) -> list[str]:
    """The imports of ``source`` (module ``module``) that point to a layer above its own."""
    forbidden = FORBIDDEN.get(module.split(".")[0], set())
    return [
        target
        for target in imported_modules(source, module=module, is_package=is_package)
        if target.split(".")[0] in forbidden
    ]


def _modules(layer: str) -> list[Path]:
    return sorted(path for path in (ROOT / layer).rglob("*.py") if "node_modules" not in path.parts)


@pytest.mark.parametrize("layer", LAYERS)
def test_no_module_imports_a_layer_above_its_own(layer):
    modules = _modules(layer)
    assert modules, f"{layer}/ has no modules: is the layer list out of date?"
    upward = []
    for path in modules:
        module = _module_name(path)
        source = path.read_text(encoding="utf-8")
        for target in upward_imports(source, module=module, is_package=path.name == "__init__.py"):
            upward.append(f"{path.relative_to(ROOT)} imports {target}")
    assert not upward, "imports pointing upward:\n" + "\n".join(upward)


def test_the_check_sees_an_upward_import_anywhere_in_a_module():
    source = "import os\nfrom core import roles\n\ndef f():\n    from courses.selectors import roster\n"
    assert upward_imports(source, module="cms.services") == ["courses.selectors"]
    assert upward_imports("import certification.models\n", module="courses.views.staff") == [
        "certification.models"
    ]
    assert upward_imports("from cms.models import CoursePage\n", module="core.roles") == ["cms.models"]
    assert upward_imports("class A:\n    def m(self):\n        import cms\n", module="core.jobs") == ["cms"]


def test_relative_imports_are_resolved_before_they_are_judged():
    # courses/accounts/views.py: "from .models import X" is courses.accounts.models (allowed);
    # "from ... import certification" from three levels down is the top-level certification.
    assert upward_imports("from .models import X\n", module="courses.accounts.views") == []
    assert imported_modules("from .. import selectors\n", module="courses.exams.views") == [
        "courses.selectors"
    ]
    assert imported_modules("from . import roles\n", module="core", is_package=True) == ["core.roles"]
    assert upward_imports("from ...certification import models\n", module="courses.a.b") == ["certification"]


def test_config_may_import_anything_and_core_not_even_config():
    assert (
        upward_imports("from certification import urls\nfrom courses import api\n", module="config.urls")
        == []
    )
    assert upward_imports("from config.sql import hot_cursor\n", module="core.jobs") == ["config.sql"]
    assert upward_imports("from django.conf import settings\n", module="core.jobs") == []
    assert upward_imports("from config.sql import hot_cursor\n", module="courses.services.heartbeat") == []
