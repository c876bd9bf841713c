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
_TAG = re.compile(r"\{%-?\s*(\w+)(.*?)-?%\}", re.S)
_SET = re.compile(r"\{%-?\s*set\s+(\w+)\s*=\s*(.*?)\s*-?%\}\n?", re.S)
_EXPR = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
# Names that follow from the legal form alone: the form, and the installed role nouns.
_FORM_FACTS = {"vorm", "heeft_rechtspersoon", "entiteit", "ledenorgaan", "deelnemer", "deelnemers", "bestuur"}
_BRANCH = r"('[^'{}]*'|[a-z_]+)"
_INLINE = re.compile(rf"\{{\{{\s*{_BRANCH}\s+if\s+([^{{}}]+?)\s+else\s+{_BRANCH}\s*\}}\}}")
_BY_FORM = re.compile(r"\{\{\s*(\{[^{}]*\})\[vorm\]\s*\}\}")


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
    if condition is None or not _only_form(condition):
        return forms
    return frozenset(f for f in forms if _holds_for(condition, f))


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
    from jinja2.sandbox import SandboxedEnvironment

    compiled = SandboxedEnvironment().compile_expression(expression)
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


# --- 4. alternatives per legal form ------------------------------------------------------------

@dataclass(frozen=True)
class Chain:
    """A top-level {% if %}...{% endif %} in a text: its branches and the text around it."""

    before: str
    branches: tuple[tuple[str | None, str], ...]  # (condition or None for else, body)
    after: str


def split_on_form(text: str, forms: frozenset[str] = frozenset(FORMS)) -> list[tuple[frozenset[str], str]]:
    """The text as (forms, text) alternatives, one per group of the `forms` that read a different text."""
    pending = [(forms, text)]
    done: list[tuple[frozenset[str], str]] = []
    while pending:
        forms, current = pending.pop(0)
        chain = _first_chain(current, only_form=True)
        if chain is not None:
            pending = [*_split(forms, chain), *pending]
            continue
        picks = _inline_picks(current, forms)
        if picks is None:
            done.append((forms, current))
            continue
        resolved, unresolved = picks
        done += unresolved
        pending = [*resolved, *pending]
    return _merge(done)


Parts = list[tuple[frozenset[str], str]]


def _inline_picks(text: str, forms: frozenset[str]) -> tuple[Parts, Parts] | None:
    """`{{ 'a' if <form test> else b }}` and `{{ {'stichting': 'x', ...}[vorm] }}` resolved per
    form: (parts to look at again, parts left as they are: forms the table does not name)."""
    inline = next((m for m in _INLINE.finditer(text) if _only_form(m.group(2))), None)
    if inline is not None:
        yes = frozenset(f for f in forms if _holds_for(inline.group(2), f))
        pick = [(yes, inline.group(1)), (forms - yes, inline.group(3))]
        return [(g, text[:inline.start()] + _shown(word) + text[inline.end():]) for g, word in pick if g], []
    lookup = _BY_FORM.search(text)
    table = _literal_table(lookup.group(1)) if lookup else None
    if lookup is None or table is None:
        return None
    groups: dict[str, set[str]] = {}
    for vorm in forms & set(table):
        groups.setdefault(table[vorm], set()).add(vorm)
    resolved = [(frozenset(g), text[:lookup.start()] + value + text[lookup.end():]) for value, g in groups.items()]
    missing = forms - set(table)
    return resolved, [(frozenset(missing), text)] if missing else []


def _literal_table(source: str) -> dict[str, str] | None:
    import ast

    try:
        table = ast.literal_eval(source)
    except (ValueError, SyntaxError):
        return None
    ok = isinstance(table, dict) and all(isinstance(v, str) and "{" not in v for v in table.values())
    return table if ok else None


def _shown(branch: str) -> str:
    """A quoted branch is its words; a bare name (a term or fact) is printed as {{ name }}."""
    return branch[1:-1] if branch.startswith("'") else "{{ " + branch + " }}"


def split_over_budget(text: str, budget: Budget) -> list[tuple[tuple[str, ...], str]]:
    """A text above the template budget split on its top-level {% if %} chains, whatever they
    test, until each part fits (or has no chain left): (conditions, text) per part."""
    pending: list[tuple[tuple[str, ...], str]] = [((), text)]
    done = []
    while pending:
        conditions, current = pending.pop(0)
        chain = _first_chain(current, only_form=False) if _over(current, budget) else None
        if chain is None:
            done.append((conditions, current))
            continue
        parts: list[tuple[tuple[str, ...], str]] = []
        earlier: list[str] = []
        for condition, body in chain.branches:
            if condition is None:
                parts.append(((*conditions, *_not_any(earlier, None)), chain.before + body + chain.after))
                break
            parts.append(((*conditions, *_not_any(earlier, condition), condition), chain.before + body + chain.after))
            earlier.append(condition)
        else:
            parts.append(((*conditions, *_not_any(earlier, None)), chain.before + chain.after))
        pending = [*parts, *pending]
    return done


