"""When two names are the same name: the comparison key for partner-name uniqueness."""

from __future__ import annotations

import re
import unicodedata

# Zero-width and invisible formatting characters that make names look equal but compare unequal.
_INVISIBLE = re.compile(r"[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_SPACES = re.compile(r"\s+")


def name_key(naam: str) -> str:
    """The form in which two names that only look different are equal.

    NFKC folds fullwidth letters and the no-break space to their plain forms, invisible
    characters are dropped, runs of white space become one space, and case is ignored."""
    folded = unicodedata.normalize("NFKC", naam)
    folded = _INVISIBLE.sub("", folded)
    return _SPACES.sub(" ", folded).strip().casefold()
