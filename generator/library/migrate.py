"""Migrate clause files to the authoring format 2: `consortium clauses migreer [MAP]`.

Re-runnable: files that already say `formaat: 2` are left alone; every other clause file in
MAP (default: the installed clauses/) is rewritten. Per text (lid, sub) it:

1. replaces the "which statute article" lookups (`ref('statuten.ver.x') if vorm in [...] else
   (...)`) by a reference to a role, `ref('statuten: x')`, and records the role per legal form
   in rollen.yaml (roles already there are reused when they agree);
2. inlines `{% set art = ref(...) %}`;
3. replaces the recurring `{% set p = bestuur if heeft_rechtspersoon else ... %}` phrases by
   terms of termen.yaml;
4. turns every `{% if %}` chain that branches on the legal form alone (`vorm`,
   `heeft_rechtspersoon`) into alternatives of the lid (`varianten`), one per group of forms.

The rendered text of every document stays the same; tests/test_bibliotheek.py proves it on the
example packages.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.adapters import yaml_io
from generator.adapters.files import replace_keeping
from generator.library.form_split import holds_for, reads_only_form, split_on_form, split_over_budget
from generator.library.load import MANIFEST, ROLES, clause_files
from generator.library.schema import FORMAT, FORMS, Budget, Manifest
from generator.library.terms import TERMS

# Known lookups (their target ids) and the role they stand for.
KNOWN_ROLES = {
    ("statuten.bv.bestuur_benoeming", "statuten.st.bestuur_benoeming", "statuten.ver.bestuur"): "bestuur_benoeming",
    ("statuten.bv.uittreding", "statuten.st.uittreding", "statuten.ver.gevolgen_uittreding"): "uittreding",
    ("statuten.bv.jaarrekening", "statuten.st.resultaat", "statuten.ver.middelen_begroting"): "begroting",
    ("statuten.bv.uitkeringen", "statuten.st.resultaat", "statuten.ver.resultaat_cooperatie",
     "statuten.ver.resultaat_vereniging"): "resultaat",
    ("statuten.ver.resultaat_cooperatie", "statuten.ver.resultaat_vereniging"): "resultaat",
    ("statuten.bv.ava_besluitvorming", "statuten.st.rvd_besluitvorming", "statuten.ver.av_besluitvorming"):
        "besluitvorming",
    ("statuten.bv.ava_besluitvorming", "statuten.st.rvd_besluitvorming", "statuten.ver.stemrecht_consent"):
        "consent",
    ("statuten.bv.impasse", "statuten.st.impasse", "statuten.ver.impasse"): "impasse",
}

# Recurring phrases computed with {% set %}, and the term that now holds each.
KNOWN_TERMS: dict[str, tuple[str, list[dict[str, Any]]]] = {
    "bestuur if heeft_rechtspersoon else ('de penvoerder' if toezicht.leiding == 'penvoerder' else 'de directeur')":
        ("bestuur_of_leiding", [{"when": "heeft_rechtspersoon", "tekst": "{{ bestuur }}"},
                                {"when": "not heeft_rechtspersoon and toezicht.leiding == 'penvoerder'",
                                 "tekst": "de penvoerder"},
                                {"anders": True, "tekst": "de directeur"}]),
    "bestuur if heeft_rechtspersoon else 'de penvoerder'":
        ("bestuur_of_penvoerder", [{"when": "heeft_rechtspersoon", "tekst": "{{ bestuur }}"},
                                   {"anders": True, "tekst": "de penvoerder"}]),
    "raad or 'de interne toezichthouder'":
        ("toezichthouder", [{"when": "raad", "tekst": "{{ raad }}"},
                            {"anders": True, "tekst": "de interne toezichthouder"}]),
    "'ieder' if deelnemer == 'lid' else 'iedere'":
        ("ieder", [{"when": "vorm in ['vereniging', 'cooperatie']", "tekst": "ieder"},
                   {"anders": True, "tekst": "iedere"}]),
}

_REF = r"ref\(\s*'[^']+'\s*\)"
_VORM_TEST = r"vorm\s*(?:not\s+in|in|==|!=)\s*(?:\[[^\]]*\]|'[^']*')"
_LOOKUP = re.compile(rf"{_REF}(?:\s+if\s+{_VORM_TEST}\s+else\s+\(*\s*{_REF}\)*)+")
_SET = re.compile(r"\{%-?\s*set\s+(\w+)\s*=\s*(.*?)\s*-?%\}\n?", re.S)
_EXPR = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


@dataclass
class Migration:
    """What migrating one folder produced besides the clause files."""

    folder: Path
    roles: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    terms: dict[str, Any] = field(default_factory=dict)
    selected: dict[str, set[str]] = field(default_factory=dict)  # clause id -> forms it can appear in
    budget: Budget = field(default_factory=Budget)
    document_forms: dict[str, frozenset[str]] = field(default_factory=dict)
    migrated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # copies of commented files, as they were


def migrate(folder: Path) -> list[str]:
    """Migrate every old-format clause file in `folder`; return the files rewritten."""
    return migrate_folder(folder).migrated


def migrate_folder(folder: Path) -> Migration:
    """Migrate every old-format clause file in `folder`: what was rewritten and what was kept."""
    old = [p for p in clause_files(folder) if _read(p).get("formaat", 1) < FORMAT]
    if not old:
        return Migration(folder)
    run = Migration(folder, roles=_read(folder / ROLES).get("rollen", {}), terms=_base_terms(folder))
    run.selected = _forms_per_clause(folder)
    run.budget = _budget(folder)
    run.document_forms = _document_forms(folder)
    for path in old:
        raw = _read(path)
        clauses = [_migrate_clause(c, raw.get("document", ""), run) for c in raw.get("clausules", [])]
        _write(path, {"formaat": FORMAT, **{k: v for k, v in raw.items() if k != "clausules"}, "clausules": clauses},
               kept=run.kept)
        run.migrated.append(str(path.relative_to(folder)))
    # Roles and terms are rewritten only when the migration added to them (a rewrite loses comments).
    if run.roles != _read(folder / ROLES).get("rollen", {}):
        _write(folder / ROLES, {"rollen": run.roles}, _ROLES_HEADER, kept=run.kept)
    terms = _read(folder / TERMS)
    if run.terms != terms.get("termen", {}) or not terms.get("labels"):
        _write(folder / TERMS, {"termen": run.terms, "labels": _labels(folder)}, _TERMS_HEADER, kept=run.kept)
    return run


_ROLES_HEADER = ("# Roles: which clause plays a role per legal form; texts refer to it as\n"
                 "# {{ ref('statuten: besluitvorming') }}. Written by 'consortium clauses migreer'; may be edited.\n")
_TERMS_HEADER = ("# Terms: recurring contract wording, read in clause texts as {{ name }} (e.g. {{ entiteit }}).\n"
                 "# Each term has alternatives like a lid: exactly one applies for every answers file; `anders`\n"
                 "# applies when no other does. This wording is the contract's, not the interview's labels.\n")


def _document_forms(folder: Path) -> dict[str, frozenset[str]]:
    from generator.resources import data_dir

    manifest = folder / MANIFEST if (folder / MANIFEST).is_file() else data_dir("clauses") / MANIFEST
    return {d: frozenset(spec.vormen) for d, spec in Manifest.model_validate(_read(manifest)).documenten.items()}


def _budget(folder: Path) -> Budget:
    from generator.resources import data_dir

    manifest = folder / MANIFEST if (folder / MANIFEST).is_file() else data_dir("clauses") / MANIFEST
    return Manifest.model_validate(_read(manifest)).budget


def _base_terms(folder: Path) -> dict[str, Any]:
    """The folder's terms; a library that has none gets the installed ones (the role nouns the
    first format took from the program)."""
    from generator.resources import data_dir

    own = _read(folder / TERMS).get("termen")
    return own if own else dict(_read(data_dir("clauses") / TERMS).get("termen", {}))


def _labels(folder: Path) -> dict[str, Any]:
    """The folder's contract wording of the choices; the installed one for a library without."""
    from generator.resources import data_dir

    own = _read(folder / TERMS).get("labels")
    return own if own else dict(_read(data_dir("clauses") / TERMS).get("labels", {}))


