"""A bid checked against a tender profile: departures from fixed answers and allowed sets are
errors; departures from recommendations are listed with the bid's reason. Pure."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.answers.model import Antwoorden
from generator.errors import ConsortiumError, Problem
from generator.tender.profile import Profiel, allowed_text, plain, show, within


class NotConforming(ConsortiumError):
    """The bid departs from what the tender fixes or allows."""


@dataclass(frozen=True)
class Afwijking:
    """A departure from a recommendation, with the reason the bid gives (None when it gives none)."""

    pad: str
    aanbevolen: Any
    gekozen: Any
    reden: str | None


@dataclass(frozen=True)
class Toets:
    profiel: Profiel
    fouten: list[Problem] = field(default_factory=list)
    afwijkingen: list[Afwijking] = field(default_factory=list)
    gevolgd: list[str] = field(default_factory=list)  # recommendations the bid follows

    @property
    def conform(self) -> bool:
        return not self.fouten


def value_at(answers: Antwoorden, pad: str) -> Any:
    section, key = pad.split(".")
    return plain(getattr(getattr(answers, section), key))


def _same(a: Any, b: Any) -> bool:
    """Equal, with lists of choices compared as sets (the order of KPIs means nothing)."""
    if isinstance(a, list) and isinstance(b, list) and all(isinstance(x, str) for x in a + b):
        return sorted(a) == sorted(b)
    return bool(a == b)


def conformity(answers: Antwoorden, profiel: Profiel) -> Toets:
    fouten: list[Problem] = []
    for pad, fixed in profiel.vast.items():
        bid = value_at(answers, pad)
        if not _same(bid, fixed):
            fouten.append(Problem(pad, f"is {show(bid)}, maar de aanbesteding legt {show(fixed)} vast "
                                  f"(regel van het profiel: vast.{pad})"))
    for pad, rule in profiel.toegestaan.items():
        bid = value_at(answers, pad)
        if not within(rule, bid):
            fouten.append(Problem(pad, f"is {show(bid)}, maar de aanbesteding staat alleen toe: "
                                  f"{allowed_text(rule)} (regel van het profiel: toegestaan.{pad})"))
    afwijkingen, gevolgd = [], []
    for pad, recommended in profiel.aanbevolen.items():
        bid = value_at(answers, pad)
        if _same(bid, recommended):
            gevolgd.append(pad)
            continue
        reden = answers.afwijkingen.get(pad)
        afwijkingen.append(Afwijking(pad, recommended, bid, reden))
        if reden is None:
            fouten.append(Problem(pad, f"is {show(bid)} en wijkt af van de aanbeveling {show(recommended)} "
                                  f"zonder reden; geef de reden in het antwoordenbestand onder "
                                  f"'afwijkingen: {{{pad}: \"...\"}}' (regel van het profiel: aanbevolen.{pad})"))
    return Toets(profiel, fouten, afwijkingen, gevolgd)


def require_conformity(answers: Antwoorden, profiel: Profiel, plaats: str) -> Toets:
    toets = conformity(answers, profiel)
    if toets.fouten:
        count = "1 afwijking" if len(toets.fouten) == 1 else f"{len(toets.fouten)} afwijkingen"
        raise NotConforming(f"{plaats} voldoet niet aan de aanbesteding '{profiel.naam}' "
                            f"(kenmerk {profiel.kenmerk}): {count}; er is niets geschreven:", toets.fouten)
    return toets


def statement(toets: Toets) -> str:
    """The conformity statement `check --aanbesteding` prints, in Dutch."""
    p = toets.profiel
    lines = [f"Toets aan de aanbesteding '{p.naam}' (kenmerk {p.kenmerk}):"]
    if not toets.conform:
        lines.append(f"  Dit bod voldoet NIET aan de aanbesteding ({len(toets.fouten)} afwijkingen):")
        lines += [f"  - {f}" for f in toets.fouten]
        return "\n".join(lines)
    lines.append(f"  Dit bod voldoet aan de aanbesteding: alle {len(p.vast)} vaste antwoorden zijn overgenomen, "
                 f"alle {len(p.toegestaan)} beperkte keuzes vallen binnen wat is toegestaan, "
                 f"{len(toets.gevolgd)} van de {len(p.aanbevolen)} aanbevelingen "
                 f"{'is' if len(toets.gevolgd) == 1 else 'zijn'} gevolgd.")
    if toets.afwijkingen:
        lines.append("  Afwijkingen van aanbevelingen, met de reden van de inschrijver:")
        lines += [f"  - {a.pad}: aanbevolen {show(a.aanbevolen)}, gekozen {show(a.gekozen)}. Reden: {a.reden}"
                  for a in toets.afwijkingen]
    else:
        lines.append("  Afwijkingen van aanbevelingen: geen.")
    return "\n".join(lines)


def to_json(toets: Toets) -> dict[str, Any]:
    return {
        "naam": toets.profiel.naam,
        "kenmerk": toets.profiel.kenmerk,
        "conform": toets.conform,
        "fouten": [{"pad": f.pad, "bericht": f.bericht} for f in toets.fouten],
        "afwijkingen": [{"pad": a.pad, "aanbevolen": a.aanbevolen, "gekozen": a.gekozen, "reden": a.reden}
                        for a in toets.afwijkingen],
    }
