"""The whole dataset as a Frictionless Data Package: every table as CSV and Parquet, datapackage.json describing
the CSVs (types, descriptions, keys, licence, sources, version, contributors) and a README; `frictionless validate`
accepts the zip as it is. Made the same way by Data & sources and `python -m etl package OUT.zip`."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd

from cyberdiplomacy import exports, provenance, queries

DECLARED = Path(__file__).resolve().parent.parent / "data" / "datapackage.json"
PACKAGE_KEYS = ("name", "title", "description", "licenses", "contributors", "keywords", "sources")


def _field_type(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "integer"
    if pd.api.types.is_float_dtype(series):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(series):
        # pandas writes a column whose times are all midnight as plain dates
        return "date" if (series.dropna().dt.normalize() == series.dropna()).all() else "string"
    return "string"


def descriptor(tables: dict[str, pd.DataFrame], contract: pd.DataFrame, build: dict) -> dict:
    """datapackage.json for the CSVs exports.dataset_zip writes (their columns, the attribution one included)."""
    declared = json.loads(DECLARED.read_text(encoding="utf-8")) if DECLARED.exists() else {}
    keys = {r["name"]: r["schema"].get("primaryKey", []) for r in declared.get("resources", [])}
    comments = {(t, c): text for t, c, text in zip(contract["table_name"], contract["column_name"],
                                                   contract["comment"].fillna(""), strict=True)}
    titles = dict(zip(contract["table_name"], contract["table_comment"].fillna(""), strict=False))
    resources = []
    for name, table in tables.items():
        if attribution := provenance.attribution_for(provenance.table_sources(table, default=())):
            table = table.assign(attribution=attribution)
        fields = [{"name": c, "type": _field_type(table[c]), "description": comments.get((name, c), "")}
                  for c in table.columns]
        schema = {"fields": fields, "missingValues": [""]}
        if keys.get(name) and set(keys[name]) <= set(table.columns):
            schema["primaryKey"] = keys[name]
        resources.append({"name": name, "path": f"csv/{name}.csv", "profile": "tabular-data-resource",
                          "title": titles.get(name, name), "format": "csv", "mediatype": "text/csv",
                          "encoding": "utf-8", "parquet": f"parquet/{name}.parquet", "schema": schema})
    return {"profile": "tabular-data-package", **{k: declared[k] for k in PACKAGE_KEYS if k in declared},
            "version": str(build.get("data_version", "")), "created": str(build.get("built_at", ""))[:19].replace(" ", "T"),
            "citation": str(build.get("citation", "")), "resources": resources}


def package_zip(tables: dict[str, pd.DataFrame], contract: pd.DataFrame, build: dict, attribution: str = "") -> bytes:
    readme = exports.dataset_readme(build, contract, {n: len(t) for n, t in tables.items()}, attribution)
    readme += ("\n## Data Package\n\n`datapackage.json` describes every CSV as a Frictionless Data Package "
               "(https://datapackage.org); check it with `frictionless validate datapackage.json`. Each table is also "
               "in `parquet/`. The curated tables' full declaration (allowed values, patterns, references) is "
               "`data/datapackage.json` in the project's repository.\n")
    return exports.dataset_zip(tables, readme, descriptor(tables, contract, build))


def from_warehouse(con: duckdb.DuckDBPyConnection) -> bytes:
    """The package of a warehouse, for the command line (the app reads the same queries through its cache)."""
    tables = {name: queries.table(con, name) for name in queries.TABLES}
    sources = [s for t in tables.values() for s in provenance.table_sources(t, default=())]
    return package_zip(tables, queries.contract_columns(con), queries.build_info(con).iloc[0].to_dict(),
                       provenance.attribution_for(sources))
