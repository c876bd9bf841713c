"""Clause selection: which clauses and fragments apply to the answers, and why. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from generator.adapters import jinja_env
from generator.library.schema import Clause, Fragment


@dataclass(frozen=True)
class Selection:
    gekozen: tuple[Clause, ...]
    weggelaten: tuple[tuple[Clause, str], ...]


@cache
def _condition(source: str):
    return jinja_env.compile_condition(source)


def holds(condition: str | None, ns: dict[str, Any]) -> bool:
    return True if condition is None else bool(_condition(condition)(**ns))


def fragments(items: tuple[Fragment, ...], ns: dict[str, Any]) -> list[Fragment]:
    return [f for f in items if holds(f.when, ns)]


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
    tree = jinja_env.parse_expression(condition)
    values: dict[str, Any] = {}
    for name, chain in jinja_env.attribute_chains(tree):
        if chain and name in ns:
            values[f"{name}.{chain[0]}"] = _plain(getattr(ns[name], chain[0], None))
    for name in jinja_env.names_read(tree):
        if name in ns and not any(k.startswith(f"{name}.") for k in values) and not callable(ns[name]):
            values[name] = _plain(ns[name])
    return dict(sorted(values.items()))


def _plain(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    return str(value)
