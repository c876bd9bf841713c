"""The answers being collected: plain, contract-shaped data that is always a readable answers file.

No interview bookkeeping is stored. Whether a question is answered is derived from the data:
its key is present (an optional answer left empty is stored as `null`). Problems are found by
the answers file's own validation (`validate_answers`), so nothing is checked twice.
"""

from __future__ import annotations

import contextlib
import copy
import re
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any, TypeVar, cast

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from generator.answers import rules
from generator.answers.defaults import DERIVED, apply_derived_defaults, default_paths
from generator.answers.fields import closest
from generator.answers.load import validate_answers, validate_field, validate_section
from generator.answers.model import (
    EXTRA_TOP_KEYS,
    REQUIRED_SECTIONS,
    SECTIONS,
    TOP_KEYS,
    Antwoorden,
    Partner,
    Rechtsvorm,
)
from generator.errors import InvalidAnswers, Problem
from generator.interview.questionnaire import REPEATING, Question

VERSION = 1


T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)


def _stand_in(model: type[M], **values: Any) -> M:
    """An unvalidated model of the answers so far, only to compute defaults that follow them."""
    return model.model_construct(**values)


def plain(value: Any) -> Any:
    """Validated values as plain YAML data (pydantic models become mappings)."""
    if isinstance(value, BaseModel):
        return {k: plain(v) for k, v in value.model_dump().items() if v is not None}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def model_default(section: str, key: str) -> Any:
    model = Partner if section == REPEATING else SECTIONS[section]
    value = model.model_fields[key].get_default(call_default_factory=True)
    return None if value is PydanticUndefined else plain(value)


def foreign_keys(raw: dict[str, Any]) -> list[Problem]:
    """Keys the answers file does not know; the interview never writes them back."""
    found = [_foreign(str(k), "", TOP_KEYS) for k in raw if k not in TOP_KEYS + EXTRA_TOP_KEYS]
    for name, model in SECTIONS.items():
        if isinstance(raw.get(name), dict):
            found += [_foreign(str(k), f"{name}.", tuple(model.model_fields))
                      for k in raw[name] if k not in model.model_fields]
    for i, partner in enumerate(raw.get(REPEATING) or []):
        if isinstance(partner, dict):
            found += [_foreign(str(k), f"partners[{i}].", tuple(Partner.model_fields))
                      for k in partner if k not in Partner.model_fields]
    return found


def _foreign(key: str, prefix: str, known: tuple[str, ...]) -> Problem:
    hint = closest(key, known)
    return Problem(f"{prefix}{key}", "onbekende sleutel" + (f"; bedoelt u '{hint}'?" if hint else ""))


