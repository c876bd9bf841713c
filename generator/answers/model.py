"""The answers model: every key, type and default of the contract (antwoorden.md), nothing renamed.

Keys whose default depends on other answers (`ingangsdatum`, `basisjaar`, `leiding`,
`rechtbank`) are None here and resolved in `defaults.apply_derived_defaults`, the one place
where defaults that need context are computed (into a new, frozen value).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from generator.answers import vocabulary as v
from generator.answers.fields import (
    AS_NUMBER,
    AS_WHOLE,
    Amount,
    AmountMap,
    Bool,
    Date,
    Kvk,
    Percentage,
    PositiveAmount,
    Text,
    TextList,
    between,
    list_of,
    one_of,
)

# The field types of the model, named so that a type checker can read them: the validators in the
# metadata refuse a value with a Dutch message; the type is what a validated value is.
Taak = Annotated[str, one_of(v.TAKEN)]
PartnerVorm = Annotated[str, one_of(v.PARTNER_VORMEN)]
Vorm = Annotated[str, one_of(v.VORMEN)]
Stemmodel = Annotated[str, one_of(v.STEMMODELLEN)]
Besluiten = Annotated[list[str], list_of(v.BESLUITEN)]
Impasse = Annotated[str, one_of(v.IMPASSES)]
Risicoverdeling = Annotated[str, one_of(v.RISICOVERDELINGEN)]
Verdeling = Annotated[str, one_of(v.VERDELINGEN)]
Ventielsoort = Annotated[str, one_of(v.VENTIELEN)]
Tekort = Annotated[str, one_of(v.TEKORTEN)]
Overschot = Annotated[str, one_of(v.OVERSCHOTTEN)]
UittredingPer = Annotated[str, one_of(v.UITTREDING_PER)]
Vergoeding = Annotated[str, one_of(v.VERGOEDINGEN)]
Toetreding = Annotated[str, one_of(v.TOETREDINGEN)]
Uitsluitingsgronden = Annotated[list[str], list_of(v.UITSLUITINGSGRONDEN)]
Toezichtmodel = Annotated[str, one_of(v.TOEZICHTMODELLEN)]
Leiding = Annotated[str, one_of(v.LEIDING)]
Kpis = Annotated[list[str], list_of(v.KPIS)]
Frequentie = Annotated[str, one_of(v.FREQUENTIES)]
AvgRol = Annotated[str, one_of(v.AVG_ROLLEN)]
Uitwisseling = Annotated[str, one_of(v.UITWISSELINGEN)]
Geschilroute = Annotated[str, one_of(v.GESCHILROUTES)]

Aandeel = Annotated[float | int, AS_NUMBER, between(0, 100, low_open=True)]
Drempel = Annotated[float | int, AS_NUMBER, between(0, 100, low_open=True)]
Meerderheid = Annotated[float | int, AS_NUMBER, between(50, 100)]
Afroming = Annotated[float | int, AS_NUMBER, between(0, 30)]
Looptijd = Annotated[int, AS_WHOLE, between(1, 15)]
Aantal = Annotated[int, AS_WHOLE, between(0, None)]
Jaar = Annotated[int, AS_WHOLE, between(1990, 2100)]
Dagen = Annotated[int, AS_WHOLE, between(1, 365)]
Maanden = Annotated[int, AS_WHOLE, between(1, 36)]
Raadsleden = Annotated[int, AS_WHOLE, between(3, 9)]


class Section(BaseModel):
    """One section of the answers file; validated values never change (frozen)."""

    model_config = ConfigDict(extra="forbid", validate_default=False, frozen=True)


class Consortium(Section):
    naam: Text
    werkgebied: TextList
    opdrachtgever: Text
    opdrachtwaarde_per_jaar: PositiveAmount
    ingangsdatum: Date | None = None
    looptijd_jaren: Looptijd = 4
    taak: Taak = "smal"
    verblijf: Bool = False
    toegang: Bool = False
    # None = not given: unknown is not 0 (Jeugdwet 4.4.1; see README, Afwijkingen).
    jeugdhulpverleners: Aantal | None = None
    hoofdelijk: Bool = True


class Partner(Section):
    naam: Text
    rechtsvorm: PartnerVorm = "stichting"
    kvk: Kvk | None = None
    plaats: Text | None = None
    vertegenwoordiger: Text | None = None
    aandeel: Aandeel
    omzet: Amount | None = None
    penvoerder: Bool = False


class Rechtsvorm(Section):
    vorm: Vorm
    naam: Text | None = None
    zetel: Text | None = None
    # BV only (BW 2:178): euros per share; an addition to the contract (README, Afwijkingen).
    nominale_waarde: PositiveAmount = 1


DEFAULT_GEKWALIFICEERD = ["begroting", "jaarrekening", "verdeelsleutel", "toetreding"]
DEFAULT_UNANIEM = ["statutenwijziging", "ontbinding"]


class Stemrecht(Section):
    model: Stemmodel = "gelijk"
    maximum: Percentage = 50
    quorum: Percentage = 50
    gekwalificeerd: Meerderheid = 67
    gekwalificeerde_besluiten: Besluiten = Field(
        default_factory=lambda: list(DEFAULT_GEKWALIFICEERD)
    )
    unanieme_besluiten: Besluiten = Field(
        default_factory=lambda: list(DEFAULT_UNANIEM)
    )
    impasse: Impasse = "mediation"


class Lumpsum(Section):
    basisjaar: Jaar | None = None
    historische_uitgaven: Amount | None = None
    indexatie: Percentage = 0
    toeslagen: AmountMap = Field(default_factory=dict)
    inverdieneffect: Percentage = 0
    kostprijselementen: Bool = False
    risicoverdeling: Risicoverdeling = "integraal"
    verdeling: Verdeling = "verdeelsleutel"
    afroming: Afroming = 0
    reserve: Percentage = 0


class Ventiel(Section):
    soort: Ventielsoort
    drempel: Drempel | None = None


def _default_ventielen() -> list[Ventiel]:
    return [Ventiel(soort="volume", drempel=10), Ventiel(soort="wetgeving"), Ventiel(soort="overmacht")]


class Risicoventielen(Section):
    ventielen: list[Ventiel] = Field(default_factory=_default_ventielen)
    meldingstermijn: Dagen = 30
    tekort: Tekort = "naar_aandeel"
    overschot: Overschot = "reserve"


DEFAULT_UITSLUITINGSGRONDEN = ["faillissement", "surseance", "wanprestatie"]


class Uittreding(Section):
    opzegtermijn: Maanden = 12
    per: UittredingPer = "einde_boekjaar"
    vergoeding: Vergoeding = "aandeel_tekort"
    vast_bedrag: PositiveAmount | None = None
    zorgcontinuiteit: Bool = True
    toetreding: Toetreding = "unaniem"
    uitsluitingsgronden: Uitsluitingsgronden = Field(
        default_factory=lambda: list(DEFAULT_UITSLUITINGSGRONDEN)
    )


class Toezicht(Section):
    model: Toezichtmodel = "getrapt"
    leden: Raadsleden = 3
    leiding: Leiding | None = None
    clientenraad: Bool = False
    ondernemingsraad: Bool = False


DEFAULT_KPIS = [k for k in v.KPIS if k != "transformatie"]


class Dataregistratie(Section):
    kpis: Kpis = Field(default_factory=lambda: list(DEFAULT_KPIS))
    frequentie: Frequentie = "kwartaal"
    avg_rol: AvgRol = "gezamenlijk"
    uitwisseling: Uitwisseling = "per_partner"
    jaarverslag: Bool = True


class Geschillen(Section):
    route: Geschilroute = "mediation_rechter"
    rechtbank: Text | None = None


SECTIONS: dict[str, type[Section]] = {
    "consortium": Consortium,
    "rechtsvorm": Rechtsvorm,
    "stemrecht": Stemrecht,
    "lumpsum": Lumpsum,
    "risicoventielen": Risicoventielen,
    "uittreding": Uittreding,
    "toezicht": Toezicht,
    "dataregistratie": Dataregistratie,
    "geschillen": Geschillen,
}
REQUIRED_SECTIONS = ("consortium", "partners", "rechtsvorm")
TOP_KEYS = ("versie", "consortium", "partners", "rechtsvorm", "stemrecht", "lumpsum",
            "risicoventielen", "uittreding", "toezicht", "dataregistratie", "geschillen")
EXTRA_TOP_KEYS = ("afwijkingen",)  # additions to the contract's top level, documented in the README


class Antwoorden(BaseModel):
    """A validated answers file, with every default applied and remembered. Frozen: a default
    that follows other answers is computed into a new value (answers.defaults), never written back."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    versie: int = 1
    consortium: Consortium
    partners: list[Partner]
    rechtsvorm: Rechtsvorm
    stemrecht: Stemrecht = Field(default_factory=Stemrecht)
    lumpsum: Lumpsum = Field(default_factory=Lumpsum)
    risicoventielen: Risicoventielen = Field(default_factory=Risicoventielen)
    uittreding: Uittreding = Field(default_factory=Uittreding)
    toezicht: Toezicht = Field(default_factory=Toezicht)
    dataregistratie: Dataregistratie = Field(default_factory=Dataregistratie)
    geschillen: Geschillen = Field(default_factory=Geschillen)
    # Why a bid departs from a tender's recommendations (generator.tender); not a contract key.
    afwijkingen: dict[str, str] = Field(default_factory=dict)

    _standaard: frozenset[str] = PrivateAttr(default=frozenset())

    def is_standaard(self, pad: str) -> bool:
        """True when the value at `pad` (e.g. 'stemrecht.model') came from a default."""
        return pad in self._standaard

    @property
    def standaard(self) -> frozenset[str]:
        return self._standaard

    @property
    def penvoerder(self) -> Partner | None:
        return next((p for p in self.partners if p.penvoerder), None)

    @property
    def heeft_rechtspersoon(self) -> bool:
        return self.rechtsvorm.vorm != "geen"

    @property
    def ingangsdatum(self) -> dt.date:
        """The start date as given, or as answers.defaults computed it (set once validated)."""
        start = self.consortium.ingangsdatum
        assert start is not None, "validated answers always have a start date"
        return start

    @property
    def basisjaar(self) -> int:
        """The base year as given, or the year before the start date (answers.defaults)."""
        year = self.lumpsum.basisjaar
        assert year is not None, "validated answers always have a base year"
        return year

    @property
    def einddatum(self) -> dt.date:
        from generator.answers.dates import term_end

        return term_end(self.ingangsdatum, self.consortium.looptijd_jaren)

    def with_standaard(self, paths: frozenset[str]) -> Antwoorden:
        """A copy that records `paths` as the values that came from a default."""
        copy = self.model_copy()
        copy._standaard = paths
        return copy

    def as_plain(self) -> dict[str, object]:
        """Plain data (dates as date), suitable for writing back as an answers file."""
        return self.model_dump(mode="python")
