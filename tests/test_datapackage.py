"""data/datapackage.json is a valid Frictionless Data Package, its generic rules report through our messages,
the shipped zip validates as it is, and the two double-count checks hold."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

import openpyxl
import pandas as pd
import pytest

from cyberdiplomacy import exports
from etl.__main__ import main as etl_main
from etl.schema import load_catalog
from etl.validate import validate
from tests.conftest import ROOT, build
from tests.test_etl_validation import issues_of, replace_in


def frictionless_validate(path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json", str(path)],
                          capture_output=True, text=True, cwd=path.parent if path.is_file() else path)


def test_the_standard_validator_accepts_the_real_package():
    result = frictionless_validate(ROOT / "data" / "datapackage.json")
    assert result.returncode == 0, result.stdout[-3000:]
    assert json.loads(result.stdout)["valid"] is True


def test_the_standard_validator_rejects_what_we_reject(world_dir):
    replace_in(world_dir / "votes.csv", "2018-12-17,FRA,A", "2018-12-17,FRA,Q")
    result = frictionless_validate(world_dir / "datapackage.json")
    assert result.returncode != 0
    assert "constraint-error" in result.stdout


def test_package_declares_licence_sources_version_and_contributors():
    package = load_catalog(ROOT / "data").package
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["version"] and package["contributors"] and package["sources"]
    assert all(r["schema"]["primaryKey"] and r["sources"] for r in package["resources"])


# One of each generic kind frictionless checks, as the curator reads it: file, line, column, value, rule, words.
GENERIC = [
    ("votes.csv", "2018-12-17,FRA,A", "2018-12-17,FRA,Q",
     "data/votes.csv:7: column 'vote' value 'Q' [allowed] expected one of: Y, N, A, X"),
    ("votes.csv", "2010-12-01,CHN,Y", "2010-02-30,CHN,Y",
     "data/votes.csv:2: column 'vote_date' value '2010-02-30' [type] expected a valid date YYYY-MM-DD"),
    ("states.csv", "FRA,France", "fr,France", "data/states.csv:3: column 'iso3' value 'fr' [pattern] must match [A-Z]{3}"),
    ("states.csv", "CHN,China,member", "CHN,,member", "data/states.csv:2: column 'name' [required] a value is required"),
    ("states.csv", "RUS,Russian Federation", "CHN,Russian Federation",
     "data/states.csv:4: column 'iso3' value 'CHN' [unique] duplicate key; first seen on line 2"),
    ("sponsorships.csv", "A/RES/99/2,RUS", "A/RES/99/2,GBR",
     "data/sponsorships.csv:3: column 'iso3' value 'GBR' [reference] not found in states.iso3"),
]


@pytest.mark.parametrize("file_name, old, new, message", GENERIC, ids=[g[3].split("[")[1].split("]")[0] for g in GENERIC])
def test_generic_errors_read_as_our_messages(world_dir, file_name, old, new, message):
    replace_in(world_dir / file_name, old, new)
    assert message in [str(i) for i in issues_of(world_dir)]


def test_adjacent_spells_are_fine_and_an_open_start_overlaps(world_dir):
    replace_in(world_dir / "bloc_memberships.csv", "BRICS,organization,CHN",
               "Council of Europe,organization,RUS,2022-03-16,,2026-01-01,fixture,inferred,\nBRICS,organization,CHN")
    validate(load_catalog(world_dir), world_dir)  # rejoining on the day the state left is a new spell, no overlap
    replace_in(world_dir / "bloc_memberships.csv", "BRICS,organization,CHN,,,",
               "BRICS,organization,CHN,,,2026-01-01,fixture,inferred,\nBRICS,organization,CHN,2024-01-01,,")
    (issue,) = [i for i in issues_of(world_dir) if i.rule == "overlapping-membership"]
    assert (issue.file, issue.line, issue.column, issue.value) == ("data/bloc_memberships.csv", 6, "joined_date",
                                                                   "2024-01-01")


def test_shipped_zip_is_a_valid_data_package(world_dir, tmp_path, capsys):
    db = build(world_dir, tmp_path / "w.duckdb")
    out = tmp_path / "dataset.zip"
    assert etl_main(["package", str(out), "--data-dir", str(world_dir), "--db", str(db)]) == 0
    assert "frictionless validate" in capsys.readouterr().out
    names = set(zipfile.ZipFile(out).namelist())
    assert {"datapackage.json", "README.md", "csv/votes.csv", "parquet/votes.parquet"} <= names
    descriptor = json.loads(zipfile.ZipFile(out).read("datapackage.json"))
    assert descriptor["version"] and descriptor["licenses"] and descriptor["citation"]
    result = frictionless_validate(out)
    assert result.returncode == 0, result.stdout[-3000:]


def test_exported_tables_carry_the_citation():
    build_info = {"data_version": "2026.12.01", "data_built_date": "2026-12-01", "citation": "c"}
    about = exports.about("Votes on 74/247", "all states", ["A/RES/74/247"], build_info, "http://h/p?resolution=74/247")
    assert "Data version 2026.12.01, built 2026-12-01" in about["cite_apa"]
    assert "http://h/p?resolution=74/247" in about["cite_apa"] and "Sources: A/RES/74/247." in about["cite_apa"]
    assert about["cite_bibtex"].startswith("@misc{")
    workbook = exports.xlsx_bytes(pd.DataFrame({"a": [1]}), about)
    sheet = openpyxl.load_workbook(io.BytesIO(workbook))["about"]
    assert "cite_bibtex" in [row[0].value for row in sheet.iter_rows()]