class AnswerState:
    """Mutable answers; every change bumps a version so derived views are recomputed."""

    def __init__(self, raw: dict[str, Any] | None = None):
        raw = raw or {}
        self.data: dict[str, Any] = {"versie": VERSION}
        for name in SECTIONS:
            if isinstance(raw.get(name), dict):
                self.data[name] = dict(raw[name])
        partners = raw.get(REPEATING)
        if isinstance(partners, list):
            self.data[REPEATING] = [dict(p) for p in partners if isinstance(p, dict)]
        for name in EXTRA_TOP_KEYS:  # not asked, but never dropped (e.g. a bid's afwijkingen)
            if raw.get(name):
                self.data[name] = copy.deepcopy(raw[name])
        self.version = 0
        self._cache: dict[str, tuple[int, Any]] = {}

    def copy(self) -> AnswerState:
        twin = AnswerState()
        twin.data = copy.deepcopy(self.data)
        return twin

    def touch(self) -> None:
        self.version += 1

    def is_empty(self) -> bool:
        return len(self.data) == 1

    # -- questions outside the repeating group -------------------------------------------
    def has(self, q: Question) -> bool:
        if q.soort == "partner":
            return any(p.get(q.key) is True for p in self.partners)
        return q.key in self.data.get(q.section, {})

    def raw(self, q: Question) -> Any:
        if q.soort == "partner":
            return next((i for i, p in enumerate(self.partners) if p.get(q.key) is True), None)
        return self.data.get(q.section, {}).get(q.key)

    def put(self, q: Question, value: Any) -> None:
        if q.soort == "partner":
            for i, partner in enumerate(self.partners):
                partner.pop(q.key, None)
                if i == value:
                    partner[q.key] = True
        else:
            self.data.setdefault(q.section, {})[q.key] = plain(value)
        self.touch()

    def drop(self, q: Question) -> None:
        if q.soort == "partner":
            for partner in self.partners:
                partner.pop(q.key, None)
        else:
            self.data.get(q.section, {}).pop(q.key, None)
        self.touch()

    def field_problems(self, q: Question) -> list[Problem]:
        """Problems of the stored answer on its own (empty when absent or valid)."""
        if q.soort == "partner" or not self.has(q):
            return []
        return validate_field(q.section, q.key, self.raw(q))[1]

    # -- the repeating group ---------------------------------------------------------------
    @property
    def partners(self) -> list[dict[str, Any]]:
        partners: list[dict[str, Any]] = self.data.get(REPEATING, [])
        return partners

    def put_partner(self, index: int, key: str, value: Any) -> None:
        partners = self.data.setdefault(REPEATING, [])
        if index == len(partners):
            partners.append({})
        partners[index][key] = plain(value)
        self.touch()

    def remove_partner(self, index: int) -> None:
        del self.partners[index]
        self.touch()

    # -- derived views -----------------------------------------------------------------------
    def _cached(self, name: str, compute: Callable[[], T]) -> T:
        hit = self._cache.get(name)
        if hit is None or hit[0] != self.version:
            hit = (self.version, compute())
            self._cache[name] = hit
        value: T = hit[1]
        return value

    def context(self) -> dict[str, Any]:
        """What conditions see: every key of every section, absent keys as their default."""
        return self._cached("context", self._context)

    def _context(self) -> dict[str, Any]:
        context: dict[str, Any] = {}
        for name, model in SECTIONS.items():
            given = self.data.get(name, {})
            context[name] = {k: given[k] if k in given else model_default(name, k)
                             for k in model.model_fields}
        context[REPEATING] = [dict(p) for p in self.partners]
        return context

    def problems(self) -> list[Problem]:
        """Every problem the answers file would have, plus the partner rules that validate_answers
        only runs once the required sections are complete."""
        return self._cached("problems", self._problems)

    def _problems(self) -> list[Problem]:
        try:
            validate_answers(self.as_file())
            found: list[Problem] = []
        except InvalidAnswers as exc:
            found = list(exc.problemen)
        found += [p for p in _partner_rules(self.partners) if p not in found]
        return found

    def derived_defaults(self) -> dict[str, Any]:
        """Defaults that depend on other answers (ingangsdatum, basisjaar, leiding, rechtbank)."""
        return self._cached("derived", self._derived)

    def _derived(self) -> dict[str, Any]:
        sections = {name: model.model_construct(**_valid_part(name, self.data.get(name, {})))
                    for name, model in SECTIONS.items()}
        partners = [Partner.model_construct(**_valid_part(REPEATING, p)) for p in self.partners]
        answers = _stand_in(Antwoorden, partners=partners, **sections)
        derived: dict[str, Any] = {}
        for pad, compute in DERIVED.items():
            with contextlib.suppress(AttributeError):  # a key it needs (rechtsvorm.vorm) is not answered yet
                derived[pad] = compute(answers, None)
        return {pad: value for pad, value in derived.items() if value is not None}

    def provisional(self) -> Antwoorden | None:
        """The answers so far as the answers model, for "Wat dit betekent": sections not answered
        yet (or not valid yet) at the model's own defaults, the legal form as 'geen' until it is
        chosen. None while the consortium or the partners are incomplete. Cross-field rules are
        not applied: a provisional picture may still break one."""
        return self._cached("provisional", self._provisional)

    def _provisional(self) -> Antwoorden | None:
        sections: dict[str, Any] = {}
        for name, model in SECTIONS.items():
            result = validate_section(model, self.data.get(name, {}), name)
            if isinstance(result, list):
                if name in REQUIRED_SECTIONS and name != "rechtsvorm":
                    return None
                result = Rechtsvorm.model_construct(vorm="geen") if name == "rechtsvorm" else model()
            sections[name] = result
        checked = [validate_section(Partner, p, REPEATING) for p in self.partners]
        partners = [p for p in checked if isinstance(p, Partner)]
        if len(partners) < 2 or len(partners) < len(checked) or _partner_rules(self.partners):
            return None
        answers = Antwoorden(partners=partners, **sections)
        return apply_derived_defaults(answers.with_standaard(default_paths(self.as_file(), answers)))

    def as_file(self) -> dict[str, Any]:
        """The answers in contract order, ready to be written as an answers file."""
        out: dict[str, Any] = {"versie": VERSION}
        for name in TOP_KEYS[1:]:
            if name == REPEATING:
                if self.partners:
                    out[name] = [_ordered(p, tuple(Partner.model_fields)) for p in self.partners]
            elif self.data.get(name):
                out[name] = _ordered(self.data[name], tuple(SECTIONS[name].model_fields))
        out.update({name: self.data[name] for name in EXTRA_TOP_KEYS if self.data.get(name)})
        return out


def _ordered(section: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    ordered = {k: section[k] for k in keys if k in section}
    ordered.update({k: v for k, v in section.items() if k not in ordered})
    return ordered


def _valid_part(section: str, given: dict[str, Any]) -> dict[str, Any]:
    return {k: value for k, v in given.items() if k in _fields(section)
            for value, problems in [validate_field(section, k, v)] if not problems}


def _fields(section: str) -> tuple[str, ...]:
    return tuple((Partner if section == REPEATING else SECTIONS[section]).model_fields)


def _partner_rules(partners: list[dict[str, Any]]) -> list[Problem]:
    """The partner rules on their own: unique names as soon as names are given (a partner
    being entered is still incomplete), shares once every partner is valid."""
    names = [SimpleNamespace(naam=p["naam"] if not validate_field(REPEATING, "naam", p.get("naam"))[1]
                             else f"\x00{i}")  # a missing name clashes with nothing
             for i, p in enumerate(partners)]
    # The rules read only `partners`; a stand-in carries the partners entered so far.
    found = rules.partner_names_unique(cast(Antwoorden, SimpleNamespace(partners=names)))
    checked = [validate_section(Partner, p, f"partners[{i}]") for i, p in enumerate(partners)]
    if checked and not any(isinstance(c, list) for c in checked):
        found += rules.shares_add_up(cast(Antwoorden, SimpleNamespace(partners=checked)))
    return found


def step_for_pad(pad: str, questions: list[Question]) -> str | None:
    """The interview step a problem belongs to: a question path, 'partners', or None."""
    norm = re.sub(r"\[\d*\]", "", pad)
    for q in questions:
        if norm == q.path or norm.startswith(q.path + "."):
            return q.path
    return REPEATING if norm.split(".")[0] == REPEATING else None


def prune(state: AnswerState, questions: list[Question]) -> list[Question]:
    """Drop the answers of questions that no longer apply; return the questions dropped."""
    dropped: list[Question] = []
    changed = True
    while changed:
        changed = False
        context = state.context()
        for q in questions:
            if state.has(q) and not q.applies(context):
                state.drop(q)
                dropped.append(q)
                changed = True
                break
    return dropped
