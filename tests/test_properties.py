"""Property-based tests: whatever bytes or parameters arrive, only the clean error types escape."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cyberdiplomacy import filters
from etl import undl
from etl.schema import load_catalog
from etl.validate import Issue, ValidationFailed, read_table
from tests.conftest import ROOT

CATALOG = load_catalog(ROOT / "data")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
csv_like = st.one_of(
    st.binary(max_size=400),
    st.lists(st.lists(st.text(max_size=12), max_size=10), max_size=6).map(
        lambda rows: "\n".join(",".join(r) for r in rows).encode("utf-8", "surrogatepass")),
)


@SETTINGS
@given(content=csv_like, table=st.sampled_from(sorted(CATALOG.tables)))
def test_curated_reader_only_reports_issues(content, table):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.csv"
        path.write_bytes(content)
        issues: list[Issue] = []
        rows = read_table(CATALOG.tables[table], path, "data/x.csv", issues)
        assert rows is None or isinstance(rows, list)
        assert all(isinstance(i, Issue) and i.file == "data/x.csv" for i in issues)


@SETTINGS
@given(content=csv_like, header=st.sampled_from([b"", b"ms_code,ms_vote,date,resolution\n",
                                                 b"resolution,date,title\n"]))
def test_undl_importer_only_raises_clean_errors(content, header):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "u.csv"
        path.write_bytes(header + content)
        try:
            undl.import_file(path, Path(tmp) / "imports", progress=None)
        except (undl.ImportRefused, ValidationFailed):
            pass


@SETTINGS
@given(params=st.dictionaries(st.text(max_size=20), st.lists(st.text(max_size=300), max_size=3), max_size=6))
def test_url_filters_never_raise(params):
    result = filters.parse(params, {"RUS", "USA"}, {"A/RES/73/187"}, (1946, 2026))
    assert set(result.states) <= {"RUS", "USA"}
    assert result.resolution in (None, "A/RES/73/187")
    assert filters.parse(filters.to_params(result), {"RUS", "USA"}, {"A/RES/73/187"}, (1946, 2026)) == result
