"""Assemble every document for one answers file: select, number, render, account. Pure."""

from __future__ import annotations

from typing import Any

from generator.answers.model import Antwoorden
from generator.assemble.render import Place, Renderer
from generator.document import Document, Ondertekenaar
from generator.errors import LibraryError, Problem
from generator.library import akte
from generator.library.checks import missing_requirements
from generator.library.namespace import SIGNED_AT, SIGNED_BY, namespace
from generator.library.schema import Clause, Library
from generator.library.select import Selection, condition_inputs, select


def documents_for(library: Library, vorm: str) -> list[str]:
    return [d for d in library.documents if vorm in library.manifest.documenten[d].vormen]


def assemble(answers: Antwoorden, library: Library, *, require_complete: bool = True) -> list[Document]:
    """All documents for these answers. `require_complete=False` is for clause authors previewing
    an unfinished library: missing mandatory elements are then not an error."""
    ns = namespace(answers, library.terms or None, library.labels or None)
    missing = missing_requirements(library, ns)
    if missing and require_complete:
        raise LibraryError("De clausulebibliotheek mist verplichte onderdelen voor deze antwoorden:",
                           [Problem("bibliotheek", m) for m in missing])
    keys = documents_for(library, ns["vorm"])
    selections = {d: select(library.for_document(d), ns) for d in keys}
    headings = {d: _title(library, d, ns) for d in keys}
    places = _places(selections)
    names = {d: title.capitalize() for d, (title, _) in headings.items()}
    chosen = {c.id: c for selection in selections.values() for c in selection.gekozen}
    return [_document(library, d, selections[d], ns, places, names, headings[d], chosen) for d in keys]


def _title(library: Library, document: str, ns: dict[str, Any]) -> tuple[str, str]:
    spec = library.manifest.documenten[document].titel
    source = spec.get(ns["vorm"]) or spec["alle"]
    renderer = Renderer(ns, document, {}, {})
    parts = source.split("|", 1)
    title = "".join(r.tekst for r in renderer.paragraph(parts[0], {}))
    subtitle = "".join(r.tekst for r in renderer.paragraph(parts[1], {})) if len(parts) > 1 else ""
    return title, subtitle


def _places(selections: dict[str, Selection]) -> dict[str, Place]:
    places = {}
    for document, selection in selections.items():
        articles = [c for c in selection.gekozen if c.soort == "artikel"]
        for nummer, clause in enumerate(articles, 1):
            places[clause.id] = Place(document, nummer, clause.titel)
    return places


def _document(library: Library, key: str, selection: Selection, ns: dict[str, Any],
              places: dict[str, Place], names: dict[str, str], heading: tuple[str, str],
              chosen: dict[str, Clause] | None = None) -> Document:
    title, subtitle = heading
    doc = Document(sleutel=key, bestand=library.manifest.documenten[key].bestand, titel=title,
                   ondertitel=subtitle, koptekst=f"{ns['naam']} · {title.capitalize()}")
    if key == akte.DOCUMENT:
        # The statuten are drafted as the deed that contains them; other documents still cite
        # them as "de Statuten", and their own title heads the articles.
        ns = akte.deed_namespace(ns)
        doc.titel, doc.ondertitel, doc.artikelenkop = akte.deed_heading(ns["vorm"]), ns["naam"], title
        doc.koptekst = f"{ns['naam']} · Concept akte van oprichting"
    renderer = Renderer(ns, key, places, names, chosen, library.roles)
    for clause in selection.gekozen:
        if clause.soort == "artikel":
            article = renderer.article(clause, places[clause.id].nummer)
            doc.artikelen.append(article)
        else:
            (doc.preambule if clause.soort == "preambule" else doc.slot).append(renderer.block(clause))
        doc.gebruikt.append(_used(clause, places, ns))
    doc.weggelaten = [_left_out(c, reason, ns) for c, reason in selection.weggelaten]
    if library.manifest.documenten[key].ondertekend:
        doc.ondertekenaars = _signatories(renderer, ns)
    doc.open_punten = renderer.open_points
    return doc


def _signatories(renderer: Renderer, ns: dict[str, Any]) -> list[Ondertekenaar]:
    result = []
    renderer._where = "ondertekening"
    for partner in ns["partners"]:
        namens = renderer.paragraph(SIGNED_BY, {"p": partner})
        plaats = renderer.paragraph(SIGNED_AT, {"p": partner})
        result.append(Ondertekenaar(partner.naam, namens, plaats))
    return result


def _used(clause: Clause, places: dict[str, Place], ns: dict[str, Any]) -> dict[str, Any]:
    place = places.get(clause.id)
    return {
        "id": clause.id,
        "versie": clause.versie,
        "bibliotheek": clause.bibliotheek,
        "titel": clause.titel,
        "artikel": place.nummer if place else None,
        "onderdeel": clause.soort,
        "bron": clause.bron,
        "voorwaarde": clause.when,
        "gekozen_door": condition_inputs(clause.when, ns),
    }


def _left_out(clause: Clause, reason: str, ns: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": clause.id,
        "versie": clause.versie,
        "titel": clause.titel,
        "reden": reason,
        "waarden": condition_inputs(clause.when, ns),
    }
