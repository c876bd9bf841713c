"""The model documents of a tender: per allowed legal form the three documents, with the partners
as blanks, every provision the opdrachtgever fixed marked as such, and the bidder's choices
marked with what the tender allows. Pure: the writing is in `generator.tender.write`.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.adapters import jinja_env
from generator.answers import vocabulary as v
from generator.answers.model import SECTIONS, Antwoorden
from generator.assemble.build import assemble
from generator.document import Document
from generator.library.load import Library
from generator.library.schema import Clause, Fragment
from generator.tender.placeholders import blank_partner_figures, model_answers, unmark
from generator.tender.profile import Profiel, allowed_text, plain, show

# Keys whose value is a stand-in, or is said by the file name: never a note of their own.
NOT_A_CHOICE = frozenset({"consortium.naam", "rechtsvorm.vorm", "rechtsvorm.naam", "rechtsvorm.zetel"})
VAST, KEUZE, INFO = "vast", "keuze", "info"


@dataclass(frozen=True)
class Notitie:
    """A note above an article (or the document): `soort` is vast, keuze or info."""

    soort: str
    kop: str
    tekst: str


@dataclass
class ModelDocument:
    vorm: str
    document: Document
    voorwoord: list[Notitie]
    notities: dict[int, list[Notitie]]  # article number -> notes

    @property
    def bestand(self) -> str:
        stem, _, ext = self.document.bestand.rpartition(".")
        return f"{stem}-{self.vorm}.{ext}"


def model_documents(profiel: Profiel, library: Library) -> list[ModelDocument]:
    """Every model document of the tender, per allowed legal form."""
    clauses = library.by_id()
    result = []
    for vorm in profiel.vormen():
        answers = model_answers(profiel, vorm)
        for doc in assemble(answers, library):
            blank_partner_figures(doc)
            notes = {a.nummer: article_notes(profiel, clauses[a.clause_id], answers) for a in doc.artikelen}
            result.append(ModelDocument(vorm, doc, preface(profiel, vorm), {k: n for k, n in notes.items() if n}))
    return result


def model_documents_for(profiel: Profiel, library: Library, vorm: str) -> list[Document]:
    """The model documents for one legal form, as plain assembled documents (no notes)."""
    documents = assemble(model_answers(profiel, vorm), library)
    for doc in documents:
        blank_partner_figures(doc)
    return documents


def preface(profiel: Profiel, vorm: str) -> list[Notitie]:
    opdrachtgever = profiel.vast["consortium.opdrachtgever"]
    form = v.VORMEN[vorm]
    return [
        Notitie(INFO, "Modeldocument bij een aanbesteding",
                f"Dit is het modeldocument van {opdrachtgever} bij de aanbesteding '{profiel.naam}' "
                f"(kenmerk {profiel.kenmerk}), uitgewerkt voor een consortium met rechtsvorm: {form}."),
        Notitie(INFO, "Zo leest u dit document",
                "Geel gemarkeerd staat wat de inschrijver invult, zoals [naam partner 1]; de lijsten van "
                "partners tonen drie partners als voorbeeld, neem er één regel per partner op. "
                "Een grijze noot 'Vastgesteld door de opdrachtgever' staat bij een artikel dat antwoorden "
                "bevat die de aanbesteding vastlegt; die kan de inschrijver niet wijzigen. Een blauwe noot "
                "'Keuze van de inschrijver' noemt wat de inschrijver in dat artikel kiest, wat de "
                "aanbesteding toestaat of aanbeveelt, en met welke waarde het model is uitgewerkt."),
    ]


def article_notes(profiel: Profiel, clause: Clause, answers: Antwoorden) -> list[Notitie]:
    keys = [k for k in clause_keys(clause) if k not in NOT_A_CHOICE]
    fixed = [k for k in keys if k in profiel.vast]
    notes = []
    if fixed:
        notes.append(Notitie(VAST, "Vastgesteld door de opdrachtgever",
                             "; ".join(f"{k}: {show(profiel.vast[k])}" for k in fixed)
                             + ". De inschrijver kan dit niet wijzigen."))
    choices = [_choice_text(profiel, k, answers) for k in keys if k not in profiel.vast]
    if choices:
        notes.append(Notitie(KEUZE, "Keuze van de inschrijver", "; ".join(choices) + "."))
    return notes


def _choice_text(profiel: Profiel, pad: str, answers: Antwoorden) -> str:
    section, key = pad.split(".")
    value = getattr(getattr(answers, section), key)
    parts = []
    if pad in profiel.toegestaan:
        parts.append(f"toegestaan: {allowed_text(profiel.toegestaan[pad])}")
    if pad in profiel.aanbevolen:
        parts.append(f"aanbevolen: {show(profiel.aanbevolen[pad])}")
    if value is not None:
        parts.append(f"hier uitgewerkt met {unmark(show(plain(value)))}")
    return f"{pad} ({'; '.join(parts)})" if parts else pad


def clause_keys(clause: Clause) -> list[str]:
    """Every 'section.key' of the answers that the clause's conditions or texts read, in order."""
    found: dict[str, None] = {}
    if clause.when:
        found.update(dict.fromkeys(_keys(jinja_env.parse_expression(clause.when))))
    for fragment in clause.leden:
        found.update(dict.fromkeys(_fragment_keys(fragment)))
    return list(found)


def _fragment_keys(fragment: Fragment) -> list[str]:
    keys = _keys(jinja_env.parse(fragment.tekst)) if "{" in fragment.tekst else []
    if fragment.when:
        keys += _keys(jinja_env.parse_expression(fragment.when))
    for sub in fragment.subs:
        keys += _fragment_keys(sub)
    for variant in fragment.varianten:
        keys += _keys(jinja_env.parse(variant.tekst)) if "{" in variant.tekst else []
        keys += _keys(jinja_env.parse_expression(variant.when)) if variant.when else []
        for sub in variant.subs:
            keys += _fragment_keys(sub)
    return keys


def _keys(tree: jinja_env.Tree) -> list[str]:
    return [f"{name}.{chain[0]}" for name, chain in jinja_env.attribute_chains(tree)
            if name in SECTIONS and chain and chain[0] in SECTIONS[name].model_fields]
