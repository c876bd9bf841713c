"""Render selected clauses into numbered articles, resolving cross-references by clause id. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from generator.adapters import jinja_env
from generator.adapters.jinja_env import is_template
from generator.document import Artikel, Blok, Lid, Paragraph, Run
from generator.library.namespace import OPEN_END, OPEN_START, open_punt
from generator.library.roles import is_role, resolve_role
from generator.library.schema import Clause, Fragment, Roles
from generator.library.select import fragments, resolved

_MARKER = re.compile(f"{OPEN_START}(.*?){OPEN_END}")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Place:
    document: str
    nummer: int
    titel: str


@cache
def _template(text: str) -> jinja_env.Compiled:
    return jinja_env.compile_text(text)


class Renderer:
    """Renders clauses of one document; `places` maps every selected clause id to its article."""

    def __init__(self, ns: dict[str, Any], document: str, places: dict[str, Place],
                 document_titles: dict[str, str], clauses: dict[str, Clause] | None = None,
                 roles: Roles | None = None):
        self.ns = {**ns, "ref": self.ref}
        self.document = document
        self.places = places
        self.titles = document_titles
        self.clauses = clauses or {}
        self.roles = roles or {}
        self.open_points: list[tuple[str, str]] = []
        self._where = ""
        self._lid_numbers: dict[str, dict[str, int]] = {}

    def ref(self, target: str, lid: int | str | None = None) -> str:
        """'artikel 12', 'artikel 12 lid 2' for a clause id, or for a role ('statuten: besluitvorming')
        the clause that plays it for this legal form; a lid named by its id is numbered as rendered."""
        clause_id = (resolve_role(self.roles, target, self.ns["vorm"]) if is_role(target) else target) or ""
        place = self.places.get(clause_id)
        if place is None:
            return open_punt("verwijzing naar een vervallen bepaling")
        text = f"artikel {place.nummer}"
        if isinstance(lid, str):
            numbers = self.lid_numbers(clause_id)
            if lid not in numbers:
                return open_punt("verwijzing naar een vervallen lid")
            # An article with a single lid is not numbered by lid.
            text += f" lid {numbers[lid]}" if numbers[""] > 1 else ""
        elif lid:
            text += f" lid {lid}"
        if place.document != self.document:
            text += f" van de {self.titles[place.document]}"
        return text

    def lid_numbers(self, clause_id: str) -> dict[str, int]:
        """Lid id -> number for a selected clause, as it renders here ('' counts the leden)."""
        if clause_id not in self._lid_numbers:
            self._lid_numbers[clause_id] = {}  # a reference back while counting stays unnumbered
            numbers: dict[str, int] = {}
            count = 0
            for lid in fragments(self.clauses[clause_id].leden, self.ns):
                for extra in self._repeats(lid):
                    fragment = resolved(lid, {**self.ns, **extra})
                    if fragment is None:
                        continue
                    source = fragment.tekst
                    raw = jinja_env.render(_template(source), self.ns, extra) if is_template(source) else source
                    if raw.strip():
                        count += 1
                        if fragment.id and fragment.id not in numbers:
                            numbers[fragment.id] = count
            numbers[""] = count
            self._lid_numbers[clause_id] = numbers
        return self._lid_numbers[clause_id]

    def article(self, clause: Clause, nummer: int) -> Artikel:
        self._where = f"artikel {nummer} ({clause.titel})"
        return Artikel(nummer, clause.titel, clause.id, self._leden(clause.leden))

    def block(self, clause: Clause) -> Blok:
        self._where = clause.titel or ("aanhef" if clause.soort == "preambule" else "slot")
        return Blok(clause.titel, clause.nummering, self._leden(clause.leden), clause.id)

    def _leden(self, items: tuple[Fragment, ...]) -> tuple[Lid, ...]:
        leden = []
        for lid in fragments(items, self.ns):
            for extra in self._repeats(lid):
                fragment = resolved(lid, {**self.ns, **extra})
                if fragment is None:
                    continue
                text = self.paragraph(fragment.tekst, extra)
                if not text:
                    continue
                subs = tuple(p for s in fragments(fragment.subs, {**self.ns, **extra}) for e in self._repeats(s)
                             if (r := resolved(s, {**self.ns, **extra, **e}))
                             and (p := self.paragraph(r.tekst, {**extra, **e})))
                leden.append(Lid(text, subs))
        return tuple(leden)

    def _repeats(self, fragment: Fragment) -> list[dict[str, Any]]:
        if fragment.herhaal == "partners":
            return [{"partner": p, "nr": i} for i, p in enumerate(self.ns["partners"], 1)]
        return [{}]

    def paragraph(self, source: str, extra: dict[str, Any]) -> Paragraph:
        raw = jinja_env.render(_template(source), self.ns, extra) if is_template(source) else source
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


