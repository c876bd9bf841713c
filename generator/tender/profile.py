"""The tender profile (aanbesteding.yaml): what a municipality fixes, restricts and recommends.

A profile is written in the answers file's own shape and every value in it is checked by the
answers model's own field validation (`validate_field`), so a profile accepts exactly the values
an answers file accepts, with the same Dutch messages. A broken profile is refused as a whole,
every problem listed, before anything is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from generator.answers import vocabulary as v
from generator.answers.fields import Text, closest
from generator.answers.load import validate_field, validate_section
from generator.answers.model import SECTIONS, Section
from generator.errors import ConsortiumError, Problem

SUPPORTED_VERSION = 1
PROFILE_KEYS = ("versie", "aanbesteding", "vast", "toegestaan", "aanbevolen")
RANGE_KEYS = ("min", "max")
# A tender always names its buyer, its area and its lump sum: the model documents need them.
REQUIRED_FIXED = ("consortium.opdrachtgever", "consortium.werkgebied", "consortium.opdrachtwaarde_per_jaar")
# Keys that are lists of structured items: a profile may fix them, not restrict them item by item.
UNRESTRICTABLE = ("risicoventielen.ventielen", "lumpsum.toeslagen")


class InvalidProfile(ConsortiumError):
    """The tender profile is broken; every problem is listed."""


class Aanbesteding(Section):
    naam: Text
    kenmerk: Text


@dataclass(frozen=True)
class Bereik:
    """A {min, max} restriction; either bound may be absent."""

    min: Any = None
    max: Any = None

    def allows(self, value: Any) -> bool:
        if value is None:
            return False
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)

    def text(self) -> str:
        if self.min is not None and self.max is not None:
            return f"tussen {show(self.min)} en {show(self.max)}"
        return f"ten minste {show(self.min)}" if self.min is not None else f"hoogstens {show(self.max)}"


Restriction = tuple[Any, ...] | Bereik


@dataclass(frozen=True)
class Profiel:
    naam: str
    kenmerk: str
    vast: dict[str, Any] = field(default_factory=dict)  # 'section.key' -> normalised value
    toegestaan: dict[str, Restriction] = field(default_factory=dict)
    aanbevolen: dict[str, Any] = field(default_factory=dict)
    bron: dict[str, Any] = field(default_factory=dict)  # the `vast` part as written, for the starter file

    def vormen(self) -> tuple[str, ...]:
        """The legal forms a bid may choose, in the contract's order."""
        if "rechtsvorm.vorm" in self.vast:
            return (self.vast["rechtsvorm.vorm"],)
        allowed = self.toegestaan.get("rechtsvorm.vorm")
        return tuple(vorm for vorm in v.VORMEN if allowed is None or within(allowed, vorm))


def allowed_text(rule: Restriction) -> str:
    return rule.text() if isinstance(rule, Bereik) else ", ".join(show(x) for x in rule)


