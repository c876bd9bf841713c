"""The shape of clause files and of the library manifest (clauses/bibliotheek.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

FORMS = ("geen", "vereniging", "cooperatie", "stichting", "bv")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Variant(Strict):
    """One alternative text of a lid: it applies when `when` holds, or (`anders`) when no other does."""

    when: str | None = None
    anders: bool = False
    tekst: str
    subs: tuple[Fragment, ...] = ()

    @field_validator("subs", mode="before")
    @classmethod
    def _strings_are_fragments(cls, value: Any) -> Any:
        return [_fragment(v) for v in value] if isinstance(value, list) else value

    @model_validator(mode="after")
    def _one_condition(self) -> Variant:
        if (self.when is None) == (not self.anders):
            raise ValueError("een variant heeft precies één van 'when' of 'anders: true'")
        return self


class Fragment(Strict):
    """A lid (numbered paragraph) or sub (lettered item) of an article, optionally conditional.

    A lid either has one `tekst` or alternative texts (`varianten`), of which exactly one applies.
    """

    tekst: str = ""
    when: str | None = None
    # A name for a lid, so that ref('clause', 'name') can cite "artikel 8 lid 5" whatever drops out.
    id: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*$")
    herhaal: Literal["partners"] | None = None
    subs: tuple[Fragment, ...] = ()
    varianten: tuple[Variant, ...] = ()

    @classmethod
    def coerce(cls, value: Any) -> Any:
        return {"tekst": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _text_or_variants(self) -> Fragment:
        if bool(self.tekst) == bool(self.varianten):
            raise ValueError("een lid heeft óf 'tekst' óf 'varianten'")
        if any(v.anders for v in self.varianten[:-1]):
            raise ValueError("'anders' kan alleen de laatste variant zijn")
        return self


Variant.model_rebuild()


class Clause(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
    versie: int = Field(ge=1)
    titel: str
    volgorde: int
    soort: Literal["artikel", "preambule", "slot"] = "artikel"
    nummering: Literal["geen", "cijfer", "letter"] = "geen"
    when: str | None = None
    bron: str
    checklist: tuple[str, ...] = ()
    toelichting: str
    leden: tuple[Fragment, ...] = Field(min_length=1)
    document: str = ""
    bestand: str = ""
    # Which library the clause came from: "standaard" or the folder of an own library.
    bibliotheek: str = "standaard"

    @field_validator("leden", mode="before")
    @classmethod
    def _strings_are_fragments(cls, value: Any) -> Any:
        return [_fragment(v) for v in value] if isinstance(value, list) else value


def _fragment(value: Any) -> Any:
    value = Fragment.coerce(value)
    if isinstance(value, dict) and isinstance(value.get("subs"), list):
        value = {**value, "subs": [_fragment(v) for v in value["subs"]]}
    return value


# The authoring format this version writes (see clauses/README.md); files without `formaat`
# are the first format, which the loader still reads and `consortium clauses migreer` converts.
FORMAT = 2


class ClauseFile(Strict):
    formaat: int = 1
    document: str  # one of the documents in bibliotheek.yaml (checked by library.load)
    clausules: tuple[dict[str, Any], ...]


class Term(Strict):
    """A recurring piece of contract wording, with alternatives like a lid's."""

    varianten: tuple[Variant, ...] = Field(min_length=1)

    @field_validator("varianten", mode="before")
    @classmethod
    def _plain_text_is_one_variant(cls, value: Any) -> Any:
        return [{"anders": True, "tekst": value}] if isinstance(value, str) else value


# Per kind of choice (besluit, frequentie, ...) the contract's wording of each value, read in texts
# as label('besluit', key); the interview has its own labels (answers/vocabulary.py).
Labels = dict[str, dict[str, str]]


class Terms(Strict):
    """termen.yaml: the recurring contract wording, by name (read in texts as `{{ name }}`), and
    the contract's wording of the answers' choices (`labels`)."""

    termen: dict[str, Term] = {}
    labels: dict[str, dict[str, str]] = {}


# rollen.yaml: per document a role (e.g. "besluitvorming") names, per legal form, the clause
# that plays it; texts refer to it as ref('statuten: besluitvorming').
Roles = dict[str, dict[str, dict[str, str]]]


class RolesFile(Strict):
    rollen: dict[str, dict[str, dict[str, str]]] = {}


class Requirement(Strict):
    """A checklist element a document must contain, for some forms, under a condition."""

    checklist: str
    vormen: tuple[str, ...] = FORMS
    als: str | None = None
    omschrijving: str


class DocumentSpec(Strict):
    """One output document: its file, listing name, title per form, forms and signatures."""

    bestand: str
    naam: str = ""  # as listed by `consortium clauses list`; the key when empty
    ondertekend: bool = False
    titel: dict[str, str]
    vormen: tuple[str, ...] = FORMS


class Budget(Strict):
    """The most template syntax one text (lid, sub, variant or term) may hold; see clauses/README.md."""

    tags: int = 14
    diepte: int = 2


class Manifest(Strict):
    versie: str
    documenten: dict[str, DocumentSpec]
    verplicht: dict[str, tuple[Requirement, ...]]
    budget: Budget = Budget()


_SOORT_ORDER = {"preambule": 0, "artikel": 1, "slot": 2}


@dataclass(frozen=True)
class Library:
    """The clause library as read: the manifest and every clause."""

    manifest: Manifest
    clauses: tuple[Clause, ...]
    terms: dict[str, Term] = field(default_factory=dict)
    roles: Roles = field(default_factory=dict)
    # The own libraries laid over the bundled one, in order (empty: the bundled library alone).
    eigen: tuple[str, ...] = ()
    # Clause files still in the first authoring format (`clauses check` asks to migrate them).
    old_format: tuple[str, ...] = ()
    labels: Labels = field(default_factory=dict)

    @property
    def versie(self) -> str:
        return self.manifest.versie

    @property
    def documents(self) -> tuple[str, ...]:
        """The document keys, in the order bibliotheek.yaml gives them."""
        return tuple(self.manifest.documenten)

    def by_id(self) -> dict[str, Clause]:
        return {c.id: c for c in self.clauses}

    def for_document(self, document: str) -> list[Clause]:
        return sorted((c for c in self.clauses if c.document == document),
                      key=lambda c: (_SOORT_ORDER[c.soort], c.volgorde))
