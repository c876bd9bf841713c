"""Write the whole package into DIR atomically: all files appear together, or none do."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.analysis.findings import Waarschuwing
from generator.analysis.report import Analyse
from generator.answers.model import Antwoorden
from generator.assemble.build import assemble
from generator.document import Document
from generator.errors import OutputExists, Problem
from generator.library.load import Library, default_library
from generator.resources import data_dir

ANALYSE_FILE = "governance-analyse.docx"
ACCOUNT_FILE = "verantwoording.json"


def known_outputs(library: Library) -> tuple[str, ...]:
    """Every file a package can hold: each document bibliotheek.yaml names, the analysis, the account."""
    return (*(spec.bestand for spec in library.manifest.documenten.values()), ANALYSE_FILE, ACCOUNT_FILE)


@dataclass(frozen=True)
class PackageReport:
    """What `generate` wrote and what the user should know about it; nothing is read back."""

    files: tuple[Path, ...]
    # Per document file, how many open points it has (documents without any are left out).
    open_points: dict[str, int]
    warnings: tuple[Waarschuwing, ...]


def master_template() -> Path:
    """The house-style master every document is rendered from."""
    return data_dir("templates") / "huisstijl.docx"


def write_package(answers: Antwoorden, out: Path, *, force: bool = False,
                  library: Library | None = None, pdf: bool = False,
                  extra: dict[str, Callable[[Path], None]] | None = None,
                  raw: dict[str, Any] | None = None) -> PackageReport:
    """`pdf`: also a PDF beside each .docx (the caller checks that LibreOffice is installed).
    `extra`: further files of the package (name -> writer of that file), e.g. a bid's
    afwijkingen.docx; they are staged, checked for overwriting and swapped in with the rest.
    `raw`: the answers as read; verantwoording.json keeps them for `bijwerken`."""
    library = library or default_library()
    documents = assemble(answers, library)
    extra = extra or {}
    names = [d.bestand for d in documents] + [ANALYSE_FILE, ACCOUNT_FILE, *extra]
    analysed: list[Analyse] = []

    def write(staging: Path) -> list[str]:
        analysed.append(_write_all(answers, library, documents, staging, raw))
        for name, write_extra in extra.items():
            write_extra(staging / name)
        return names + (pdfs_beside(staging, [n for n in names if n.endswith(".docx")]) if pdf else [])

    known = known_outputs(library) + tuple(extra)
    files = write_staged(out, write, known=known + pdf_names(known), force=force, wat="de documenten")
    open_points = {d.bestand: len(d.open_punten) for d in documents if d.open_punten}
    return PackageReport(tuple(files), open_points, analysed[0].waarschuwingen)


def write_staged(out: Path, write: Callable[[Path], list[str]], *, known: tuple[str, ...],
                 force: bool, wat: str) -> list[Path]:
    """Write a set of files into `out` all at once, or not at all: `write(staging)` writes them into
    a temporary folder inside `out` and returns their names. Files named in `known` that are
    already in `out` are refused without `force`; with it they are replaced, and those the new
    set lacks are removed. `wat` names the files in Dutch error messages. See `swap` for how an
    interrupted or concurrent run is kept from leaving a half package."""
    from generator.assemble.swap import write_all_or_nothing

    def check(folder: Path) -> None:
        _refuse_overwrite(folder, force, known)

    return write_all_or_nothing(out, write, known=known, check=check, wat=wat)


def pdf_names(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(n.removesuffix(".docx") + ".pdf" for n in names if n.endswith(".docx"))


def pdfs_beside(folder: Path, docx_names: list[str]) -> list[str]:
    """Convert the named .docx files in `folder` to PDF beside them; return the PDFs' names."""
    from generator.adapters import libreoffice

    return [p.name for p in libreoffice.convert_to_pdf([folder / n for n in docx_names], folder)]


def _refuse_overwrite(out: Path, force: bool, known: tuple[str, ...]) -> None:
    if os.path.lexists(out) and not out.is_dir():
        raise OutputExists(f"{out} bestaat al en is geen map; kies met --out een map.")
    odd = [out / n for n in known if (out / n).is_dir()]
    if odd:
        raise OutputExists(f"{out} bevat iets met de naam van een document dat geen bestand is; er is niets "
                           "overschreven. Verplaats het of kies met --out een andere map:",
                           [Problem(str(p), "is geen bestand") for p in odd])
    existing = [out / n for n in known if os.path.lexists(out / n)]  # a dangling link counts too
    if existing and not force:
        raise OutputExists(
            f"{out} bevat al documenten; er is niets overschreven. Gebruik --force om ze te "
            "vervangen, of kies met --out een andere map:",
            [_problem(p) for p in existing],
        )


def _problem(path: Path) -> Problem:
    return Problem(str(path), "bestaat al")


def _write_all(answers: Antwoorden, library: Library, documents: list[Document], staging: Path,
               raw: dict[str, Any] | None = None) -> Analyse:
    from concurrent.futures import ThreadPoolExecutor

    from generator.adapters import word
    from generator.analysis.chart import draw_position_chart
    from generator.analysis.report import analyse

    template = master_template()
    result = analyse(answers)
    # Pillow draws and compresses the chart mostly outside the GIL, beside the documents' writing.
    with ThreadPoolExecutor(max_workers=1) as pool:
        chart = pool.submit(_chart, result, draw_position_chart)
        for doc in documents:
            word.write_document(doc, template, staging / doc.bestand)
        _write_analysis(answers, result, chart.result(), staging / ANALYSE_FILE, template)
    account = accountability(answers, library, documents, raw)
    (staging / ACCOUNT_FILE).write_text(json.dumps(account, ensure_ascii=False, indent=2, default=str),
                                        encoding="utf-8")
    return result


def _write_analysis(answers: Antwoorden, result: Analyse, chart: bytes, target: Path, template: Path) -> None:
    from generator.adapters import word
    from generator.analysis.document import analysis_blocks

    blocks = analysis_blocks(answers, result, chart)
    naam = answers.rechtsvorm.naam if answers.heeft_rechtspersoon else answers.consortium.naam
    word.write_blocks("Governance-analyse", naam or "", f"{naam} · Governance-analyse", blocks, template, target)


def _chart(result: Analyse, draw: Callable[[Analyse], bytes]) -> bytes:
    """The position chart, reused from the cache when the analysis is identical (drawing it
    costs more than reading it back; a missing or damaged entry is drawn again)."""
    from generator import __version__, cache

    name = f"grafiek-{cache.key_of(__version__, repr(result))}.png"
    png = cache.read(name)
    if png is None:
        png = draw(result)
        cache.write(name, png)
        cache.prune("grafiek-*.png", keep=50)
    return png


def accountability(answers: Antwoorden, library: Library, documents: list[Document],
                   raw: dict[str, Any] | None = None) -> dict[str, Any]:
    """verantwoording.json: per document the clauses used (with their library and version),
    those left out and the open points; and, for `bijwerken`, the answers and each document's text."""
    from generator.assemble.serial import to_data

    account: dict[str, Any] = {
        "consortium": answers.consortium.naam,
        "bibliotheek_versie": library.versie,
        "eigen_bibliotheken": list(library.eigen),
        "standaardwaarden": sorted(answers.standaard),
        "documenten": {
            d.bestand: {
                "sleutel": d.sleutel,
                "titel": d.titel,
                "clausules": d.gebruikt,
                "weggelaten": d.weggelaten,
                "open_punten": [{"plaats": w, "punt": p} for w, p in d.open_punten],
                "inhoud": to_data(d),
            }
            for d in documents
        },
    }
    if raw is not None:
        account["antwoorden"] = raw
    return account
