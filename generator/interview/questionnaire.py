"""The questionnaire as data: loads interviews/consortium.yaml and checks it before any prompt.

Every question names a key of the answers model; a condition (`when`) is a Jinja expression
over the answers, compiled in a sandbox. A question that names an unknown key, or a
condition that does not compile or names an unknown key, is a LibraryError at load time.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.adapters import jinja_env
from generator.answers import vocabulary
from generator.answers.fields import closest
from generator.answers.load import validate_field
from generator.answers.model import SECTIONS, TOP_KEYS, Partner
from generator.errors import LibraryError

INTERVIEW_FILE = "consortium.yaml"
SECTION_ORDER = tuple(k for k in TOP_KEYS if k != "versie")
REPEATING = "partners"
SOORTEN = ("tekst", "getal", "datum", "lijst", "toeslagen", "keuze", "meerkeuze", "janee",
           "ventielen", "partner")
NEEDS_CHOICES = ("keuze", "meerkeuze")
QUESTION_KEYS = {"sleutel", "soort", "vraag", "label", "hulp", "keuzes", "eenheid", "when"}
SECTION_KEYS = {"sectie", "titel", "uitleg", "vragen"}
EENHEDEN = ("euro", "procent", "jaar", "maanden", "dagen")


def model_fields(section: str) -> tuple[str, ...]:
    model = Partner if section == REPEATING else SECTIONS[section]
    return tuple(model.model_fields)


@dataclass(frozen=True)
class Question:
    section: str
    key: str
    soort: str
    vraag: str
    label: str
    hulp: str
    keuzes: dict[str, str] | None = None
    eenheid: str | None = None
    when: str | None = None
    test: Callable[..., Any] | None = None
    nullable: bool = False

    @property
    def path(self) -> str:
        return f"{self.section}.{self.key}"

    def applies(self, context: dict[str, Any]) -> bool:
        if self.test is None:
            return True
        try:
            return bool(self.test(**context))
        except Exception as exc:  # a sandbox or type error in a condition is a library defect
            raise LibraryError(f"De voorwaarde van vraag {self.path} ({self.when}) faalt: {exc}") from None


@dataclass(frozen=True)
class Section:
    id: str
    titel: str
    uitleg: str
    vragen: tuple[Question, ...]

    @property
    def repeating(self) -> bool:
        return self.id == REPEATING


@dataclass(frozen=True)
class Questionnaire:
    sections: tuple[Section, ...]

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def steps(self) -> list[Question | Section]:
        """The flow: every question in order, the repeating group as one step."""
        flow: list[Question | Section] = []
        for section in self.sections:
            flow += [section] if section.repeating else list(section.vragen)
        return flow

    def questions(self) -> list[Question]:
        """Every question outside the repeating group."""
        return [q for s in self.sections if not s.repeating for q in s.vragen]


def load_questionnaire(path: Path | None = None) -> Questionnaire:
    """The interview file of this installation (interviews/ via generator.resources), checked."""
    if path is None:
        from generator.resources import data_dir

        path = data_dir("interviews") / INTERVIEW_FILE
    if not path.is_file():
        raise LibraryError(f"De vragenlijst {path} ontbreekt; de installatie is onvolledig.")
    stat = path.stat()
    return _read_questionnaire(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _read_questionnaire(path: Path, _mtime_ns: int, _size: int) -> Questionnaire:
    """Parsed once per version of the file (the result is frozen) in a process that runs more
    than one interview through the library façade, as the test suite does."""
    from generator.adapters import yaml_io

    return parse_questionnaire(yaml_io.read_file(path), str(path))


def parse_questionnaire(raw: Any, plaats: str = "vragenlijst") -> Questionnaire:
    if not isinstance(raw, dict) or raw.get("versie") != 1 or not isinstance(raw.get("secties"), list):
        raise LibraryError(f"{plaats}: verwacht 'versie: 1' en een lijst 'secties'.")
    sections = tuple(_section(item, i, plaats) for i, item in enumerate(raw["secties"]))
    found = tuple(s.id for s in sections)
    if found != SECTION_ORDER:
        raise LibraryError(f"{plaats}: de secties moeten precies deze zijn, in deze volgorde: "
                           f"{', '.join(SECTION_ORDER)} (gevonden: {', '.join(found)}).")
    paths = [q.path for s in sections for q in s.vragen]
    double = sorted({p for p in paths if paths.count(p) > 1})
    if double:
        raise LibraryError(f"{plaats}: deze sleutels worden meer dan eens gevraagd: {', '.join(double)}.")
    return Questionnaire(sections)


def _section(item: Any, index: int, plaats: str) -> Section:
    where = f"{plaats}, sectie {index + 1}"
    if not isinstance(item, dict):
        raise LibraryError(f"{where}: verwacht sleutels met waarden.")
    _refuse_unknown(item, SECTION_KEYS, where)
    section_id = item.get("sectie")
    if section_id not in SECTION_ORDER:
        raise LibraryError(f"{where}: onbekende sectie '{section_id}'; bekend zijn {', '.join(SECTION_ORDER)}.")
    vragen = item.get("vragen")
    if not isinstance(vragen, list) or not vragen:
        raise LibraryError(f"{where} ({section_id}): 'vragen' moet een niet-lege lijst zijn.")
    where = f"{plaats}, sectie '{section_id}'"
    return Section(
        id=section_id,
        titel=_text(item, "titel", where),
        uitleg=_text(item, "uitleg", where),
        vragen=tuple(_question(q, section_id, f"{where}, vraag {i + 1}") for i, q in enumerate(vragen)),
    )


def _refuse_unknown(item: dict[str, Any], known: set[str], where: str) -> None:
    for key in item:
        if key not in known:
            hint = closest(str(key), known)
            raise LibraryError(f"{where}: onbekende sleutel '{key}'"
                               + (f"; bedoelt u '{hint}'?" if hint else "."))


def _text(item: dict[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LibraryError(f"{where}: '{key}' ontbreekt of is leeg.")
    return " ".join(value.split())


def _question(item: Any, section_id: str, where: str) -> Question:
    if not isinstance(item, dict):
        raise LibraryError(f"{where}: verwacht sleutels met waarden.")
    _refuse_unknown(item, QUESTION_KEYS, where)
    section, key = _key(item.get("sleutel"), section_id, where)
    soort = item.get("soort")
    if soort not in SOORTEN:
        raise LibraryError(f"{where} ({section}.{key}): soort '{soort}' bestaat niet; kies uit {', '.join(SOORTEN)}.")
    eenheid = item.get("eenheid")
    if eenheid is not None and eenheid not in EENHEDEN:
        raise LibraryError(f"{where} ({section}.{key}): eenheid '{eenheid}' bestaat niet; "
                           f"kies uit {', '.join(EENHEDEN)}.")
    when = item.get("when")
    return Question(
        section=section, key=key, soort=soort, eenheid=eenheid,
        vraag=_text(item, "vraag", where), label=_text(item, "label", where),
        hulp=_text(item, "hulp", where),
        keuzes=_choices(item.get("keuzes"), soort, section, key, where),
        when=when, test=_condition(when, where) if when is not None else None,
        nullable=not validate_field(section, key, None)[1],
    )


def _key(value: Any, section_id: str, where: str) -> tuple[str, str]:
    if not isinstance(value, str) or not value:
        raise LibraryError(f"{where}: 'sleutel' ontbreekt.")
    section, _, key = value.rpartition(".")
    section = section or section_id
    if section not in SECTION_ORDER:
        raise LibraryError(f"{where}: sleutel '{value}' verwijst naar een onbekend onderdeel '{section}'.")
    known = model_fields(section)
    if key not in known:
        hint = closest(key, known)
        raise LibraryError(f"{where}: sleutel '{value}' bestaat niet in het antwoordenbestand"
                           + (f"; bedoelt u '{hint}'?" if hint else "."))
    return section, key


def _choices(name: Any, soort: str, section: str, key: str, where: str) -> dict[str, str] | None:
    if soort not in NEEDS_CHOICES:
        if name is not None:
            raise LibraryError(f"{where} ({section}.{key}): 'keuzes' hoort alleen bij keuze of meerkeuze.")
        return None
    options = getattr(vocabulary, str(name), None)
    if not isinstance(options, dict):
        raise LibraryError(f"{where} ({section}.{key}): keuzes '{name}' staat niet in de woordenlijst.")
    for value in options:
        if validate_field(section, key, [value] if soort == "meerkeuze" else value)[1]:
            raise LibraryError(f"{where} ({section}.{key}): keuze '{value}' uit {name} past niet bij deze sleutel.")
    return dict(options)


def _condition(source: Any, where: str) -> Callable[..., Any]:
    if not isinstance(source, str) or not source.strip():
        raise LibraryError(f"{where}: 'when' moet een voorwaarde als tekst zijn.")
    try:
        tree = jinja_env.parse_expression(source)
        test = jinja_env.compile_condition(source)
    except jinja_env.TemplateSyntaxError as exc:
        raise LibraryError(f"{where}: de voorwaarde '{source}' is ongeldig ({exc.message}).") from None
    for name in jinja_env.names_in_order(tree):
        if name not in SECTION_ORDER:
            raise LibraryError(f"{where}: de voorwaarde '{source}' noemt onbekend onderdeel '{name}'.")
    for name, chain in jinja_env.attribute_chains(tree):
        if chain[0] not in model_fields(name):
            raise LibraryError(f"{where}: de voorwaarde '{source}' noemt onbekende sleutel '{name}.{chain[0]}'.")
    return test
