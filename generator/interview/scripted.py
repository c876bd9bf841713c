"""A scripted asker: answers prompts from a list, like a user at a keyboard, with no terminal.

Used by the flow tests and handy for demonstrations. Each step is `(key, answer)`: `key` is a
glob ('*' only; brackets are literal) matched against the prompt's key ('consortium.naam',
'partners[1].aandeel', 'review'). Steps are keyed, not positional: a prompt takes the first
remaining step for its key, and a prompt the script does not mention takes its default (as if
the user pressed Enter), so adding a question to the questionnaire breaks no unrelated script.
A default the prompt refuses, or a review screen the script does not mention, is a ScriptError.
`answer` is typed text, an option value or title, a list for checkboxes, `ENTER` (accept the
default), `BACK` (the back key), `CTRL_C` or `CTRL_D` (end of input). Like the real prompts, text and checkbox answers
that the prompt refuses are recorded in `refused` and the same prompt takes the next step.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from fnmatch import fnmatchcase
from typing import Any

from generator.adapters.asking import BACK, Prompt, Style


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
        self.defaulted: list[str] = []
        self._defaulted: dict[str, int] = {}

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
        for i, (pattern, answer) in enumerate(self.steps):
            if fnmatchcase(prompt.key, pattern.replace("[", "[[]")):
                del self.steps[i]
                return answer
        if prompt.key in self.UNSCRIPTED_REFUSED or self._defaulted.get(prompt.key, 0) > self.MAX_DEFAULTS:
            raise ScriptError(f"geen antwoord in het script voor vraag {prompt.key}: {prompt.message}")
        self._defaulted[prompt.key] = self._defaulted.get(prompt.key, 0) + 1
        if prompt.kind != "select" and prompt.convert(prompt.default)[1] is not None:
            raise ScriptError(f"geen antwoord in het script voor vraag {prompt.key}, en de standaard "
                              f"'{prompt.default}' wordt geweigerd: {prompt.message}")
        self.defaulted.append(prompt.key)
        return ENTER

    UNSCRIPTED_REFUSED = frozenset({"review"})
    MAX_DEFAULTS = 20

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