def show(value: Any) -> str:
    """A value as the user wrote it in YAML: ja/nee, plain numbers, ISO dates, [lists]."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(show(x) for x in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {show(x)}" for k, x in value.items()) + "}"
    return str(value)


def plain(value: Any) -> Any:
    """Validated values as plain data (ventielen become mappings), for comparing and writing."""
    if isinstance(value, BaseModel):
        return {k: x for k, x in value.model_dump().items() if x is not None}
    if isinstance(value, list):
        return [plain(x) for x in value]
    return value


def parse_profile(raw: Any, plaats: str = "aanbesteding") -> Profiel:
    """Validate a raw profile on its own; raise InvalidProfile listing every problem.

    `tender.read.read_profile` adds the check against the answers model.
    """
    if not isinstance(raw, dict):
        raise InvalidProfile(f"{plaats} is geen aanbestedingsprofiel: verwacht sleutels met waarden, "
                             "te beginnen met 'versie: 1' en 'aanbesteding: {naam: ..., kenmerk: ...}'.")
    problems = _top_problems(raw)
    header = _header(raw.get("aanbesteding"), problems)
    vast, bron = _fixed(raw.get("vast"), problems)
    toegestaan = _allowed(raw.get("toegestaan"), vast, problems)
    aanbevolen = _recommended(raw.get("aanbevolen"), vast, toegestaan, problems)
    profiel = Profiel(naam=header[0], kenmerk=header[1], vast=vast, toegestaan=toegestaan,
                      aanbevolen=aanbevolen, bron=bron)
    if problems:
        raise invalid_profile(plaats, problems)
    return profiel


def invalid_profile(plaats: str, problems: list[Problem]) -> InvalidProfile:
    count = "1 probleem" if len(problems) == 1 else f"{len(problems)} problemen"
    return InvalidProfile(f"{plaats} is ongeldig ({count}); er is niets geschreven:", problems)


def _top_problems(raw: dict[str, Any]) -> list[Problem]:
    problems = []
    for key in raw:
        if key not in PROFILE_KEYS:
            problems.append(_unknown(str(key), "", PROFILE_KEYS))
    if raw.get("versie") != SUPPORTED_VERSION or isinstance(raw.get("versie"), bool):
        problems.append(Problem("versie", "ontbreekt of wordt niet ondersteund; schrijf 'versie: 1'"))
    if "aanbesteding" not in raw:
        problems.append(Problem("aanbesteding", "ontbreekt; geef de naam en het kenmerk van de aanbesteding"))
    return problems


def _unknown(key: str, prefix: str, known: tuple[str, ...]) -> Problem:
    hint = closest(key, known)
    tip = f"; bedoelt u '{hint}'?" if hint else f"; bekende sleutels: {', '.join(known)}"
    return Problem(f"{prefix}{key}", f"onbekende sleutel{tip}")


def _header(raw: Any, problems: list[Problem]) -> tuple[str, str]:
    if raw is None:
        return "", ""
    result = validate_section(Aanbesteding, raw, "aanbesteding")
    if isinstance(result, list):
        problems += result
        return "", ""
    return result.naam, result.kenmerk


def _mapping(raw: Any, where: str, problems: list[Problem]) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.append(Problem(where, "verwacht sleutels met waarden"))
        return {}
    return raw


def _fixed(raw: Any, problems: list[Problem]) -> tuple[dict[str, Any], dict[str, Any]]:
    vast: dict[str, Any] = {}
    bron: dict[str, Any] = {}
    for section, keys in _mapping(raw, "vast", problems).items():
        where = f"vast.{section}"
        if section == "partners":
            problems.append(Problem(where, "de partners zijn bij de aanbesteding nog niet bekend; "
                                    "zij horen niet onder vast (de inschrijvers vullen ze in)"))
            continue
        if section not in SECTIONS:
            problems.append(_unknown(str(section), "vast.", tuple(SECTIONS)))
            continue
        for key, value in _mapping(keys, where, problems).items():
            normalised, found = validate_field(section, str(key), value)
            if found:
                problems += [Problem(f"vast.{p.pad}", p.bericht) for p in found]
                continue
            vast[f"{section}.{key}"] = plain(normalised)
            bron.setdefault(section, {})[key] = value
    for pad in REQUIRED_FIXED:
        if pad not in vast and not any(p.pad == f"vast.{pad}" for p in problems):
            problems.append(Problem(f"vast.{pad}", "ontbreekt; een aanbesteding legt de opdrachtgever, het "
                                    "werkgebied en de opdrachtwaarde per jaar vast"))
    return vast, bron


def _path(pad: Any, where: str, problems: list[Problem]) -> tuple[str, str] | None:
    """'stemrecht.model' -> ('stemrecht', 'model'), or None with the problem recorded."""
    section, _, key = str(pad).partition(".")
    if section == "partners":
        problems.append(Problem(f"{where}.{pad}", "de partners zijn bij de aanbesteding nog niet bekend en "
                                "kunnen niet worden beperkt"))
        return None
    if section not in SECTIONS or not key:
        hint = closest(section, SECTIONS)
        tip = f"; bedoelt u '{hint}.{key or '...'}'?" if hint else ""
        problems.append(Problem(f"{where}.{pad}", "verwacht een sleutel als 'onderdeel.sleutel', bijvoorbeeld "
                                f"'stemrecht.model'{tip}"))
        return None
    if key not in SECTIONS[section].model_fields:
        problems.append(_unknown(key, f"{where}.{section}.", tuple(SECTIONS[section].model_fields)))
        return None
    return section, key


def is_list_field(section: str, key: str) -> bool:
    annotation = SECTIONS[section].model_fields[key].annotation
    return getattr(annotation, "__origin__", None) is list


def _allowed(raw: Any, vast: dict[str, Any], problems: list[Problem]) -> dict[str, Restriction]:
    result: dict[str, Restriction] = {}
    for pad, rule in _mapping(raw, "toegestaan", problems).items():
        where = f"toegestaan.{pad}"
        parts = _path(pad, "toegestaan", problems)
        if parts is None:
            continue
        if pad in vast:
            problems.append(Problem(where, "staat ook onder vast; een antwoord is vast of beperkt, niet allebei"))
            continue
        if pad in UNRESTRICTABLE:
            problems.append(Problem(where, "kan niet per waarde worden beperkt; leg de hele waarde vast onder "
                                    "vast, of laat haar vrij"))
            continue
        restriction = _restriction(parts, rule, where, problems)
        if restriction is not None:
            result[pad] = restriction
    return result


def _restriction(parts: tuple[str, str], rule: Any, where: str, problems: list[Problem]) -> Restriction | None:
    section, key = parts
    if isinstance(rule, dict):
        return _range(parts, rule, where, problems)
    if not isinstance(rule, list):
        problems.append(Problem(where, "verwacht een lijst van toegestane waarden, bijvoorbeeld [cooperatie, "
                                "stichting], of een bereik als {min: 0, max: 7}"))
        return None
    if not rule:
        problems.append(Problem(where, "de lege lijst sluit elke waarde uit; noem ten minste één waarde"))
        return None
    values, ok = [], True
    for item in rule:
        candidate = [item] if is_list_field(section, key) else item
        value, found = validate_field(section, key, candidate)
        if found:
            problems += [Problem(where, f"'{show(item)}': {p.bericht}") for p in found]
            ok = False
        else:
            values.append(plain(value)[0] if is_list_field(section, key) else plain(value))
    return tuple(values) if ok else None


def _range(parts: tuple[str, str], rule: dict[str, Any], where: str, problems: list[Problem]) -> Bereik | None:
    section, key = parts
    extra = [k for k in rule if k not in RANGE_KEYS]
    if extra or not rule:
        problems.append(Problem(where, "een bereik heeft alleen 'min' en/of 'max', bijvoorbeeld {max: 7}"))
        return None
    bounds: dict[str, Any] = {}
    for name, raw in rule.items():
        value, found = validate_field(section, key, raw)
        if found:
            problems += [Problem(f"{where}.{name}", f"{p.bericht}; zo sluit het bereik elke waarde uit")
                         for p in found]
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | dt.date):
            problems.append(Problem(where, "een bereik past alleen bij een getal of datum; "
                                    "noem bij deze sleutel een lijst van toegestane waarden"))
            return None
        bounds[name] = value
    bereik = Bereik(bounds.get("min"), bounds.get("max"))
    if bereik.min is not None and bereik.max is not None and bereik.min > bereik.max:
        problems.append(Problem(where, f"min {show(bereik.min)} ligt boven max {show(bereik.max)}; "
                                "zo sluit het bereik elke waarde uit"))
        return None
    return bereik


def _recommended(raw: Any, vast: dict[str, Any], toegestaan: dict[str, Restriction],
                 problems: list[Problem]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for pad, raw_value in _mapping(raw, "aanbevolen", problems).items():
        where = f"aanbevolen.{pad}"
        parts = _path(pad, "aanbevolen", problems)
        if parts is None:
            continue
        if pad in vast:
            problems.append(Problem(where, "staat ook onder vast; een vast antwoord kan niet ook een aanbeveling zijn"))
            continue
        value, found = validate_field(*parts, raw_value)
        if found:
            problems += [Problem(f"aanbevolen.{p.pad}", p.bericht) for p in found]
            continue
        value = plain(value)
        rule = toegestaan.get(pad)
        if rule is not None and not within(rule, value):
            problems.append(Problem(where, f"'{show(value)}' valt buiten wat toegestaan is "
                                    f"({allowed_text(rule)})"))
            continue
        result[pad] = value
    return result


def within(rule: Restriction, value: Any) -> bool:
    """Whether a (plain) value keeps to a restriction; a list value must keep to it item by item."""
    if isinstance(rule, Bereik):
        return rule.allows(value)
    if isinstance(value, list):
        return all(item in rule for item in value)
    return value in rule
