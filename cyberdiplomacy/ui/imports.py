"""Import UN Digital Library files from the browser: the same importer as `python -m etl import-undl`.

Off unless the server is started with CYBERDIPLOMACY_ALLOW_IMPORT=1: on a shared server one user's
upload changes everyone's data, so the operator decides.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import streamlit as st

from cyberdiplomacy import db, safe_text

ALLOW_VARIABLE = "CYBERDIPLOMACY_ALLOW_IMPORT"
MAX_FILES = 5


def allowed() -> bool:
    return os.environ.get(ALLOW_VARIABLE, "").strip().lower() in {"1", "true", "yes", "on"}


def _run(uploads) -> None:
    from etl import imports, undl
    from etl.schema import SchemaError, load_catalog
    from etl.validate import ValidationFailed, validate

    data_dir = db.ROOT / "data"
    progress = st.progress(0.0, text="Checking the files…")
    messages: list[str] = []

    def report(message: str) -> None:
        messages.append(message)
        progress.progress(min(0.9, len(messages) / (2 * len(uploads) + 1)), text=message)

    with tempfile.TemporaryDirectory(prefix="cyberdiplomacy-upload-") as folder:
        paths = []
        for upload in uploads:  # the file's own name is kept: it names the import (and its newer releases)
            path = Path(folder) / Path(upload.name).name
            path.write_bytes(upload.getvalue())
            paths.append(path)
        try:
            catalog = load_catalog(data_dir)
            done = imports.add(paths, catalog, validate(catalog, data_dir), db.warehouse_path(), data_dir,
                               progress=report)
        except undl.ImportRefused as exc:
            progress.empty()
            st.error(f"{safe_text.markdown(exc)}\n\nNothing was imported; the data are unchanged.")  # quotes the file
            return
        except (ValidationFailed, SchemaError) as exc:
            progress.empty()
            issues = getattr(exc, "issues", [exc])
            st.error("Nothing was imported; the data are unchanged. Problems found:\n\n"
                     + "\n".join(f"- {safe_text.markdown(issue)}" for issue in issues[:20])
                     + (f"\n- … and {len(issues) - 20} more" if len(issues) > 20 else ""))
            return
    progress.progress(1.0, text="Imported and rebuilt.")
    st.success("\n".join(f"Imported {safe_text.markdown(d.file_name)}: {d.row_count:,} {d.kind} rows, "
                         f"{d.resolution_count:,} resolutions"
                         + (" (replaces the earlier import of that name)" if d.replaced else "") for d in done)
               + "\n\nEvery page now reads the new data.")


def panel() -> None:
    """The upload section of Data & sources, or a note on how the operator can switch it on."""
    st.subheader("Import UN voting data")
    if not allowed():
        st.caption("Bring later years with the UN Digital Library's General Assembly voting file (record 4060887) "
                   "or resolutions file (record 4060945): `python -m etl import-undl FILE`. Uploading here is off "
                   f"on this server; an operator can switch it on by starting it with {ALLOW_VARIABLE}=1.")
        return
    st.caption("Files are checked row by row; if any file is refused, nothing is imported. The import changes the "
               "data for every user of this server.")
    uploads = st.file_uploader("UN Digital Library CSV files (.csv or .csv.gz)", type=["csv", "gz"],
                               accept_multiple_files=True)
    if uploads and len(uploads) > MAX_FILES:
        st.error(f"Choose at most {MAX_FILES} files at a time.")
    elif uploads and st.button("Import and rebuild", type="primary"):
        _run(uploads)
