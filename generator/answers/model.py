"""The answers model: every key, type and default of the contract (antwoorden.md), nothing renamed.

Keys whose default depends on other answers (`ingangsdatum`, `basisjaar`, `leiding`,
`rechtbank`) are None here and resolved in `defaults.apply_derived_defaults`, the one place
where defaults that need context are applied.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from generator.answers import vocabulary as v
from generator.answers.fields import (
    Amount,
    AmountMap,
    Bool,
    Date,
    Kvk,
    Percentage,
    PositiveAmount,
    Text,
    TextList,
    choice,
    choices_list,
    percentage,
    whole,
)


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_default=False)


class Consortium(Section):
    naam: Text
    werkgebied: TextList
    opdrachtgever: Text
    opdrachtwaarde_per_jaar: PositiveAmount
    ingangsdatum: Date | None = None
    looptijd_jaren: whole(1, 15) = 4
    taak: choice(v.TAKEN) = "smal"
    verblijf: Bool = False
    toegang: Bool = False
    # None = not given: unknown is not 0 (Jeugdwet 4.4.1; see README, Afwijkingen).
    jeugdhulpverleners: whole(0, None) | None = None
    hoofdelijk: Bool = True


class Partner(Section):
    naam: Text
    rechtsvorm: choice(v.PARTNER_VORMEN) = "stichting"
    kvk: Kvk | None = None
    plaats: Text | None = None
    vertegenwoordiger: Text | None = None
    aandeel: percentage(0, 100, low_open=True)
    omzet: Amount | None = None
    penvoerder: Bool = False


class Rechtsvorm(Section):
    vorm: choice(v.VORMEN)
    naam: Text | None = None
    zetel: Text | None = None


DEFAULT_GEKWALIFICEERD = ["begroting", "jaarrekening", "verdeelsleutel", "toetreding"]
DEFAULT_UNANIEM = ["statutenwijziging", "ontbinding"]


class Stemrecht(Section):
    model: choice(v.STEMMODELLEN) = "gelijk"
    maximum: Percentage = 50
    quorum: Percentage = 50
    gekwalificeerd: percentage(50, 100) = 67
    gekwalificeerde_besluiten: choices_list(v.BESLUITEN) = Field(
        default_factory=lambda: list(DEFAULT_GEKWALIFICEERD)
    )
    unanieme_besluiten: choices_list(v.BESLUITEN) = Field(
        default_factory=lambda: list(DEFAULT_UNANIEM)
    )
    impasse: choice(v.IMPASSES) = "mediation"


class Lumpsum(Section):
    basisjaar: whole(1990, 2100) | None = None
    historische_uitgaven: Amount | None = None
    indexatie: Percentage = 0
    toeslagen: AmountMap = Field(default_factory=dict)
    inverdieneffect: Percentage = 0
    kostprijselementen: Bool = False
    risicoverdeling: choice(v.RISICOVERDELINGEN) = "integraal"
    verdeling: choice(v.VERDELINGEN) = "verdeelsleutel"
    afroming: percentage(0, 30) = 0
    reserve: Percentage = 0


class Ventiel(Section):
    soort: choice(v.VENTIELEN)
    drempel: percentage(0, 100, low_open=True) | None = None


def _default_ventielen() -> list[Ventiel]:
    return [Ventiel(soort="volume", drempel=10), Ventiel(soort="wetgeving"), Ventiel(soort="overmacht")]


class Risicoventielen(Section):
    ventielen: list[Ventiel] = Field(default_factory=_default_ventielen)
    meldingstermijn: whole(1, 365) = 30
    tekort: choice(v.TEKORTEN) = "naar_aandeel"
    overschot: choice(v.OVERSCHOTTEN) = "reserve"


DEFAULT_UITSLUITINGSGRONDEN = ["faillissement", "surseance", "wanprestatie"]


class Uittreding(Section):
    opzegtermijn: whole(1, 36) = 12
    per: choice(v.UITTREDING_PER) = "einde_boekjaar"
    vergoeding: choice(v.VERGOEDINGEN) = "aandeel_tekort"
    vast_bedrag: PositiveAmount | None = None
    zorgcontinuiteit: Bool = True
    toetreding: choice(v.TOETREDINGEN) = "unaniem"
    uitsluitingsgronden: choices_list(v.UITSLUITINGSGRONDEN) = Field(
        default_factory=lambda: list(DEFAULT_UITSLUITINGSGRONDEN)
    )


class Toezicht(Section):
    model: choice(v.TOEZICHTMODELLEN) = "getrapt"
    leden: whole(3, 9) = 3
    leiding: choice(v.LEIDING) | None = None
    clientenraad: Bool = False
    ondernemingsraad: Bool = False


DEFAULT_KPIS = [k for k in v.KPIS if k != "transformatie"]


class Dataregistratie(Section):
    kpis: choices_list(v.KPIS) = Field(default_factory=lambda: list(DEFAULT_KPIS))
    frequentie: choice(v.FREQUENTIES) = "kwartaal"
    avg_rol: choice(v.AVG_ROLLEN) = "gezamenlijk"
    uitwisseling: choice(v.UITWISSELINGEN) = "per_partner"
    jaarverslag: Bool = True


class Geschillen(Section):
    route: choice(v.GESCHILROUTES) = "mediation_rechter"
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
    """A validated answers file, with every default applied and remembered."""

    model_config = ConfigDict(extra="forbid")

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
    def einddatum(self) -> dt.date:
        start = self.consortium.ingangsdatum
        assert start is not None
        from generator.answers.dates import term_end

        return term_end(start, self.consortium.looptijd_jaren)

    def as_plain(self) -> dict:
        """Plain data (dates as date), suitable for writing back as an answers file."""
        return self.model_dump(mode="python")
