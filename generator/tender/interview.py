"""The interview for a bid on a tender: a thin layer around the questionnaire's Asker.

The engine itself knows nothing of tenders. Before the run the fixed answers are written into
the answers (`seed`), so the engine finds them answered and never asks them. Every prompt
then passes through `TenderAsker`, which
- answers a prompt for a fixed key itself (shown as fixed; reached only when the user reopens
  a section from the review screen), without asking the user;
- offers only the allowed choices, and refuses a typed value outside an allowed set or range;
- marks the recommended value and proposes it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from generator.adapters.asking import Asker, Option, Prompt, Style
from generator.answers.model import SECTIONS
from generator.tender.profile import Bereik, Profiel, allowed_text, show, within

RECOMMENDED = " (aanbevolen door de aanbesteding)"


def seed(raw: dict[str, Any], profiel: Profiel) -> tuple[dict[str, Any], list[str]]:
    """The saved answers with the fixed answers filled in; and a line per answer that was replaced."""
    data = {k: (dict(x) if isinstance(x, dict) else x) for k, x in raw.items()}
    replaced = []
    for section, values in profiel.bron.items():
        part = data.setdefault(section, {})
        for key, value in values.items():
            pad = f"{section}.{key}"
            if key in part and part[key] is not None and part[key] != value:
                replaced.append(f"{pad}: uw antwoord {show(part[key])} is vervangen door het vaste antwoord "
                                f"{show(profiel.vast[pad])}")
            part[key] = value
    return data, replaced


def _default_of(pad: str) -> Any:
    section, key = pad.split(".")
    return SECTIONS[section].model_fields[key].get_default(call_default_factory=True)


class TenderAsker:
    """An Asker that keeps a bid within the tender; see the module docstring."""

    def __init__(self, inner: Asker, profiel: Profiel):
        self.inner = inner
        self.profiel = profiel

    def say(self, text: str, style: Style = "info") -> None:
        self.inner.say(text, style)

    def introduce(self, replaced: list[str]) -> None:
        p = self.profiel
        self.say(f"Inschrijving op de aanbesteding '{p.naam}' (kenmerk {p.kenmerk})", "title")
        fixed = "; ".join(f"{pad}: {show(value)}" for pad, value in p.vast.items())
        self.say(f"Vastgesteld door de opdrachtgever, en daarom niet gevraagd: {fixed}.", "info")
        for line in replaced:
            self.say(line, "error")

    def ask(self, prompt: Prompt) -> Any:
        pad = prompt.key
        if pad in self.profiel.vast:
            self.say(f"{prompt.message} Vastgesteld door de opdrachtgever: {show(self.profiel.vast[pad])}.", "info")
            return prompt.default
        return self.inner.ask(self.adapt(prompt))

    def adapt(self, prompt: Prompt) -> Prompt:
        """The prompt as the tender allows it: choices filtered, recommendation marked."""
        pad = prompt.key
        rule = self.profiel.toegestaan.get(pad)
        recommended = self.profiel.aanbevolen.get(pad, _MISSING)
        if rule is None and recommended is _MISSING:
            return prompt
        changes: dict[str, Any] = {}
        if prompt.kind in ("select", "checkbox"):
            options = tuple(_mark(o, recommended) for o in prompt.options if rule is None or within(rule, o.value))
            changes["options"] = options or prompt.options
            values = [o.value for o in changes["options"]]
            if prompt.kind == "select" and recommended in values and prompt.default == _default_of(pad):
                changes["default"] = recommended
            elif prompt.kind == "select" and prompt.default not in values and values:
                changes["default"] = values[0]
            elif prompt.kind == "checkbox":
                changes["default"] = [x for x in prompt.default or [] if x in values]
        else:
            notes = [f"toegestaan: {allowed_text(rule)}"] if rule is not None else []
            if recommended is not _MISSING:
                notes.append(f"aanbevolen: {show(recommended)}")
            changes["message"] = f"{prompt.message} ({'; '.join(notes)})"
            if rule is not None:
                changes["convert"] = _within_rule(prompt, rule)
        return dataclasses.replace(prompt, **changes)


_MISSING: Any = object()


def _mark(option: Option, recommended: Any) -> Option:
    if recommended is _MISSING or option.value != recommended:
        return option
    return dataclasses.replace(option, title=option.title + RECOMMENDED)


def _within_rule(prompt: Prompt, rule: Bereik | tuple[Any, ...]) -> Callable[[Any], tuple[Any, str | None]]:
    def convert(raw: Any) -> tuple[Any, str | None]:
        value, error = prompt.convert(raw)
        if error is None and not within(rule, value):
            return None, f"De aanbesteding staat hier alleen toe: {allowed_text(rule)}"
        return value, error

    return convert
