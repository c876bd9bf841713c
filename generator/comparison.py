"""What a comparison of two assembled packages yields: plain data, no IO, no Word.

A comparison is the NIEUW package with every difference from the OUD one marked. Its parts are
aligned by clause id (articles, preamble and closing blocks) or by a fixed key (the title, the
signature heading, one signature row per party). Inside a paragraph the change is word by word.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# How one piece of text, one paragraph or one signature row changed.
Change = Literal["same", "inserted", "deleted"]
# How a part (article, block, title, signature row) or a document changed. A part that moved is
# shown twice: deleted where it was ("moved_from") and inserted where it is now ("moved_to").
Status = Literal["same", "changed", "inserted", "deleted", "moved_from", "moved_to"]
Version = Literal["old", "new"]

# The kinds of part; "ondertekenaar" parts are the rows of the signature table.
PartKind = Literal["kop", "preambule", "artikel", "slot", "ondertekening", "ondertekenaar"]


@dataclass(frozen=True)
class Piece:
    """A stretch of text inside one paragraph, with its change; `open` marks an open point."""

    tekst: str
    change: Change = "same"
    open: bool = False


@dataclass(frozen=True)
class ParagraphChange:
    """One paragraph of the compared document.

    `stijl` is the house-style paragraph style id in the NIEUW document (in the OUD one for a
    deleted paragraph; "" for a plain paragraph such as a signature cell). `change` says whether
    the whole paragraph, its mark included, was inserted or deleted; a kept paragraph may still
    hold inserted and deleted pieces. `oude_stijl` is the OUD style when it differs.
    """

    stijl: str
    pieces: tuple[Piece, ...]
    change: Change = "same"
    oude_stijl: str | None = None
    vet: bool = False

    def text(self, version: Version) -> str:
        """The paragraph's text in one version ("" when it does not exist there)."""
        dropped = "inserted" if version == "old" else "deleted"
        return "".join(p.tekst for p in self.pieces if p.change != dropped)

    def exists_in(self, version: Version) -> bool:
        return self.change != ("inserted" if version == "old" else "deleted")

    @property
    def changed(self) -> bool:
        return self.change != "same" or self.oude_stijl is not None or any(
            p.change != "same" for p in self.pieces)


@dataclass(frozen=True)
class PartComparison:
    """One clause-identified part: an article, a block, the title, a signature row."""

    sleutel: str
    soort: PartKind
    titel: str
    status: Status
    oud_nummer: int | None
    nieuw_nummer: int | None
    paragraphs: tuple[ParagraphChange, ...]


DocumentStatus = Literal["same", "changed", "inserted", "deleted"]


@dataclass(frozen=True)
class DocumentComparison:
    """One document: in both packages (same/changed) or in one only (inserted/deleted)."""

    sleutel: str
    bestand: str
    titel: str
    ondertitel: str
    koptekst: str
    status: DocumentStatus
    parts: tuple[PartComparison, ...]

    def paragraphs(self) -> list[ParagraphChange]:
        return [p for part in self.parts for p in part.paragraphs]

    def text(self, version: Version) -> list[str]:
        """The document's paragraphs in one version, in reading order."""
        return [p.text(version) for p in self.paragraphs() if p.exists_in(version)]

    def changed_parts(self) -> list[PartComparison]:
        return [p for p in self.parts if p.status != "same"]


@dataclass(frozen=True)
class PackageComparison:
    """Every document of either package, NIEUW's order first, then those only OUD had."""

    documents: tuple[DocumentComparison, ...]

    @property
    def changed(self) -> bool:
        return any(d.status != "same" for d in self.documents)

    def document(self, sleutel: str) -> DocumentComparison | None:
        return next((d for d in self.documents if d.sleutel == sleutel), None)
