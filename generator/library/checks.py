"""Whole-library validation: unique ids, compiling conditions, real placeholders, valid
cross-references, and every mandatory element present in every document for every legal form."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from generator.adapters import jinja_env
from generator.adapters.jinja_env import is_template
from generator.answers.model import SECTIONS, Partner, Ventiel
from generator.errors import Problem
from generator.library.namespace import KNOWN_NAMES, namespace
from generator.library.schema import Clause, Fragment, Library
from generator.library.select import holds, select

_MODELS: dict[str, type[BaseModel]] = {**SECTIONS, "penvoerder": Partner, "partner": Partner}
_LOOP_MODELS: dict[str, type[BaseModel]] = {"partners": Partner, "risicoventielen.ventielen": Ventiel}


def library_problems(library: Library) -> list[Problem]:
    problems = _duplicate_ids(library)
    problems += _manifest_problems(library)
    ids = {c.id for c in library.clauses}
    for clause in library.clauses:
        problems += clause_problems(clause, ids)
    problems += lid_reference_problems(library)
    if not problems:
        problems += coverage_problems(library)
    return problems


def _duplicate_ids(library: Library) -> list[Problem]:
    counts = Counter(c.id for c in library.clauses)
    return [Problem(i, f"id komt {n} keer voor; ids zijn uniek") for i, n in counts.items() if n > 1]


def _manifest_problems(library: Library) -> list[Problem]:
    m = library.manifest
    problems = [Problem("bibliotheek.yaml verplicht", f"onbekend document '{d}'")
                for d in m.verplicht if d not in m.documenten]
    for requirements in m.verplicht.values():
        for req in requirements:
            problems += _compile_problems(f"bibliotheek.yaml verplicht {req.checklist}", req.als, {})
    return problems


def _texts(clause: Clause) -> Iterator[tuple[str, Fragment]]:
    def walk(items: tuple[Fragment, ...], where: str) -> Iterator[tuple[str, Fragment]]:
        for n, fragment in enumerate(items, 1):
            yield f"{where}[{n}]", fragment
            yield from walk(fragment.subs, f"{where}[{n}].subs")

    yield from walk(clause.leden, "leden")


def clause_problems(clause: Clause, ids: set[str]) -> list[Problem]:
    where = f"{clause.bestand}: {clause.id}"
    problems = _compile_problems(f"{where} when", clause.when, {})
    for path, fragment in _texts(clause):
        problems += _compile_problems(f"{where} {path}.when", fragment.when, {})
        problems += _text_problems(f"{where} {path}", fragment.tekst, ids)
    return problems


def _compile_problems(where: str, condition: str | None, loops: dict[str, type[BaseModel]]) -> list[Problem]:
    if condition is None:
        return []
    try:
        tree = jinja_env.parse_expression(condition)
    except jinja_env.TemplateError as exc:
        return [Problem(where, f"voorwaarde compileert niet: {exc}")]
    return _name_problems(where, tree, loops)


def _text_problems(where: str, text: str, ids: set[str]) -> list[Problem]:
    if not is_template(text):
        return []
    try:
        tree = jinja_env.parse(text)
    except jinja_env.TemplateError as exc:
        return [Problem(where, f"tekst compileert niet: {exc}")]
    loops: dict[str, type[BaseModel]] = {}
    for var, iterated in jinja_env.loops(tree):
        if jinja_env.dotted(iterated) in _LOOP_MODELS:
            loops[var] = _LOOP_MODELS[jinja_env.dotted(iterated)]
    problems = _name_problems(where, tree, loops)
    for name, args in jinja_env.calls(tree):
        if name == "ref" and (not args or args[0] not in ids):
            problems.append(Problem(where, f"verwijzing naar onbekende clausule {args[:1]}"))
    return problems


def lid_reference_problems(library: Library) -> list[Problem]:
    """ref('clause', 'lid') must name a lid id of that clause. Alternatives (sister leden with
    exclusive conditions) may share an id: the reference cites whichever applies."""
    lids = {c.id: [f.id for f in c.leden if f.id] for c in library.clauses}
    problems: list[Problem] = []
    for clause in library.clauses:
        for path, fragment in _texts(clause):
            try:
                tree = jinja_env.parse(fragment.tekst) if is_template(fragment.tekst) else None
            except jinja_env.TemplateError:
                continue  # reported by clause_problems
            for name, args in jinja_env.calls(tree) if tree is not None else ():
                if (name == "ref" and len(args) > 1 and isinstance(args[1], str)
                        and args[1] not in lids.get(args[0], [])):
                    problems.append(Problem(f"{clause.bestand}: {clause.id} {path}",
                                            f"verwijzing naar onbekend lid '{args[1]}' van {args[0]}"))
    return problems


def _name_problems(where: str, tree: jinja_env.Tree, loops: dict[str, type[BaseModel]]) -> list[Problem]:
    bound = jinja_env.names_bound(tree)
    problems = [Problem(where, f"onbekende naam '{n}'")
                for n in sorted(jinja_env.names_read(tree) - KNOWN_NAMES - bound)]
    models = {**_MODELS, **loops}
    for name, chain in jinja_env.attribute_chains(tree):
        model = models.get(name)
        if model and chain and chain[0] not in model.model_fields:
            problems.append(Problem(where, f"'{name}.{chain[0]}' is geen antwoord uit het contract"))
    return sorted(set(problems), key=str)


def coverage_problems(library: Library) -> list[Problem]:
    """Every sample answers set must get every mandatory element it triggers, in every document."""
    from generator.library.samples import samples

    problems: set[Problem] = set()
    for answers in samples():
        ns = namespace(answers)
        for missing in missing_requirements(library, ns):
            problems.add(Problem(f"verplicht {missing}", f"ontbreekt bij rechtsvorm '{ns['vorm']}'"))
    return sorted(problems, key=str)


def missing_requirements(library: Library, ns: dict[str, Any]) -> list[str]:
    """Checklist ids that apply to these answers but no selected clause covers."""
    missing = []
    for document, requirements in library.manifest.verplicht.items():
        spec = library.manifest.documenten[document]
        if ns["vorm"] not in spec.vormen:
            continue
        chosen = select(library.for_document(document), ns).gekozen
        covered = {item for c in chosen for item in c.checklist}
        for req in requirements:
            if ns["vorm"] in req.vormen and holds(req.als, ns) and req.checklist not in covered:
                missing.append(f"{document}: {req.checklist} ({req.omschrijving})")
    return missing

