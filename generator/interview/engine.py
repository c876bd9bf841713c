"""The interview as a pure state machine behind the `Asker` protocol.

The flow is the questionnaire's steps in order (each question, and the partners group as one
step). A step is *pending* when it applies and its answer is absent or invalid; the interview
starts at the first pending step, so a rerun resumes where it stopped. Every accepted answer
is stored, answers that no longer apply are dropped, and the file is saved at once.

Going back pops a history of visited steps; steps backed out of are kept on a redo stack, so
walking forward again passes them with the earlier answers as defaults. A question that an
answer makes applicable is asked next if it comes earlier in the flow, else in flow order.
When nothing is pending, the review screen is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.adapters.asking import BACK, DONE, Asker, Prompt
from generator.answers.load import validate_field
from generator.errors import Problem
from generator.interview import kinds
from generator.interview.host import Step
from generator.interview.questionnaire import Question, Questionnaire, Section
from generator.interview.state import AnswerState, model_default, prune, step_for_pad
from generator.interview.wording import message


class Engine:
    def __init__(self, questionnaire: Questionnaire, state: AnswerState, asker: Asker,
                 save: Callable[[], None], *, out: Path | None = None, stop: Callable[[], None] | None = None,
                 made_here: bool = False):
        from generator.interview.partners import PartnerGroup
        from generator.interview.wording import labels

        self.questionnaire = questionnaire
        self.state = state
        self.asker = asker
        self.save = save
        self.out = out or Path("uitvoer")
        self.steps: list[Step] = questionnaire.steps()
        self.questions = questionnaire.questions()
        self.section_of = {q.path: s.id for s in questionnaire.sections for q in s.vragen}
        self.history: list[int] = []
        self.redo: list[int] = []
        self._announced: str | None = None
        self._problem_steps: tuple[int, set[str | None]] = (-1, set())
        self.group = PartnerGroup(self)
        self.labels = labels(q for s in questionnaire.sections for q in s.vragen)
        self.stop = stop
        self.settled = self._settled(made_here)

    def _settled(self, made_here: bool) -> bool:
        """A valid answers file opens at the review screen: its open optional answers are listed
        there, not asked one by one. A file this interview is still filling in (it wrote the
        file, and never got past the first question of the last section) resumes instead."""
        if self.state.is_empty() or self.state.problems() or self.state.provisional() is None:
            return False
        if not made_here:
            return True
        answered = [i for i, s in enumerate(self.steps)
                    if (self.state.partners if isinstance(s, Section) else self.state.has(s))]
        last = self.questionnaire.sections[-1].id
        return bool(answered) and self.section_id(self.steps[max(answered)]) == last

    def reword(self, text: str) -> str:
        from generator.interview.wording import for_interview

        return for_interview(text, self.labels)

    # -- the whole interview -------------------------------------------------------------
    def run(self) -> None:
        """Ask until nothing is pending, then show the review until the user generates."""
        from generator.interview.review import GENERATE, STOP, ask_review

        self._drop_stale_answers()
        start = self.first_pending(0)
        self.welcome(start)
        self.walk(start)
        while True:
            choice = ask_review(self)
            if choice == GENERATE:
                self.asker.say(f"De documenten worden opgesteld in {self.out}/ ...", "info")
                return
            if choice == STOP:
                if self.stop is not None:
                    self.stop()
                return
            self.history, self.redo = [], []
            if choice is BACK:
                self.walk(self.last_active())
            else:
                self.edit_section(choice)

    def welcome(self, start: int | None) -> None:
        """On resume, say where the interview continues."""
        if self.state.is_empty():
            return
        if start is None:
            self.asker.say("Welkom terug. Uw antwoorden zijn compleet; u ziet eerst het overzicht. "
                           "Daar kunt u een onderdeel wijzigen of de documenten opstellen.", "title")
            return
        sections = self.questionnaire.sections
        section_id = self.section_id(self.steps[start])
        n = next(i for i, s in enumerate(sections) if s.id == section_id) + 1
        step = self.steps[start]
        where = "bij de partners" if isinstance(step, Section) else f"bij de vraag '{step.vraag}'"
        self.asker.say(f"Welkom terug. U gaat verder bij onderdeel {n} van {len(sections)}, "
                       f"{sections[n - 1].titel}, {where}.", "title")

    def _drop_stale_answers(self) -> None:
        dropped = prune(self.state, self.questions)
        if dropped:  # saved with the first changed answer, not before
            names = ", ".join(q.label for q in dropped)
            self.asker.say(f"Niet meer van toepassing en daarom weggelaten: {names}.", "info")

    def edit_section(self, section_id: str) -> None:
        """Walk every applicable question of one section, then anything newly pending."""
        indices = [i for i, s in enumerate(self.steps) if self.section_id(s) == section_id and self.active(i)]
        if not indices:
            return
        self.redo = list(reversed(indices[1:]))
        self.walk(indices[0], stop_at=indices[0])
        self.redo = []

    # -- walking -----------------------------------------------------------------------------
    def walk(self, pos: int | None, stop_at: int | None = None) -> None:
        while pos is not None:
            if self.ask_step(pos) is BACK:
                pos = self._back(pos, stop_at)
            else:
                self.history.append(pos)
                done = pos
                pos = self._next(pos)
                if pos is None or self.section_id(self.steps[pos]) != self.section_id(self.steps[done]):
                    self.show_meaning(self.section_id(self.steps[done]))

    def show_meaning(self, section_id: str) -> None:
        """'Wat dit betekent' for the section just answered (computed by the analysis)."""
        from generator.interview.consequences import block

        text = block(section_id, self.state.provisional(), self.reword)
        if text:
            self.asker.say(text, "meaning")

    def _back(self, pos: int, stop_at: int | None) -> int | None:
        while self.history and not self.active(self.history[-1]):
            self.history.pop()
        if self.history:
            self.redo.append(pos)
            return self.history.pop()
        if pos == stop_at:
            return None
        previous = next((i for i in range(pos - 1, -1, -1) if self.active(i)), None)
        if previous is None:
            self.asker.say("Dit is de eerste vraag.", "info")
            return pos
        self.redo.append(pos)
        return previous

    def _next(self, pos: int) -> int | None:
        self.redo = [i for i in self.redo if self.active(i)]
        earlier = self.first_pending(0)
        if earlier is not None and earlier < pos:  # the answer made an earlier question apply
            return earlier
        pending = self.first_pending(pos + 1)
        if self.redo and (pending is None or self.redo[-1] <= pending):
            return self.redo.pop()
        return pending

    def first_pending(self, start: int) -> int | None:
        return next((i for i in range(start, len(self.steps)) if self.pending(i)), None)

    def last_active(self) -> int:
        return next(i for i in range(len(self.steps) - 1, -1, -1) if self.active(i))

    # -- state of steps ------------------------------------------------------------------------
    def section_id(self, step: Step) -> str:
        return step.id if isinstance(step, Section) else self.section_of[step.path]

    def active(self, i: int) -> bool:
        step = self.steps[i]
        return isinstance(step, Section) or step.applies(self.state.context())

    def pending(self, i: int) -> bool:
        if not self.active(i):
            return False
        step = self.steps[i]
        if isinstance(step, Section):
            return self.group.pending()
        if self.settled and not self.state.has(step):
            return step.path in self.problem_steps()
        return not self.state.has(step) or self.is_stale(step)

    def open_points(self) -> list[Question]:
        """Optional questions that apply and are not answered (no value in the file)."""
        context = self.state.context()
        return [q for q in self.questions if q.applies(context) and q.nullable
                and self.state.raw(q) is None and self.default_for(q) is None]

    def problem_steps(self) -> set[str | None]:
        if self._problem_steps[0] != self.state.version:
            steps = {step_for_pad(p.pad, self.questions) for p in self.state.problems()}
            self._problem_steps = (self.state.version, steps)
        return self._problem_steps[1]

    def is_stale(self, q: Question) -> bool:
        """A stored answer that is invalid on its own or breaks a rule of the answers file."""
        return self.state.has(q) and (bool(self.state.field_problems(q)) or q.path in self.problem_steps())

    def stale_reasons(self, q: Question) -> list[str]:
        reasons = [p.bericht for p in self.state.field_problems(q)]
        return reasons or [p.bericht for p in self.state.problems()
                           if step_for_pad(p.pad, self.questions) == q.path]

    # -- asking one step ---------------------------------------------------------------------
    def ask_step(self, pos: int) -> Any:
        step = self.steps[pos]
        self.announce(self.section_id(step))
        if isinstance(step, Section):
            return self.group.run()
        if step.soort == "ventielen":
            from generator.interview.valves import ask_valves

            return ask_valves(self, step)
        self.introduce(step)
        value = self.ask_until_valid(self.prompt_for(step))
        if value is BACK:
            return BACK
        self.commit(step, value)
        return DONE

    def announce(self, section_id: str) -> None:
        if section_id == self._announced:
            return
        self._announced = section_id
        sections = self.questionnaire.sections
        index = next(i for i, s in enumerate(sections) if s.id == section_id)
        self.asker.say(f"Onderdeel {index + 1} van {len(sections)}: {sections[index].titel}", "title")
        self.asker.say(sections[index].uitleg, "help")

    def introduce(self, q: Question) -> None:
        """Show the help text, and say why a stored answer is asked again."""
        self.asker.say(q.hulp, "help")
        suggestion = self.suggestion(q)
        if suggestion is not None and not self.state.has(q):
            self.asker.say(f"Voorgesteld: {kinds.display(q, suggestion[0], self.state.partners)}. "
                           f"{suggestion[1]}", "info")
        if self.is_stale(q):
            shown = kinds.display(q, self.state.raw(q), self.state.partners)
            reasons = self.reword(message(self.stale_reasons(q), capital=False))
            self.asker.say(f"Uw opgeslagen antwoord ({shown}) is niet (meer) geldig: "
                           f"{reasons}. Geef een nieuw antwoord.", "error")

    def ask_until_valid(self, prompt: Prompt) -> Any:
        while True:
            raw = self.asker.ask(prompt)
            if raw is BACK:
                return BACK
            value, error = prompt.convert(raw)
            if error is None:
                return value
            self.asker.say(self.reword(error), "error")

    # Defaults computed from other answers: accepting one stores null, so that it keeps following
    # those answers (a court that follows the zetel, a basisjaar that follows the start date).
    FOLLOWING_DEFAULTS = frozenset({"lumpsum.basisjaar", "toezicht.leiding", "geschillen.rechtbank"})

    def commit(self, q: Question, value: Any) -> None:
        if q.path in self.FOLLOWING_DEFAULTS and value is not None and value == self.default_for(q):
            value = None
        self.state.put(q, value)
        prune(self.state, self.questions)
        self.save()

    # -- building prompts ---------------------------------------------------------------------
    def default_for(self, q: Question) -> Any:
        suggestion = self.suggestion(q)
        if suggestion is not None:
            return suggestion[0]
        value = model_default(q.section, q.key)
        return value if value is not None else self.state.derived_defaults().get(q.path)

    def suggestion(self, q: Question) -> tuple[Any, str] | None:
        """A default that follows from earlier answers where the law points one way."""
        from generator.interview.following import suggestion

        return suggestion(q.path, self.state.provisional())

    def current(self, q: Question) -> Any:
        """The earlier answer when it is still valid, else the contract's default."""
        if self.state.has(q) and not self.is_stale(q) and self.state.raw(q) is not None:
            return self.state.raw(q)
        return self.default_for(q)

    def prompt_for(self, q: Question) -> Prompt:
        kind = kinds.PROMPT_KIND[q.soort]
        base = Prompt(key=q.path, kind=kind, message=q.vraag, convert=self.convert_for(q))
        if kind == "text":
            stored = self.state.raw(q) if self.state.has(q) else None
            shown = stored if stored is not None else self.current(q)
            may_skip = q.nullable and not self.trial_problems(q, None)
            return replace(base, default=kinds.show(q, shown), hint="leeg laten mag" if may_skip else "")
        options = self.allowed_options(q)
        values = [o.value for o in options]
        if kind == "checkbox":
            chosen = self.current(q) or []
            return replace(base, options=options, default=[v for v in values if v in chosen])
        default = next((v for v in (self.current(q), self.default_for(q)) if v in values), values[0])
        return replace(base, options=options, default=default)

    # Admission of a new partner is asked once, as uittreding.toetreding; the answers model puts
    # it in the matching list of decisions (defaults.align_admission_rule).
    ADMISSION_LISTS = frozenset({"stemrecht.gekwalificeerde_besluiten", "stemrecht.unanieme_besluiten"})

    def allowed_options(self, q: Question) -> tuple[Any, ...]:
        """Choices that break no rule of the answers file given the other answers."""
        options = kinds.options(q, self.state.partners)
        if q.path in self.ADMISSION_LISTS:
            options = tuple(o for o in options if o.value != "toetreding")
        if kinds.PROMPT_KIND[q.soort] != "select":
            return options
        allowed = tuple(o for o in options if not self.trial_problems(q, o.value))
        return allowed or options

    def convert_for(self, q: Question) -> Callable[[Any], tuple[Any, str | None]]:
        def convert(raw: Any) -> tuple[Any, str | None]:
            candidate = kinds.parse(q, raw)
            if q.soort == "partner":
                value, problems = candidate, list[Problem]()
            else:
                value, problems = validate_field(q.section, q.key, candidate)
            if problems:
                return None, self.reword(message([p.bericht for p in problems]))
            trial = self.trial_problems(q, value)
            return (None, self.reword(message(trial))) if trial else (value, None)

        return convert

    def trial_problems(self, q: Question, value: Any) -> list[str]:
        """The answers file's problems for this question if `value` were stored."""
        trial = self.state.copy()
        trial.put(q, value)
        prune(trial, self.questions)
        return [p.bericht for p in trial.problems() if step_for_pad(p.pad, self.questions) == q.path]
