"""A validated library is cached by fingerprint, so the whole-library check runs once per content.

The fingerprint covers every library file and the code that defines what "valid" means; any
change to either gives a new fingerprint and a full validation. Only valid libraries are cached.
Set CONSORTIUM_CACHE=0 to switch the cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from generator import __version__

_CODE = Path(__file__).resolve().parent.parent
_RULES = ("library/schema.py", "library/checks.py", "library/samples.py", "assemble/context.py",
          "answers/model.py", "answers/vocabulary.py", "answers/fields.py")


def cache_dir() -> Path | None:
    if os.environ.get("CONSORTIUM_CACHE") == "0":
        return None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "consortium"


def fingerprint(folder: Path) -> str:
    digest = hashlib.sha256(__version__.encode())
    for rule in _RULES:
        digest.update((_CODE / rule).read_bytes())
    for path in sorted(folder.rglob("*.yaml")):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def load_cached(key: str):
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / f"bibliotheek-{key}.pickle", "rb") as handle:
            return pickle.load(handle)  # noqa: S301 - our own cache, written below
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def store(key: str, library) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(library, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"bibliotheek-{key}.pickle")
    except OSError:
        pass  # a read-only home only costs speed
