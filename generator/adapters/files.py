"""Replace one file safely: a fresh temporary name nobody can plant a symlink at, the file's mode
kept, and a symlinked path updated at its target instead of being replaced by a regular file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def new_file_mode() -> int:
    """The mode a new file gets: 0666 less the umask (tempfile would make it 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def replace_keeping(target: Path, write: Callable[[Path], None]) -> Path:
    """Write a new version of `target` through `write(temporary)`, then swap it in atomically.

    The temporary file is created exclusively under a random name beside the real file, so a
    symlink planted at a predictable name is never followed. Returns the file actually written."""
    real = Path(os.path.realpath(target))
    try:
        mode = real.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = new_file_mode()
    fd, name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".consortium-tmp", dir=real.parent)
    os.close(fd)
    temporary = Path(name)
    try:
        write(temporary)
        os.chmod(temporary, mode)
        os.replace(temporary, real)
    finally:
        temporary.unlink(missing_ok=True)
    return real
