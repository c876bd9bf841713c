"""The namespace clause texts and conditions see: the answers, derived facts and notation helpers."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from generator import facts, notation
from generator.adapters.jinja_env import Marked
from generator.answers import vocabulary as v
from generator.answers.model import Antwoorden
from generator.library import akte
from generator.library.schema import Labels, Term

OPEN_START, OPEN_END = "\ue000", "\ue001"

# A signature block's lines under each partner `p`, in the clause language.
SIGNED_BY = "{{ waarde(p.vertegenwoordiger, 'naam vertegenwoordiger') }}"
SIGNED_AT = "{{ waarde(p.plaats, 'plaats') }}, {{ open_punt('datum') }}"

# The choices of the answers per kind, with the interview's wording. The contract's wording of the
# same choices is in the library (termen.yaml, `labels`); this table is the fallback for a library
# that has none, and what `clauses check` holds the library's labels against.
LABELS: dict[str, dict[str, str]] = {
    "besluit": v.BESLUITEN,
    "ventiel": v.VENTIELEN,
    "kpi": v.KPIS,
    "uitsluitingsgrond": v.UITSLUITINGSGRONDEN,
    "frequentie": v.FREQUENTIES,
    "partnervorm": v.PARTNER_VORMEN,
    "verdeling": v.VERDELINGEN,
    "impasse": v.IMPASSES,
    "overschot": v.OVERSCHOTTEN,
    "tekort": v.TEKORTEN,
}

ANSWER_NAMES = ("consortium", "partners", "rechtsvorm", "stemrecht", "lumpsum", "risicoventielen",
                "uittreding", "toezicht", "dataregistratie", "geschillen")


def open_punt(label: str) -> Marked:
    """A visible placeholder for a missing fact, e.g. [KvK-nummer]; listed as an open point."""
    return Marked(f"{OPEN_START}{label}{OPEN_END}")


def waarde(value: Any, label: str) -> Any:
    """The value, or a placeholder when the optional fact is missing."""
    return open_punt(label) if value is None or value == "" else value


def label(kind: str, key: str) -> str:
    return LABELS[kind][key]


def labels(kind: str, keys: list[str]) -> list[str]:
    return [LABELS[kind][k] for k in keys]


class Labeler:
    """label('besluit', key) and labels('besluit', keys) over the library's contract wording."""

    def __init__(self, phrases: Labels, with_entity: bool) -> None:
        self.phrases = phrases
        self.with_entity = with_entity

    def label(self, kind: str, key: str) -> str:
        if not self.with_entity and (kind, key) in _WITHOUT_ENTITY:
            return _WITHOUT_ENTITY[(kind, key)]
        return self.phrases.get(kind, {}).get(key) or LABELS[kind][key]

    def labels(self, kind: str, keys: list[str]) -> list[str]:
        return [self.label(kind, k) for k in keys]


def facts_of(a: Antwoorden) -> dict[str, Any]:
    raad = {"raad_van_toezicht": "de raad van toezicht",
            "raad_van_commissarissen": "de raad van commissarissen"}.get(a.toezicht.model)
    return {
        "vorm": a.rechtsvorm.vorm,
        "heeft_rechtspersoon": a.heeft_rechtspersoon,
        "penvoerder": a.penvoerder,
        "eigen_raad": facts.eigen_raad(a),
        "raad": raad,
        "intern_toezicht_verplicht": facts.intern_toezicht_verplicht(a),
        "jeugdhulpverleners_onbekend": facts.jeugdhulpverleners_onbekend(a),
        "opzegging_begrensd": facts.opzegging_begrensd(a),
        "rapportageperiode": RAPPORTAGEPERIODE[a.dataregistratie.frequentie],
        "naam": a.rechtsvorm.naam if a.heeft_rechtspersoon else a.consortium.naam,
        "einddatum": a.einddatum,
        "aantal_partners": len(a.partners),
    }


HELPERS: dict[str, Callable[..., Any]] = {
    "bedrag": notation.bedrag,
    "getal": notation.getal,
    "procent": notation.procent,
    "datum": notation.datum,
    "na_maanden": notation.na_maanden,
    "termijn": notation.termijn,
    "aantal": notation.aantal,
    "in_woorden": notation.in_woorden,
    "opsomming": notation.opsomming,
    "label": label,
    "labels": labels,
    "open_punt": open_punt,
    "waarde": waarde,
}

# "binnen dertig dagen na afloop van ..." for the reporting frequency the answers chose.
RAPPORTAGEPERIODE = {"maand": "iedere maand", "kwartaal": "ieder kwartaal", "halfjaar": "ieder halfjaar",
                     "jaar": "ieder jaar"}

FACT_NAMES = ("vorm", "heeft_rechtspersoon", "penvoerder", "eigen_raad", "raad",
              "intern_toezicht_verplicht", "jeugdhulpverleners_onbekend", "opzegging_begrensd",
              "rapportageperiode", "naam", "einddatum", "aantal_partners")
# `partner` and `nr` are bound by fragments with `herhaal: partners`.
KNOWN_NAMES = frozenset((*ANSWER_NAMES, *FACT_NAMES, *HELPERS, *akte.FACT_NAMES, *akte.HELPERS,
                         "ref", "range", "loop", "partner", "nr"))


def namespace(a: Antwoorden, terms: dict[str, Term] | None = None, phrases: Labels | None = None) -> dict[str, Any]:
    """Everything a clause may read: answers, facts, helpers and the library's terms and labels
    (termen.yaml; the installed ones when None). `ref` is added per document by the renderer."""
    answers = {name: getattr(a, name) for name in ANSWER_NAMES}
    labeler = Labeler(default_labels() if phrases is None else phrases, a.heeft_rechtspersoon)
    helpers = {**HELPERS, "label": labeler.label, "labels": labeler.labels}
    ns = {**answers, **facts_of(a), **akte.deed_facts(a), **helpers, **akte.HELPERS}
    for name, term in (default_terms() if terms is None else terms).items():
        ns[name] = term_text(term, ns)
    return ns


def term_text(term: Term, ns: dict[str, Any]) -> str:
    """The wording of a term for these answers; terms may use earlier terms."""
    from generator.adapters.jinja_env import compile_text, render
    from generator.library.select import chosen_variant

    variant = chosen_variant(term.varianten, ns)
    if variant is None:
        return ""
    # Library wording, not an answer: its own placeholders (open_punt) stay markers.
    return Marked(render(compile_text(variant.tekst), ns)) if "{" in variant.tekst else variant.tekst


@cache
def default_labels() -> Labels:
    """The installed library's contract wording of the choices (the interview's when it has none)."""
    from generator.library.terms import read_labels
    from generator.resources import data_dir

    return read_labels(data_dir("clauses"), []) or LABELS


@cache
def default_terms() -> dict[str, Term]:
    """The installed library's terms (read once; the bundled library is trusted, see `clauses check`)."""
    from generator.library.terms import read_terms
    from generator.resources import data_dir

    return read_terms(data_dir("clauses"), [])


# A samenwerkingsverband without legal personality has no jaarrekening, only a financial account.
_WITHOUT_ENTITY = {("besluit", "jaarrekening"): "de vaststelling van de financiële verantwoording"}
