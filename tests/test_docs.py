"""The README's data contract is the one generated from data/datapackage.json and etl/contract.py, and
docs/ARCHITECTURE.md's list of the build's steps the one generated from etl/steps.py; the quick start is two
commands."""
import subprocess
from pathlib import Path

from etl.docs import contract_markdown, steps_markdown
from etl.schema import load_catalog

ROOT = Path(__file__).resolve().parent.parent


def test_readme_contract_is_current():
    expected = contract_markdown(load_catalog(ROOT / "data"))
    assert expected in (ROOT / "README.md").read_text(encoding="utf-8"), "run: python -m etl.docs, paste into README"


def test_architecture_lists_the_build_steps_as_they_are():
    assert steps_markdown() in (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8"), (
        "run: python -m etl.docs steps, paste into docs/ARCHITECTURE.md")


def fresh_clone_plan(target: str, tmp_path: Path) -> list[str]:
    """The commands `make TARGET` runs on a fresh clone (no .venv, no warehouse), without running them."""
    result = subprocess.run(["make", "--dry-run", "--no-print-directory", target, f"VENV={tmp_path / 'venv'}",
                             f"DB={tmp_path / 'build' / 'warehouse.duckdb'}"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return [line.replace(str(tmp_path / "venv"), ".venv") for line in result.stdout.splitlines()]


def in_order(plan: list[str], *steps: str) -> bool:
    lines = iter(plan)
    return all(any(step in line for line in lines) for step in steps)


def test_readme_quick_start_is_two_commands(tmp_path):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    assert [line.split("#")[0].strip() for line in block.strip().splitlines()] == ["make run", "make test"]
    # And on a fresh clone they do what the README promises: set up the environment from the pinned
    # requirements, build the warehouse, serve the app; or lint and run the whole test suite.
    run = fresh_clone_plan("run", tmp_path)
    assert in_order(run, "-m venv .venv", "pip install --quiet --require-hashes -r requirements.txt", "-m etl build",
                    "streamlit run dashboard.py"), run
    test = fresh_clone_plan("test", tmp_path)
    assert in_order(test, "-m venv .venv", "pip install --quiet --require-hashes -r requirements.txt",
                    "--require-hashes -r requirements-dev.txt", "ruff check .", "python -m pytest"), test
    assert all((ROOT / name).is_file() for name in ("requirements.txt", "requirements-dev.txt", "dashboard.py"))


def test_architecture_lists_the_modules_and_figures_as_they_are():
    import importlib.util

    spec = importlib.util.spec_from_file_location("architecture_lists", ROOT / "scripts" / "architecture_lists.py")
    lists = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lists)
    text = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    assert lists.modules_markdown() in text, "run: python scripts/architecture_lists.py, paste into docs/ARCHITECTURE.md"
    assert lists.figures_markdown() in text, "run: python scripts/architecture_lists.py, paste into docs/ARCHITECTURE.md"
