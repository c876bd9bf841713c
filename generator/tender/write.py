"""Write the model package of a tender into DIR: all files appear together, or none do."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from generator.library.load import Library
from generator.tender.model import ModelDocument, model_documents
from generator.tender.profile import Profiel, allowed_text, show

STARTER_FILE = "antwoorden-inschrijver.yaml"


def write_model_package(profiel: Profiel, out: Path, *, force: bool = False, profiel_pad: str = "aanbesteding.yaml",
                        pdf: bool = False, library: Library | None = None) -> list[Path]:
    """`pdf`: also a PDF beside each .docx (the caller checks that LibreOffice is installed);
    `library`: the clause library (default: the installed one)."""
    from generator.assemble.package import master_template
    from generator.library.load import default_library

    models = model_documents(profiel, library or default_library())
    writers: dict[str, Callable[[Path], None]] = {}
    for m in models:
        writers[m.bestand] = partial(_write_model, m, template=master_template())
    writers[STARTER_FILE] = partial(_write_starter, starter_answers(profiel, profiel_pad))
    return write_together(out, writers, force=force, pdf=pdf)


def _write_model(m: ModelDocument, target: Path, *, template: Path) -> None:
    from generator.adapters import word

    word.write_document(m.document, template, target)
    word.add_notes(target, [(n.soort, n.kop, n.tekst) for n in m.voorwoord],
                   {k: [(n.soort, n.kop, n.tekst) for n in notes] for k, notes in m.notities.items()})


def _write_starter(text: str, target: Path) -> None:
    target.write_text(text, encoding="utf-8")


def write_together(out: Path, writers: dict[str, Callable[[Path], None]], *, force: bool,
                   pdf: bool = False) -> list[Path]:
    """Write every file into a staging folder, then swap them all in (the safe swap of `generate`).
    Existing files are only replaced with `force`; nothing is written when a writer fails."""
    from generator.assemble.package import pdf_names, pdfs_beside, write_staged

    def write(staging: Path) -> list[str]:
        for name, write_one in writers.items():
            write_one(staging / name)
        names = list(writers)
        if pdf:
            names += pdfs_beside(staging, [n for n in writers if n.endswith(".docx")])
        return names

    known = tuple(writers)
    return write_staged(out, write, known=known + pdf_names(known), force=force, wat="de documenten")


def starter_answers(profiel: Profiel, profiel_pad: str) -> str:
    """The answers file a bidder starts from: the fixed answers filled in, the rules as comments."""
    from generator.adapters import yaml_io

    lines = [
        f"# Antwoordenbestand voor een inschrijving op '{profiel.naam}' (kenmerk {profiel.kenmerk}).",
        "# De vaste antwoorden van de opdrachtgever staan hieronder al ingevuld; wijzig ze niet.",
        f"# Vul de rest in met: consortium interview {STARTER_FILE} --aanbesteding {profiel_pad}",
        f"# Controleer het bod met: consortium check {STARTER_FILE} --aanbesteding {profiel_pad}",
    ]
    if profiel.toegestaan:
        lines.append("# Toegestaan door de aanbesteding:")
        lines += [f"#   {pad}: {allowed_text(rule)}" for pad, rule in profiel.toegestaan.items()]
    if profiel.aanbevolen:
        lines.append("# Aanbevolen (afwijken mag, met een reden onder 'afwijkingen', bijvoorbeeld")
        lines.append(f"#   afwijkingen: {{{next(iter(profiel.aanbevolen))}: \"de reden\"}}):")
        lines += [f"#   {pad}: {show(value)}" for pad, value in profiel.aanbevolen.items()]
    return "\n".join(lines) + "\n" + yaml_io.dump({"versie": 1, **profiel.bron})
