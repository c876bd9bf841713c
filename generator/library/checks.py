"""Whole-library validation: unique ids, compiling conditions, real placeholders, valid
cross-references and roles, the template budget, every mandatory element present in every
document for every legal form, and (in `alternatives`) exactly one alternative per lid."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from generator.adapters import jinja_env
from generator.adapters.jinja_env import is_template
from generator.answers.fields import closest
from generator.answers.model import SECTIONS, Partner, Ventiel
from generator.errors import Problem
from generator.library.namespace import KNOWN_NAMES, namespace
from generator.library.roles import is_role, split_role
from generator.library.schema import FORMAT, FORMS, Budget, Clause, Fragment, Library, Roles, Term
from generator.library.select import holds, select

_MODELS: dict[str, type[BaseModel]] = {**SECTIONS, "penvoerder": Partner, "partner": Partner}
_LOOP_MODELS: dict[str, type[BaseModel]] = {"partners": Partner, "risicoventielen.ventielen": Ventiel}
# Only a text that calls ref() can cite a lid; parsing the others (most of them) is the cost.
_CALLS_REF = re.compile(r"\bref\s*\(")


def library_problems(library: Library, only: set[str] | None = None, *, prove: bool = True,
                     terms: set[str] | None = None) -> list[Problem]:
    """Every problem of the library; `only`: check the texts of these clauses alone (an own
    library over the trusted bundled one), the whole-library checks always. `prove`: also the
    proof that exactly one alternative applies (about a second for the bundled library), of
    every term or, with `terms`, of those terms and the terms that read them."""
    problems = _duplicate_ids(library)
    problems += _manifest_problems(library)
    ids = {c.id for c in library.clauses}
    for clause in library.clauses:
        if only is None or clause.id in only:
            problems += clause_problems(clause, ids, library)
    problems += role_problems(library.roles, library)
    problems += term_problems(library)
    problems += label_problems(library)
    problems += lid_reference_problems(library)
    if not problems:
        problems += coverage_problems(library)
    if not problems and prove:
        from generator.library.alternatives import alternative_problems

        problems += alternative_problems(library, only, terms)
    return problems


def format_problems(old_format: tuple[str, ...] | list[str]) -> list[Problem]:
    return [Problem(f, f"nog in het oude formaat (zonder 'formaat: {FORMAT}'); zet het om met "
                       "'consortium clauses migreer MAP'") for f in old_format]


def role_problems(roles: Roles, library: Library) -> list[Problem]:
    """Every role names, per legal form, an existing clause of its document."""
    by_id = library.by_id()
    problems = []
    for document, table in roles.items():
        if document not in library.manifest.documenten:
            problems.append(Problem(f"rollen.yaml {document}", "onbekend document"))
            continue
        for role, per_form in table.items():
            for vorm, clause_id in per_form.items():
                where = f"rollen.yaml {document}.{role}.{vorm}"
                clause = by_id.get(clause_id)
                if vorm not in FORMS:
                    problems.append(Problem(where, f"onbekende rechtsvorm '{vorm}'"))
                elif clause is None:
                    problems.append(Problem(where, f"verwijzing naar onbekende clausule '{clause_id}'"))
                elif clause.document != document:
                    problems.append(Problem(where, f"'{clause_id}' staat niet in {document}"))
    return problems


def label_problems(library: Library) -> list[Problem]:
    """A library with its own labels words every choice of the answers (none falls back to the
    interview's wording unnoticed)."""
    from generator.library.namespace import LABELS

    if not library.labels:
        return []
    return [Problem(f"termen.yaml labels.{kind}.{key}", "ontbreekt: de formulering van deze keuze in het contract")
            for kind, choices in LABELS.items() for key in choices if key not in library.labels.get(kind, {})]


def term_problems(library: Library) -> list[Problem]:
    problems = []
    for name, term in library.terms.items():
        for n, variant in enumerate(term.varianten, 1):
            where = f"termen.yaml: {name} varianten[{n}]"
            problems += _compile_problems(f"{where}.when", variant.when, {})
            problems += _text_problems(where, variant.tekst, set(), library)
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


def _texts(clause: Clause) -> Iterator[tuple[str, str | None, str]]:
    """(path, condition, text) of every lid, sub and alternative of the clause."""
    def walk(items: tuple[Fragment, ...], where: str) -> Iterator[tuple[str, str | None, str]]:
        for n, fragment in enumerate(items, 1):
            path = f"{where}[{n}]"
            if fragment.varianten:
                yield path, fragment.when, ""
                for m, variant in enumerate(fragment.varianten, 1):
                    yield f"{path}.varianten[{m}]", variant.when, variant.tekst
                    yield from walk(variant.subs, f"{path}.varianten[{m}].subs")
            else:
                yield path, fragment.when, fragment.tekst
            yield from walk(fragment.subs, f"{path}.subs")

    yield from walk(clause.leden, "leden")


def clause_problems(clause: Clause, ids: set[str], library: Library | None = None) -> list[Problem]:
    where = f"{clause.bestand}: {clause.id}"
    problems = _compile_problems(f"{where} when", clause.when, {}, library)
    # Old-format files are measured against the budget only once migrated.
    budgeted = library is not None and clause.bestand not in library.old_format
    for path, condition, text in _texts(clause):
        problems += _compile_problems(f"{where} {path}.when", condition, {}, library)
        problems += _text_problems(f"{where} {path}", text, ids, library, budgeted=budgeted)
    return problems


def measure(tree: jinja_env.Tree) -> tuple[int, int]:
    """(template tags, nesting depth) of a text: every {{ }}, {% if/elif/for/set %} and inline
    "x if c else y" counts as one tag."""
    return jinja_env.tag_count(tree), jinja_env.nesting_depth(tree)


def budget_problems(where: str, tree: jinja_env.Tree, budget: Budget) -> list[Problem]:
    """The template budget of one text (clauses/README.md, "Budget")."""
    tags, depth = measure(tree)
    problems = []
    if tags > budget.tags:
        problems.append(Problem(where, f"te veel sjabloontekens: {tags} (budget {budget.tags}); splits het lid in "
                                       "varianten of zet vaste formuleringen in termen.yaml"))
    if depth > budget.diepte:
        problems.append(Problem(where, f"{{% if %}} {depth} diep genest (budget {budget.diepte}); gebruik varianten"))
    return problems


_SYNTAX_HINTS = (
    ("got '='", "vergelijk met == (twee isgelijktekens), niet met ="),
    ("unexpected '}'", "een '}' zonder bijbehorende '{{' of '{%'; controleer de haakjes"),
    ("unexpected end of template", "een '{{', '{%' of '{% if %}' wordt niet gesloten ('}}', '%}', '{% endif %}')"),
    ("unexpected char", "een teken dat hier niet kan; controleer aanhalingstekens en haakjes"),
    ("expected token 'end of print statement'", "na een naam volgt hier '}}'; controleer de spelling"),
    ("Encountered unknown tag", "een onbekend '{% %}'-woord; gebruik if, elif, else, endif, for of set"),
)


def syntax_hint(message: str) -> str:
    """A template syntax error in words a lawyer can act on, with the engine's own text after it."""
    for fragment, hint in _SYNTAX_HINTS:
        if fragment in message:
            return f"{hint} (sjabloon: {message})"
    return f"sjabloonfout ({message})"


def _compile_problems(where: str, condition: str | None, loops: dict[str, type[BaseModel]],
                      library: Library | None = None) -> list[Problem]:
    if condition is None:
        return []
    try:
        tree = jinja_env.parse_expression(condition)
    except jinja_env.TemplateError as exc:
        return [Problem(where, f"voorwaarde compileert niet: {syntax_hint(str(exc))}")]
    return _name_problems(where, tree, loops, library)


def _text_problems(where: str, text: str, ids: set[str], library: Library | None = None, *,
                   budgeted: bool = True) -> list[Problem]:
    if not is_template(text):
        return []
    try:
        tree = jinja_env.parse(text)
    except jinja_env.TemplateError as exc:
        return [Problem(where, f"tekst compileert niet: {syntax_hint(str(exc))}")]
    loops: dict[str, type[BaseModel]] = {}
    for var, iterated in jinja_env.loops(tree):
        if jinja_env.dotted(iterated) in _LOOP_MODELS:
            loops[var] = _LOOP_MODELS[jinja_env.dotted(iterated)]
    problems = _name_problems(where, tree, loops, library)
    for name, args in jinja_env.calls(tree):
        if name == "ref":
            problems += _ref_problems(where, args, ids, library)
    if library is not None and budgeted:
        problems += budget_problems(where, tree, library.manifest.budget)
    return problems


def lid_reference_problems(library: Library) -> list[Problem]:
    """ref('clause', 'lid') must name a lid id of that clause. Alternatives (sister leden with
    exclusive conditions) may share an id: the reference cites whichever applies."""
    lids = {c.id: [f.id for f in c.leden if f.id] for c in library.clauses}
    problems: list[Problem] = []
    for clause in library.clauses:
        for path, _, text in _texts(clause):
            try:
                tree = jinja_env.parse(text) if _CALLS_REF.search(text) else None
            except jinja_env.TemplateError:
                continue  # reported by clause_problems
            for name, args in jinja_env.calls(tree) if tree is not None else ():
                if (name == "ref" and len(args) > 1 and isinstance(args[1], str)
                        and args[1] not in lids.get(args[0], [])):
                    problems.append(Problem(f"{clause.bestand}: {clause.id} {path}",
                                            f"verwijzing naar onbekend lid '{args[1]}' van {args[0]}"))
    return problems


def _ref_problems(where: str, args: list[Any], ids: set[str], library: Library | None) -> list[Problem]:
    target = args[0] if args and isinstance(args[0], str) else None
    if target is not None and is_role(target):
        document, role = split_role(target)
        if library is None or role in library.roles.get(document, {}):
            return []
        return [Problem(where, f"verwijzing naar onbekende rol '{document}: {role}' (zie rollen.yaml)")]
    if target is None:
        return [Problem(where, "ref() noemt geen clausule-id tussen aanhalingstekens")]
    if target not in ids:
        hint = closest(target, tuple(ids))
        tip = f"; bedoelt u '{hint}'?" if hint else ""
        return [Problem(where, f"verwijzing naar onbekende clausule '{target}'{tip}")]
    return []


def known_names(library: Library | None) -> frozenset[str]:
    if library is None:
        from generator.library.namespace import default_terms

        return KNOWN_NAMES | frozenset(default_terms())
    return KNOWN_NAMES | frozenset(library.terms or _installed_terms())


def _installed_terms() -> dict[str, Term]:
    from generator.library.namespace import default_terms

    return default_terms()


def _name_problems(where: str, tree: jinja_env.Tree, loops: dict[str, type[BaseModel]],
                   library: Library | None = None) -> list[Problem]:
    bound = jinja_env.names_bound(tree)
    problems = [Problem(where, f"onbekende naam '{n}'")
                for n in sorted(jinja_env.names_read(tree) - known_names(library) - bound)]
    models = {**_MODELS, **loops}
    for name, chain in jinja_env.attribute_chains(tree):
        model = models.get(name)
        if model and chain and chain[0] not in model.model_fields:
            hint = closest(chain[0], tuple(model.model_fields))
            tip = f"; bedoelt u '{name}.{hint}'?" if hint else ""
            problems.append(Problem(where, f"'{name}.{chain[0]}' is geen antwoord uit het contract{tip}"))
    return sorted(set(problems), key=str)


def coverage_problems(library: Library) -> list[Problem]:
    """Every sample answers set must get every mandatory element it triggers, in every document."""
    from generator.library.samples import samples

    problems: set[Problem] = set()
    placed: dict[tuple[str, str, str], bool] = {}
    for answers in samples():
        ns = namespace(answers, library.terms or None, library.labels or None)
        for missing in missing_requirements(library, ns):
            problems.add(Problem(f"verplicht {missing}", f"ontbreekt bij rechtsvorm '{ns['vorm']}'"))
        for key, found in _role_places(library, ns).items():
            placed[key] = placed.get(key, False) or found
    problems |= {Problem(f"rollen.yaml {d}.{role}.{vorm}", f"'{library.roles[d][role][vorm]}' staat bij geen enkel "
                                                           f"voorbeeld van deze rechtsvorm in {d}")
                 for (d, role, vorm), found in placed.items() if not found}
    return sorted(problems, key=str)


def _role_places(library: Library, ns: dict[str, Any]) -> dict[tuple[str, str, str], bool]:
    """Per (document, role, form) of these answers: is the clause the role names in the document?"""
    result = {}
    for document, table in library.roles.items():
        if ns["vorm"] not in library.manifest.documenten[document].vormen:
            continue
        chosen = {c.id for c in select(library.for_document(document), ns).gekozen}
        for role, per_form in table.items():
            target = per_form.get(ns["vorm"])
            if target is not None:
                result[(document, role, ns["vorm"])] = target in chosen
    return result


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

