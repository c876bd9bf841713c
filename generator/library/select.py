"""Clause selection: which clauses and fragments apply to the answers, and why. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from generator.adapters import jinja_env
from generator.library.schema import Clause, Fragment, Variant


@dataclass(frozen=True)
class Selection:
    gekozen: tuple[Clause, ...]
    weggelaten: tuple[tuple[Clause, str], ...]


def condition_template(condition: str) -> str:
    """A condition as a tiny template: compiled like a text (precompiled for the bundled library)."""
    return "{% if " + condition + " %}1{% endif %}"


@cache
def _condition(source: str) -> jinja_env.Compiled:
    return jinja_env.compile_text(condition_template(source))


def holds(condition: str | None, ns: dict[str, Any]) -> bool:
    return True if condition is None else jinja_env.render(_condition(condition), ns) == "1"


def fragments(items: tuple[Fragment, ...], ns: dict[str, Any]) -> list[Fragment]:
    """The fragments that apply, a lid with alternatives replaced by the alternative that applies."""
    result = []
    for fragment in items:
        if not holds(fragment.when, ns):
            continue
        # A repeated lid chooses its alternative per partner (the renderer does, see `resolved`).
        if fragment.varianten and fragment.herhaal is None:
            variant = chosen_variant(fragment.varianten, ns)
            if variant is None:
                continue
            fragment = Fragment.model_construct(tekst=variant.tekst, when=None, id=fragment.id,
                                                herhaal=fragment.herhaal, subs=variant.subs or fragment.subs,
                                                varianten=())
        result.append(fragment)
    return result


def resolved(fragment: Fragment, ns: dict[str, Any]) -> Fragment | None:
    """A lid with alternatives as the alternative that applies in `ns` (None: none applies)."""
    if not fragment.varianten:
        return fragment
    variant = chosen_variant(fragment.varianten, ns)
    if variant is None:
        return None
    return Fragment.model_construct(tekst=variant.tekst, when=None, id=fragment.id, herhaal=fragment.herhaal,
                                    subs=variant.subs or fragment.subs, varianten=())


def applying_variants(variants: tuple[Variant, ...], ns: dict[str, Any]) -> list[Variant]:
    """Every alternative whose condition holds; `anders` holds when no other one does."""
    found = [v for v in variants if not v.anders and holds(v.when, ns)]
    if not found and variants and variants[-1].anders:
        found = [variants[-1]]
    return found


def chosen_variant(variants: tuple[Variant, ...], ns: dict[str, Any]) -> Variant | None:
    found = applying_variants(variants, ns)
    return found[0] if found else None


def select(clauses: list[Clause], ns: dict[str, Any]) -> Selection:
    chosen, left_out = [], []
    for clause in clauses:
        if holds(clause.when, ns):
            chosen.append(clause)
        else:
            left_out.append((clause, f"voorwaarde niet vervuld: {clause.when}"))
    return Selection(tuple(chosen), tuple(left_out))


def condition_inputs(condition: str | None, ns: dict[str, Any]) -> dict[str, Any]:
    """The answers and facts a condition reads, with their values: why a clause was (not) chosen."""
    if condition is None:
        return {}
    values: dict[str, Any] = {}
    reads = condition_reads(condition)
    for name, attribute in reads:
        if name not in ns or callable(ns[name]):
            continue
        if attribute:
            values[f"{name}.{attribute}"] = _plain(getattr(ns[name], attribute, None))
        else:
            values[name] = _plain(ns[name])
    return dict(sorted(values.items()))


@cache
def condition_reads(condition: str) -> tuple[tuple[str, str], ...]:
    """(name, first attribute or '') for every answer or fact a condition reads."""
    tree = jinja_env.parse_expression(condition)
    chains = {(name, chain[0]) for name, chain in jinja_env.attribute_chains(tree) if chain}
    plain = {(name, "") for name in jinja_env.names_read(tree) if not any(n == name for n, _ in chains)}
    return tuple(sorted(chains | plain))


def _plain(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    return str(value)
