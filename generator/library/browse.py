"""Browsing the clause library: listings and full views as Dutch text, and blocks for the export."""

from __future__ import annotations

from generator.blocks import Alinea, Block, Kop, Opsomming
from generator.errors import ConsortiumError
from generator.library.schema import Clause, Fragment, Library


def _name(library: Library, document: str) -> str:
    return library.manifest.documenten[document].naam or document


def listing(library: Library) -> str:
    lines = [f"Clausulebibliotheek versie {library.versie}: {len(library.clauses)} clausules"]
    lines += [f"Eigen bibliotheek: {folder}" for folder in library.eigen]
    for document, spec in library.manifest.documenten.items():
        clauses, name = library.for_document(document), spec.naam or document
        lines += ["", f"{name} ({len(clauses)})"]
        width = max((len(c.id) for c in clauses), default=0)
        lines += [f"  {c.id:<{width}}  v{c.versie}  {c.titel or '(zonder kop)'}"
                  + ("  [eigen]" if c.bibliotheek != "standaard" else "") for c in clauses]
    return "\n".join(lines)


def find(library: Library, clause_id: str) -> Clause:
    found = library.by_id().get(clause_id)
    if found is None:
        from generator.answers.fields import closest

        hint = closest(clause_id, library.by_id())
        tip = f" Bedoelt u '{hint}'?" if hint else " Zie 'consortium clauses list'."
        raise ConsortiumError(f"Clausule '{clause_id}' bestaat niet.{tip}")
    return found


def _fragment_lines(items: tuple[Fragment, ...], depth: int) -> list[str]:
    lines = []
    for n, fragment in enumerate(items, 1):
        prefix = "  " * depth + (f"{n}. " if depth == 1 else "- ")
        extra = []
        if fragment.when:
            extra.append(f"alleen als: {fragment.when}")
        if fragment.herhaal:
            extra.append(f"herhaald per {fragment.herhaal[:-1]}")
        if fragment.varianten:
            lines.append(prefix + "één van deze varianten:" + (f"   [{'; '.join(extra)}]" if extra else ""))
            for variant in fragment.varianten:
                condition = "anders" if variant.anders else f"als {variant.when}"
                lines.append("  " * (depth + 1) + f"* {condition}: " + " ".join(variant.tekst.split()))
                lines += _fragment_lines(variant.subs, depth + 2)
        else:
            lines.append(prefix + " ".join(fragment.tekst.split()) + (f"   [{'; '.join(extra)}]" if extra else ""))
        lines += _fragment_lines(fragment.subs, depth + 1)
    return lines


def details(library: Library, clause: Clause) -> str:
    """One clause in full, as `consortium clauses show` prints it."""
    lines = [
        f"{clause.id}  (versie {clause.versie})",
        f"Titel:        {clause.titel or '(zonder kop)'}",
        f"Document:     {_name(library, clause.document)} ({clause.soort}, volgorde {clause.volgorde})",
        f"Voorwaarde:   {clause.when or 'altijd'}",
        f"Grondslag:    {clause.bron}",
        f"Checklist:    {', '.join(clause.checklist) or '-'}",
        f"Bestand:      {'clauses' if clause.bibliotheek == 'standaard' else clause.bibliotheek}/{clause.bestand}",
        "",
        "Toelichting:",
        "  " + " ".join(clause.toelichting.split()),
        "",
        "Tekst:",
        *_fragment_lines(clause.leden, 1),
    ]
    return "\n".join(lines)


def export_blocks(library: Library) -> list[Block]:
    blocks: list[Block] = [
        Alinea("Deze uitgave bevat alle clausules van de bibliotheek met hun voorwaarde, versie, "
               "grondslag en toelichting. Tekst tussen {{ }} is een invulveld dat bij het opstellen "
               "uit het antwoordenbestand wordt gevuld; {% if %} markeert een voorwaardelijk deel."),
    ]
    for document, spec in library.manifest.documenten.items():
        blocks.append(Kop(spec.naam or document, 1))
        for clause in library.for_document(document):
            blocks += _clause_blocks(clause)
    return blocks


def _clause_blocks(clause: Clause) -> list[Block]:
    return [
        Kop(f"{clause.titel or '(zonder kop)'}  [{clause.id}, versie {clause.versie}]", 2),
        Alinea(f"Voorwaarde: {clause.when or 'altijd'}. Grondslag: {clause.bron}."
               + (f" Checklist: {', '.join(clause.checklist)}." if clause.checklist else "")),
        Alinea("Toelichting: " + " ".join(clause.toelichting.split())),
        Opsomming(tuple(line.strip() for line in _fragment_lines(clause.leden, 1))),
    ]
