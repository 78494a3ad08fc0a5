"""The import layering of ARCHITECTURE.md: no stage imports a later one (imports read with ast, lazy ones too)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "caravan"
# the rank of each stage: a module may import its own stage and lower ranks only
LAYERS = {
    "errors": 0,
    "model": 0,
    "settings": 0,
    "datafiles": 0,
    "ingest": 1,
    "geo": 1,
    "nlp": 2,
    "store": 3,
    "link": 4,
    "export": 5,
    "view": 6,
    "batch": 7,
    "cluster": 7,
    "api": 8,
    "cli": 9,
}
# imports against the layers, known and documented in ARCHITECTURE.md (importing module, imported module)
EXCEPTIONS = {
    ("caravan.export.events", "caravan.view.words"),
    ("caravan.api.routers.quotes", "caravan.cli.quotes"),
    ("caravan.geo.mentions", "caravan.nlp.extensions"),
}
# sibling packages of nlp that must not import each other
SIBLINGS = ("caravan.nlp.quotes", "caravan.nlp.events")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every caravan module a file imports, at the top or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("caravan"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("caravan"))
    return found


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def layer_violations(imports: dict[str, set[str]]) -> list[str]:
    """'importer -> imported' for each import of a later stage, or between the nlp sibling packages."""
    out = []
    for importer, targets in sorted(imports.items()):
        own = stage_of(importer)
        for target in sorted(targets):
            other = stage_of(target)
            if own is None or other is None or (importer, target) in EXCEPTIONS:
                continue  # caravan/__init__.py is the public facade over every stage
            later = LAYERS[other] > LAYERS[own]
            crossed = any(importer.startswith(a) and target.startswith(b) for a in SIBLINGS for b in SIBLINGS if a != b)
            if later or crossed:
                out.append(f"{importer} -> {target}")
    return out


def package_imports() -> dict[str, set[str]]:
    return {module_name(p): imported_modules(p) for p in PACKAGE.rglob("*.py")}


def test_layers_no_stage_imports_a_later_one():
    assert layer_violations(package_imports()) == []


def test_layers_every_stage_has_a_rank():
    stages = {stage_of(module_name(p)) for p in PACKAGE.rglob("*.py")} - {None}
    assert stages <= set(LAYERS), f"add the new stage to LAYERS and ARCHITECTURE.md: {stages - set(LAYERS)}"


def test_layers_reports_a_backward_import():
    imports = {"caravan.store.database": {"caravan.link.build"}, "caravan.nlp.quotes.direct": {"caravan.nlp.events"}}
    assert layer_violations(imports) == [
        "caravan.nlp.quotes.direct -> caravan.nlp.events",
        "caravan.store.database -> caravan.link.build",
    ]