def _forms_per_clause(folder: Path) -> dict[str, set[str]]:
    """For each clause, the legal forms for which some representative answers select it."""
    from generator.library.load import read_library
    from generator.library.namespace import namespace
    from generator.library.samples import samples
    from generator.library.select import holds

    if (folder / MANIFEST).is_file():
        library, _ = read_library(folder)
    else:  # an own library: laid over the installed one
        from generator.library.load import default_library
        from generator.library.own import overlay

        library, _ = overlay(default_library(), folder)
    spaces = [namespace(a, library.terms or None) for a in samples()]
    forms = {d: set(spec.vormen) for d, spec in library.manifest.documenten.items()}
    return {c.id: {ns["vorm"] for ns in spaces if ns["vorm"] in forms[c.document] and holds(c.when, ns)}
            for c in library.clauses}


def _migrate_clause(clause: dict[str, Any], document: str, run: Migration) -> dict[str, Any]:
    forms = _clause_forms(clause.get("when"), run.document_forms.get(document, frozenset(FORMS)))
    return {**clause, "leden": [_migrate_fragment(f, run, forms) for f in clause.get("leden", [])]}


def _clause_forms(condition: str | None, forms: frozenset[str]) -> frozenset[str]:
    """The legal forms a clause can appear in: those of its document, and of its condition when
    that reads the legal form alone (exact, so the alternatives say no more than needed)."""
    if condition is None or not reads_only_form(condition):
        return forms
    return frozenset(f for f in forms if holds_for(condition, f))


