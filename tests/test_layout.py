"""The package's layout, enforced: imports point down the layers, no import cycles, and each
outside library comes in through one door. Reads the sources with ``ast`` (no import runs),
so it is quick and sees the imports inside functions too."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "speechkit"

# Lowest first. A module may import modules of its own layer or of a lower one, never of a
# higher one. `speechkit/__init__.py` (the public API) and `__main__` stand above them all.
LAYERS = [
    ("errors", "model", "spans", "lexicons", "numerals", "punctuation", "data", "config", "regex_check", "regex_lead"),
    ("load", "normalize", "segment", "readers"),
    ("extractors",),
    ("records",),
    ("api", "schema"),
    ("analysis",),
    ("render",),
    ("batch", "pool", "dask"),
    ("cli",),
]
# Extractors are pure functions of one Document and do not import each other, except these
# helpers, which hold pieces shared by several of them.
EXTRACTOR_HELPERS = {"gate", "numbers", "target_cues", "target_rules", "parallel", "formula_members", "year", "jurisdiction"}
# One door per outside library: only these modules (or packages) may import it.
DOORS = {
    "jieba": ("segment",), "rjieba": ("segment",),
    "opencc": ("normalize.script",), "opencc_pyo3": ("normalize.script",),
    "click": ("cli",),
    "rich": ("render",),
}


def _name(path: Path) -> str:
    rel = path.relative_to(PKG).with_suffix("")
    parts = [p for p in rel.parts if p != "__init__"]
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, as dotted names (``speechkit.`` prefix dropped for ours)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            if node.module == "speechkit":
                out |= {f"speechkit.{a.name}" for a in node.names}
            else:
                out.add(node.module)
    return out


MODULES = {_name(p): _imports(p) for p in sorted(PKG.rglob("*.py"))}


def _ours(imported: str) -> str | None:
    """Our module an import names (``speechkit.render.as_json`` -> ``render.as_json``)."""
    if not imported.startswith("speechkit."):
        return None
    name = imported[len("speechkit."):]
    while name and name not in MODULES:  # `from speechkit.render import records` names a package
        name = name.rpartition(".")[0]
    return name or None


def _layer(module: str) -> int | None:
    top = module.split(".")[0]
    for i, names in enumerate(LAYERS):
        if top in names:
            return i
    return None


GRAPH = {m: {o for i in imps if (o := _ours(i)) and o != m} for m, imps in MODULES.items()}


def test_every_module_has_a_layer():
    assert [m for m in MODULES if m not in ("", "__main__") and _layer(m) is None] == []


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m not in ("", "__main__")))
def test_imports_point_down(module):
    up = sorted(o for o in GRAPH[module] if o and _layer(o) is not None and _layer(o) > _layer(module))
    assert up == [], f"{module} (layer {_layer(module)}) imports higher layers: {up}"


def test_no_import_cycles():
    seen: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(m: str, path: list[str]) -> list[str] | None:
        seen[m] = 1
        for o in sorted(GRAPH.get(m, ())):
            if seen.get(o) == 1:
                return path + [o]
            if o not in seen and (cycle := visit(o, path + [o])):
                return cycle
        seen[m] = 2
        return None

    for m in sorted(GRAPH):
        if m not in seen and (cycle := visit(m, [m])):
            pytest.fail(f"import cycle: {' -> '.join(cycle)}")


def test_extractors_do_not_import_each_other():
    """Neither an extractor nor a helper imports an extractor: the outline, say, is handed in by api."""
    bad = []
    for m, deps in GRAPH.items():
        if m.startswith("extractors."):
            bad += [(m, o) for o in deps if o.startswith("extractors.") and o.split(".")[1] not in EXTRACTOR_HELPERS]
    assert bad == []


def test_renderers_import_no_extractor_or_api():
    bad = [(m, o) for m, deps in GRAPH.items() if m.startswith("render")
           for o in deps if o.split(".")[0] in ("extractors", "api", "analysis")]
    assert bad == []


@pytest.mark.parametrize("library", sorted(DOORS))
def test_one_door_per_library(library):
    doors = DOORS[library]
    users = sorted(m for m, imps in MODULES.items()
                   if any(i == library or i.startswith(library + ".") for i in imps))
    assert [u for u in users if not any(u == d or u.startswith(d + ".") for d in doors)] == []


def test_the_layout_test_sees_real_imports():
    """Guards the guard: the graph holds edges known to exist."""
    assert "records" in GRAPH["api"] and "extractors.outline" in GRAPH["api"]
    assert "jieba" in MODULES["segment"] and "click" in MODULES["cli"]
