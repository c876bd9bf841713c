"""The library façade: one function per command. The CLI is a thin layer over these.

Heavy libraries (docxtpl, questionary, Pillow) are imported inside the functions that
need them, so that `consortium check` starts fast.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.answers import Antwoorden, load_answers, validate_answers

if TYPE_CHECKING:
    from generator.adapters.asking import Asker
    from generator.analysis.report import Analyse
    from generator.assemble.package import PackageReport
    from generator.compare.update import UpdateResult
    from generator.library.report import LibraryReport
    from generator.library.schema import Library
    from generator.tender.conformity import Toets
    from generator.tender.profile import Profiel


@dataclass(frozen=True)
class CheckResult:
    """A valid answers file and the governance analysis of what it describes."""

    answers: Antwoorden
    analyse: Analyse


def check(path: Path, *, bibliotheek: Path | None = None) -> CheckResult:
    """Validate an answers file and analyse the governance it describes; with `bibliotheek`
    the own library is validated too (its problems are reported like the answers')."""
    from generator.analysis.report import analyse

    answers = load_answers(path)
    if bibliotheek is not None:
        library(bibliotheek)
    return CheckResult(answers=answers, analyse=analyse(answers))


def generate(path: Path, out: Path, *, force: bool = False, pdf: bool = False,
             aanbesteding: Path | None = None, bibliotheek: Path | None = None) -> PackageReport:
    """Assemble the documents for the answers in `path` into `out`; report what was written.

    Writes into a temporary folder beside `out` and moves the files into place only when all
    of them are complete. Refuses to replace existing files unless `force` (OutputExists).
    `pdf`: also a PDF beside each .docx when LibreOffice is installed (see `pdf_hint`).
    With `aanbesteding` (a tender profile) the bid must conform (else NotConforming, nothing
    written) and the package also holds afwijkingen.docx. `bibliotheek`: an own library laid
    over the bundled one (validated first; see `library`).
    """
    from generator.adapters import yaml_io
    from generator.answers.load import validate_answers

    profiel = _profile(aanbesteding)
    raw = yaml_io.read_file(path)
    answers = validate_answers(raw, str(path))  # reads `raw` without changing it
    lib = library(bibliotheek)
    from generator.assemble.package import write_package

    pdf = pdf and _pdf_available()
    if profiel is None:
        return write_package(answers, out, force=force, library=lib, pdf=pdf, raw=raw)
    from generator.assemble.package import master_template
    from generator.tender.bid import DEPARTURES_FILE, write_departures
    from generator.tender.conformity import require_conformity

    toets = require_conformity(answers, profiel, str(path))

    def departures(target: Path) -> None:
        write_departures(toets, answers, lib, target, master_template())

    return write_package(answers, out, force=force, library=lib, pdf=pdf, extra={DEPARTURES_FILE: departures},
                         raw=raw)


def _profile(path: Path | None) -> Profiel | None:
    if path is None:
        return None
    from generator.tender.read import load_profile

    return load_profile(path)


def tender_check(path: Path, aanbesteding: Path) -> tuple[CheckResult, Toets]:
    """Check a bid against a tender profile: (CheckResult, Toets). Departures from what the tender
    fixes or allows are not raised here; `require_conformity` does that."""
    from generator.tender.conformity import conformity

    profiel = _profile(aanbesteding)
    assert profiel is not None
    result = check(path)
    return result, conformity(result.answers, profiel)


def model(aanbesteding: Path, out: Path, *, force: bool = False, pdf: bool = False,
          bibliotheek: Path | None = None) -> list[Path]:
    """Write the model documents of a tender and a starter answers file for bidders into `out`;
    `pdf`: also a PDF beside each .docx when LibreOffice is installed (see `pdf_hint`);
    `bibliotheek`: an own library laid over the bundled one."""
    from generator.tender.read import load_profile
    from generator.tender.write import write_model_package

    return write_model_package(load_profile(aanbesteding), out, force=force, profiel_pad=str(aanbesteding),
                               pdf=pdf and _pdf_available(), library=library(bibliotheek))


def _pdf_available() -> bool:
    from generator.adapters import libreoffice

    return libreoffice.available()


def pdf_hint(pdf: bool) -> str:
    """The Dutch advice to install LibreOffice when PDFs were asked for but cannot be made; else ""."""
    from generator.adapters import libreoffice

    return libreoffice.INSTALL_HINT if pdf and not libreoffice.available() else ""


def vergelijk(oud: Path, nieuw: Path, out: Path, *, force: bool = False, pdf: bool = False,
              datum: datetime | None = None) -> list[Path]:
    """Compare the packages of two answers files; write the redlined documents and
    `wijzigingen.md` into `out`; return the files written.

    Each `<document>-wijzigingen.docx` is NIEUW's document with Word revisions (author
    "consortium", at `datum`, default now) against OUD's: accepting them all gives NIEUW's text,
    rejecting them all OUD's. Both files are validated first (every problem of both is
    reported); refusals, staging and `force` are those of `generate`.
    """
    from generator.assemble.build import assemble
    from generator.compare import compare_packages
    from generator.compare.answers import Version, attribute
    from generator.compare.summary import render
    from generator.compare.write import redlined_name, write_comparison_package
    from generator.library.load import default_library

    (old_raw, old_answers), (new_raw, new_answers) = _load_both(oud, nieuw)
    lib = default_library()
    old = Version(old_raw, old_answers, assemble(old_answers, lib))
    new = Version(new_raw, new_answers, assemble(new_answers, lib))
    comparison = compare_packages(old.documents, new.documents)
    changed = {(d.sleutel, p.sleutel) for d in comparison.documents for p in d.changed_parts()}
    attribution = attribute(old, new, changed, lib)
    files = {d.sleutel: redlined_name(d.bestand) for d in comparison.documents}
    summary = render(comparison, attribution, str(oud), str(nieuw), files)
    return write_comparison_package(comparison, summary, out, force=force, pdf=pdf and _pdf_available(),
                                    datum=datum)


def _load_both(oud: Path, nieuw: Path) -> tuple[tuple[dict[str, Any], Antwoorden], tuple[dict[str, Any], Antwoorden]]:
    """Both files as read and as validated; every problem of both when they are invalid."""
    from generator.adapters import yaml_io
    from generator.errors import ConsortiumError, InvalidAnswers, Problem

    loaded, failures = [], []
    for path in (oud, nieuw):
        try:
            raw = yaml_io.read_file(path)
            loaded.append((raw, validate_answers(raw, str(path))))
        except ConsortiumError as exc:
            failures.append(exc)
    if len(failures) == 1:
        raise failures[0]
    if failures:
        problems = [p for exc in failures for p in [Problem("", exc.bericht), *exc.problemen]]
        raise InvalidAnswers("Beide antwoordenbestanden zijn ongeldig; er is niets geschreven.", problems)
    return loaded[0], loaded[1]


def open_points_summary(report: PackageReport) -> str:
    """One Dutch line on the open points of a generated package."""
    from generator.assemble.package import ACCOUNT_FILE

    counts = report.open_points
    if not counts:
        return "Geen open punten."
    detail = ", ".join(f"{name}: {n}" for name, n in counts.items())
    return (f"Open punten (geel gemarkeerd, bijvoorbeeld [KvK-nummer]): {sum(counts.values())} ({detail}); "
            f"zie {ACCOUNT_FILE}.")


def warnings_summary(report: PackageReport, path: Path, out: Path) -> str:
    """The last lines after generating: how many warnings, and where to read them."""
    from generator.assemble.package import ANALYSE_FILE
    from generator.interview.consequences import tally

    return (f"Waarschuwingen: {tally(report.warnings)}. Lees ze met uitleg en grondslag in\n"
            f"  {out / ANALYSE_FILE}\nof in de terminal met:\n  consortium check {path}")


def library(bibliotheek: Path | None = None) -> Library:
    """The installed clause library; with `bibliotheek`, the own library in that folder laid over
    it (clauses added, bundled ones overridden by id), validated at once (LibraryError)."""
    from generator.library.load import default_library

    if bibliotheek is None:
        return default_library()
    from generator.library.own import with_own

    # Recorded as an absolute path in verantwoording.json, so that `bijwerken` finds it from anywhere.
    return with_own(default_library(), Path(os.path.abspath(bibliotheek)))


def clauses_list(bibliotheek: Path | None = None) -> str:
    """Every clause, per document, one line each."""
    from generator.library.browse import listing

    return listing(library(bibliotheek))


def clause_show(clause_id: str, bibliotheek: Path | None = None) -> str:
    """One clause: text, condition, version, legal basis and explanation."""
    from generator.library.browse import details, find

    lib = library(bibliotheek)
    return details(lib, find(lib, clause_id))


def clauses_check(folder: Path | None = None, *, vernieuw_slot: bool = False) -> LibraryReport:
    """Validate the bundled library, a whole library folder (with its own bibliotheek.yaml) or
    an own library (laid over the bundled one): every problem, naming file, clause and lid.
    `vernieuw_slot`: then record the current versions in the folder's versies.lock (refused
    for a text changed without a higher versie). Raises LibraryError when anything is wrong."""
    from generator.library.report import check_folder

    return check_folder(folder, renew=vernieuw_slot)


def clauses_migrate(folder: Path | None = None) -> tuple[Path, list[str], list[str]]:
    """Convert the old-format clause files in `folder` (default: the bundled library) to format 2:
    the folder, the files rewritten, and the copies kept of files that had comments."""
    from generator.library.migrate import migrate_folder
    from generator.resources import data_dir

    target = folder or data_dir("clauses")
    try:
        run = migrate_folder(target)
    except OSError as exc:
        from generator.errors import output_error

        raise output_error(exc, str(target)) from None
    return target, run.migrated, run.kept


def bijwerken(uitvoer: Path, out: Path | None = None, *, force: bool = False,
              bibliotheek: Path | None = None, datum: datetime | None = None) -> UpdateResult:
    """Compare an earlier package in `uitvoer` with the current library: the clauses whose
    version changed, and the updated documents with those changes as Word revisions in `out`
    (default: `<uitvoer>-bijgewerkt`). The package's own library is used again when it still
    exists, unless `bibliotheek` names another."""
    from generator.compare.update import update_package

    return update_package(uitvoer, out or uitvoer.with_name(f"{uitvoer.name}-bijgewerkt"), force=force,
                          bibliotheek=bibliotheek, datum=datum, library_for=library)


def clauses_export(target: Path, *, force: bool = False, bibliotheek: Path | None = None) -> Path:
    """Write the whole library as one readable .docx for lawyers who reuse standard clauses.

    Replaced safely (see `replace_keeping`): an existing file keeps its mode, a symlink is updated
    at its target, and no symlink at a temporary name is ever followed."""
    from generator.adapters import word
    from generator.adapters.files import replace_keeping
    from generator.assemble.package import master_template
    from generator.errors import OutputExists, output_error
    from generator.library.browse import export_blocks

    if target.is_dir():
        raise OutputExists(f"{target} is een map; geef met --out een bestandsnaam, bijvoorbeeld bibliotheek.docx.")
    if os.path.lexists(target) and not force:
        raise OutputExists(f"{target} bestaat al; er is niets overschreven. Gebruik --force om het te vervangen.")
    lib = library(bibliotheek)

    def write(temporary: Path) -> None:
        word.write_blocks("Clausulebibliotheek", f"versie {lib.versie}", f"Clausulebibliotheek {lib.versie}",
                          export_blocks(lib), master_template(), temporary)

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        replace_keeping(target, write)
    except OSError as exc:
        raise output_error(exc, "de bibliotheek") from None
    return target


def _tender_interview(asker: Asker | None, profiel: Profiel, path: Path,
                      out: Path) -> tuple[Asker, Callable[[dict[str, Any]], dict[str, Any]]]:
    """An asker that never asks what the tender fixes, and the seeding of those answers."""
    from generator.interview.session import terminal_asker
    from generator.tender.interview import TenderAsker, seed

    tender_asker = TenderAsker(asker or terminal_asker(path, out), profiel)

    def prepare(raw: dict[str, Any]) -> dict[str, Any]:
        data, replaced = seed(raw, profiel)
        tender_asker.introduce(replaced)
        return data

    return tender_asker, prepare


def interview(path: Path, out: Path, *, force: bool = False, asker: Asker | None = None,
              aanbesteding: Path | None = None, bibliotheek: Path | None = None) -> PackageReport | None:
    """Run the guided questionnaire on the answers file `path`, then write the documents.

    Every answer is saved to `path` at once; a rerun resumes at the first unanswered question.
    The output folder is checked before the first question. Returns None when the user chose
    "Bewaar en stop" on the review screen.
    When the user chooses "Genereer de documenten" on the review screen, the documents are
    written into `out` by `generate`, with the same `force` safety. `asker` replaces the
    terminal prompts (tests, demos); without it stdin must be a terminal (else NoTerminal).
    With `aanbesteding` (a tender profile) the fixed answers are filled in and not asked, only
    the allowed choices are offered, and the documents include afwijkingen.docx.
    """
    from generator.errors import OutputExists, Problem
    from generator.interview.session import run_interview

    profiel = _profile(aanbesteding)
    if bibliotheek is not None:
        library(bibliotheek)  # refuse a broken own library before the first question
    prepare = None
    if profiel is not None:
        asker, prepare = _tender_interview(asker, profiel, path, out)

    if not run_interview(path, out, asker=asker, force=force, prepare=prepare):
        return None  # "Bewaar en stop": the answers are saved, no documents
    try:
        return generate(path, out, force=force, aanbesteding=aanbesteding, bibliotheek=bibliotheek)
    except OutputExists as exc:
        hint = Problem("", f"uw antwoorden zijn bewaard in {path}; vervang de documenten met "
                           f"'consortium interview {path} --out {out} --force'")
        raise OutputExists(exc.bericht, [*exc.problemen, hint]) from None
