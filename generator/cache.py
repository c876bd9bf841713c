"""A small on-disk cache under the user's cache folder; every entry is keyed by a content hash.

Losing the cache only costs speed. Set CONSORTIUM_CACHE=0 to switch it off.
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

_CHECKSUM = 32  # bytes of SHA-256 in front of every entry


def cache_dir() -> Path | None:
    if os.environ.get("CONSORTIUM_CACHE") == "0":
        return None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "consortium"


def key_of(*parts: bytes | str) -> str:
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
    folder = cache_dir()
    if folder is None or not (_trusted(folder) and _trusted(folder / name)):
        return None
    try:
        data = (folder / name).read_bytes()
    except OSError:
        return None
    checksum, body = data[:_CHECKSUM], data[_CHECKSUM:]
    return body if hashlib.sha256(body).digest() == checksum else None


def write(name: str, data: bytes) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(hashlib.sha256(data).digest() + data)
        os.replace(tmp, folder / name)
    except OSError:
        pass  # the cache is an optimisation: a folder that vanished or is full only costs speed


def prune(pattern: str, keep: int) -> None:
    """Remove all but the `keep` most recent entries matching `pattern`."""
    folder = cache_dir()
    if folder is None or not folder.is_dir():
        return
    try:
        entries = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # entries or the folder vanished meanwhile (another run pruned, the user cleared it)
