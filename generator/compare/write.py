"""Write a comparison into DIR: one redlined .docx per document and `wijzigingen.md`, all at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.assemble.package import (
    ANALYSE_FILE,
    KNOWN_OUTPUTS,
    master_template,
    pdf_names,
    pdfs_beside,
    write_staged,
)
from generator.compare.model import PackageComparison

SUMMARY_FILE = "wijzigingen.md"
AUTHOR = "consortium"
_DOCUMENT_FILES = tuple(n for n in KNOWN_OUTPUTS if n.endswith(".docx") and n != ANALYSE_FILE)


def redlined_name(bestand: str) -> str:
    """statuten.docx -> statuten-wijzigingen.docx"""
    return f"{bestand.removesuffix('.docx')}-wijzigingen.docx"


KNOWN_COMPARISON_OUTPUTS = (*(redlined_name(n) for n in _DOCUMENT_FILES), SUMMARY_FILE)


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

    known = KNOWN_COMPARISON_OUTPUTS + pdf_names(KNOWN_COMPARISON_OUTPUTS)
    return write_staged(out, write, known=known, force=force, wat="de vergelijking")
