"""Terminal prompts: the only module that imports questionary and prompt_toolkit.

`QuestionaryAsker` shows the interview's `Prompt`s with questionary and calls `unsafe_ask()`,
so Ctrl-C raises KeyboardInterrupt (the session saves and exits 130). Ctrl-B is merged into
every prompt's key bindings and returns BACK; the instruction line says so in Dutch. In a text
field Ctrl-B replaces the emacs "cursor left" binding; the arrow keys still move the cursor.
"""

from __future__ import annotations

import shutil
import textwrap
from dataclasses import replace
from typing import Any

import questionary
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import Container, Window
from questionary.prompts.common import InquirerControl

from generator.adapters.asking import BACK, Prompt, Style

BACK_KEY = "c-b"
BACK_TEXT = "Ctrl-B = vorige vraag"
INSTRUCTIONS = {
    "text": "",
    "select": "pijltjes + Enter",
    "checkbox": "spatie = aan/uit, Enter = klaar",
}

STYLES: dict[str, str | None] = {"title": "bold", "help": "fg:ansicyan", "info": None, "error": "fg:ansired bold",
                                 "meaning": "fg:ansiyellow"}
MAX_WIDTH = 96


def instruction(prompt: Prompt) -> str:
    parts = [prompt.hint, INSTRUCTIONS[prompt.kind], BACK_TEXT]
    return "(" + "; ".join(p for p in parts if p) + ")"


class QuestionaryAsker:
    """Asks in the terminal. Returns raw answers (text, option values) or BACK."""

    def ask(self, prompt: Prompt) -> Any:
        """Ask until the answer is accepted. A refused answer's message is printed in full,
        wrapped, right above the question, which is asked again with the typed answer."""
        while True:
            raw = self._ask_once(prompt)
            if raw is BACK or prompt.kind == "select":
                return raw
            values = [prompt.options[i].value for i in raw] if prompt.kind == "checkbox" else raw
            error = prompt.convert(values)[1]
            if error is None:
                if prompt.kind == "checkbox":
                    chosen = [prompt.options[i].title for i in raw]
                    self.say("Gekozen: " + ("; ".join(chosen) or "niets"), "help")
                return values
            self.say(error, "error")
            prompt = replace(prompt, default=values)

    def _ask_once(self, prompt: Prompt) -> Any:
        question = build_question(prompt)
        bind_back(question)
        if prompt.kind == "checkbox":
            bind_dutch_submit(question)
        raw = question.unsafe_ask()
        if raw is BACK:
            return BACK
        if prompt.kind == "select":
            return prompt.options[raw].value
        return raw

    def say(self, text: str, style: Style = "info") -> None:
        if style == "title":
            text = f"\n== {text} =="
        elif style in ("help", "error"):
            text = wrap(text, indent="  ")
        elif style == "info":  # laid-out lines (the overview) stay; a long sentence is wrapped
            text = "\n".join(line if len(line) < _width() else wrap(line) for line in text.splitlines())
        elif style == "meaning":  # laid out for 80 columns by the interview itself
            title, _, body = text.partition("\n")
            questionary.print(f"\n{title}", style="bold fg:ansiyellow")
            text = body
        questionary.print(text, style=STYLES[style])


def _width() -> int:
    return min(shutil.get_terminal_size((80, 24)).columns, MAX_WIDTH) - 1


def wrap(text: str, indent: str = "") -> str:
    width = _width()
    return "\n".join(textwrap.fill(line, width=width, initial_indent=indent, subsequent_indent=indent,
                                   break_long_words=False, break_on_hyphens=False)
                     for line in text.splitlines())


def bind_back(question: questionary.Question) -> None:
    """Make Ctrl-B end the prompt with BACK (merged, so the prompt's own keys keep working)."""
    bindings = KeyBindings()

    @bindings.add(BACK_KEY, eager=True)
    def _back(event: KeyPressEvent) -> None:
        event.app.exit(result=BACK)

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), bindings])


def bind_dutch_submit(question: questionary.Question) -> None:
    """Submit a checkbox without questionary's English summary ("done (3 selections)"): the
    prompt line keeps its Dutch instruction and `ask` prints the choices in Dutch."""
    control = _inquirer(question.application.layout.container)
    bindings = KeyBindings()

    @bindings.add(Keys.ControlM, eager=True)
    def _submit(event: KeyPressEvent) -> None:
        control.submission_attempted = True
        event.app.exit(result=[choice.value for choice in control.get_selected_values()])

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), bindings])


def _inquirer(container: Container) -> InquirerControl:
    if isinstance(container, Window) and isinstance(container.content, InquirerControl):
        return container.content
    for child in container.get_children():
        found = _inquirer(child) if child is not None else None
        if found is not None:
            return found
    return None  # type: ignore[return-value]


def build_question(prompt: Prompt) -> questionary.Question:
    if prompt.kind == "text":
        return questionary.text(prompt.message, default=prompt.default or "", instruction=instruction(prompt))
    choices = [questionary.Choice(o.title, value=i, disabled=o.disabled,
                                  checked=prompt.kind == "checkbox" and o.value in (prompt.default or []))
               for i, o in enumerate(prompt.options)]
    if prompt.kind == "checkbox":
        return questionary.checkbox(prompt.message, choices=choices, instruction=instruction(prompt))
    values = [o.value for o in prompt.options]
    default = values.index(prompt.default) if prompt.default in values else None
    return questionary.select(prompt.message, choices=choices, instruction=instruction(prompt),
                              default=choices[default] if default is not None else None)

