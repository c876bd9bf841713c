"""A validated library is cached by fingerprint, so the whole-library check runs once per content.

The fingerprint covers every library file and all code of the library, assembly and answers
packages (what "valid" means and how the cached object looks); any change to either gives a new
fingerprint and a full validation. Only valid libraries are cached.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from generator import __version__, cache

_CODE = Path(__file__).resolve().parent.parent
# All code that decides what a valid library is, or how its cached form looks.
_RULES = ("library", "assemble", "answers")


def fingerprint(folder: Path) -> str:
    parts: list[bytes | str] = [__version__]
    parts += [path.read_bytes() for rule in _RULES for path in sorted((_CODE / rule).glob("*.py"))]
    for path in sorted(folder.rglob("*.yaml")):
        parts += [str(path.relative_to(folder)), path.read_bytes()]
    return cache.key_of(*parts)


def load_cached(key: str):
    data = cache.read(f"bibliotheek-{key}.pickle")
    if data is None:
        return None
    try:
        return pickle.loads(data)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None


KEEP = 3


def store(key: str, library) -> None:
    cache.write(f"bibliotheek-{key}.pickle", pickle.dumps(library, protocol=pickle.HIGHEST_PROTOCOL))
    cache.prune("bibliotheek-*.pickle", keep=KEEP)
