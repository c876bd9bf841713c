"""References by role: 'statuten: besluitvorming' names, per legal form, the clause that plays it."""

from __future__ import annotations

from generator.library.schema import Roles


def is_role(target: str) -> bool:
    return ":" in target


def split_role(target: str) -> tuple[str, str]:
    """'statuten: besluitvorming' -> ('statuten', 'besluitvorming')."""
    document, _, role = target.partition(":")
    return document.strip(), role.strip()


def resolve_role(roles: Roles, target: str, vorm: str) -> str | None:
    document, role = split_role(target)
    return roles.get(document, {}).get(role, {}).get(vorm)
