"""`consortium bijwerken UITVOER`: an earlier package against the current clause library.

verantwoording.json of the package records the answers, every clause used with its library and
version, and each document's text. The answers are assembled again with the current library;
the clauses whose version changed are listed, and the new documents are written with every
difference from the earlier ones as Word revisions, through `vergelijk`'s engine.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.document import Document
from generator.errors import ConsortiumError, InvalidAnswers, os_reason
from generator.library.load import Library


@dataclass(frozen=True)
class ClauseChange:
    """A clause of the earlier package whose version differs in the current library."""

    document: str
    id: str
    titel: str
    oude_versie: int
    nieuwe_versie: int | None  # None: the current library no longer has it
    bibliotheek: str
    oude_bibliotheek: str = ""  # set when the clause now comes from another library

    def line(self) -> str:
        now = f"versie {self.nieuwe_versie}" if self.nieuwe_versie is not None else "niet meer in de bibliotheek"
        source = f"{self.oude_bibliotheek} → {self.bibliotheek}" if self.oude_bibliotheek else self.bibliotheek
        return f"{self.id} ({self.titel}): versie {self.oude_versie} → {now} [{source}]"


@dataclass(frozen=True)
class ClauseInOut:
    """A clause the updated package uses and the earlier one did not (or the other way round)."""

    document: str
    id: str
    titel: str
    versie: int

    def line(self) -> str:
        return f"{self.id} ({self.titel}), versie {self.versie}, in {self.document}"


@dataclass(frozen=True)
class UpdateResult:
    changes: tuple[ClauseChange, ...]
    files: tuple[Path, ...]
    articles: tuple[str, ...]  # "document: artikel N titel" of every part that changed
    added: tuple[ClauseInOut, ...] = ()  # clauses that now apply and did not before
    dropped: tuple[ClauseInOut, ...] = ()  # clauses still in the library that no longer apply


def update_package(uitvoer: Path, out: Path, *, force: bool, bibliotheek: Path | None,
                   datum: dt.datetime | None, library_for: Callable[[Path | None], Library]) -> UpdateResult:
    from generator.answers.load import validate_answers
    from generator.assemble.build import assemble
    from generator.compare import compare_packages
    from generator.compare.write import write_comparison_package

    if out.resolve() == uitvoer.resolve():
        raise ConsortiumError(f"{out} is het pakket zelf; kies met --out een andere map, zodat het eerdere pakket "
                              "blijft zoals het was.")
    account = read_account(uitvoer)
    answers = validate_answers(account["antwoorden"], f"{uitvoer}/verantwoording.json antwoorden")
    library = library_for(bibliotheek or _recorded_library(account))
    old = earlier_documents(account)
    new = assemble(answers, library)
    changes = tuple(changed_clauses(account, library))
    comparison = compare_packages(old, new)
    articles = tuple(f"{d.bestand}: {_part_name(p)}" for d in comparison.documents for p in d.changed_parts())
    before = {bestand: document["clausules"] for bestand, document in account["documenten"].items()}
    now = {d.bestand: d.gebruikt for d in new}
    in_library = library.by_id()
    added = tuple(_missing_from(before, now))
    dropped = tuple(c for c in _missing_from(now, before) if c.id in in_library)
    result = UpdateResult(changes, (), articles, added, dropped)
    files = write_comparison_package(comparison, _summary(uitvoer, library, result), out, force=force, datum=datum)
    return UpdateResult(changes, tuple(files), articles, added, dropped)


Used = dict[str, list[dict[str, Any]]]  # document -> the clauses it uses, as verantwoording.json records them


def _missing_from(before: Used, now: Used) -> Iterator[ClauseInOut]:
    """The clauses each document uses in `now` that it did not use in `before`."""
    for bestand, used in now.items():
        earlier = {u["id"] for u in before.get(bestand, [])}
        for u in used:
            if u["id"] not in earlier:
                yield ClauseInOut(bestand, u["id"], u.get("titel", ""), u["versie"])


def read_account(uitvoer: Path) -> dict[str, Any]:
    from generator.assemble.package import ACCOUNT_FILE

    if uitvoer.name == ACCOUNT_FILE and uitvoer.is_file():
        uitvoer = uitvoer.parent  # the file itself was named: its folder is the package
    if not uitvoer.is_dir():
        raise ConsortiumError(f"{uitvoer} bestaat niet of is geen map; geef de map van een eerder gemaakt "
                              "pakket (de --out van 'consortium generate').")
    path = uitvoer / ACCOUNT_FILE
    try:
        account = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConsortiumError(f"{uitvoer} bevat geen {ACCOUNT_FILE}; geef de map van een eerder gemaakt "
                              "pakket (de --out van 'consortium generate').") from None
    except OSError as exc:
        raise ConsortiumError(f"{path} is niet te lezen: {os_reason(exc)}.") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ConsortiumError(f"{path} is niet te lezen: het is geen geldige verantwoording.json (JSON in "
                              "UTF-8); maak het pakket opnieuw met 'consortium generate'.") from None
    if not isinstance(account, dict) or "antwoorden" not in account or not _has_texts(account):
        raise InvalidAnswers(f"{path} is gemaakt met een oudere versie van consortium en bevat de antwoorden "
                             "of de tekst van de documenten niet; maak het pakket opnieuw met 'consortium "
                             "generate' en werk het daarna bij.")
    return account


def _has_texts(account: dict[str, Any]) -> bool:
    documents = account.get("documenten")
    return isinstance(documents, dict) and all(isinstance(d, dict) and "inhoud" in d for d in documents.values())


def _recorded_library(account: dict[str, Any]) -> Path | None:
    """The own library the package was made with; refused when it is no longer there, since
    updating without it would silently replace the firm's clauses by the bundled ones."""
    folders = [Path(f) for f in account.get("eigen_bibliotheken", [])]
    if not folders:
        return None
    if not folders[-1].is_dir():
        raise ConsortiumError(f"Het pakket is gemaakt met de eigen bibliotheek {folders[-1]}, maar die map is er "
                              "niet (meer). Geef met --bibliotheek aan waar die bibliotheek nu staat; er is niets "
                              "geschreven.")
    return folders[-1]


