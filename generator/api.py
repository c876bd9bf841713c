"""The library façade: one function per command. The CLI is a thin layer over these.

Heavy libraries (docxtpl, questionary, matplotlib) are imported inside the functions that
need them, so that `consortium check` starts fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.answers import Antwoorden, load_answers

if TYPE_CHECKING:
    from generator.analysis.report import Analyse


@dataclass(frozen=True)
class CheckResult:
    answers: Antwoorden
    analyse: Analyse | None = None


def check(path: Path) -> CheckResult:
    """Validate an answers file and analyse the governance it describes."""
    from generator.analysis.report import analyse

    answers = load_answers(path)
    return CheckResult(answers=answers, analyse=analyse(answers))


def generate(path: Path, out: Path, *, force: bool = False) -> list[Path]:
    """Assemble the documents for the answers in `path` into `out`; return the files written.

    Writes into a temporary folder beside `out` and moves the files into place only when all
    of them are complete. Refuses to replace existing files unless `force` (OutputExists).
    """
    answers = load_answers(path)
    from generator.assemble.package import write_package

    return write_package(answers, out, force=force)


def open_points_summary(written: list[Path]) -> str:
    """One Dutch line on the open points of a generated package, from its verantwoording.json."""
    import json

    from generator.assemble.package import ACCOUNT_FILE

    account = next((p for p in written if p.name == ACCOUNT_FILE), None)
    if account is None:
        return ""
    documents = json.loads(account.read_text(encoding="utf-8"))["documenten"]
    counts = {name: len(doc["open_punten"]) for name, doc in documents.items() if doc["open_punten"]}
    if not counts:
        return "Geen open punten."
    detail = ", ".join(f"{name}: {n}" for name, n in counts.items())
    return (f"Open punten (geel gemarkeerd, bijvoorbeeld [KvK-nummer]): {sum(counts.values())} ({detail}); "
            f"zie {ACCOUNT_FILE}.")


def warnings_summary(path: Path, out: Path) -> str:
    """The last lines after the interview generated: how many warnings, and where to read them."""
    from generator.assemble.package import ANALYSE_FILE
    from generator.interview.consequences import counts

    return (f"Waarschuwingen: {counts(load_answers(path))}. Lees ze met uitleg en grondslag in\n"
            f"  {out / ANALYSE_FILE}\nof in de terminal met:\n  consortium check {path}")


def library():
    """The installed clause library, validated."""
    from generator.library.load import default_library

    return default_library()


def clauses_list() -> str:
    from generator.library.browse import listing

    return listing(library())


def clause_show(clause_id: str) -> str:
    from generator.library.browse import details, find

    return details(find(library(), clause_id))


def clauses_export(target: Path, *, force: bool = False) -> Path:
    """Write the whole library as one readable .docx for lawyers who reuse standard clauses."""
    from generator.adapters import word
    from generator.assemble.package import master_template
    from generator.errors import OutputExists, output_error
    from generator.library.browse import export_blocks

    if target.is_dir():
        raise OutputExists(f"{target} is een map; geef met --out een bestandsnaam, bijvoorbeeld bibliotheek.docx.")
    if target.exists() and not force:
        raise OutputExists(f"{target} bestaat al; er is niets overschreven. Gebruik --force om het te vervangen.")
    lib = library()
    staging = target.with_name(f".{target.name}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        word.write_blocks("Clausulebibliotheek", f"versie {lib.versie}", f"Clausulebibliotheek {lib.versie}",
                          export_blocks(lib), master_template(), staging)
        staging.replace(target)
    except OSError as exc:
        raise output_error(exc, "de bibliotheek") from None
    finally:
        staging.unlink(missing_ok=True)
    return target


def interview(path: Path, out: Path, *, force: bool = False, asker=None) -> list[Path]:
    """Run the guided questionnaire on the answers file `path`, then write the documents.

    Every answer is saved to `path` at once; a rerun resumes at the first unanswered question.
    The output folder is checked before the first question. Returns [] when the user chose
    "Bewaar en stop" on the review screen.
    When the user chooses "Genereer de documenten" on the review screen, the documents are
    written into `out` by `generate`, with the same `force` safety. `asker` replaces the
    terminal prompts (tests, demos); without it stdin must be a terminal (else NoTerminal).
    """
    from generator.errors import OutputExists, Problem
    from generator.interview.session import run_interview

    if not run_interview(path, out, asker=asker, force=force):
        return []  # "Bewaar en stop": the answers are saved, no documents
    try:
        return generate(path, out, force=force)
    except OutputExists as exc:
        hint = Problem("", f"uw antwoorden zijn bewaard in {path}; vervang de documenten met "
                           f"'consortium interview {path} --out {out} --force'")
        raise OutputExists(exc.bericht, [*exc.problemen, hint]) from None
