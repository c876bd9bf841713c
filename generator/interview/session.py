"""One `consortium interview` run: check the output folder, read the answers file, ask, save
every changed answer, handle Ctrl-C and "Bewaar en stop"."""

from __future__ import annotations

import copy
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.adapters.asking import Asker
from generator.errors import Interrupted, InvalidAnswers, NoTerminal, OutputExists, Problem
from generator.interview.engine import Engine
from generator.interview.questionnaire import REPEATING, load_questionnaire
from generator.interview.state import VERSION, AnswerState, foreign_keys, prune

DEFAULT_OUT = Path("uitvoer")
HEADER = (
    "# Antwoordenbestand van een jeugdhulpconsortium, bijgehouden door 'consortium interview'.\n"
    "# U mag het zelf bewerken; commentaar zoals deze regels blijft bewaard.\n"
    "# 'null' betekent: nog niet ingevuld of bewust leeg gelaten.\n"
)


def terminal_asker(path: Path, out: Path) -> Asker:
    """The questionary asker, or NoTerminal when stdin is not an interactive terminal."""
    if not sys.stdin.isatty():
        raise NoTerminal(
            "'consortium interview' stelt vragen en heeft daarvoor een terminal nodig, maar de "
            "invoer is geen terminal.\nHeeft u al een ingevuld antwoordenbestand? Maak de documenten "
            f"dan zonder vragen met:\n  consortium generate {path} --out {out}"
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
    odd = unreadable_parts(raw)
    if odd:
        raise InvalidAnswers(f"De vragenlijst kan deze onderdelen van {path} niet lezen en zou ze bij het "
                             "bewaren verliezen. Er is niets gewijzigd. Verbeter ze in het bestand (zie "
                             f"'consortium check {path}') en start opnieuw:", odd)
    return raw


def _kind(value: Any) -> str:
    return {list: "een lijst", str: "een losse tekst", int: "een los getal", float: "een los getal",
            bool: "een ja/nee-waarde"}.get(type(value), type(value).__name__)


def unreadable_parts(raw: dict[str, Any]) -> list[Problem]:
    """Sections and partners in a shape the interview cannot hold (it keeps only mappings)."""
    from generator.answers.model import SECTIONS

    found = [Problem(name, f"is {_kind(raw[name])}, verwacht sleutels met waarden")
             for name in SECTIONS if raw.get(name) is not None and not isinstance(raw[name], dict)]
    partners = raw.get(REPEATING)
    if partners is not None and not isinstance(partners, list):
        found.append(Problem(REPEATING, f"is {_kind(partners)}, verwacht een lijst van partners"))
    elif isinstance(partners, list):
        found += [Problem(f"{REPEATING}[{i}]", f"is {_kind(p)}, verwacht een partner met naam en aandeel")
                  for i, p in enumerate(partners) if not isinstance(p, dict)]
    return found


def check_out(out: Path, path: Path, force: bool) -> None:
    """Refuse an output folder that cannot take the documents, before the first question."""
    from generator.assemble.package import known_outputs
    from generator.library.load import default_library

    safe = f"Uw antwoorden zijn veilig in {path}; daar is niets aan veranderd."
    fix = f"consortium interview {path} --out ANDERE_MAP"
    blocked = next((p for p in [out, *out.parents] if p.exists() and not p.is_dir()), None)
    if blocked is not None:
        raise OutputExists(f"De documenten kunnen niet in {out}/: {blocked} is een bestand, geen map. "
                           f"Kies een andere map, bijvoorbeeld met\n  {fix}\n{safe}")
    existing_dir = next(p for p in [out, *out.parents] if p.exists())
    if not os.access(existing_dir, os.W_OK | os.X_OK):
        raise OutputExists(f"De documenten kunnen niet in {out}/: u mag niet schrijven in {existing_dir}. "
                           f"Kies een map waarin u mag schrijven, bijvoorbeeld met\n  {fix}\n{safe}")
    existing = [out / n for n in known_outputs(default_library()) if (out / n).exists() or (out / n).is_symlink()]
    if existing and not force:
        raise OutputExists(f"{out}/ bevat al documenten; die worden niet zomaar overschreven. Vervang ze "
                           f"met\n  consortium interview {path} --out {out} --force\nof kies een andere map "
                           f"met\n  {fix}\n{safe}", [Problem(str(p), "bestaat al") for p in existing])


def made_here(path: Path) -> bool:
    """The file was started by this interview (it begins with the interview's header)."""
    try:
        with path.open(encoding="utf-8-sig") as handle:
            return handle.readline().startswith(HEADER.splitlines()[0][:40])
    except (OSError, UnicodeDecodeError):
        return False


def resume_hint(path: Path, out: Path, *, stopped: bool = False) -> str:
    command = f"consortium interview {path}"
    if out != DEFAULT_OUT:
        command += f" --out {out}"
    first = "Gestopt." if stopped else "Onderbroken."
    return (f"{first} Uw antwoorden zijn bewaard in {path}.\n"
            f"Ga later verder waar u was met:\n  {command}")


class Saver:
    """Saves the answers to `path` only when they differ from what the file holds, through the
    round-trip adapter (comments, layout, mode and a symlinked path survive)."""

    def __init__(self, path: Path, raw: dict[str, Any], state: AnswerState):
        from generator.adapters import yaml_roundtrip

        yaml_roundtrip.remove_stale_temporary(path)
        self.path, self.state = path, state
        self.document = yaml_roundtrip.Document.open(path, HEADER) if path.exists() else \
            yaml_roundtrip.Document(None, HEADER)
        self.written = copy.deepcopy(raw)  # what the file holds now, as the contract's reader sees it
        self.unchanged: dict[str, Any] | None = state.as_file()

    def changed(self) -> bool:
        return self.state.as_file() != self.unchanged

    def __call__(self) -> None:
        from generator.adapters import yaml_roundtrip

        if not self.changed():
            return
        new = self.state.as_file()
        self.document.update(self.written, new)
        yaml_roundtrip.write_keeping(self.path, self.document.text())
        self.written, self.unchanged = new, new


def run_interview(path: Path, out: Path = DEFAULT_OUT, *, asker: Asker | None = None,
                  force: bool = False,
                  prepare: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> bool:
    """Ask until the user chooses to generate (True) or to save and stop (False). Every changed
    answer is saved to `path` at once; nothing is written before the first change. `prepare` may
    change the answers before the first question (a tender's fixed answers); such a change is
    saved at once."""
    check_out(out, path, force)
    raw = read_answers(path)
    if asker is None:
        asker = terminal_asker(path, out)
    questionnaire = load_questionnaire()
    state = AnswerState(prepare(copy.deepcopy(raw)) if prepare else raw)
    dropped = prune(state, questionnaire.questions())
    if dropped:  # left out of the file with the first changed answer, not before
        names = ", ".join(q.label for q in dropped)
        asker.say(f"Niet meer van toepassing en daarom weggelaten: {names}.", "info")
    save = Saver(path, raw, state)
    if prepare is not None and state.as_file() != AnswerState(raw).as_file():
        save.unchanged = None  # the tender's fixed answers are a change of their own
        save()
    stopped = []

    def stop() -> None:
        save()
        stopped.append(True)
        asker.say(resume_hint(path, out, stopped=True), "info")

    try:
        Engine(questionnaire, state, asker, save, out=out, stop=stop, made_here=made_here(path)).run()
    except (KeyboardInterrupt, EOFError):  # Ctrl-C, or Ctrl-D / input closed mid-way
        save()
        if not path.exists():
            raise Interrupted("Onderbroken. Er was nog niets beantwoord, dus er is niets bewaard.") from None
        raise Interrupted(resume_hint(path, out)) from None
    return not stopped
