"""The version lock of a library folder (versies.lock): per clause its versie and a hash of its text.

A clause whose text differs from the locked hash must carry a higher `versie` than the lock
records; `consortium clauses check --vernieuw-slot` then records the new text. The lock sits in
the library folder itself, so a copied or own library carries its own.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import Problem, output_error
from generator.library.schema import Clause

LOCK = "versies.lock"
_HEADER = ("# Versies van de clausules: id, versie, hash van de tekst. Niet met de hand bewerken;\n"
           "# bijwerken met: consortium clauses check [MAP] --vernieuw-slot\n")
# What reaches a document: a change to any of these is a change of the clause's text.
TEXT_FIELDS = {"titel", "soort", "nummering", "when", "leden"}


@dataclass(frozen=True)
class Entry:
    versie: int
    hash: str


def text_hash(clause: Clause) -> str:
    data = _without_unnamed_leden(clause.model_dump(include=TEXT_FIELDS, mode="json"))
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _without_unnamed_leden(data: Any) -> Any:
    """A lid's name (`id`) is optional and newer than the lock: a lid without one hashes as before."""
    if isinstance(data, dict):
        return {k: _without_unnamed_leden(v) for k, v in data.items() if not (k == "id" and v is None)}
    if isinstance(data, list):
        return [_without_unnamed_leden(v) for v in data]
    return data


def read_lock(folder: Path) -> dict[str, Entry] | None:
    """The lock of `folder`, or None when it has none."""
    path = folder / LOCK
    if not path.is_file():
        return None
    entries: dict[str, Entry] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and not line.startswith("#") and parts[1].isdigit():
            entries[parts[0]] = Entry(int(parts[1]), parts[2])
    return entries


def lock_problems(clauses: Iterable[Clause], folder: Path) -> list[Problem]:
    """Every clause whose text changed without a higher versie, or that the lock does not record."""
    lock = read_lock(folder)
    if lock is None:
        return [Problem(LOCK, f"ontbreekt in {folder}; maak het met 'consortium clauses check {folder} "
                              "--vernieuw-slot'")]
    problems = []
    for clause in clauses:
        problems += _clause_problem(clause, lock.get(clause.id), folder)
    return problems


def _clause_problem(clause: Clause, entry: Entry | None, folder: Path) -> list[Problem]:
    where = f"{clause.bestand}: {clause.id}"
    renew = f"werk het slot bij met 'consortium clauses check {folder} --vernieuw-slot'"
    if entry is None:
        return [Problem(where, f"nieuwe clausule staat niet in {LOCK}; {renew}")]
    if text_hash(clause) == entry.hash:
        return []
    if clause.versie <= entry.versie:
        return [Problem(where, f"de tekst is gewijzigd maar de versie niet: verhoog 'versie' (nu {clause.versie}, "
                               f"in {LOCK} {entry.versie})")]
    return [Problem(where, f"versie {clause.versie} staat nog niet in {LOCK}; {renew}")]


def renew_lock(clauses: Iterable[Clause], folder: Path) -> tuple[Path, list[Problem]]:
    """Record every clause's versie and text, unless a text changed without a higher versie:
    then nothing is written and those clauses are returned as problems."""
    clauses = list(clauses)
    lock = read_lock(folder) or {}
    refused = [p for c in clauses for p in _clause_problem(c, lock.get(c.id), folder) if "versie niet" in p.bericht]
    path = folder / LOCK
    if refused:
        return path, refused
    lines = [f"{c.id} {c.versie} {text_hash(c)}\n" for c in sorted(clauses, key=lambda c: c.id)]
    try:
        path.write_text(_HEADER + "".join(lines), encoding="utf-8")
    except OSError as exc:
        raise output_error(exc, LOCK) from None
    return path, []
