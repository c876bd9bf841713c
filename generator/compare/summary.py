"""`wijzigingen.md`: which answers changed (old → new) and which parts of which document each touched. Pure."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.compare.answers import ABSENT, Attribution, PartRef
from generator.comparison import DocumentComparison, PackageComparison, PartComparison

_STATUS = {
    "changed": "gewijzigd",
    "inserted": "nieuw",
    "deleted": "vervallen",
    "moved_to": "verplaatst",
}
_DOCUMENT_STATUS = {"same": "ongewijzigd", "changed": "gewijzigd", "inserted": "nieuw in NIEUW",
                    "deleted": "vervallen (alleen in OUD)"}


MAX_LISTED = 6  # more parts per document than this are counted in the table, listed per document


def value_text(value: Any) -> str:
    if value is ABSENT:
        return "(geen)"
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(value_text(v) for v in value) or "(leeg)"
    return str(value)


def part_label(document: DocumentComparison, part: PartComparison) -> str:
    if part.soort == "artikel":
        if part.status == "deleted":
            return f"artikel {part.oud_nummer} {part.titel}"
        return f"artikel {part.nieuw_nummer} {part.titel}"
    if part.soort == "kop":
        return "titel"
    if part.soort == "ondertekenaar":
        return f"ondertekening door {part.titel}"
    where = {"preambule": "aanhef", "slot": "slot", "ondertekening": "ondertekening"}[part.soort]
    return f"{where} ({part.titel})" if part.titel and part.soort != "ondertekening" else where


def _status(part: PartComparison) -> str:
    if part.status == "moved_to":
        return f"verplaatst (was artikel {part.oud_nummer})" if part.soort == "artikel" else "verplaatst"
    if part.status == "changed" and part.soort == "artikel" and part.oud_nummer != part.nieuw_nummer:
        return f"gewijzigd (was artikel {part.oud_nummer})"
    return _STATUS[part.status]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(comparison: PackageComparison, attribution: Attribution, oud: str, nieuw: str,
           files: dict[str, str]) -> str:
    """The summary in Dutch Markdown; `files` maps a document key to its redlined file's name."""
    lines = ["# Wijzigingen", "", f"- OUD: `{oud}`", f"- NIEUW: `{nieuw}`", ""]
    lines += _answers_section(comparison, attribution)
    lines += _documents_section(comparison, attribution, files)
    return "\n".join(lines).rstrip() + "\n"


def _answers_section(comparison: PackageComparison, attribution: Attribution) -> list[str]:
    lines = ["## Gewijzigde antwoorden", ""]
    if not attribution.changes:
        return [*lines, "Geen: beide bestanden geven dezelfde antwoorden.", ""]
    lines += ["| antwoord | oud | nieuw | raakt |", "|---|---|---|---|"]
    for change in attribution.changes:
        group = next(g for g in attribution.touched if change.pad in g)
        refs = attribution.touched[group]
        touched = _refs_text(comparison, refs) if refs else "geen tekst in de documenten"
        if len(group) > 1:
            touched = f"samen met {', '.join(f'`{p}`' for p in group if p != change.pad)}: {touched}"
        lines.append(f"| `{change.pad}` | {_cell(value_text(change.oud))} | {_cell(value_text(change.nieuw))} | "
                     f"{_cell(touched)} |")
    return [*lines, ""]


def _refs_text(comparison: PackageComparison, refs: frozenset[PartRef]) -> str:
    parts = []
    for document in comparison.documents:
        labels = [part_label(document, p) + ("" if p.status == "changed" else f" ({_status(p)})")
                  for p in document.parts if (document.sleutel, p.sleutel) in refs and p.status != "moved_from"]
        name = document.titel.capitalize()
        if labels and document.status in ("inserted", "deleted"):
            parts.append(f"{name}: het hele document ({_DOCUMENT_STATUS[document.status]})")
        elif len(labels) > MAX_LISTED:
            parts.append(f"{name}: {len(labels)} onderdelen (zie hieronder)")
        elif labels:
            parts.append(f"{name}: {'; '.join(labels)}")
    return " — ".join(parts)


def _documents_section(comparison: PackageComparison, attribution: Attribution,
                       files: dict[str, str]) -> list[str]:
    lines = ["## Per document", ""]
    for document in comparison.documents:
        lines += [f"### {document.titel.capitalize()} — {_DOCUMENT_STATUS[document.status]}", "",
                  f"Met revisies: `{files[document.sleutel]}`.", ""]
        shown = [p for p in document.changed_parts() if p.status != "moved_from"]
        if document.status in ("inserted", "deleted"):
            lines += [f"Het hele document is {'ingevoegd' if document.status == 'inserted' else 'verwijderd'} "
                      f"({len(shown)} onderdelen).", ""]
            continue
        if not shown:
            lines += ["Geen wijzigingen.", ""]
            continue
        for part in shown:
            lines.append(f"- {part_label(document, part)}: {_status(part)}{_because(document, part, attribution)}")
        lines.append("")
    return lines


def _because(document: DocumentComparison, part: PartComparison, attribution: Attribution) -> str:
    ref = (document.sleutel, part.sleutel)
    groups = attribution.groups_touching(ref)
    if groups:
        return " — door " + ", ".join(" + ".join(f"`{p}`" for p in g) for g in groups)
    if ref in attribution.together:
        return " — door de wijzigingen samen"
    return ""
