"""The interview's side of the prompt boundary: what to ask, and how to say "go back".

The engine describes each question as a `Prompt`; an `Asker` shows it and returns the raw
answer, or `BACK` when the user pressed the back key. The real asker lives in
`generator.adapters.prompts` (questionary); tests use `generator.interview.scripted`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, Protocol


class _Back:
    """The sentinel an asker returns when the user asks for the previous question."""

    def __repr__(self) -> str:
        return "BACK"


BACK: Any = _Back()
DONE = "done"

PromptKind = Literal["text", "select", "checkbox"]
Style = Literal["title", "help", "info", "error", "meaning"]
Convert = Callable[[Any], tuple[Any, "str | None"]]


def _accept(raw: Any) -> tuple[Any, str | None]:
    return raw, None


@dataclass(frozen=True)
class Option:
    """One choice of a select or checkbox prompt; `disabled` explains why it cannot be chosen."""

    title: str
    value: Any
    disabled: str | None = None


@dataclass(frozen=True)
class Prompt:
    """One question as the user sees it.

    `default` is a string for text, one option value for select, a list of option values for
    checkbox. `convert` turns the raw answer into the value to store, or returns a Dutch
    message explaining why the answer is refused (the asker shows it and asks again).
    """

    key: str
    kind: PromptKind
    message: str
    default: Any = None
    options: tuple[Option, ...] = ()
    hint: str = ""
    convert: Convert = _accept

    def option_values(self) -> list[Any]:
        return [o.value for o in self.options if o.disabled is None]


class Asker(Protocol):
    """Shows prompts and messages. `ask` returns the raw answer or BACK; Ctrl-C raises
    KeyboardInterrupt and a closed input raises EOFError."""

    def ask(self, prompt: Prompt) -> Any: ...

    def say(self, text: str, style: Style = "info") -> None: ...
