"""The review screen: every section with what the documents will say, the warnings by
severity, the open points; then generate, save and stop, or jump to a section.

Everything fits 80 columns and wraps at word boundaries.
"""

from __future__ import annotations

import textwrap
from typing import Any

from generator.adapters.asking import BACK, Option, Prompt
from generator.interview import kinds
from generator.interview.consequences import warning_summary
from generator.interview.host import Host
from generator.interview.partners import partner_lines
from generator.interview.questionnaire import REPEATING, Question, Section

GENERATE = "genereer"
STOP = "bewaar_en_stop"
WIDTH = 79
LABEL_WIDTH = 30
PARTNER_OPTIONAL = ("kvk", "plaats", "vertegenwoordiger", "omzet")


def fill(text: str, first: str, rest: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False) or [first.rstrip()]


def overview(engine: Host) -> str:
    """All answers per section as the documents will have them; defaults are marked."""
    lines = ["Overzicht van uw antwoorden", ""]
    for n, section in enumerate(engine.questionnaire.sections, 1):
        lines.append(f"{n}. {section.titel}")
        if section.repeating:
            for line in partner_lines(engine.state):
                lines += fill(line.strip(), "   ", "      ")
        else:
            lines += _answer_lines(engine, section)
        lines.append("")
    lines += status_lines(engine)
    return "\n".join(lines).rstrip()


def status_lines(engine: Host) -> list[str]:
    """Warnings by severity, open points and problems: the part a director must not miss."""
    lines = warning_summary(engine.state.provisional())
    if lines:
        lines += fill("Alle waarschuwingen met uitleg staan straks in governance-analyse.docx.", "  ", "  ")
        lines.append("")
    points = open_points(engine)
    if points:
        lines += fill("Open punten (mag u later aanvullen; de documenten krijgen dan een gele "
                      "invulplek): " + "; ".join(points) + ".", "", "  ")
        lines.append("")
    problems = engine.state.problems()
    if problems:
        lines.append("Nog niet in orde:")
        for p in problems:
            lines += fill(engine.reword(str(p)), "  - ", "    ")
    return lines


def open_points(engine: Host) -> list[str]:
    points = [q.label for q in engine.open_points()]
    fields = {q.key: q.label for q in engine.questionnaire.section(REPEATING).vragen}
    for p in engine.state.partners:
        missing = [fields[k] for k in PARTNER_OPTIONAL if p.get(k) is None]
        if missing:
            points.append(f"{', '.join(missing)} van {p.get('naam', 'een partner')}")
    return points


def _effective(engine: Host, q: Question) -> Any:
    """The value the documents will use: from the answers model, defaults applied."""
    answers = engine.state.provisional()
    if answers is None or q.soort == "partner":
        return engine.state.raw(q) if engine.state.has(q) else engine.default_for(q)
    value = getattr(getattr(answers, q.section), q.key)
    from generator.interview.state import plain

    return plain(value)


def _answer_lines(engine: Host, section: Section) -> list[str]:
    context = engine.state.context()
    partners = engine.state.partners
    lines = []
    for q in section.vragen:
        if not q.applies(context):
            continue
        value = _effective(engine, q)
        text = kinds.display(q, value, partners) if value is not None else kinds.NOT_GIVEN
        if value is not None and (not engine.state.has(q) or engine.state.raw(q) is None):
            text += " (standaard)"
        label = f"   {q.label}"
        if len(label) > LABEL_WIDTH:
            lines += fill(q.label, "   ", "   ")
            lines += fill(text, " " * (LABEL_WIDTH + 1), " " * (LABEL_WIDTH + 1))
        else:
            lines += fill(text, f"{label:<{LABEL_WIDTH}} ", " " * (LABEL_WIDTH + 1))
    return lines


def review_prompt(engine: Host) -> Prompt:
    problems = engine.state.problems()
    reason = f"eerst oplossen: {engine.reword(str(problems[0]))}" if problems else None
    sections = engine.questionnaire.sections
    generate = Option(f"Genereer de documenten (in {engine.out}/)", GENERATE, disabled=reason)
    stop = Option("Bewaar en stop (later verder)", STOP)
    jumps = [Option(f"Wijzig {n}. {s.titel}", s.id) for n, s in enumerate(sections, 1)]
    default = GENERATE if not problems else _first_section_with_problem(engine) or sections[0].id
    return Prompt(key="review", kind="select", message="Wat wilt u doen?",
                  options=(generate, stop, *jumps), default=default)


def _first_section_with_problem(engine: Host) -> str | None:
    for i in range(len(engine.steps)):
        if engine.active(i) and engine.pending(i):
            return engine.section_id(engine.steps[i])
    return None


def ask_review(engine: Host) -> Any:
    """Show the overview and return GENERATE, STOP, a section id, or BACK."""
    while True:
        engine.asker.say(overview(engine), "info")
        choice = engine.asker.ask(review_prompt(engine))
        if choice == GENERATE and engine.state.problems():
            engine.asker.say("Los eerst de punten onder 'Nog niet in orde' op.", "error")
            continue
        if choice in (BACK, GENERATE, STOP) or choice in {s.id for s in engine.questionnaire.sections}:
            return choice
