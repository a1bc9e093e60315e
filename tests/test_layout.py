"""The package layout of ARCHITECTURE §2: arrows are the only imports allowed."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
OURS = {"connectors", "scanner", "rules", "catalog", "workers", "expunge"}
ALLOWED = {
    "connectors": set(),
    "scanner": set(),
    "rules": set(),
    "catalog": set(),
    "workers": {"connectors", "scanner", "rules", "catalog"},
    "expunge": OURS - {"expunge"},
}


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names & OURS


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_a_package_imports_only_what_the_architecture_allows(package: str) -> None:
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"{package} has no modules"
    for path in files:
        forbidden = imported_packages(path) - ALLOWED[package] - {package}
        assert not forbidden, f"{path.relative_to(ROOT)} imports {sorted(forbidden)}"


def test_the_checker_sees_a_forbidden_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("import os\nfrom catalog.models import Item\nimport workers.scan\n")
    assert imported_packages(module) == {"catalog", "workers"}
