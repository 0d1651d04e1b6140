"""Refresh while serving: each build a new version file, an atomic pointer, connections retired only when idle."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from cyberdiplomacy import db, queries
from cyberdiplomacy.ui import data
from etl import publish
from etl.build import write_warehouse
from etl.schema import load_catalog
from etl.validate import validate
from tests.conftest import ROOT, build

READER_THREADS = 8
REBUILDS = 5


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def versions(target: Path) -> list[str]:
    return sorted(p.name for p in publish.versions_dir(target).iterdir())


def close_pool() -> None:
    with data._lock:
        for version in data._open.values():
            version.con.close()
        data._open.clear()


@pytest.fixture
def pointer(world_dir, tmp_path, monkeypatch) -> Path:
    """A built fixture-world warehouse that the app reads (CYBERDIPLOMACY_DB); the pool is emptied afterwards."""
    target = build(world_dir, tmp_path / "w.duckdb")
    monkeypatch.setenv("CYBERDIPLOMACY_DB", str(target))
    close_pool()
    yield target
    close_pool()


def test_build_publishes_a_version_behind_a_symlink(pointer):
    assert pointer.is_symlink()
    assert not os.readlink(pointer).startswith("/")  # relative: the build folder can be moved
    assert db.current_version() == publish.versions_dir(pointer) / versions(pointer)[0]
    with duckdb.connect(str(pointer), read_only=True) as con:  # researchers still open the pointer directly
        assert con.execute("SELECT count(*) FROM votes").fetchone()[0] > 0


def test_no_query_fails_while_the_warehouse_is_rebuilt(pointer, world_dir):
    with duckdb.connect(str(pointer), read_only=True) as con:
        votes = con.execute("SELECT count(*) FROM votes").fetchone()[0]  # every rebuild has the same data
    stop = threading.Event()
    errors: list[str] = []
    counts = {"queries": 0}
    built: set = set()

    def reader(i: int) -> None:
        while not stop.is_set():
            try:
                if i % 2:  # through Streamlit's cache (no runtime: in-memory cache, with a warning)
                    stamp = data.query(queries.build_info)["built_at"].iloc[0]
                    assert len(data.query(queries.states)) > 0
                else:
                    with data.reading() as con:
                        stamp = queries.build_info(con)["built_at"].iloc[0]
                        assert len(queries.run(con, "table_votes")) == votes
                built.add(stamp)
                counts["queries"] += 2
            except Exception as exc:  # noqa: BLE001 - every failure is counted, the test reports them all
                errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(READER_THREADS)]
    for thread in threads:
        thread.start()
    started = time.perf_counter()
    for _ in range(REBUILDS):
        time.sleep(0.3)
        build(world_dir, pointer)
    time.sleep(0.3)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    print(f"{counts['queries']} queries in {time.perf_counter() - started:.1f} s on {READER_THREADS} threads, "
          f"{REBUILDS} rebuilds, {len(built)} versions seen, {len(errors)} errors")
    assert errors == [], errors[:5]
    assert len(built) >= 2, "the readers never saw a rebuild"
    assert list(data._open) == [str(db.current_version())], "old versions' connections were not retired"
    assert len(versions(pointer)) == publish.KEEP_VERSIONS


def test_a_query_in_flight_keeps_its_version_until_it_ends(pointer, world_dir):
    with data.reading() as old:
        first = queries.build_info(old)["built_at"].iloc[0]
        for _ in range(publish.KEEP_VERSIONS + 1):  # enough builds that the old file is unlinked too
            build(world_dir, pointer)
        with data.reading() as new:
            assert queries.build_info(new)["built_at"].iloc[0] > first
        assert len(data._open) == 2, "the old connection was closed while a query held it"
        assert queries.build_info(old)["built_at"].iloc[0] == first  # still readable, though its file is gone
    assert list(data._open) == [str(db.current_version())]
    with pytest.raises(duckdb.ConnectionException):  # retired by the last user, not before
        old.cursor()


def test_concurrent_builds_both_succeed_and_the_pointer_ends_complete(world_dir, tmp_path):
    target = tmp_path / "out" / "w.duckdb"
    command = [sys.executable, "-m", "etl", "build", "--data-dir", str(world_dir), "--db", str(target)]
    procs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(3)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    assert [rc for rc, _ in results] == [0, 0, 0], results
    assert all(err == "" for _, err in results), results
    assert target.is_symlink()
    assert all(not name.endswith((".tmp", ".wal")) for name in versions(target))
    assert len(versions(target)) == 3
    with duckdb.connect(str(db.current_version(target)), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM votes").fetchone()[0] > 0
        assert con.execute("SELECT count(*) FROM build_info").fetchone() == (1,)


def test_failed_build_leaves_pointer_and_file_byte_identical(pointer, world_dir, tmp_path):
    link, current = os.readlink(pointer), db.current_version()
    before, listing = digest(current), versions(pointer)
    imports = tmp_path / "imports"
    (imports / "undl_votes").mkdir(parents=True)
    (imports / "undl_votes" / "broken.parquet").write_bytes(b"PAR1 not a parquet file")  # fails inside the build
    catalog = load_catalog(world_dir)
    with pytest.raises(duckdb.Error):
        write_warehouse(catalog, validate(catalog, world_dir), pointer, world_dir, imports)
    assert os.readlink(pointer) == link
    assert digest(current) == before
    assert versions(pointer) == listing  # no temp file left behind
    build(world_dir, pointer)  # and the build lock was released
    assert os.readlink(pointer) != link


def test_old_layout_plain_file_becomes_a_pointer(world_dir, tmp_path):
    target = tmp_path / "w.duckdb"
    version = build(world_dir, tmp_path / "first" / "w.duckdb")
    target.write_bytes(db.current_version(version).read_bytes())  # a warehouse built before versions existed
    build(world_dir, target)
    assert target.is_symlink() and db.current_version(target).is_file()


def test_old_versions_and_dead_builds_are_cleaned_up(pointer, world_dir):
    folder = publish.versions_dir(pointer)
    dead = folder / "w-20000101T000000.000000Z-999999-abcdef.duckdb.tmp"  # a build killed mid-write
    dead.write_bytes(b"half")
    dead.with_name(dead.name + ".wal").write_bytes(b"half")
    other = folder / "other-20000101T000000.000000Z-1-abcdef.duckdb"  # another target sharing the folder
    other.write_bytes(b"not ours")
    for _ in range(publish.KEEP_VERSIONS + 2):
        build(world_dir, pointer)
    kept = versions(pointer)
    assert kept == sorted([other.name, *(n for n in kept if n.startswith("w-"))])
    ours = [n for n in kept if n.startswith("w-")]
    assert len(ours) == publish.KEEP_VERSIONS
    assert db.current_version().name == ours[-1]  # the newest is the current one
    assert not dead.exists() and not dead.with_name(dead.name + ".wal").exists()
    assert not list(pointer.parent.glob(".w.duckdb.*.link"))


def test_missing_warehouse_says_make_build(tmp_path, monkeypatch):
    monkeypatch.setenv("CYBERDIPLOMACY_DB", str(tmp_path / "nothing.duckdb"))
    with pytest.raises(db.WarehouseUnavailable, match="make build"):
        db.connect()
    with pytest.raises(db.WarehouseUnavailable, match="make build"):
        data.query(queries.states)
    assert not (tmp_path / "nothing.duckdb").exists(), "the app must not build"
    result = subprocess.run([sys.executable, "-m", "cyberdiplomacy", "export", "--figure", "vote-map",
                             "--resolution", "74/247", "--out", str(tmp_path / "x.svg")],
                            cwd=ROOT, capture_output=True, text=True, env=dict(os.environ), timeout=120)
    assert result.returncode == 2 and "make build" in result.stderr and "Traceback" not in result.stderr
