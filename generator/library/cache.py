"""A validated library is cached by fingerprint, so the whole-library check runs once per content.

The fingerprint covers every library file and the code that defines what "valid" means; any
change to either gives a new fingerprint and a full validation. Only valid libraries are cached.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from generator import __version__, cache

_CODE = Path(__file__).resolve().parent.parent
_RULES = ("library/schema.py", "library/checks.py", "library/samples.py", "assemble/context.py",
          "answers/model.py", "answers/vocabulary.py", "answers/fields.py")


def fingerprint(folder: Path) -> str:
    parts: list[bytes | str] = [__version__]
    parts += [(_CODE / rule).read_bytes() for rule in _RULES]
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


def store(key: str, library) -> None:
    cache.write(f"bibliotheek-{key}.pickle", pickle.dumps(library, protocol=pickle.HIGHEST_PROTOCOL))
