"""No import cycles between apps, and every import goes down the layers written in the README.

Every import counts: module level, inside functions, relative, and `importlib.import_module`
with a literal name. An app is a package directly under `src/motcua` (the project's top-level
modules — settings, urls, cli — wire everything and are not apps)."""

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "motcua"
README = ROOT / "README.md"


def apps() -> set[str]:
    """Every folder of Python code under src/motcua."""
    return {p.name for p in SRC.iterdir() if p.is_dir() and any(p.rglob("*.py"))}


def _imported(tree: ast.AST, module: str, is_package: bool) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                if not is_package:
                    base = base[:-1]
                base = base[: len(base) - (node.level - 1)]
                names.append(".".join(base + ([node.module] if node.module else [])))
            else:
                names.append(node.module or "")
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.append(node.args[0].value)
    return names


def import_graph(src: Path = SRC) -> dict[str, dict[str, set[str]]]:
    """app → imported app → the files (relative to src) that import it."""
    known = {p.name for p in src.iterdir() if p.is_dir()}
    graph: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for path in src.rglob("*.py"):
        rel = path.relative_to(src)
        if len(rel.parts) < 2 or "migrations" in rel.parts:
            continue
        app = rel.parts[0]
        module = ".".join(("motcua", *rel.with_suffix("").parts))
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for name in _imported(tree, module, path.name == "__init__.py"):
            parts = name.split(".")
            if len(parts) > 1 and parts[0] == "motcua" and parts[1] in known and parts[1] != app:
                graph[app][parts[1]].add(str(rel))
    return graph


def cycles(graph) -> list[list[str]]:
    """The strongly connected components of more than one app (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(set(graph) | {w for targets in graph.values() for w in targets}):
        if v not in index:
            visit(v)
    return found


def readme_layers(text: str) -> dict[str, int]:
    """The numbered list under '## Dependency directions': app → layer (1 is the bottom)."""
    section = text.split("## Dependency directions", 1)[1].split("\n## ", 1)[0]
    layers = {}
    for line in section.splitlines():
        match = re.match(r"^(\d+)\. (.*)$", line.strip())
        if match:
            head = match.group(2).split(" — ")[0]
            for app in re.findall(r"`([a-z_0-9]+)`", head):
                layers[app] = int(match.group(1))
    return layers


def test_no_import_cycle_between_apps():
    found = cycles(import_graph())
    graph = import_graph()
    detail = [
        f"{a} → {b}: {sorted(graph[a][b])}" for c in found for a in c for b in graph[a] if b in c
    ]
    assert found == [], "\n".join(detail)


def test_every_app_is_in_one_readme_layer():
    layers = readme_layers(README.read_text(encoding="utf-8"))
    assert set(layers) == apps()


def test_imports_go_down_the_readme_layers():
    layers = readme_layers(README.read_text(encoding="utf-8"))
    upward = [
        f"{app} (layer {layers[app]}) → {target} (layer {layers[target]}): {sorted(files)}"
        for app, targets in import_graph().items()
        for target, files in targets.items()
        if layers[target] >= layers[app]
    ]
    assert upward == [], "\n".join(upward)


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "files, expected",
    [
        # A function-level import closes the cycle as much as a module-level one.
        (
            {
                "a/__init__.py": "",
                "a/x.py": "def f():\n    from motcua.b import y\n",
                "b/__init__.py": "",
                "b/y.py": "from motcua.a.x import f\n",
            },
            [["a", "b"]],
        ),
        # Relative imports reaching another app, and import_module with a literal name.
        (
            {
                "a/__init__.py": "",
                "a/x.py": "from ..b import y\n",
                "b/__init__.py": "",
                "b/y.py": "import importlib\nimportlib.import_module('motcua.c.z')\n",
                "c/__init__.py": "",
                "c/z.py": "import motcua.a.x\n",
            },
            [["a", "b", "c"]],
        ),
        # One way only, and imports inside one app: no cycle.
        (
            {
                "a/__init__.py": "",
                "a/x.py": "from motcua.b import y\nfrom motcua.a import w\n",
                "b/__init__.py": "",
                "b/y.py": "",
                "a/w.py": "from . import x\n",
            },
            [],
        ),
    ],
)
def test_the_graph_sees_every_kind_of_import(tmp_path, files, expected):
    assert cycles(import_graph(_write(tmp_path, files))) == expected


def test_readme_layers_are_parsed():
    text = (
        "## Dependency directions\n\n1. `org`, `printing` — bottom\n"
        "2. `accounts` — uses `org`\n## Next\n3. `x`"
    )
    assert readme_layers(text) == {"org": 1, "printing": 1, "accounts": 2}
