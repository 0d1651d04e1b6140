"""The generated lists of docs/ARCHITECTURE.md: the app's modules by layer (each with its docstring's first
sentence) and the registered figures (name, what it draws, the page that shows it). `python scripts/architecture_lists.py`
prints them; tests/test_docs.py fails when the file's copy is not current."""
from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LAYERS = [  # (folder or file pattern, what the layer is), from the data up to the pages
    ("cyberdiplomacy/*.py", "core: queries, filters, measures, words, provenance, exports"),
    ("cyberdiplomacy/views/*.py", "shaping per page (pure pandas)"),
    ("cyberdiplomacy/charts/*.py", "chart builders: DataFrames in, plotly figures out"),
    ("cyberdiplomacy/figures/*.py", "named figures: a query, its shaping and its chart, for pages, CLI and packs"),
    ("cyberdiplomacy/briefing/*.py", "briefing packs: PDF, PowerPoint and Excel"),
    ("cyberdiplomacy/ui/*.py", "Streamlit: navigation and URL state, widget state, rendering, downloads"),
    ("pages/*.py", "pages: wiring only"),
]


def _summary(path: Path) -> str:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    first = " ".join(doc.split("\n\n")[0].split())
    return first.split(". ")[0].rstrip(".").replace("|", "\\|")


def modules_markdown() -> str:
    out = []
    for pattern, what in LAYERS:
        folder, glob = pattern.rsplit("/", 1)
        out.append(f"**`{folder}/`**: {what}.\n")
        out.append("| module | what it holds |\n|---|---|")
        for path in sorted((ROOT / folder).glob(glob)):
            if path.name == "__init__.py" and folder != "cyberdiplomacy/figures":
                continue
            out.append(f"| `{path.name}` | {_summary(path)} |")
        out.append("")
    return "\n".join(out)


def figures_markdown() -> str:
    from cyberdiplomacy import figures

    rows = ["| figure | what it draws | module |", "|---|---|---|"]
    for name, named in figures.FIGURES.items():
        module = named.build.__module__.rsplit(".", 1)[-1]
        rows.append(f"| `{name}` | {named.description.replace('|', '/')} | `figures/{module}.py` |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    sys.stdout.write(modules_markdown() + "\n" + figures_markdown())
