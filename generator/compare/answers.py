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
from generator.compare.engine import differing_parts
from generator.document import Document
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


@dataclass(frozen=True)
class Version:
    """One answers file: as read (raw YAML data, so that defaults stay defaults) and validated."""

    raw: dict[str, Any]
    answers: Antwoorden
    documents: list[Document]


def attribute(old: Version, new: Version, changed: set[PartRef], library: Library) -> Attribution:
    """Which of the `changed` parts (of the comparison OUD → NIEUW) each answer change touched:
    the parts that change when only that answer is changed in OUD, plus those that change when
    only that answer is changed back in NIEUW (so an answer that matters only together with
    another one, like a quorum in the articles of a new legal form, is still found)."""
    changes = answer_changes(old.answers, new.answers)
    touched: dict[tuple[str, ...], frozenset[PartRef]] = {}
    done: set[str] = set()
    for change in changes:
        if change.pad in done:
            continue
        group, parts = [change], _both_ways(old, new, [change.pad], library)
        if parts is None:
            section = _section(change.pad)
            group = [c for c in changes if _section(c.pad) == section and c.pad not in done]
            parts = _both_ways(old, new, [section], library)
        done |= {c.pad for c in group}
        touched[tuple(c.pad for c in group)] = frozenset((parts or set()) & changed)
    explained = set().union(*touched.values()) if touched else set()
    return Attribution(tuple(changes), touched, frozenset(changed - explained))


def _section(pad: str) -> str:
    return pad.split(".")[0].split("[")[0]


def _both_ways(old: Version, new: Version, pads: list[str], library: Library) -> set[PartRef] | None:
    forward = _touched_by(old, new.raw, pads, library)
    backward = _touched_by(new, old.raw, pads, library)
    if forward is None and backward is None:
        return None
    return (forward or set()) | (backward or set())


def _touched_by(base: Version, other: dict[str, Any], pads: list[str], library: Library) -> set[PartRef] | None:
    """The parts of `base` that change when only these keys take the other file's values (or
    its default, when the other file leaves the key out); None when that breaks the contract."""
    raw = copy.deepcopy(base.raw)
    try:
        for pad in pads:
            _copy_key(other, raw, pad)
        hybrid = validate_answers(raw, "tussenstap")
        docs = assemble(hybrid, library)
    except (ConsortiumError, IndexError, KeyError, TypeError, ValueError):
        return None
    return differing_parts(base.documents, docs)


def _steps(pad: str) -> list[str | int]:
    return [int(s) if s.isdigit() else s for part in pad.replace("]", "").split(".") for s in part.split("[")]


def _copy_key(source: dict[str, Any], target: dict[str, Any], pad: str) -> None:
    steps = _steps(pad)
    value: Any = source
    for step in steps:
        value = _child(value, step)
        if value is ABSENT:
            break
    container: Any = target
    for step in steps[:-1]:
        child = _child(container, step)
        if child is ABSENT:
            if value is ABSENT:
                return
            container[step] = child = {}
        container = child
    if value is ABSENT:
        if _child(container, steps[-1]) is not ABSENT:
            del container[steps[-1]]
    else:
        container[steps[-1]] = copy.deepcopy(value)


def _child(container: Any, step: str | int) -> Any:
    if isinstance(step, int):
        return container[step] if isinstance(container, list) and step < len(container) else ABSENT
    return container.get(step, ABSENT) if isinstance(container, dict) else ABSENT
