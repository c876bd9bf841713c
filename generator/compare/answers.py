"""Which answers differ between two answers files, and which parts of the documents each changed.

Attribution is counterfactual, and so sound by construction: an answer is said to touch a part
when changing only that answer, starting from OUD, changes that part. When an answer cannot be
changed on its own (the result would break the contract, e.g. a new legal form with the old
name), all changed answers of its section are tried together. A part that changes only through
several answers together is listed as touched by their combination.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from generator.answers import Antwoorden, validate_answers
from generator.assemble.build import assemble
from generator.assemble.document import Document
from generator.compare.engine import compare_packages
from generator.errors import ConsortiumError
from generator.library.load import Library

ABSENT = object()  # the value of a key the other file lacks (a partner more or less)
PartRef = tuple[str, str]  # (document key, part key)


@dataclass(frozen=True)
class AnswerChange:
    pad: str
    oud: Any
    nieuw: Any


@dataclass(frozen=True)
class Attribution:
    """The changed answers, grouped as they could be applied, with the parts each group touched."""

    changes: tuple[AnswerChange, ...]
    touched: dict[tuple[str, ...], frozenset[PartRef]]  # group of paths -> parts
    together: frozenset[PartRef]  # changed parts no single group explains

    def groups_touching(self, ref: PartRef) -> list[tuple[str, ...]]:
        return [group for group, refs in self.touched.items() if ref in refs]


def answer_changes(old: Antwoorden, new: Antwoorden) -> list[AnswerChange]:
    """Every leaf key whose value differs, in file order; lists of plain values count as one value."""
    a, b = _flatten(old.as_plain()), _flatten(new.as_plain())
    keys = list(a) + [k for k in b if k not in a]
    return [AnswerChange(k, a.get(k, ABSENT), b.get(k, ABSENT)) for k in keys
            if k != "versie" and a.get(k, ABSENT) != b.get(k, ABSENT)]


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        result: dict[str, Any] = {}
        for key, item in value.items():
            result |= _flatten(item, f"{prefix}.{key}" if prefix else key)
        return result
    if isinstance(value, list) and any(isinstance(v, dict) for v in value):
        result = {}
        for index, item in enumerate(value):
            result |= _flatten(item, f"{prefix}[{index}]")
        return result
    return {prefix: value}


def attribute(old: Antwoorden, new: Antwoorden, old_docs: list[Document], changed: set[PartRef],
              library: Library) -> Attribution:
    """Which of the `changed` parts (of the comparison OUD → NIEUW) each answer change touched."""
    changes = answer_changes(old, new)
    touched: dict[tuple[str, ...], frozenset[PartRef]] = {}
    done: set[str] = set()
    for change in changes:
        if change.pad in done:
            continue
        group = [change]
        parts = _touched_by(old, [(change.pad, change.nieuw)], old_docs, library)
        if parts is None:
            section = _section(change.pad)
            group = [c for c in changes if _section(c.pad) == section and c.pad not in done]
            parts = _touched_by(old, [(section, new.as_plain()[section])], old_docs, library)
        done |= {c.pad for c in group}
        touched[tuple(c.pad for c in group)] = frozenset((parts or set()) & changed)
    explained = set().union(*touched.values()) if touched else set()
    return Attribution(tuple(changes), touched, frozenset(changed - explained))


def _section(pad: str) -> str:
    return pad.split(".")[0].split("[")[0]


def _touched_by(old: Antwoorden, assignments: list[tuple[str, Any]], old_docs: list[Document],
                library: Library) -> set[PartRef] | None:
    """The parts that change when only these keys of OUD get NIEUW's values; None when that
    combination breaks the contract."""
    raw = copy.deepcopy(old.as_plain())
    try:
        for pad, value in assignments:
            _set(raw, pad, copy.deepcopy(value))
        hybrid = validate_answers(raw, "tussenstap")
        docs = assemble(hybrid, library)
    except (ConsortiumError, IndexError, KeyError, TypeError):
        return None
    comparison = compare_packages(old_docs, docs)
    return {(d.sleutel, p.sleutel) for d in comparison.documents for p in d.changed_parts()}


def _set(raw: dict, pad: str, value: Any) -> None:
    steps = [s for part in pad.replace("]", "").split(".") for s in part.split("[")]
    target: Any = raw
    for step in steps[:-1]:
        target = target[int(step)] if isinstance(target, list) else target[step]
    last = steps[-1]
    key: Any = int(last) if isinstance(target, list) else last
    if value is ABSENT:
        del target[key]
    else:
        target[key] = value
