"""Changes to imports/ as transactions: one at a time, undone when they fail or their process dies.

A warehouse build reads the list of kept imports under its own lock. So that two imports side by side both
end up in the warehouse, an import moves its checked files into imports/ *before* it builds, under a lock
of its own (imports/.imports.lock) held until its build is published: the second import waits, then builds
with the first one's files. Each move is written to a journal in the import's staging folder first; a build
that fails puts every file back, and the next transaction undoes what a killed one left (its staging folder
included), so a refused or killed import keeps nothing.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

LOCK_NAME = ".imports.lock"
STAGING_PREFIX = ".staging-"
JOURNAL = "journal.json"  # moves in progress: [[kept path, backup path or ""], ...]
DONE = "done"  # the build was published: the moves stand
OWNER = ".owner"  # flock held by the live process that owns a staging folder
LOCK_WAIT_SECONDS = 30 * 60


@contextlib.contextmanager
def _flock(path: Path, wait_seconds: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"another import has held {path} for over {wait_seconds / 60:.0f} minutes") \
                        from None
                time.sleep(0.1)
        yield
    finally:
        os.close(fd)  # closing the descriptor drops the flock


@contextlib.contextmanager
def staging(import_dir: Path) -> Iterator[Path]:
    """A staging folder of this process inside imports/, removed when done (or by the next run if killed)."""
    import_dir.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=import_dir))
    fd = os.open(folder / OWNER, os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX)  # released by the kernel if this process dies
    try:
        yield folder
    finally:
        os.close(fd)
        shutil.rmtree(folder, ignore_errors=True)


def _is_orphan(folder: Path) -> bool:
    """A staging folder whose process is gone: its owner lock can be taken (or was never made, a minute on)."""
    owner = folder / OWNER
    if not owner.exists():
        return time.time() - folder.stat().st_mtime > 60
    fd = os.open(owner, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


def _undo(folder: Path) -> None:
    """Put back what an unfinished transaction moved: its files out of imports/, the files they replaced back."""
    journal = folder / JOURNAL
    if journal.exists() and not (folder / DONE).exists():
        for kept, backup in reversed(json.loads(journal.read_text(encoding="utf-8"))):
            Path(kept).unlink(missing_ok=True)
            if backup and Path(backup).exists():
                os.replace(backup, kept)
        journal.unlink()


def recover(import_dir: Path) -> list[Path]:
    """Under the lock: undo and remove the staging folders of killed imports; returns the folders removed."""
    removed = []
    for folder in sorted(import_dir.glob(f"{STAGING_PREFIX}*")):
        if folder.is_dir() and _is_orphan(folder):
            _undo(folder)
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


@contextlib.contextmanager
def locked(import_dir: Path) -> Iterator[None]:
    """The one change to imports/ at a time, after undoing what killed ones left."""
    import_dir.mkdir(parents=True, exist_ok=True)
    with _flock(import_dir / LOCK_NAME):
        recover(import_dir)
        yield


@contextlib.contextmanager
def moved_in(staging_dir: Path, import_dir: Path) -> Iterator[set[str]]:
    """Under `locked`: move the staged Parquet files into imports/ (journalled) and yield the stored names that
    replaced an earlier copy; if the body raises, every move is undone."""
    moves, replaced = [], set()
    backups = staging_dir / "replaced"
    for staged in sorted(staging_dir.glob("undl_*/*.parquet")):
        kept = import_dir / staged.parent.name / staged.name
        kept.parent.mkdir(parents=True, exist_ok=True)
        backup = ""
        if kept.exists():
            replaced.add(staged.name)
            backup = str(backups / staged.parent.name / staged.name)
        moves.append((str(kept), backup, staged))
    (staging_dir / JOURNAL).write_text(json.dumps([[k, b] for k, b, _ in moves]), encoding="utf-8")
    try:
        for kept, backup, staged in moves:
            if backup:
                Path(backup).parent.mkdir(parents=True, exist_ok=True)
                os.replace(kept, backup)
            os.replace(staged, kept)
        yield replaced
    except BaseException:
        _undo(staging_dir)
        raise
    (staging_dir / DONE).touch()
