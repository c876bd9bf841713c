"""The shape of clause files and of the library manifest (clauses/bibliotheek.yaml)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

DOCUMENTS = ("samenwerkingsovereenkomst", "statuten", "huishoudelijk_reglement")
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
    def coerce(cls, value):
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
    def _strings_are_fragments(cls, value):
        return [_fragment(v) for v in value] if isinstance(value, list) else value


def _fragment(value):
    value = Fragment.coerce(value)
    if isinstance(value, dict) and isinstance(value.get("subs"), list):
        value = {**value, "subs": [_fragment(v) for v in value["subs"]]}
    return value


class ClauseFile(Strict):
    document: Literal["samenwerkingsovereenkomst", "statuten", "huishoudelijk_reglement"]
    clausules: tuple[dict, ...]


class Requirement(Strict):
    """A checklist element a document must contain, for some forms, under a condition."""

    checklist: str
    vormen: tuple[str, ...] = FORMS
    als: str | None = None
    omschrijving: str


class DocumentSpec(Strict):
    bestand: str
    titel: dict[str, str]
    vormen: tuple[str, ...] = FORMS


class Manifest(Strict):
    versie: str
    documenten: dict[str, DocumentSpec]
    verplicht: dict[str, tuple[Requirement, ...]]
