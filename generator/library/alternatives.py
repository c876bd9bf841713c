"""Proof that exactly one alternative applies: for every lid with `varianten` and every term.

The conditions of the alternatives (and of the clause and lid they sit in) read a few answers.
Those answers are enumerated over every value they can take (a closed choice, yes/no, absent,
the numbers and list members the conditions compare with), on top of each representative
answers file of `samples`. A combination the answers contract refuses (say a raad van
commissarissen outside a B.V.) cannot be reached and is skipped; for every other one, exactly
one alternative must hold. Derived facts (`heeft_rechtspersoon`, `eigen_raad`, ...) are varied
through the answers they are derived from, so impossible fact combinations never show up.
"""

from __future__ import annotations

import copy
import itertools
import math
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from generator.adapters import jinja_env
from generator.answers.fields import choices_in
from generator.answers.model import SECTIONS, Antwoorden, Partner
from generator.errors import ConsortiumError, Problem
from generator.library.schema import FORMS, Clause, Fragment, Library, Term, Variant
from generator.library.select import applying_variants, condition_reads, holds

Axis = tuple[str, str]  # (section, key) of the answers; ("partner", key) for the first partner

# The answers each derived fact is computed from (generator/facts.py, assemble/context.py).
FACT_AXES: dict[str, tuple[Axis, ...]] = {
    "vorm": (("rechtsvorm", "vorm"),),
    "heeft_rechtspersoon": (("rechtsvorm", "vorm"),),
    "penvoerder": (("rechtsvorm", "vorm"),),
    "eigen_raad": (("toezicht", "model"),),
    "raad": (("toezicht", "model"),),
    "intern_toezicht_verplicht": (("consortium", "verblijf"), ("consortium", "jeugdhulpverleners")),
    "jeugdhulpverleners_onbekend": (("consortium", "jeugdhulpverleners"),),
    "opzegging_begrensd": (("uittreding", "opzegtermijn"), ("uittreding", "per")),
    "rapportageperiode": (("dataregistratie", "frequentie"),),
    # The deed's facts (library/akte.py).
    "eerste_bestuur": (("toezicht", "leiding"), ("rechtsvorm", "vorm")),
}
# Combinations per lid beyond which the enumeration stops (a lid reading that much is a defect
# of its own; the budget keeps conditions far below it).
MAX_COMBINATIONS = 4000


