"""Write a comparison into DIR: one redlined .docx per document and `wijzigingen.md`, all at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.assemble.package import (
    master_template,
    pdf_names,
    pdfs_beside,
    write_staged,
)
from generator.comparison import PackageComparison
from generator.library.load import default_library
from generator.library.schema import Library

SUMMARY_FILE = "wijzigingen.md"
AUTHOR = "consortium"


def redlined_name(bestand: str) -> str:
    """statuten.docx -> statuten-wijzigingen.docx"""
    return f"{bestand.removesuffix('.docx')}-wijzigingen.docx"


def known_comparison_outputs(library: Library) -> tuple[str, ...]:
    """Every file a comparison can hold: a redlined copy of each document, and the summary."""
    return (*(redlined_name(s.bestand) for s in library.manifest.documenten.values()), SUMMARY_FILE)


def revision_date(moment: dt.datetime | None = None) -> str:
    moment = (moment or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    return moment.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_comparison_package(comparison: PackageComparison, summary: str, out: Path, *, force: bool = False,
                             pdf: bool = False, datum: dt.datetime | None = None) -> list[Path]:
    """Every document of the comparison as `<document>-wijzigingen.docx` plus the summary;
    refusals, staging and the swap are those of `generate`."""
    from generator.adapters import word

    date = revision_date(datum)

    def write(staging: Path) -> list[str]:
        names = []
        for document in comparison.documents:
            name = redlined_name(document.bestand)
            word.write_comparison(document, master_template(), staging / name, auteur=AUTHOR, datum=date)
            names.append(name)
        (staging / SUMMARY_FILE).write_text(summary, encoding="utf-8")
        return names + [SUMMARY_FILE] + (pdfs_beside(staging, names) if pdf else [])

    outputs = known_comparison_outputs(default_library())
    known = outputs + pdf_names(outputs)
    return write_staged(out, write, known=known, force=force, wat="de vergelijking")
