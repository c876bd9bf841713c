"""Messages written for the answers file, reworded for the interview.

The answers file's validation and the analysis name file keys ("stemrecht.maximum",
"partners[].omzet") and give advice about YAML quoting; in the interview the user sees
questions, not keys. This module only rewords: what is wrong is still decided elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.interview.questionnaire import Question


def message(texts: list[str], *, capital: bool = True) -> str:
    """Dutch validation messages as one line; sentence-cased unless it follows a colon."""
    text = "; ".join(dict.fromkeys(texts))
    return text[:1].upper() + text[1:] if capital else text


_KEY = r"[a-z_]+(?:\[\d*\])?\.[a-z_]+(?:\[\d*\])?(?:\.[a-z_]+)?"
_KEYS_IN_BRACKETS = re.compile(rf"\s*\((?:{_KEY})(?:,\s*{_KEY})*\)")
_QUOTES = re.compile(r"[;,]?\s*(?:zet|schrijf|typ)[^;.]*aanhalingstekens[^;.]*", re.IGNORECASE)
_QUOTES_PAREN = re.compile(r"\s*\([^()]*aanhalingstekens[^()]*\)", re.IGNORECASE)
_QUOTES_TAIL = re.compile(r",?\s*tussen aanhalingstekens[^;]*", re.IGNORECASE)
_VUL_IN = re.compile(rf"\s*Vul ({_KEY}) in\.")
_BARE_KEY = re.compile(rf"'?\b({_KEY})\b'?")
_LIST_KEY = re.compile(r"'?\b(gekwalificeerde_besluiten|unanieme_besluiten)\b'?")
_TERSE = {
    "Verwacht een getal": "Typ een getal, bijvoorbeeld 12 of 2,5",
    "Mag niet leeg zijn": "Dit antwoord is nodig; typ een tekst",
    "Schrijf een getal zonder punten, komma's of euroteken, bijvoorbeeld 26100000 of 3.5":
        "Typ een getal, bijvoorbeeld 26.100.000 of 3,5",
}


def labels(questions: Iterable[Question]) -> dict[str, str]:
    """'section.key' and 'partners.key' -> the question's short label."""
    return {q.path: q.label for q in questions}


def for_interview(text: str, known: dict[str, str]) -> str:
    """`text` without file keys and quoting advice; keys become the question's label."""
    text = _QUOTES_PAREN.sub("", text)
    text = _QUOTES_TAIL.sub("", text)
    text = _QUOTES.sub("", text)
    text = _KEYS_IN_BRACKETS.sub("", text)
    text = _VUL_IN.sub(lambda m: f" Vul '{_label(m.group(1), known)}' in.", text)
    text = _LIST_KEY.sub(lambda m: f"de lijst '{known.get('stemrecht.' + m.group(1), m.group(1))}'", text)
    text = _BARE_KEY.sub(lambda m: f"'{_label(m.group(1), known)}'", text)
    for terse, better in _TERSE.items():
        text = re.sub("^" + re.escape(terse), better, text, flags=re.IGNORECASE)
    return text.strip()


def _label(key: str, known: dict[str, str]) -> str:
    norm = re.sub(r"\[\d*\]", "", key)
    return known.get(norm, norm.rsplit(".", 1)[-1].replace("_", " "))
