"""The map in the README's "Project layout" holds: what each app may import, read from the source itself.

- nothing imports the page apps (dashboard, documents, search) but the URL configuration;
- no app imports another app's views;
- the kernel (byaftale) imports no app when it is loaded;
- no migration imports application code beyond the models, validators and fields Django writes into them.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = (
    "byaftale",
    "accounts",
    "pages",
    "parties",
    "cooperation",
    "areas",
    "projects",
    "meetings",
    "dashboard",
    "documents",
    "search",
    "versions",
    "operations",
)
PAGE_APPS = ("dashboard", "documents", "search")
# The plan's own apps, which the further parts (meetings, versions, operations) build on and never the reverse:
# a further part reaches into them through signals, registered hooks and template tags instead.
PLAN_APPS = ("byaftale", "accounts", "pages", "parties", "cooperation", "areas", "projects")
# What Django itself writes into a migration: the models module of an app (callable defaults, custom fields),
# the validators and the fields the portal's models use.
MIGRATION_IMPORTS_DJANGO_WRITES = ("byaftale.validation", "byaftale.fields")


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, e.g. "projects.views"
    target: str  # the imported module, e.g. "dashboard.pages"
    line: int
    at_load: bool  # imported when the module is loaded, not inside a function or for type checking only


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def resolve(module: str, path: Path, level: int, name: str | None) -> str:
    """The absolute name of a relative import (`from ..x import y` in a.b.c is a.x)."""
    if level == 0:
        return name or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - (level - 1)]
    return ".".join([*base, name] if name else base)


def is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def imports_in(path: Path) -> Iterator[Import]:
    module = module_name(path)
    tree = ast.parse(path.read_text(), filename=str(path))

    def walk(node: ast.AST, at_load: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield Import(module, alias.name, child.lineno, at_load)
            elif isinstance(child, ast.ImportFrom):
                base = resolve(module, path, child.level, child.module)
                for alias in child.names:
                    # `from documents import rendering` imports documents.rendering; `from x import name` imports x.
                    yield Import(
                        module, f"{base}.{alias.name}" if child.module is None else base, child.lineno, at_load
                    )
                    if child.module is not None:
                        yield Import(module, f"{base}.{alias.name}", child.lineno, at_load)
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                yield from walk(child, False)
            elif isinstance(child, ast.If) and is_type_checking(child):
                yield from walk(child, False)
            else:
                yield from walk(child, at_load)

    yield from walk(tree, True)


def application_files() -> list[Path]:
    return sorted(path for app in APPS for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts)


def migration_files() -> list[Path]:
    return sorted(path for app in APPS for path in (ROOT / app).glob("migrations/0*.py"))


def app_of(module: str) -> str:
    return module.split(".")[0]


def test_the_map_knows_every_app_of_the_project():
    """A new app must be placed on the map (APPS here, and the README's layout) before it is used."""
    apps_on_disk = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert apps_on_disk <= set(APPS)


def test_nothing_imports_the_page_apps_but_the_url_configuration():
    crossings = [
        f"{i.module}:{i.line} imports {i.target}"
        for path in application_files()
        for i in imports_in(path)
        if app_of(i.target) in PAGE_APPS and app_of(i.module) != app_of(i.target) and i.module != "byaftale.urls"
    ]
    assert crossings == []


def test_no_app_imports_another_apps_views():
    crossings = [
        f"{i.module}:{i.line} imports {i.target}"
        for path in application_files()
        for i in imports_in(path)
        if "views" in i.target.split(".")[1:] and app_of(i.target) in APPS and app_of(i.module) != app_of(i.target)
    ]
    assert crossings == []


def test_the_plans_apps_do_not_import_the_parts_built_on_them_when_loaded():
    """A command may call a further part's entry point (generate_demo makes demo meetings), but nothing of the
    plan loads a further part with it."""
    further = set(APPS) - set(PLAN_APPS) - set(PAGE_APPS)
    crossings = [
        f"{i.module}:{i.line} imports {i.target}"
        for path in application_files()
        if path.relative_to(ROOT).parts[0] in PLAN_APPS and path.name != "urls.py"
        for i in imports_in(path)
        if i.at_load and app_of(i.target) in further
    ]
    assert crossings == []


def test_the_kernel_imports_no_app_when_it_is_loaded():
    """byaftale is imported by every app's models; an app imported back at load time would be a cycle."""
    crossings = [
        f"{i.module}:{i.line} imports {i.target}"
        for path in application_files()
        if path.relative_to(ROOT).parts[0] == "byaftale" and path.name != "urls.py"
        for i in imports_in(path)
        if i.at_load and app_of(i.target) in APPS and app_of(i.target) != "byaftale"
    ]
    assert crossings == []


@pytest.mark.parametrize("path", migration_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_a_migration_imports_no_application_logic(path):
    """Editing roles or access rules must not change what an old migration does: it carries a frozen copy."""
    imported = {i.target for i in imports_in(path) if app_of(i.target) in APPS}
    allowed = {
        target
        for target in imported
        if target.endswith(".models") or target.split(".")[-1] == "models" or target in MIGRATION_IMPORTS_DJANGO_WRITES
    }
    # `import byaftale.validation` names the package too.
    packages = {t for t in imported if t in APPS}
    assert imported - allowed - packages == set()


def test_the_rules_see_a_crossing(tmp_path):
    """The checks read imports as Python does: relative, inside functions, and for type checking only."""
    source = tmp_path / "projects" / "example.py"
    source.parent.mkdir()
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "from ..dashboard import pages\n"
        "from .views import project\n"
        "if TYPE_CHECKING:\n"
        "    from areas.models import FocusArea\n"
        "def later():\n"
        "    import search.finder\n"
    )
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        found = {(i.target, i.at_load) for i in imports_in(source)}
    finally:
        ROOT = saved
    assert ("dashboard.pages", True) in found
    assert ("projects.views", True) in found
    assert ("areas.models", False) in found
    assert ("search.finder", False) in found
