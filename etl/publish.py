"""Publish a warehouse build without disturbing readers: one versioned file per build, a pointer swapped atomically.

Layout, for a target build/cyberdiplomacy.duckdb:

    build/.build.lock                                        flock held by the one build running in build/
    build/versions/cyberdiplomacy-<UTC time>-<pid>-<token>.duckdb[.tmp]   one file per build
    build/cyberdiplomacy.duckdb -> versions/cyberdiplomacy-....duckdb     the pointer (a relative symlink)

A reader that opened a version keeps reading it until it closes, even after the pointer moved on or the
file was unlinked (POSIX keeps an unlinked file's data while a descriptor is open). A failed build only
ever touches its own temp file, so the pointer and the file it names stay byte-identical.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import logging
import os
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

log = logging.getLogger(__name__)

VERSIONS_DIR = "versions"
LOCK_NAME = ".build.lock"
KEEP_VERSIONS = 3  # the current one and two before it: readers still on them finish undisturbed
LOCK_WAIT_SECONDS = 30 * 60  # a real build takes seconds; waiting longer means a stuck builder, say so
LOCK_POLL_SECONDS = 0.2
TEMP_SUFFIX = ".tmp"


@dataclass
class Stage:
    """A build in progress: the temp file it writes and the lock that makes it the only build here."""
    target: Path
    path: Path
    lock_fd: int


def versions_dir(target: Path) -> Path:
    return target.parent / VERSIONS_DIR


def _name_patterns(target: Path) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Finished versions, and temp files (with DuckDB's .wal), of this target only: targets may share a folder."""
    version = re.escape(target.stem) + r"-\d{8}T\d{6}\.\d{6}Z-\d+-[0-9a-f]+\.duckdb"
    return re.compile(version), re.compile(version + re.escape(TEMP_SUFFIX) + r"(\.wal)?")


def _acquire_lock(target: Path) -> int:
    """An exclusive flock on <target dir>/.build.lock; it dies with the process, so a crash never leaves it held."""
    fd = os.open(target.parent / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() > deadline:
                os.close(fd)
                raise TimeoutError(f"another build has held {target.parent / LOCK_NAME} for over "
                                   f"{LOCK_WAIT_SECONDS // 60} minutes") from None
            time.sleep(LOCK_POLL_SECONDS)


def _release(stage: Stage) -> None:
    os.close(stage.lock_fd)  # closing the descriptor drops the flock


def _remove(path: Path) -> None:
    """Remove a DuckDB file and the write-ahead log DuckDB may keep next to it."""
    path.unlink(missing_ok=True)
    path.with_name(path.name + ".wal").unlink(missing_ok=True)


def current_version(target: Path) -> Path | None:
    """The file the pointer names now, or None when there is no warehouse yet."""
    return Path(os.path.realpath(target)) if target.exists() else None


def _clean(target: Path, keep: int = KEEP_VERSIONS) -> None:
    """Under the lock: drop temp files of dead builds and all but the newest `keep` versions."""
    folder = versions_dir(target)
    version, temp = _name_patterns(target)
    current = current_version(target)
    versions = sorted((p for p in folder.iterdir() if version.fullmatch(p.name)),
                      key=lambda p: p.name)  # names start with the UTC build time
    stale = [p for p in folder.iterdir() if temp.fullmatch(p.name)]  # we hold the lock: no live build owns them
    old = [p for p in versions[:max(len(versions) - keep, 0)] if p != current]
    for path in stale + old:
        with contextlib.suppress(OSError):
            _remove(path)
    for link in target.parent.glob(f".{target.name}.*.link"):  # pointer swaps a crash interrupted
        with contextlib.suppress(OSError):
            link.unlink()


def stage(target: Path) -> tuple[Stage, duckdb.DuckDBPyConnection]:
    """Take the build lock, pick a unique temp file in versions/, and open a DuckDB connection on it.

    The caller must end with publish() or abandon(); until then other builds of this folder wait.
    """
    versions_dir(target).mkdir(parents=True, exist_ok=True)
    lock_fd = _acquire_lock(target)
    try:
        _clean(target)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        name = f"{target.stem}-{stamp}-{os.getpid()}-{secrets.token_hex(3)}.duckdb{TEMP_SUFFIX}"
        path = versions_dir(target) / name
        return Stage(target, path, lock_fd), duckdb.connect(str(path))
    except BaseException:
        os.close(lock_fd)
        raise


def abandon(stage: Stage) -> None:
    """A failed build: remove its temp file; the pointer and every version stay as they were."""
    try:
        _remove(stage.path)
    finally:
        _release(stage)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(stage: Stage) -> Path:
    """Rename the finished temp file to its version name, then swap the pointer to it in one rename."""
    target = stage.target
    final = stage.path.with_name(stage.path.name.removesuffix(TEMP_SUFFIX))
    link = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(3)}.link")
    try:
        try:
            os.replace(stage.path, final)
            link.symlink_to(final.relative_to(target.parent))  # relative: build/ can be moved or mounted
            os.replace(link, target)  # atomic: readers see the old version or the new one, never neither
        except BaseException:
            link.unlink(missing_ok=True)
            _remove(stage.path)
            _remove(final)
            raise
        with contextlib.suppress(OSError):  # durability of the rename; the build itself already succeeded
            _fsync_dir(target.parent)
        try:
            _clean(target)
        except OSError:
            log.warning("could not remove old warehouse versions in %s", versions_dir(target), exc_info=True)
    finally:
        _release(stage)
    return final