def _migrate_fragment(fragment: Any, run: Migration, forms: frozenset[str]) -> Any:
    item = {"tekst": fragment} if isinstance(fragment, str) else dict(fragment)
    if "subs" in item:
        item["subs"] = [_migrate_fragment(s, run, forms) for s in item["subs"]]
    if "tekst" not in item:
        return item
    text = _inline_sets(_roles(item["tekst"], run), run)
    variants = [(group, conditions, t) for group, body in split_on_form(text, forms)
                for conditions, t in split_over_budget(body, run.budget)]
    if len(variants) == 1:
        item["tekst"] = variants[0][2]
        return _plain(item)
    del item["tekst"]
    item["varianten"] = _variant_items(variants, forms)
    ordered = {k: item[k] for k in ("when", "herhaal", "varianten", "subs") if k in item}
    return ordered


def _plain(item: dict[str, Any]) -> Any:
    return item["tekst"] if list(item) == ["tekst"] else item


def _variant_items(variants: list[tuple[frozenset[str], tuple[str, ...], str]],
                   everything: frozenset[str]) -> list[dict[str, Any]]:
    """Each split is a partition, so the last alternative is exactly "none of the others"."""
    items: list[dict[str, Any]] = [{"when": _joined(forms, conditions, everything), "tekst": text}
                                   for forms, conditions, text in variants[:-1]]
    return [*items, {"anders": True, "tekst": variants[-1][2]}]


def _joined(forms: frozenset[str], conditions: tuple[str, ...], everything: frozenset[str]) -> str:
    parts = ([form_condition(forms)] if forms != everything else []) + list(conditions)
    if len(parts) == 1:
        return parts[0]
    return " and ".join(p if re.fullmatch(r"[\w.' =!\[\],]+", p) and " or " not in p else f"({p})" for p in parts)


def form_condition(forms: frozenset[str]) -> str:
    ordered = [f for f in FORMS if f in forms]
    if len(ordered) == 1:
        return f"vorm == '{ordered[0]}'"
    return "vorm in [" + ", ".join(f"'{f}'" for f in ordered) + "]"


# --- 1. role lookups -------------------------------------------------------------------------

def _roles(text: str, run: Migration) -> str:
    return _LOOKUP.sub(lambda m: _role_ref(m.group(0), run), text)


