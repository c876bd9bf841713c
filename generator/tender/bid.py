"""`afwijkingen.docx`: how a bid relates to the tender, for the municipality that assesses it.

Part one lists the profile's rules with the bid's answer to each, and every departure from a
recommendation with the bid's reason. Part two is the bid's samenwerkingsovereenkomst as tracked
changes against the model samenwerkingsovereenkomst for the bid's legal form.
"""

from __future__ import annotations

from pathlib import Path

from generator.answers.model import Antwoorden
from generator.blocks import Alinea, Block, Kop, Tabel
from generator.library.schema import Library
from generator.tender.conformity import Toets, value_at
from generator.tender.profile import allowed_text, show

DEPARTURES_FILE = "afwijkingen.docx"


def departure_blocks(toets: Toets, answers: Antwoorden) -> list[Block]:
    p = toets.profiel
    blocks: list[Block] = [
        Kop("Toets aan de aanbesteding"),
        Alinea(f"Aanbesteding '{p.naam}', kenmerk {p.kenmerk}. Inschrijver: {answers.consortium.naam}."),
        Alinea("Dit bod neemt alle vaste antwoorden over en blijft binnen alle toegestane keuzes.", nadruk=True),
    ]
    if p.vast:
        blocks += [Kop("Vastgesteld door de opdrachtgever", 2),
                   Tabel(("antwoord", "vast", "bod"),
                         tuple((pad, show(v), show(value_at(answers, pad))) for pad, v in p.vast.items()))]
    if p.toegestaan:
        blocks += [Kop("Beperkte keuzes", 2),
                   Tabel(("antwoord", "toegestaan", "bod"),
                         tuple((pad, allowed_text(r), show(value_at(answers, pad)))
                               for pad, r in p.toegestaan.items()))]
    if p.aanbevolen:
        rows = []
        for pad, v in p.aanbevolen.items():
            departure = next((a for a in toets.afwijkingen if a.pad == pad), None)
            reden = departure.reden if departure else "gevolgd"
            rows.append((pad, show(v), show(value_at(answers, pad)), reden or ""))
        blocks += [Kop("Aanbevelingen", 2),
                   Alinea(f"{len(toets.afwijkingen)} van de {len(p.aanbevolen)} aanbevelingen niet gevolgd."),
                   Tabel(("antwoord", "aanbevolen", "bod", "reden van de inschrijver"), tuple(rows))]
    return blocks


def comparison_intro(vorm_model: str) -> list[Block]:
    return [Kop("Samenwerkingsovereenkomst: het bod tegenover het model"),
            Alinea(f"Hieronder de samenwerkingsovereenkomst van het bod, met als bijgehouden wijzigingen "
                   f"wat zij verandert ten opzichte van het modeldocument van de aanbesteding ({vorm_model}). "
                   "Ingevulde open punten, zoals de namen van de partners, tellen ook als wijziging.")]


def write_departures(toets: Toets, answers: Antwoorden, library: Library, target: Path, template: Path) -> None:
    """Write afwijkingen.docx: the list of departures, then the tracked-change comparison."""
    from generator.adapters import word
    from generator.assemble.build import assemble
    from generator.tender.model import model_documents_for

    model = next(d for d in model_documents_for(toets.profiel, library, answers.rechtsvorm.vorm)
                 if d.sleutel == "samenwerkingsovereenkomst")
    bid = next(d for d in assemble(answers, library) if d.sleutel == "samenwerkingsovereenkomst")
    from generator.compare import compare_documents
    from generator.compare.write import AUTHOR, revision_date

    comparison = compare_documents(model, bid)
    word.write_comparison(comparison, template, target, auteur=AUTHOR, datum=revision_date())
    word.insert_blocks_first(target, departure_blocks(toets, answers) + comparison_intro(model.titel.lower()))
