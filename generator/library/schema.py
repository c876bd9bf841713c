"""The shape of clause files and of the library manifest (clauses/bibliotheek.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

FORMS = ("geen", "vereniging", "cooperatie", "stichting", "bv")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Fragment(Strict):
    """A lid (numbered paragraph) or sub (lettered item) of an article, optionally conditional."""

    tekst: str
    when: str | None = None
    # A name for a lid, so that ref('clause', 'name') can cite "artikel 8 lid 5" whatever drops out.
    id: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*$")
    herhaal: Literal["partners"] | None = None
    subs: tuple[Fragment, ...] = ()

    @classmethod
    def coerce(cls, value: Any) -> Any:
        return {"tekst": value} if isinstance(value, str) else value


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

    @field_validator("leden", mode="before")
    @classmethod
    def _strings_are_fragments(cls, value: Any) -> Any:
        return [_fragment(v) for v in value] if isinstance(value, list) else value


def _fragment(value: Any) -> Any:
    value = Fragment.coerce(value)
    if isinstance(value, dict) and isinstance(value.get("subs"), list):
        value = {**value, "subs": [_fragment(v) for v in value["subs"]]}
    return value


class ClauseFile(Strict):
    document: str  # one of the documents in bibliotheek.yaml (checked by library.load)
    clausules: tuple[dict[str, Any], ...]


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


class Manifest(Strict):
    versie: str
    documenten: dict[str, DocumentSpec]
    verplicht: dict[str, tuple[Requirement, ...]]


_SOORT_ORDER = {"preambule": 0, "artikel": 1, "slot": 2}


@dataclass(frozen=True)
class Library:
    """The clause library as read: the manifest and every clause."""

    manifest: Manifest
    clauses: tuple[Clause, ...]

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
