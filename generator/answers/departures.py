"""The optional `afwijkingen` key of an answers file: per answer, why a bid departs from a tender's
recommendation (see generator.tender). An addition to the contract, documented in the README."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter, ValidationError

from generator.answers.fields import Text, closest
from generator.answers.model import SECTIONS
from generator.errors import Problem

KEY = "afwijkingen"
_TEXT = TypeAdapter(Text)


def validate_departures(raw: Any, problems: list[Problem]) -> dict[str, str]:
    """{'stemrecht.model': 'reden'}: every key a real answer, every reason one line of text."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.append(Problem(KEY, "verwacht per antwoord een reden, bijvoorbeeld "
                                "{stemrecht.model: \"onze partners zijn zeer ongelijk van omvang\"}"))
        return {}
    result = {}
    for pad, reason in raw.items():
        where = f"{KEY}.{pad}"
        section, _, key = str(pad).partition(".")
        if section not in SECTIONS or key not in SECTIONS[section].model_fields:
            known = [f"{s}.{k}" for s, m in SECTIONS.items() for k in m.model_fields]
            hint = closest(str(pad), known)
            problems.append(Problem(where, "onbekende sleutel; verwacht 'onderdeel.sleutel' zoals "
                                    "'stemrecht.model'" + (f"; bedoelt u '{hint}'?" if hint else "")))
            continue
        try:
            result[str(pad)] = _TEXT.validate_python(reason)
        except ValidationError as exc:
            problems.append(Problem(where, exc.errors(include_url=False)[0]["msg"]))
    return result
