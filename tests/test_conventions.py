"""The architecture rules, encoded: thin pages, pure core, SQL only in .sql files with bound parameters."""
from __future__ import annotations

import ast
import collections
import functools
import itertools
import re
from pathlib import Path

from cyberdiplomacy.queries import TABLES

ROOT = Path(__file__).resolve().parent.parent
PAGE_FILES = [ROOT / "dashboard.py", *sorted((ROOT / "pages").glob("*.py"))]
CORE_FILES = [p for p in (ROOT / "cyberdiplomacy").rglob("*.py") if "ui" not in p.relative_to(ROOT).parts]
SQL_WORDS = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP)\b\s", re.IGNORECASE)


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_pages_hold_no_sql_and_no_data_library():
    for path in PAGE_FILES:
        text = path.read_text(encoding="utf-8")
        assert not SQL_WORDS.search(text.replace("Select", "")), f"SQL in {path.name}"
        assert not imports(path) & {"duckdb", "pandas", "plotly"}, f"{path.name} imports a data library"


def test_core_does_not_import_streamlit():
    for path in CORE_FILES:
        assert "streamlit" not in imports(path), path


APP_FILES = [*PAGE_FILES, *(ROOT / "cyberdiplomacy").rglob("*.py"), *(ROOT / "etl").glob("*.py"),
             *(ROOT / "scripts").rglob("*.py")]
SQL_FILE = re.compile(r"[\w.-]+(/[\w.-]+)*\.sql")  # a path under the SQL folder: etl/sql/ has one per layer


def sql_loads(path: Path) -> list[tuple[str, str | None]]:
    """(name pattern, innermost enclosing function or None at module level) for each SQL file the module loads:
    a file name 'x.sql' in a string, or queries.run(con, "x"). A placeholder of an f-string stands for any string
    constant of the same module (e.g. the import kinds)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    words = sorted({n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                    and re.fullmatch(r"\w+", n.value)})
    is_queries = path == ROOT / "cyberdiplomacy" / "queries.py"

    def names(node, sql_only: bool) -> list[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, ast.JoinedStr):
            pattern = "".join(part.value.replace("{", "{{").replace("}", "}}") if isinstance(part, ast.Constant)
                              else "{}" for part in node.values)
            if sql_only and not pattern.endswith(".sql"):
                return []
            return [pattern.format(*combo) for combo in itertools.product(words, repeat=pattern.count("{}"))]
        return []

    found = []

    def visit(node, function):
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
            if is_queries and isinstance(child, ast.Call) and getattr(child.func, "id", None) == "run" \
                    and len(child.args) >= 2:
                found.extend((f"{n}.sql", inner) for n in names(child.args[1], sql_only=False))
            elif not is_queries and isinstance(child, (ast.Constant, ast.JoinedStr)):
                found.extend((n, inner) for n in names(child, sql_only=True) if SQL_FILE.fullmatch(n))
            visit(child, inner)

    visit(tree, None)
    return found


def names_in(node) -> collections.Counter:
    """Names used under a node: variables, attributes, and string constants (data.query("name"))."""
    return collections.Counter(n.id if isinstance(n, ast.Name) else n.attr if isinstance(n, ast.Attribute) else n.value
                               for n in ast.walk(node) if isinstance(n, (ast.Name, ast.Attribute))
                               or (isinstance(n, ast.Constant) and isinstance(n.value, str)))


@functools.cache
def app_names() -> collections.Counter:
    return sum((names_in(ast.parse(p.read_text(encoding="utf-8"))) for p in APP_FILES), collections.Counter())


def referenced(name: str, defined_in: Path) -> bool:
    """Whether app code outside the function's own body names it: a call, an attribute, or data.query("name")."""
    tree = ast.parse(defined_in.read_text(encoding="utf-8"))
    own = sum(names_in(f)[name] for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.name == name)
    return app_names()[name] > own


def test_every_sql_file_is_loaded_by_live_code_and_every_loaded_file_exists():
    # A .sql file is used when a function of the app, pages, ETL or scripts loads it and that function is itself
    # called or named from somewhere else in that code (tests do not count); module-level loads always count.
    # So a query function nothing calls no longer keeps its SQL alive.
    for folder, loaders in ((ROOT / "cyberdiplomacy" / "sql", [ROOT / "cyberdiplomacy" / "queries.py"]),
                            (ROOT / "etl" / "sql", [*(ROOT / "etl").glob("*.py"), *(ROOT / "scripts").rglob("*.py")])):
        files = {p.relative_to(folder).as_posix() for p in folder.rglob("*.sql")}
        loads = [(name, function, path) for path in loaders for name, function in sql_loads(path)]
        live = {name for name, function, path in loads if function is None or referenced(function, path)}
        assert files <= live, f"{folder.relative_to(ROOT)}: no live code loads {sorted(files - live)}"
    # Every query file named by queries.run exists (an f-string's expansions may name files that do not).
    source = (ROOT / "cyberdiplomacy" / "queries.py").read_text(encoding="utf-8")
    named = set(re.findall(r'run\(con, "(\w+)"', source)) | {f"table_{t}" for t in TABLES}
    assert named <= {p.stem for p in (ROOT / "cyberdiplomacy" / "sql").glob("*.sql")}


