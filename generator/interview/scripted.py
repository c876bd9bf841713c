"""A scripted asker: answers prompts from a list, like a user at a keyboard, with no terminal.

Used by the flow tests and handy for demonstrations. Each step is `(key, answer)`: `key` is a
glob ('*' only; brackets are literal) matched against the prompt's key ('consortium.naam',
'partners[1].aandeel', 'review');
`answer` is typed text, an option value or title, a list for checkboxes, `ENTER` (accept the
default), `BACK` (the back key), `CTRL_C` or `CTRL_D` (end of input). Like the real prompts, text and checkbox answers
that the prompt refuses are recorded in `refused` and the same prompt takes the next step.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from fnmatch import fnmatchcase
from typing import Any

from generator.interview.prompt import BACK, Prompt, Style


class _Key:
    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


ENTER: Any = _Key("ENTER")
CTRL_C: Any = _Key("CTRL_C")
CTRL_D: Any = _Key("CTRL_D")


class ScriptError(Exception):
    """The script does not fit the prompts the interview showed."""


class ScriptedAsker:
    def __init__(self, steps: Iterable[tuple[str, Any]]):
        self.steps = deque(steps)
        self.asked: list[Prompt] = []
        self.said: list[tuple[Style, str]] = []
        self.refused: list[tuple[str, Any, str]] = []

    def say(self, text: str, style: Style = "info") -> None:
        self.said.append((style, text))

    def ask(self, prompt: Prompt) -> Any:
        self.asked.append(prompt)
        while True:
            answer = self._next(prompt)
            if answer is CTRL_C:
                raise KeyboardInterrupt
            if answer is CTRL_D:
                raise EOFError
            if answer is BACK:
                return BACK
            if answer is ENTER:
                answer = prompt.default
            if prompt.kind == "select":
                return self._select(prompt, answer)
            if prompt.kind == "checkbox":
                answer = [self._select(prompt, a) for a in answer]
            error = prompt.convert(answer)[1]
            if error is None:
                return answer
            self.refused.append((prompt.key, answer, error))

    def _next(self, prompt: Prompt) -> Any:
        if not self.steps:
            raise ScriptError(f"geen antwoord meer voor vraag {prompt.key}: {prompt.message}")
        pattern, answer = self.steps.popleft()
        if not fnmatchcase(prompt.key, pattern.replace("[", "[[]")):
            raise ScriptError(f"het script verwacht {pattern}, maar de vraag is {prompt.key}: {prompt.message}")
        return answer

    @staticmethod
    def _select(prompt: Prompt, answer: Any) -> Any:
        for option in prompt.options:
            same = type(answer) is type(option.value) and answer == option.value
            if same or answer == option.title:
                if option.disabled is not None:
                    raise ScriptError(f"keuze '{option.title}' is uitgeschakeld: {option.disabled}")
                return option.value
        raise ScriptError(f"'{answer}' is geen keuze bij {prompt.key}; keuzes: "
                          f"{[o.title for o in prompt.options]}")

    def messages(self, style: Style | None = None) -> list[str]:
        return [text for s, text in self.said if style is None or s == style]
