"""Build the DuckDB warehouse from data/: write a new version file, then switch the pointer to it (etl/publish.py)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pyarrow as pa
import pycountry

from etl import publish, record
from etl.docs import DERIVED
from etl.schema import Catalog, Table
from etl.validate import Issue, Row, ValidationFailed

SQL_DIR = Path(__file__).parent / "sql"
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


def _run_sql_file(con: duckdb.DuckDBPyConnection, name: str) -> None:
    con.execute((SQL_DIR / name).read_text(encoding="utf-8"))


def lit(text: str) -> str:
    """SQL string literal for DDL: COMMENT ON accepts no bound parameters. Only ever used with the
    project's own datapackage.json text, never with user input."""
    return "'" + text.replace("'", "''") + "'"


def _comment(con: duckdb.DuckDBPyConnection, catalog: Catalog) -> None:
    for table in catalog.tables.values():
        text = f"{table.title}. Grain: {table.grain}. Source: {table.producer} ({table.url})."
        con.execute(f"COMMENT ON VIEW {table.name} IS {lit(text)}")
        for col in table.columns.values():
            con.execute(f"COMMENT ON COLUMN {table.name}.{col.name} IS {lit(col.description)}")
    extra = {
        "sources": "Every reference cited by the curated rows, with the number of rows citing it per table and their confidence.",
        "datasets": "One row per curated table: provenance (producer, URL, date accessed, licence) and grain.",
        "build_info": "When and from which data version this warehouse was built.",
        "undl_votes": "Votes imported from the UN Digital Library bulk CSV (record 4060887), newest release per "
                      "resolution and state; non-commercial use, (c) United Nations. Empty until python -m etl "
                      "import-undl.",
        "undl_vote_records": "One row per resolution of the imported voting files: title, documents, announced totals.",
        "undl_resolutions": "Resolutions imported from the UN Digital Library dataset (record 4060945).",
        "all_votes": "The recorded GA plenary votes per state that the origins hold: curated, then imported, then "
                     "the UN's machine-readable resolutions (sessions 74-80), then Voeten's history "
                     "(doi:10.7910/DVN/LEJUQZ); origin says which; is_cyber marks the record's texts.",
        "vote_disagreements": "States whose vote two origins record differently, per pair of origins holding the "
                              "same vote; the record keeps kept_origin.",
        "text_disagreements": "Facts of a curated text that the UN's machine-readable resolutions give differently "
                              "(curated kept).",
        "sponsor_disagreements": "Curated sponsorships whose role the UN's machine-readable resolutions give "
                                 "differently (curated kept).",
        "text_paragraphs": "The record's texts paragraph by paragraph, as plain text (UN machine-readable resolutions; the "
                           "2018 draft from its public document).",
        "text_citations": "The resolutions, decisions and documents each paragraph of the record's texts cites.",
        "text_lineage": "Per text: the record's texts it cites and those citing it, beside the text before it in its "
                        "track.",
        "vote_coverage_by_session": "Per GA session: recorded votes held by each bundled origin and kept in the "
                                    "record, with first and last vote dates.",
        "undl_disagreements": "Imported votes that differ from curated ones (curated facts are kept).",
        "state_labels": "Display name for every state code in the record; former states (CSK, DDR, YUG before "
                        "2000) carry the voting dataset's own name.",
    }
    for view, text in extra.items():
        con.execute(f"COMMENT ON VIEW {view} IS {lit(text)}")
    for view, columns in DERIVED.items():  # derived columns are described once, with the README contract
        for name, _type, description in columns:
            con.execute(f"COMMENT ON COLUMN {view}.{name} IS {lit(description)}")


def _bundled_datasets(catalog: Catalog) -> pa.Table:
    """The bundled files as rows of the datasets table, like the curated tables."""
    rows = [(f"{name}_{key}", f"data/{spec.file}", dataset.title, dataset.producer, dataset.url,
             dt.date.fromisoformat(dataset.accessed), dataset.licence, spec.grain, spec.row_count)
            for name, dataset in catalog.bundled.items() for key, spec in dataset.files.items()]
    names = ["table_name", "file_name", "title", "producer", "url", "accessed_date", "licence", "grain", "row_count"]
    return pa.table({n: [r[i] for r in rows] for i, n in enumerate(names)},
                    schema=pa.schema([(n, pa.date32() if n == "accessed_date" else pa.int64() if n == "row_count"
                                       else pa.string()) for n in names]))


def write_warehouse(catalog: Catalog, data: dict[str, list[Row]], target: Path, data_dir: Path,
                    import_dir: Path | None = None, imports: dict[str, list[str]] | None = None) -> Path:
    """Write the warehouse to a new version file and point target at it only when complete (etl/publish.py)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    iso_names = _iso_names(data["states"], f"{data_dir.name}/{catalog.tables['states'].file}")
    stage, con = publish.stage(target)  # waits for any other build here; a unique temp file
    try:
        con.execute("CREATE SCHEMA raw")
        for name, table in catalog.tables.items():
            arrow = _arrow_table(table, data[name])
            if name == "states":
                arrow = arrow.append_column("iso_name", pa.array(iso_names, type=pa.string()))
            con.register("incoming", arrow)
            con.execute(f"CREATE TABLE raw.{name} AS SELECT * FROM incoming")
            con.unregister("incoming")
        for sql_file in ("01_core_tables.sql", "02_core_load.sql", "03_views.sql", "04_imports.sql"):
            _run_sql_file(con, sql_file)
        record.build(con, catalog, data_dir, imports if imports is not None else record.import_files(import_dir))
        datasets = pa.table({
            "table_name": [t.name for t in catalog.tables.values()],
            "file_name": [f"data/{t.file}" for t in catalog.tables.values()],
            "title": [t.title for t in catalog.tables.values()],
            "producer": [t.producer for t in catalog.tables.values()],
            "url": [t.url for t in catalog.tables.values()],
            "accessed_date": pa.array([dt.date.fromisoformat(t.accessed) for t in catalog.tables.values()]),
            "licence": [t.licence for t in catalog.tables.values()],
            "grain": [t.grain for t in catalog.tables.values()],
            "row_count": [len(data[t.name]) for t in catalog.tables.values()],
        })
        datasets = pa.concat_tables([datasets, _bundled_datasets(catalog)])
        con.register("incoming", datasets)
        con.execute((SQL_DIR / "07_build_info.sql").read_text(encoding="utf-8"),
                    {"version": catalog.data_version, "licence": catalog.licence, "citation": catalog.citation})
        con.unregister("incoming")
        _comment(con, catalog)
        con.execute("CHECKPOINT")
    except BaseException:
        con.close()
        publish.abandon(stage)
        raise
    con.close()
    publish.publish(stage)
    return target
