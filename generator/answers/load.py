"""From raw YAML data to a validated `Antwoorden`, reporting every problem at once, in Dutch."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from generator.answers.defaults import apply_derived_defaults, default_paths
from generator.answers.fields import closest, spelled
from generator.answers.model import (
    EXTRA_TOP_KEYS,
    REQUIRED_SECTIONS,
    SECTIONS,
    TOP_KEYS,
    Antwoorden,
    Consortium,
    Partner,
    Rechtsvorm,
    Section,
)
from generator.answers.rules import cross_field_problems
from generator.errors import InvalidAnswers, Problem

S = TypeVar("S", bound=BaseModel)

SUPPORTED_VERSION = 1
MIN_PARTNERS = 2


def load_answers(path: Path, today: dt.date | None = None) -> Antwoorden:
    from generator.adapters import yaml_io

    return validate_answers(yaml_io.read_file(path), str(path), today=today)


def validate_answers(raw: Any, plaats: str = "antwoorden", today: dt.date | None = None) -> Antwoorden:
    """Validate raw data against the contract; raise InvalidAnswers listing every problem."""
    if raw is None:
        raise InvalidAnswers(f"{plaats} is leeg. Een antwoordenbestand begint met 'versie: 1'.")
    if not isinstance(raw, dict):
        raise InvalidAnswers(
            f"{plaats} bevat geen sleutels en waarden maar een {_kind(raw)}. "
            "Een antwoordenbestand begint met 'versie: 1' gevolgd door de onderdelen."
        )
    problems = _top_level_problems(raw)
    sections, failed = _validate_sections(raw, problems)
    _stand_in_failed_required(sections, failed)
    from generator.answers.departures import validate_departures

    departures = validate_departures(raw.get("afwijkingen"), problems)
    answers = Antwoorden(versie=SUPPORTED_VERSION, partners=sections.pop("partners"), afwijkingen=departures,
                         **sections)
    answers = apply_derived_defaults(answers.with_standaard(default_paths(raw, answers)), today)
    problems += [p for p in cross_field_problems(answers, skip=failed) if _section_of(p.pad) not in failed]
    if problems:
        raise _invalid(plaats, problems)
    return answers


def _stand_in_failed_required(sections: dict[str, Any], failed: set[str]) -> None:
    """Empty stand-ins for required sections that failed, so that the cross-field rules on the
    other sections can still run and every problem is reported at once. Rules that read a failed
    section are skipped, so a stand-in never produces a problem of its own."""
    if "consortium" in failed:
        sections["consortium"] = _stand_in(Consortium)
    if "rechtsvorm" in failed:
        sections["rechtsvorm"] = _stand_in(Rechtsvorm, vorm="geen")
    if "partners" in failed:
        sections["partners"] = []


def _stand_in(model: type[S], **values: Any) -> S:
    """An unvalidated section with only `values`: never shown, only read by rules that skip it."""
    return model.model_construct(**values)


def _invalid(plaats: str, problems: list[Problem]) -> InvalidAnswers:
    count = "1 probleem" if len(problems) == 1 else f"{len(problems)} problemen"
    return InvalidAnswers(f"{plaats} is ongeldig ({count}); er is niets geschreven:", problems)


def _kind(raw: Any) -> str:
    return {list: "lijst", str: "losse tekst", int: "los getal", float: "los getal",
            bool: "losse ja/nee-waarde"}.get(type(raw), type(raw).__name__)


def _section_of(pad: str) -> str:
    return pad.split(".")[0].split("[")[0]


def _top_level_problems(raw: dict[Any, Any]) -> list[Problem]:
    problems = []
    for key in raw:
        if key not in TOP_KEYS + EXTRA_TOP_KEYS:
            problems.append(_unknown_key(spelled(key), "", TOP_KEYS + EXTRA_TOP_KEYS))
    if "versie" not in raw:
        problems.append(Problem("versie", "ontbreekt; zet 'versie: 1' bovenaan het bestand"))
    elif raw["versie"] != SUPPORTED_VERSION or isinstance(raw["versie"], bool):
        problems.append(Problem("versie", f"{spelled(raw['versie'])} wordt niet ondersteund; schrijf 'versie: 1' "
                                "(het getal 1, zonder aanhalingstekens)"))
    for name in REQUIRED_SECTIONS:
        if name not in raw:
            problems.append(Problem(name, "ontbreekt; dit onderdeel is verplicht"))
    return problems


def _unknown_key(key: str, prefix: str, known: tuple[str, ...]) -> Problem:
    hint = closest(key, known)
    tip = f"; bedoelt u '{hint}'?" if hint else f"; bekende sleutels: {', '.join(known)}"
    return Problem(f"{prefix}{key}", f"onbekende sleutel{tip}")


def _validate_sections(raw: dict[Any, Any], problems: list[Problem]) -> tuple[dict[str, Any], set[str]]:
    sections: dict[str, Any] = {}
    failed: set[str] = set()
    for name, model in SECTIONS.items():
        if name not in raw:
            if name in REQUIRED_SECTIONS:
                failed.add(name)
            else:
                sections[name] = model()
            continue
        result = validate_section(model, raw[name], name)
        if isinstance(result, list):
            problems += result
            failed.add(name)
            if name not in REQUIRED_SECTIONS:
                sections[name] = model()
        else:
            sections[name] = result
    partners = _validate_partners(raw.get("partners"), problems) if "partners" in raw else None
    if partners is None:
        failed.add("partners")
    else:
        sections["partners"] = partners
    return sections, failed


def validate_section(model: type[S], data: Any, prefix: str) -> S | list[Problem]:
    """Validate one section (or one partner); return it, or the Dutch problems found."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return [Problem(prefix, f"verwacht sleutels met waarden, geen {_kind(data)}")]
    odd = [key for key in data if not isinstance(key, str)]
    if odd:
        return [Problem(prefix, f"de sleutel {spelled(key)} is geen tekst; sleutels zijn woorden zoals 'naam'")
                for key in odd]
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        return [_translate(error, model, prefix) for error in exc.errors(include_url=False)]


