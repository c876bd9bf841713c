"""What the interview's helpers (partners, valves, review) may use of the engine that runs them.

The helpers are driven by `interview.engine.Engine`, which imports them; they know it only
through this protocol, so the dependency runs one way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from generator.adapters.asking import Asker, Prompt
from generator.interview.questionnaire import Question, Questionnaire, Section
from generator.interview.state import AnswerState

Step = Question | Section


class Host(Protocol):
    """The engine as its helpers see it."""

    questionnaire: Questionnaire
    state: AnswerState
    asker: Asker
    out: Path
    steps: list[Step]
    questions: list[Question]
    settled: bool
    save: Callable[[], None]

    def reword(self, text: str) -> str: ...

    def section_id(self, step: Step) -> str: ...

    def active(self, i: int) -> bool: ...

    def pending(self, i: int) -> bool: ...

    def open_points(self) -> list[Question]: ...

    def introduce(self, q: Question) -> None: ...

    def ask_until_valid(self, prompt: Prompt) -> Any: ...

    def commit(self, q: Question, value: Any) -> None: ...

    def default_for(self, q: Question) -> Any: ...

    def current(self, q: Question) -> Any: ...

    def trial_problems(self, q: Question, value: Any) -> list[str]: ...
