"""One `consortium interview` run: read the answers file, ask, save every answer, handle Ctrl-C."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from generator.errors import Interrupted, InvalidAnswers, NoTerminal
from generator.interview.engine import Engine
from generator.interview.prompt import Asker
from generator.interview.questionnaire import load_questionnaire
from generator.interview.state import VERSION, AnswerState, foreign_keys

DEFAULT_OUT = Path("uitvoer")
HEADER = (
    "# Antwoordenbestand van een jeugdhulpconsortium, bijgehouden door 'consortium interview'.\n"
    "# U mag het zelf bewerken. 'null' betekent: bewust niet ingevuld.\n"
)


def terminal_asker() -> Asker:
    """The questionary asker, or NoTerminal when stdin is not an interactive terminal."""
    if not sys.stdin.isatty():
        raise NoTerminal(
            "'consortium interview' stelt vragen en heeft daarvoor een terminal nodig, maar de "
            "invoer is geen terminal.\nHeeft u al een ingevuld antwoordenbestand? Maak de documenten "
            "dan zonder vragen met:\n  consortium generate ANTWOORDEN --out DIR"
        )
    from generator.adapters.prompts import QuestionaryAsker

    return QuestionaryAsker()


def read_answers(path: Path) -> dict[str, Any]:
    """The saved answers (empty when the file does not exist yet); refuses files it would damage."""
    from generator.adapters import yaml_io

    if not path.exists():
        return {}
    raw = yaml_io.read_file(path)
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise InvalidAnswers(f"{path} is geen antwoordenbestand (het bevat geen sleutels met waarden). "
                             "Kies een ander bestand of maak dit bestand leeg.")
    if "versie" in raw and raw["versie"] != VERSION:
        raise InvalidAnswers(f"{path} heeft versie {raw['versie']!r}; deze vragenlijst kent alleen versie 1.")
    unknown = foreign_keys(raw)
    if unknown:
        raise InvalidAnswers(f"{path} bevat sleutels die het antwoordenbestand niet kent. De vragenlijst "
                             "zou ze overschrijven; verbeter of verwijder ze en start opnieuw:", unknown)
    return raw


def resume_hint(path: Path, out: Path) -> str:
    command = f"consortium interview {path}"
    if out != DEFAULT_OUT:
        command += f" --out {out}"
    return (f"Onderbroken. Uw antwoorden zijn bewaard in {path}.\n"
            f"Ga later verder waar u was met:\n  {command}")


def run_interview(path: Path, out: Path = DEFAULT_OUT, *, asker: Asker | None = None) -> None:
    """Ask until the user chooses to generate. Every answer is saved to `path` at once."""
    from generator.adapters import yaml_io

    if asker is None:
        asker = terminal_asker()
    questionnaire = load_questionnaire()
    state = AnswerState(read_answers(path))

    def save() -> None:
        yaml_io.write_atomic(path, HEADER + yaml_io.dump(state.as_file()))

    try:
        Engine(questionnaire, state, asker, save, out=out).run()
    except (KeyboardInterrupt, EOFError):  # Ctrl-C, or Ctrl-D / input closed mid-way
        if not state.is_empty() or path.exists():
            save()
        raise Interrupted(resume_hint(path, out)) from None