@dataclass
class Enumerator:
    """Reachable answers for sets of axes, each worked out once (validating answers is the cost)."""

    library: Library
    _cache: dict[tuple[Any, ...], dict[str, Any] | None] = field(default_factory=dict)

    def namespaces(self, axes: dict[Axis, list[Any]]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
        """(namespace, the varied values) for every reachable combination on every sample."""
        from generator.library.samples import sample_overrides

        names = sorted(axes)
        combos = list(itertools.product(*(axes[a] for a in names)))
        for base_index, base in enumerate(sample_overrides()):
            for combo in combos:
                values = dict(zip(names, combo, strict=True))
                if ("rechtsvorm", "vorm") in values and values[("rechtsvorm", "vorm")] != base[0]:
                    continue
                key = (base_index, *sorted(((a, repr(v)) for a, v in values.items()), key=str))
                if key not in self._cache:
                    self._cache[key] = self._namespace(_sample_answers(key, base, values))
                ns = self._cache[key]
                if ns is not None:
                    yield ns, {f"{s}.{k}": v for (s, k), v in values.items()}

    def _namespace(self, answers: Antwoorden | None) -> dict[str, Any] | None:
        from generator.library.namespace import namespace

        if answers is None:
            return None
        return namespace(answers, self.library.terms or None, self.library.labels or None)


# The validated answers of each varied sample, for every library this process proves (an own
# library over the bundled one, then the bundled one): the samples are fixed and the answers frozen.
_SAMPLES: dict[tuple[Any, ...], Antwoorden | None] = {}


def _sample_answers(key: tuple[Any, ...], base: tuple[str, dict[str, Any]],
                    values: dict[Axis, Any]) -> Antwoorden | None:
    """The sample `base` with `values` set, validated; None when the contract refuses it."""
    if key in _SAMPLES:
        return _SAMPLES[key]
    from generator.answers.load import validate_answers
    from generator.library.samples import sample_raw

    vorm, overrides = base
    raw = sample_raw(vorm, **copy.deepcopy(overrides))
    for (section, name), value in values.items():
        if section == "rechtsvorm" and name == "vorm":
            continue
        if section == "partner":
            raw["partners"][0][name] = value
        elif value is None:
            raw.setdefault(section, {}).pop(name, None)
        else:
            raw.setdefault(section, {})[name] = value
    try:
        answers: Antwoorden | None = validate_answers(raw, "voorbeeld")
    except ConsortiumError:
        answers = None
    _SAMPLES[key] = answers
    return answers


def alternative_problems(library: Library, only: set[str] | None = None,
                         terms: set[str] | None = None) -> list[Problem]:
    """Overlaps and gaps of every lid with alternatives (of the clauses in `only`, default all)
    and of every term (or of the terms in `terms` and those whose conditions read one)."""
    enumerator = Enumerator(library)
    problems: list[Problem] = []
    for clause in library.clauses:
        if only is not None and clause.id not in only:
            continue
        # A clause is only reached for the legal forms that have its document.
        spec = library.manifest.documenten.get(clause.document)
        if spec is None:
            continue  # reported by the reading of the library
        forms = f"vorm in {list(spec.vormen)!r}"
        for path, fragment, guards in _variant_lids(clause):
            guards = [forms, *guards]
            where = f"{clause.bestand}: {clause.id} {path}"
            problems += _proof(where, fragment.varianten, guards, enumerator, fragment.herhaal is not None)
    for name in _terms_to_prove(library, terms):
        problems += _proof(f"termen.yaml: {name}", library.terms[name].varianten, [], enumerator, False)
    return problems


def _terms_to_prove(library: Library, changed: set[str] | None) -> list[str]:
    """Every term, or the changed ones and every term whose conditions read one of them (the
    others were proven with the trusted library they come from)."""
    if changed is None:
        return list(library.terms)
    reads = {name: {read for v in term.varianten if v.when for read, _ in condition_reads(v.when)}
             for name, term in library.terms.items()}
    prove = set(changed) & set(reads)
    while more := {name for name, names in reads.items() if name not in prove and names & prove}:
        prove |= more
    return [name for name in library.terms if name in prove]


def _variant_lids(clause: Clause) -> Iterator[tuple[str, Fragment, list[str]]]:
    def walk(items: tuple[Fragment, ...], where: str, guards: list[str]) -> Iterator[tuple[str, Fragment, list[str]]]:
        for n, fragment in enumerate(items, 1):
            path = f"{where}[{n}]"
            inner = [*guards, *([fragment.when] if fragment.when else [])]
            if fragment.varianten:
                yield path, fragment, inner
                for m, variant in enumerate(fragment.varianten, 1):
                    yield from walk(variant.subs, f"{path}.varianten[{m}].subs", inner)
            yield from walk(fragment.subs, f"{path}.subs", inner)

    yield from walk(clause.leden, "leden", [clause.when] if clause.when else [])


def _proof(where: str, variants: tuple[Variant, ...], guards: list[str], enumerator: Enumerator,
           per_partner: bool) -> list[Problem]:
    conditions = [*guards, *(v.when for v in variants if v.when)]
    axes = _axes(conditions, enumerator.library.terms)
    size = math.prod(len(values) for values in axes.values())
    if size > MAX_COMBINATIONS:
        return [Problem(where, f"de voorwaarden lezen te veel antwoorden om te bewijzen dat precies één variant "
                               f"geldt ({size} combinaties, hoogstens {MAX_COMBINATIONS}); splits het lid of "
                               "vereenvoudig de voorwaarden")]
    found: dict[str, Problem] = {}
    reached = False
    for ns, values in enumerator.namespaces(axes):
        for scope in _scopes(ns, per_partner):
            if not all(holds(g, scope) for g in guards):
                continue
            reached = True
            applying = applying_variants(variants, scope)
            if len(applying) == 1:
                continue
            shown = ", ".join(f"{k}={_shown(v)}" for k, v in sorted(values.items())) or "alle antwoorden"
            if applying:
                numbers = " en ".join(str(variants.index(v) + 1) for v in applying)
                kind = f"varianten {numbers} gelden tegelijk (overlap)"
            else:
                kind = "geen enkele variant geldt (gat)"
            found.setdefault(kind, Problem(where, f"{kind} bij {shown}"))
    if not reached and not found:
        return [Problem(where, "geen enkel antwoordenbestand bereikt deze varianten; controleer de voorwaarden")]
    return list(found.values())


def _scopes(ns: dict[str, Any], per_partner: bool) -> Iterator[dict[str, Any]]:
    if not per_partner:
        yield ns
        return
    for nr, partner in enumerate(ns["partners"], 1):
        yield {**ns, "partner": partner, "nr": nr}


def _shown(value: Any) -> str:
    return "leeg" if value is None else str(value).lower() if isinstance(value, bool) else str(value)


def _axes(conditions: list[str], terms: dict[str, Term]) -> dict[Axis, list[Any]]:
    """The answers these conditions read (facts and terms through what they are made of), each
    with the values worth trying."""
    constants = _constants(conditions)
    axes: dict[Axis, list[Any]] = {("rechtsvorm", "vorm"): list(_domain(("rechtsvorm", "vorm"), constants))}
    seen: set[str] = set()
    pending = list(conditions)
    while pending:
        condition = pending.pop()
        for name, attribute in condition_reads(condition):
            if name in terms and name not in seen:
                seen.add(name)
                pending += [v.when for v in terms[name].varianten if v.when]
                constants |= _constants([v.when for v in terms[name].varianten if v.when])
            for axis in _axes_of(name, attribute):
                domain = _domain(axis, constants)
                if domain and axis not in axes:
                    axes[axis] = domain
    return axes


def _axes_of(name: str, attribute: str) -> tuple[Axis, ...]:
    if name in FACT_AXES:
        return FACT_AXES[name]
    if name in SECTIONS and attribute and attribute in SECTIONS[name].model_fields:
        return ((name, attribute),)
    if name == "partner" and attribute in Partner.model_fields:
        return (("partner", attribute),)
    return ()


def _constants(conditions: list[str]) -> set[Any]:
    found: set[Any] = set()
    for condition in conditions:
        found |= {v for v in jinja_env.constants(jinja_env.parse_expression(condition)) if not isinstance(v, bool)}
    return found


def _domain(axis: Axis, constants: set[Any]) -> list[Any]:
    section, key = axis
    model = Partner if section == "partner" else SECTIONS[section]
    info = model.model_fields[key]
    options = choices_in(info.metadata)
    if options is not None:
        return list(options)
    return _values_of(info.annotation, constants)


def _values_of(annotation: Any, constants: set[Any]) -> list[Any]:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        options = choices_in(args[1:])
        return list(options) if options is not None and args[0] is str else _values_of(args[0], constants)
    if origin in (typing.Union, types.UnionType):
        values = [v for a in args if a is not type(None) for v in _values_of(a, constants)]
        return [*values, None] if type(None) in args else values
    if origin is typing.Literal:
        return list(args)
    if annotation is bool:
        return [True, False]
    if origin is list:
        # The members the conditions test for; legal forms are never list members.
        members = sorted(c for c in constants if isinstance(c, str) and c not in FORMS)
        return [list(s) for n in range(len(members) + 1) for s in itertools.combinations(members, n)]
    if annotation in (int, float):
        numbers = {n for c in constants if isinstance(c, int | float) for n in (c - 1, c, c + 1)}
        # 0, 11, 26 and 40 lie on both sides of the Jeugdwet thresholds (10, 25); 13 beyond 2:36's 12.
        return sorted(numbers | {0, 11, 12, 13, 26, 40})
    return []  # free text, dates: not varied