def _role_ref(expression: str, run: Migration) -> str:
    trimmed = _balanced(expression)
    if trimmed.count("(") != trimmed.count(")"):
        return expression  # part of a larger expression: left as it is
    mapping, targets = _lookup_mapping(trimmed, run)
    if not mapping:
        return expression
    document = next(iter(mapping.values())).split(".")[0]
    role = _role_for(document, mapping, targets, run)
    return f"ref('{document}: {role}')" + expression[len(trimmed):]


def _balanced(expression: str) -> str:
    while expression.count(")") > expression.count("("):
        expression = expression[:-1].rstrip()
    return expression


def _lookup_mapping(expression: str, run: Migration) -> tuple[dict[str, str], tuple[str, ...]]:
    """Per legal form the clause id the lookup picks, where that clause can be in the document;
    and every id the lookup names."""
    from generator.adapters import jinja_env

    compiled = jinja_env.compile_condition(expression)
    mapping: dict[str, str] = {}
    targets: set[str] = set()
    for vorm in FORMS:
        target = str(compiled(vorm=vorm, ref=lambda clause_id: clause_id))
        targets.add(target)
        if vorm in run.selected.get(target, set()):
            mapping[vorm] = target
    return mapping, tuple(sorted(targets))


def _role_for(document: str, mapping: dict[str, str], targets: tuple[str, ...], run: Migration) -> str:
    table = run.roles.setdefault(document, {})
    name = KNOWN_ROLES.get(targets) or _derived_name(targets)
    agreeing = [r for r, m in table.items() if all(m.get(f, t) == t for f, t in mapping.items())]
    if agreeing:
        role = name if name in agreeing else agreeing[0]
        table[role] = {**table[role], **mapping}
        return role
    role, n = name, 2
    while role in table:
        role, n = f"{name}_{n}", n + 1
    table[role] = dict(mapping)
    return role


def _derived_name(targets: tuple[str, ...]) -> str:
    words = [t.split(".")[-1].split("_") for t in targets]
    common: list[str] = []
    for parts in zip(*(reversed(w) for w in words), strict=False):
        if len(set(parts)) != 1:
            break
        common.insert(0, parts[0])
    return "_".join(common) or targets[0].split(".")[-1]


# --- 2 and 3. {% set %} ------------------------------------------------------------------------

def _inline_sets(text: str, run: Migration) -> str:
    for match in list(_SET.finditer(text)):
        name, value = match.group(1), " ".join(match.group(2).split())
        if len(re.findall(rf"(?:set|for)\s+{name}\b", text)) != 1:
            continue
        if (value.startswith("ref(") and _LOOKUP.fullmatch(value)) or re.fullmatch(_REF, value):
            replacement = value
        elif value in KNOWN_TERMS:
            term, variants = KNOWN_TERMS[value]
            run.terms.setdefault(term, {"varianten": variants})
            replacement = term
        else:
            continue
        text = text.replace(match.group(0), "", 1)
        text = _rename(text, name, replacement)
    return text


def _rename(text: str, name: str, replacement: str) -> str:
    pattern = re.compile(rf"(?<![\w.'\"]){re.escape(name)}(?![\w'\"])")
    return _EXPR.sub(lambda m: pattern.sub(replacement, m.group(0)), text)


# --- YAML --------------------------------------------------------------------------------------

def _read(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    data = yaml_io.read_file(path, trusted=True)
    return data if isinstance(data, dict) else {}


def _write(path: Path, data: dict[str, Any], header: str = "", *, kept: list[str]) -> None:
    """Rewrite `path` safely (no symlink followed, mode kept). A file a person commented is kept
    beside it first (noted in `kept`): comments cannot be carried into the new format automatically."""
    if path.is_file() and _has_comments(path.read_text(encoding="utf-8"), header):
        copy = path.with_name(path.name + KEPT_SUFFIX)
        shutil.copy2(path, copy)
        kept.append(str(copy))
    text = header + yaml_io.dump_authored(data)

    def write(temporary: Path) -> None:
        temporary.write_text(text, encoding="utf-8")

    replace_keeping(path, write)


KEPT_SUFFIX = ".voor-formaat-2"


def _has_comments(text: str, header: str) -> bool:
    own = text.removeprefix(header)
    return any(line.lstrip().startswith("#") for line in own.splitlines())