def earlier_documents(account: dict[str, Any]) -> list[Document]:
    from generator.assemble.serial import from_data

    return [from_data(d["sleutel"], bestand, d["inhoud"]) for bestand, d in account["documenten"].items()]


def changed_clauses(account: dict[str, Any], library: Library) -> list[ClauseChange]:
    current = library.by_id()
    changes = []
    for bestand, document in account["documenten"].items():
        for used in document["clausules"]:
            clause = current.get(used["id"])
            before = used.get("bibliotheek", "standaard")
            if clause is not None and clause.versie == used["versie"] and clause.bibliotheek == before:
                continue
            moved = clause is not None and clause.bibliotheek != before
            changes.append(ClauseChange(bestand, used["id"], used.get("titel", ""), used["versie"],
                                        clause.versie if clause else None,
                                        clause.bibliotheek if clause else before, before if moved else ""))
    return changes


def _part_name(part: Any) -> str:
    number = part.nieuw_nummer or part.oud_nummer
    return f"artikel {number} {part.titel}".strip() if part.soort == "artikel" else part.titel or part.sleutel


def _summary(uitvoer: Path, library: Library, result: UpdateResult) -> str:
    lines = [f"# Bijgewerkt: {uitvoer}", "", f"Clausulebibliotheek versie {library.versie}"
             + "".join(f", eigen bibliotheek {f}" for f in library.eigen) + ".", ""]
    lines += ["## Clausules met een nieuwe versie of uit een andere bibliotheek", ""]
    lines += [f"- {c.line()}" for c in result.changes] or ["Geen: alle clausules hebben nog dezelfde versie."]
    lines += ["", "## Nieuwe clausules (nu van toepassing, eerder niet)", ""]
    lines += [f"- {c.line()}" for c in result.added] or ["Geen."]
    lines += ["", "## Vervallen clausules (nog in de bibliotheek, niet meer van toepassing)", ""]
    lines += [f"- {c.line()}" for c in result.dropped] or ["Geen."]
    lines += ["", "## Gewijzigde onderdelen (als revisies in de documenten)", ""]
    lines += [f"- {a}" for a in result.articles] or ["Geen."]
    return "\n".join(lines) + "\n"
