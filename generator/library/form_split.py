"""Splitting a first-format clause text into alternatives per legal form, and a text over the
template budget into alternatives per condition (used by the migration, `consortium clauses migreer`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.library.schema import FORMS, Budget

_TAG = re.compile(r"\{%-?\s*(\w+)(.*?)-?%\}", re.S)
# Names that follow from the legal form alone: the form, and the installed role nouns.
_FORM_FACTS = {"vorm", "heeft_rechtspersoon", "entiteit", "ledenorgaan", "deelnemer", "deelnemers", "bestuur"}
_BRANCH = r"('[^'{}]*'|[a-z_]+)"
_INLINE = re.compile(rf"\{{\{{\s*{_BRANCH}\s+if\s+([^{{}}]+?)\s+else\s+{_BRANCH}\s*\}}\}}")
_BY_FORM = re.compile(r"\{\{\s*(\{[^{}]*\})\[vorm\]\s*\}\}")


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
    inline = next((m for m in _INLINE.finditer(text) if reads_only_form(m.group(2))), None)
    if inline is not None:
        yes = frozenset(f for f in forms if holds_for(inline.group(2), f))
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
        covered = {f for f in left if condition is None or holds_for(condition, f)}
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


def holds_for(condition: str, vorm: str) -> bool:
    from generator.adapters import jinja_env

    return bool(jinja_env.compile_condition(condition)(**_form_names(vorm)))


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
        return reads_only_form(condition)
    bound = jinja_env.names_bound(jinja_env.parse(text))
    return not any(name in bound for name, _ in condition_reads(condition))


def reads_only_form(condition: str) -> bool:
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
