"""Render selected clauses into numbered articles, resolving cross-references by clause id. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from generator.adapters import jinja_env
from generator.assemble.context import OPEN_END, OPEN_START, open_punt
from generator.assemble.document import Artikel, Blok, Lid, Paragraph, Run
from generator.assemble.select import fragments
from generator.library.schema import Clause, Fragment, Roles

_MARKER = re.compile(f"{OPEN_START}(.*?){OPEN_END}")
_SPACES = re.compile(r"\s+")
_LEFTOVER = re.compile(r"\{\{|\{%|\bNone\b|\bTrue\b|\bFalse\b")


@dataclass(frozen=True)
class Place:
    document: str
    nummer: int
    titel: str


def is_role(target: str) -> bool:
    return ":" in target


def split_role(target: str) -> tuple[str, str]:
    """'statuten: besluitvorming' -> ('statuten', 'besluitvorming')."""
    document, _, role = target.partition(":")
    return document.strip(), role.strip()


def resolve_role(roles: Roles, target: str, vorm: str) -> str | None:
    document, role = split_role(target)
    return roles.get(document, {}).get(role, {}).get(vorm)


def is_template(text: str) -> bool:
    """Static legal text (about half of all fragments) needs no Jinja at all."""
    return "{" in text


@cache
def _template(text: str):
    return jinja_env.compile_text(text)


class Renderer:
    """Renders clauses of one document; `places` maps every selected clause id to its article."""

    def __init__(self, ns: dict[str, Any], document: str, places: dict[str, Place],
                 document_titles: dict[str, str], roles: Roles | None = None):
        self.ns = {**ns, "ref": self.ref}
        self.document = document
        self.places = places
        self.titles = document_titles
        self.roles = roles or {}
        self.open_points: list[tuple[str, str]] = []
        self._where = ""

    def ref(self, target: str, lid: int | None = None) -> str:
        """'artikel N' for a clause id, or for a role ('statuten: besluitvorming') the clause
        that plays it for this legal form."""
        clause_id = resolve_role(self.roles, target, self.ns["vorm"]) if is_role(target) else target
        place = self.places.get(clause_id or "")
        if place is None:
            return open_punt("verwijzing naar een vervallen bepaling")
        text = f"artikel {place.nummer}" + (f" lid {lid}" if lid else "")
        if place.document != self.document:
            text += f" van de {self.titles[place.document]}"
        return text

    def article(self, clause: Clause, nummer: int) -> Artikel:
        self._where = f"artikel {nummer} ({clause.titel})"
        return Artikel(nummer, clause.titel, clause.id, self._leden(clause.leden))

    def block(self, clause: Clause) -> Blok:
        self._where = clause.titel or ("aanhef" if clause.soort == "preambule" else "slot")
        return Blok(clause.titel, clause.nummering, self._leden(clause.leden), clause.id)

    def _leden(self, items: tuple[Fragment, ...]) -> tuple[Lid, ...]:
        leden = []
        for fragment in fragments(items, self.ns):
            for extra in self._repeats(fragment):
                text = self.paragraph(fragment.tekst, extra)
                if not text:
                    continue
                subs = tuple(p for s in fragments(fragment.subs, {**self.ns, **extra})
                             for e in self._repeats(s) if (p := self.paragraph(s.tekst, {**extra, **e})))
                leden.append(Lid(text, subs))
        return tuple(leden)

    def _repeats(self, fragment: Fragment) -> list[dict[str, Any]]:
        if fragment.herhaal == "partners":
            return [{"partner": p, "nr": i} for i, p in enumerate(self.ns["partners"], 1)]
        return [{}]

    def paragraph(self, source: str, extra: dict[str, Any]) -> Paragraph:
        raw = _template(source).render(**self.ns, **extra) if is_template(source) else source
        text = _SPACES.sub(" ", raw).strip()
        if not text:
            return ()
        return self._runs(text)

    def _runs(self, text: str) -> Paragraph:
        runs: list[Run] = []
        position = 0
        for match in _MARKER.finditer(text):
            if match.start() > position:
                runs.append(Run(text[position:match.start()]))
            runs.append(Run(f"[{match.group(1)}]", open=True))
            self.open_points.append((self._where, match.group(1)))
            position = match.end()
        if position < len(text):
            runs.append(Run(text[position:]))
        return tuple(runs)


def leftover_markup(text: str) -> list[str]:
    """Template syntax or Python literals that should never reach a document."""
    return _LEFTOVER.findall(text)
