"""Build the DuckDB warehouse from data/: run the steps of etl/steps.py into a new version file, then switch the
pointer to it (etl/publish.py)."""
from __future__ import annotations

from pathlib import Path

from etl import publish, record, steps
from etl.schema import Catalog
from etl.validate import Row


def write_warehouse(catalog: Catalog, data: dict[str, list[Row]], target: Path, data_dir: Path,
                    import_dir: Path | None = None, imports: dict[str, list[str]] | None = None) -> Path:
    """Write the warehouse to a new version file and point target at it only when complete (etl/publish.py)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    stage, con = publish.stage(target)  # waits for any other build here; a unique temp file
    try:
        kept = imports if imports is not None else record.import_files(import_dir)
        steps.run(steps.Build(con, catalog, data, data_dir, kept))
        con.execute("CHECKPOINT")
    except BaseException:
        con.close()
        publish.abandon(stage)
        raise
    con.close()
    publish.publish(stage)
    return target
