"""A small on-disk cache under the user's cache folder; every entry is keyed by a content hash.

Losing the cache only costs speed, and a cache problem never fails a run: a folder that is
missing or vanishes, a file that cannot be written or read, and a corrupted entry (each entry
carries the SHA-256 of its contents) all mean "not cached". Nothing is created until an entry
is written. Set CONSORTIUM_CACHE=0 to switch it off.
An entry is trusted only when it and its folder belong to the user and nobody else can write
them (a planted pickle would run code), and when it still matches the checksum it was written
with (a corrupted entry is computed again, never a traceback).
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from pathlib import Path

_DIGEST = hashlib.sha256().digest_size


def cache_dir() -> Path | None:
    """The cache folder (it may not exist yet), or None when caching is switched off."""
    if os.environ.get("CONSORTIUM_CACHE") == "0":
        return None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "consortium"


def key_of(*parts: bytes | str) -> str:
    """A short hex key for these parts, for use in an entry's name."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
    return digest.hexdigest()[:32]


def _trusted(path: Path) -> bool:
    """Owned by this user, a real file or folder (no symlink), writable by nobody else."""
    try:
        info = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    if stat.S_ISLNK(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def read(name: str) -> bytes | None:
    """The entry's contents, or None when it is absent, unreadable or corrupted."""
    folder = cache_dir()
    if folder is None or not (_trusted(folder) and _trusted(folder / name)):
        return None
    try:
        stored = (folder / name).read_bytes()
    except OSError:
        return None
    digest, data = stored[:_DIGEST], stored[_DIGEST:]
    return data if hashlib.sha256(data).digest() == digest else None


def write(name: str, data: bytes) -> None:
    """Store an entry atomically; any failure leaves the cache as it was."""
    folder = cache_dir()
    if folder is None:
        return
    tmp: str | None = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(hashlib.sha256(data).digest() + data)
        os.replace(tmp, folder / name)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def _age(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # removed meanwhile: the oldest of all
        return 0.0


def prune(pattern: str, keep: int) -> None:
    """Remove all but the `keep` most recent entries matching `pattern`."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        entries = sorted(folder.glob(pattern), key=_age, reverse=True)
        for old in entries[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
