"""The review screen: every section with its answers, then generate or jump to a section."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

from generator.interview import kinds
from generator.interview.partners import partner_lines
from generator.interview.prompt import BACK, Option, Prompt
from generator.interview.questionnaire import Section

if TYPE_CHECKING:
    from generator.interview.engine import Engine

GENERATE = "genereer"
WIDTH = 100


def overview(engine: Engine) -> str:
    """All answers per section, in plain Dutch; defaults the user never saw are marked."""
    lines = ["Overzicht van uw antwoorden", ""]
    for n, section in enumerate(engine.questionnaire.sections, 1):
        lines.append(f"{n}. {section.titel}")
        lines += partner_lines(engine.state) if section.repeating else _answer_lines(engine, section)
        lines.append("")
    problems = engine.state.problems()
    if problems:
        lines.append("Nog niet in orde:")
        lines += [f"  - {p}" for p in problems]
    return "\n".join(lines).rstrip()


def _answer_lines(engine: Engine, section: Section) -> list[str]:
    context = engine.state.context()
    partners = engine.state.partners
    width = max(len(q.label) for s in engine.questionnaire.sections for q in s.vragen) + 2
    lines = []
    for q in section.vragen:
        if not q.applies(context):
            continue
        if engine.state.has(q) and (engine.state.raw(q) is not None or engine.default_for(q) is None):
            text = kinds.display(q, engine.state.raw(q), partners)
        else:
            default = engine.default_for(q)
            text = kinds.NOT_GIVEN if default is None else f"{kinds.display(q, default, partners)} (standaard)"
        lines.append(textwrap.fill(text, width=WIDTH, initial_indent=f"   {q.label:<{width}}",
                                   subsequent_indent=" " * (width + 3)))
    return lines


def review_prompt(engine: Engine) -> Prompt:
    problems = engine.state.problems()
    reason = f"eerst oplossen: {problems[0]}" if problems else None
    sections = engine.questionnaire.sections
    generate = Option(f"Genereer de documenten (in {engine.out}/)", GENERATE, disabled=reason)
    jumps = [Option(f"Wijzig {n}. {s.titel}", s.id) for n, s in enumerate(sections, 1)]
    default = GENERATE if not problems else _first_section_with_problem(engine) or sections[0].id
    return Prompt(key="review", kind="select", message="Wat wilt u doen?",
                  options=(generate, *jumps), default=default)


def _first_section_with_problem(engine: Engine) -> str | None:
    for i in range(len(engine.steps)):
        if engine.active(i) and engine.pending(i):
            return engine.section_id(engine.steps[i])
    return None


def ask_review(engine: Engine) -> Any:
    """Show the overview and return GENERATE, a section id, or BACK."""
    while True:
        engine.asker.say(overview(engine), "info")
        choice = engine.asker.ask(review_prompt(engine))
        if choice == GENERATE and engine.state.problems():
            engine.asker.say("Los eerst de punten onder 'Nog niet in orde' op.", "error")
            continue
        if choice is BACK or choice == GENERATE or choice in {s.id for s in engine.questionnaire.sections}:
            return choice
