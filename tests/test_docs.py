"""The README's data contract is the one generated from data/datapackage.json."""
from pathlib import Path

from etl.docs import contract_markdown
from etl.schema import load_catalog

ROOT = Path(__file__).resolve().parent.parent


def test_readme_contract_is_current():
    expected = contract_markdown(load_catalog(ROOT / "data"))
    assert expected in (ROOT / "README.md").read_text(encoding="utf-8"), "run: python -m etl.docs, paste into README"


def test_readme_quick_start_is_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    assert [line.split("#")[0].strip() for line in block.strip().splitlines()] == ["make run", "make test"]
