"""The repository's own Python modules and what each imports, read with ast (nothing is run)."""

import ast
from pathlib import Path

from .servers import ROOT


def top_level_packages() -> list[str]:
    """The repository's packages: its top-level folders with an __init__.py."""
    return sorted(path.parent.name for path in ROOT.glob("*/__init__.py"))


def modules_of(package: str) -> list[Path]:
    return sorted(path for path in (ROOT / package).rglob("*.py") if "migrations" not in path.parts)


def site_modules() -> list[Path]:
    """Every module of the site itself (not its tests, benchmarks or tools)."""
    return [
        path
        for package in top_level_packages()
        if package not in ("tests", "bench", "tools")
        for path in modules_of(package)
    ]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """The absolute names of the modules `path` imports, relative imports resolved."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    imported = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                prefix = ".".join(base)
                imported.add(f"{prefix}.{node.module}" if node.module else prefix)
            else:
                imported.add(node.module)
    return imported
