"""The layout's rules, read from the code with ast, so that they stay true:

- the rules engine (`measure`) is plain Python: it imports nothing from Django or the site;
- packages import one way: no two top-level packages import each other, directly or round
  about;
- nothing imports the project package (`kjproject`, configuration only): Django loads it
  through DJANGO_SETTINGS_MODULE, ROOT_URLCONF and WSGI_APPLICATION, gunicorn through its
  --config;
- no module is longer than 400 lines (migrations and tests aside; the benchmark and tools too).
"""

from graphlib import CycleError, TopologicalSorter

from tests.support.imports import (
    imported_modules,
    module_name,
    modules_of,
    top_level_packages,
)

PROJECT_PACKAGE = "kjproject"
MAX_MODULE_LINES = 400


def top_level(name: str) -> str:
    return name.partition(".")[0]


def package_imports() -> dict[str, set[str]]:
    """{package: the other top-level packages of the repository it imports}."""
    packages = set(top_level_packages())
    graph = {}
    for package in packages:
        imported = set()
        for path in modules_of(package):
            imported |= {top_level(name) for name in imported_modules(path)}
        graph[package] = (imported & packages) - {package}
    return graph


def test_the_rules_engine_imports_nothing_from_django_or_the_site():
    allowed_site_imports = {"measure"}
    for path in modules_of("measure"):
        for name in imported_modules(path):
            assert top_level(name) != "django", f"{module_name(path)} imports {name}"
            if top_level(name) in top_level_packages():
                assert top_level(name) in allowed_site_imports, (
                    f"{module_name(path)} imports {name}"
                )


def test_no_two_packages_import_each_other():
    try:
        TopologicalSorter(package_imports()).prepare()
    except CycleError as cycle:
        raise AssertionError(f"packages import each other: {' → '.join(cycle.args[1])}") from None


def test_nothing_imports_the_project_package():
    for package in top_level_packages():
        if package == PROJECT_PACKAGE:
            continue
        for path in modules_of(package):
            importing = [n for n in imported_modules(path) if top_level(n) == PROJECT_PACKAGE]
            assert not importing, f"{module_name(path)} imports {importing}"


def test_no_test_module_imports_another_test_module():
    # Shared helpers live in tests/support/; a test module is imported by pytest alone.
    for path in modules_of("tests"):
        for name in imported_modules(path):
            if top_level(name) == "tests" and not name.startswith("tests.support"):
                raise AssertionError(f"{module_name(path)} imports {name}")


def test_no_module_outside_the_tests_is_longer_than_400_lines():
    long = {
        module_name(path): lines
        for package in top_level_packages()
        if package != "tests"
        for path in modules_of(package)
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_the_rules_know_a_site_package_when_they_see_one():
    # The rules above read the repository; make sure they read what is there.
    assert {"core", "eligibility", "kjproject", "measure", "pages", "staff"} <= set(
        top_level_packages()
    )
    assert "django.conf" in imported_modules(
        next(p for p in modules_of("core") if p.name == "apps.py")
    )
    assert "measure" in package_imports()["pages"]