def _validate_partners(data: Any, problems: list[Problem]) -> list[Partner] | None:
    if not isinstance(data, list):
        problems.append(Problem("partners", "verwacht een lijst van partners (elk beginnend met '- naam:')"))
        return None
    partners: list[Partner] = []
    ok = True
    for i, item in enumerate(data):
        result = validate_section(Partner, item, f"partners[{i}]")
        if isinstance(result, list):
            name = item.get("naam") if isinstance(item, dict) else None
            label = f" ({i + 1}e partner{': ' + spelled(name) if name else ''})"
            problems += [Problem(p.pad, p.bericht + label) for p in result]
            ok = False
        else:
            partners.append(result)
    if len(data) < MIN_PARTNERS:
        problems.append(Problem("partners", f"een consortium heeft ten minste {MIN_PARTNERS} partners "
                                f"(nu {len(data)})"))
        ok = False
    return partners if ok else None


def _translate(error: ErrorDetails, model: type[BaseModel], prefix: str) -> Problem:
    loc = error["loc"]
    kind = error["type"]
    if kind == "extra_forbidden":
        known = _known_keys(model, loc[:-1])
        return _unknown_key(str(loc[-1]), _path(prefix, loc[:-1]) + ".", known)
    path = _path(prefix, loc)
    if kind == "nl":
        return Problem(path, error["msg"])
    return Problem(path, _DUTCH.get(kind, f"ongeldige waarde ({error['msg']})"))


_DUTCH = {
    "missing": "ontbreekt; deze sleutel is verplicht",
    "model_type": "verwacht sleutels met waarden",
    "model_attributes_type": "verwacht sleutels met waarden",
    "list_type": "verwacht een lijst",
    "dict_type": "verwacht sleutels met waarden",
}


def _path(prefix: str, loc: tuple[int | str, ...]) -> str:
    path = prefix
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def _known_keys(model: type[BaseModel], loc: tuple[int | str, ...]) -> tuple[str, ...]:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        annotation = current.model_fields[part].annotation
        current = getattr(annotation, "__args__", (annotation,))[0]
    return tuple(current.model_fields)


@cache
def _field_adapter(model: type[Section], key: str) -> TypeAdapter[Any]:
    """The validator of one field on its own; built once (building one costs more than using it)."""
    return TypeAdapter(model.model_fields[key].rebuild_annotation())


def validate_field(section: str, key: str, value: Any) -> tuple[Any, list[Problem]]:
    """Validate one answer on its own, with the same rules and messages as the answers file.

    `section` is a contract section name ('consortium', 'stemrecht', ...) or 'partners' for one
    partner's key. Returns the normalised value and an empty list, or (None, problems).
    """
    model = Partner if section == "partners" else SECTIONS[section]
    if key not in model.model_fields:
        return None, [_unknown_key(key, f"{section}.", tuple(model.model_fields))]
    try:
        return _field_adapter(model, key).validate_python(value), []
    except ValidationError as exc:
        prefix = f"{section}.{key}"
        return None, [_translate(error, model, prefix) for error in exc.errors(include_url=False)]
