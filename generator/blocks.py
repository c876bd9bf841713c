"""Plain document blocks: what a report says, independent of Word. The docx adapter renders them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Kop:
    """A heading; niveau 1 is a chapter, 2 a section."""

    tekst: str
    niveau: int = 1


@dataclass(frozen=True)
class Alinea:
    """A paragraph of body text. `nadruk` renders it bold (e.g. a severity label)."""

    tekst: str
    nadruk: bool = False


@dataclass(frozen=True)
class Opsomming:
    """A bulleted list."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Tabel:
    """A table with a header row; all cells are text, already formatted in Dutch notation."""

    kolommen: tuple[str, ...]
    rijen: tuple[tuple[str, ...], ...]
    rechts_uitlijnen: tuple[int, ...] = field(default=())


@dataclass(frozen=True)
class Afbeelding:
    """A PNG picture with a caption."""

    png: bytes
    bijschrift: str
    breedte_cm: float = 15.0


Block = Kop | Alinea | Opsomming | Tabel | Afbeelding