_EQUALS = re.compile(r"([\w.]+) == ('[^']*')")


def _not_any(earlier: list[str], condition: str | None) -> list[str]:
    """The negations of the earlier branches' conditions that `condition` does not already imply
    (`x == 'b'` implies `x != 'a'`)."""
    own = _EQUALS.fullmatch(condition) if condition else None
    result = []
    for previous in earlier:
        other = _EQUALS.fullmatch(previous)
        if own and other and own.group(1) == other.group(1) and own.group(2) != other.group(2):
            continue
        result.append(_negated(previous))
    return result


def _negated(condition: str) -> str:
    equals = _EQUALS.fullmatch(condition)
    if equals:
        return f"{equals.group(1)} != {equals.group(2)}"
    return f"not {condition}" if re.fullmatch(r"[\w.]+", condition) else f"not ({condition})"


def _over(text: str, budget: Budget) -> bool:
    from generator.adapters import jinja_env
    from generator.library.checks import measure

    tags, depth = measure(jinja_env.parse(text))
    return tags > budget.tags or depth > budget.diepte


def _split(forms: frozenset[str], chain: Chain) -> list[tuple[frozenset[str], str]]:
    result, left = [], set(forms)
    for condition, body in chain.branches:
        covered = {f for f in left if condition is None or _holds_for(condition, f)}
        left -= covered
        if covered:
            result.append((frozenset(covered), chain.before + body + chain.after))
    if left:
        result.append((frozenset(left), chain.before + chain.after))
    return result


def _merge(variants: list[tuple[frozenset[str], str]]) -> list[tuple[frozenset[str], str]]:
    """Forms with the same text share one alternative, in the order of the first form."""
    merged: dict[str, set[str]] = {}
    for forms, text in variants:
        merged.setdefault(text, set()).update(forms)
    items = sorted(merged.items(), key=lambda item: min(FORMS.index(f) for f in item[1]))
    return [(frozenset(forms), text) for text, forms in items]


def _holds_for(condition: str, vorm: str) -> bool:
    from jinja2.sandbox import SandboxedEnvironment

    return bool(SandboxedEnvironment().compile_expression(condition)(**_form_names(vorm)))


def _form_names(vorm: str) -> dict[str, Any]:
    """What a condition on the legal form alone can read, for one form (role nouns from the
    installed termen.yaml)."""
    from generator.library.namespace import default_terms
    from generator.library.select import chosen_variant

    names: dict[str, Any] = {"vorm": vorm, "heeft_rechtspersoon": vorm != "geen"}
    for name, term in default_terms().items():
        if name in _FORM_FACTS:
            variant = chosen_variant(term.varianten, names)
            names[name] = variant.tekst if variant else ""
    return names


def _first_chain(text: str, *, only_form: bool) -> Chain | None:
    depth, cut = 0, 0
    start: re.Match[str] | None = None
    branches: list[tuple[str | None, str]] = []
    for match in _TAG.finditer(text):
        kind, rest = match.group(1), match.group(2).strip()
        if kind in ("if", "for"):
            depth += 1
            if depth == 1 and kind == "if":
                start, branches, cut = match, [(rest, "")], match.end()
            continue
        if kind in ("endif", "endfor"):
            depth -= 1
            if depth == 0 and kind == "endif" and start is not None:
                branches[-1] = (branches[-1][0], text[cut:match.start()])
                if all(c is None or _liftable(c, text, only_form) for c, _ in branches):
                    before = _before_tag(text, start.start())
                    return Chain(before, tuple(branches), _after_tag(text, match.end()))
                start = None
            continue
        if depth == 1 and start is not None and kind in ("elif", "else"):
            branches[-1] = (branches[-1][0], text[cut:match.start()])
            branches.append((rest if kind == "elif" else None, ""))
            cut = _tag_end(text, match.end())
    return None


def _liftable(condition: str, text: str, only_form: bool) -> bool:
    """A condition can become an alternative's own when it reads answers, not the text's variables."""
    from generator.adapters import jinja_env
    from generator.library.select import condition_reads

    if only_form:
        return _only_form(condition)
    bound = jinja_env.names_bound(jinja_env.parse(text))
    return not any(name in bound for name, _ in condition_reads(condition))


def _only_form(condition: str) -> bool:
    from generator.library.select import condition_reads

    names = {name for name, _ in condition_reads(condition)}
    return bool(names) and names <= _FORM_FACTS


def _before_tag(text: str, position: int) -> str:
    """The text before a block tag as Jinja renders it (lstrip_blocks: blanks on its line go)."""
    head = text[:position]
    line_start = head.rfind("\n") + 1
    return head[:line_start] if not head[line_start:].strip(" \t") else head


def _after_tag(text: str, position: int) -> str:
    return text[_tag_end(text, position):]


def _tag_end(text: str, position: int) -> int:
    """trim_blocks: the first newline after a block tag is not rendered."""
    return position + 1 if text[position:position + 1] == "\n" else position


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
