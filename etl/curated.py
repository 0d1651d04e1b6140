"""Python parts of the build's steps that read the curated CSVs: their rows into staging, and the inputs as rows
of the datasets table (etl/steps.py)."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pyarrow as pa
import pycountry

from etl.contract import lit
from etl.schema import Catalog, Table
from etl.validate import Issue, Row, ValidationFailed

if TYPE_CHECKING:
    from etl.steps import Build

ARROW_TYPES = {"string": pa.string(), "integer": pa.int64(), "date": pa.date32()}


def _arrow_table(table: Table, rows: list[Row]) -> pa.Table:
    arrays = {name: pa.array([r.values.get(name) for r in rows], type=ARROW_TYPES[col.type])
              for name, col in table.columns.items()}
    arrays["source_file"] = pa.array([table.file] * len(rows), type=pa.string())
    arrays["source_line"] = pa.array([r.line for r in rows], type=pa.int64())
    return pa.table(arrays)


def _iso_names(rows: list[Row], display: str) -> list[str]:
    """ISO 3166 names from pycountry; an unknown code is a data error, not a silent blank."""
    names, issues = [], []
    for row in rows:
        country = pycountry.countries.get(alpha_3=row.values["iso3"])
        if country is None:
            issues.append(Issue(display, row.line, "iso3", row.values["iso3"], "iso3166",
                                "not an ISO 3166-1 alpha-3 code known to pycountry"))
            names.append(None)
        else:
            names.append(getattr(country, "common_name", None) or country.name)
    if issues:
        raise ValidationFailed(issues)
    return names


def load_rows(build: Build) -> None:
    """The validated rows of every curated CSV into staging.curated_<table>, in the catalog's order (foreign keys
    point backwards in it), states with their ISO 3166 names."""
    iso_names = _iso_names(build.data["states"], f"{build.data_dir.name}/{build.catalog.tables['states'].file}")
    for name, table in build.catalog.tables.items():
        arrow = _arrow_table(table, build.data[name])
        if name == "states":
            arrow = arrow.append_column("iso_name", pa.array(iso_names, type=pa.string()))
        build.con.register("incoming", arrow)
        # Table names come from datapackage.json, whose names etl check holds to the declared resources.
        build.con.execute(f"INSERT INTO staging.curated_{name} BY NAME SELECT * FROM incoming")
        build.con.unregister("incoming")
        text = f"data/{table.file} as validated, with the file and line of each row: {table.grain}."
        build.con.execute(f"COMMENT ON TABLE staging.curated_{name} IS {lit(text)}")


def _bundled_datasets(catalog: Catalog) -> pa.Table:
    """The bundled files as rows of the datasets table, like the curated tables."""
    rows = [(f"{name}_{key}", f"data/{spec.file}", dataset.title, dataset.producer, dataset.url,
             dt.date.fromisoformat(dataset.accessed), dataset.licence, spec.grain, spec.row_count)
            for name, dataset in catalog.bundled.items() for key, spec in dataset.files.items()]
    names = ["table_name", "file_name", "title", "producer", "url", "accessed_date", "licence", "grain", "row_count"]
    return pa.table({n: [r[i] for r in rows] for i, n in enumerate(names)},
                    schema=pa.schema([(n, pa.date32() if n == "accessed_date" else pa.int64() if n == "row_count"
                                       else pa.string()) for n in names]))


def register_datasets(build: Build) -> dict:
    """The inputs as the Arrow table `incoming` for record.datasets; the build facts as the SQL's parameters."""
    tables = build.catalog.tables.values()
    datasets = pa.table({
        "table_name": [t.name for t in tables],
        "file_name": [f"data/{t.file}" for t in tables],
        "title": [t.title for t in tables],
        "producer": [t.producer for t in tables],
        "url": [t.url for t in tables],
        "accessed_date": pa.array([dt.date.fromisoformat(t.accessed) for t in tables]),
        "licence": [t.licence for t in tables],
        "grain": [t.grain for t in tables],
        "row_count": [len(build.data[t.name]) for t in tables],
    })
    build.con.register("incoming", pa.concat_tables([datasets, _bundled_datasets(build.catalog)]))
    return {"version": build.catalog.data_version, "licence": build.catalog.licence,
            "citation": build.catalog.citation}