def test_sql_is_never_built_from_strings_in_the_app():
    for path in [*CORE_FILES, *(ROOT / "cyberdiplomacy" / "ui").glob("*.py"), *PAGE_FILES]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\.(execute|sql)\(\s*f[\"']", text), path
        assert ".format(" not in text or "sql" not in text.lower(), path


def test_queries_bind_their_parameters():
    for path in (ROOT / "cyberdiplomacy" / "sql").glob("*.sql"):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("-- Grain:"), f"{path.name} must state its grain"
        assert "{" not in text and "%s" not in text, f"{path.name} has a template placeholder"


def test_every_module_has_a_docstring():
    for path in [*CORE_FILES, *(ROOT / "etl").glob("*.py"), *PAGE_FILES]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if path.name == "__init__.py" and not tree.body:
            continue
        assert ast.get_docstring(tree), f"{path} lacks a module docstring"


def cyberdiplomacy_imports(path: Path) -> set[str]:
    """The project's own modules a file imports, as dotted names below `cyberdiplomacy` ('charts.theme', 'ui')."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cyberdiplomacy"):
            base = node.module.removeprefix("cyberdiplomacy").lstrip(".")
            found |= {f"{base}.{a.name}".strip(".") if not base else base for a in node.names}
            if not base:
                found |= {a.name for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name.removeprefix("cyberdiplomacy.") for a in node.names if a.name.startswith("cyberdiplomacy.")}
    return found


PACKAGE = ROOT / "cyberdiplomacy"
DRAWING_AND_PAGES = ("charts", "figures", "ui", "briefing")  # the layers above the core, in that order
# The core: the package's own modules (queries, measures, shaping, words, provenance) and the shaping per page.
CORE_MODULES = [p for p in PACKAGE.glob("*.py") if p.name != "__main__.py"] + sorted((PACKAGE / "views").glob("*.py"))


def layer(name: str) -> str:
    return name.split(".")[0]


def test_the_core_never_imports_the_layers_above_it():
    """Shaping, words and measures are read by charts, figures, pages and packs, never the other way round: a core
    module that reached up for a colour or a label made every chart change a core change."""
    for path in CORE_MODULES:
        upward = {n for n in cyberdiplomacy_imports(path) if layer(n) in DRAWING_AND_PAGES}
        assert not upward, f"{path.relative_to(ROOT)} imports {sorted(upward)}"


def test_charts_take_frames_and_figures_never_import_each_other():
    for path in (PACKAGE / "charts").glob("*.py"):
        above = {n for n in cyberdiplomacy_imports(path) if layer(n) in ("figures", "ui", "briefing")}
        assert not above, f"{path.relative_to(ROOT)} imports {sorted(above)}"
    shared = {"registry", "source", "vote_data", "__init__"}  # the registry, the data source, votes several draw
    for path in (PACKAGE / "figures").glob("*.py"):
        siblings = {n for n in cyberdiplomacy_imports(path)
                    if layer(n) == "figures" and n.split(".")[-1] not in shared and n != "figures"}
        assert not siblings, f"{path.relative_to(ROOT)} imports {sorted(siblings)}: shared shaping goes in the core"
        assert not {n for n in cyberdiplomacy_imports(path) if layer(n) in ("ui", "briefing")}, path


MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60
SIZE_ALLOWED = {  # what is larger than the limits, and why
    "scripts/bench.py": "one script measures every user path against its baseline, section by section; each short",
    "scripts/load_test.py": "the load-test driver: its argument parsing, report and replicas read best in one file",
}
SIZED_FILES = [ROOT / "dashboard.py", *PAGE_FILES, *PACKAGE.rglob("*.py"), *(ROOT / "etl").rglob("*.py"),
               *(ROOT / "scripts").rglob("*.py")]


def test_modules_and_functions_stay_small():
    """A newcomer reads a module in one sitting: about 300 lines, functions about 60, exceptions named with why."""
    too_big = []
    for path in dict.fromkeys(SIZED_FILES):
        name = str(path.relative_to(ROOT))
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > MAX_MODULE_LINES and name not in SIZE_ALLOWED:
            too_big.append(f"{name}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES and f"{name}:{node.name}" not in SIZE_ALLOWED:
                    too_big.append(f"{name}:{node.name}: {length} lines")
    assert not too_big
    stale = [key for key in SIZE_ALLOWED if not (ROOT / key.split(":")[0]).exists()]
    assert not stale, f"allowed sizes of files that no longer exist: {stale}"


def test_the_scripts_start_as_make_and_the_readme_run_them(tmp_path):
    """`make bench` runs scripts/bench.py as a file, not as a module: an import of the package above the script's own
    path setup stops it before it starts (it did once, when a move put one there). Run from elsewhere, as a user
    might."""
    import subprocess
    import sys

    for script in ("bench.py", "load_test.py", "make_history.py", "make_un_record.py"):
        done = subprocess.run([sys.executable, str(ROOT / "scripts" / script), "--help"], cwd=tmp_path,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, f"{script}: {done.stderr[-300:]}"
