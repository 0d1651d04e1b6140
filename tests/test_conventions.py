"""The architecture rules, encoded: thin pages, pure core, SQL only in .sql files with bound parameters."""
from __future__ import annotations

import ast
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


def test_every_sql_file_is_used_and_every_used_file_exists():
    source = (ROOT / "cyberdiplomacy" / "queries.py").read_text(encoding="utf-8")
    used = set(re.findall(r'run\(con, "(\w+)"', source)) | {f"table_{t}" for t in TABLES}
    files = {p.stem for p in (ROOT / "cyberdiplomacy" / "sql").glob("*.sql")}
    assert files == used


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
