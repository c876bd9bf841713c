"""The questionary adapter, driven through real prompts with prompt_toolkit pipe input."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from test_interview_support import saved

from generator.adapters.asking import BACK, Option, Prompt
from generator.adapters.prompts import QuestionaryAsker, instruction
from generator.answers import load_answers
from generator.interview.session import run_interview

ENTER, DOWN, SPACE, CTRL_B, CTRL_C, CTRL_U = "\r", "\x1b[B", " ", "\x02", "\x03", "\x15"


@contextmanager
def keyboard(*keys: str):
    """A session whose terminal input is `keys` (typed ahead) and whose output is discarded."""
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("".join(keys))
        yield


def number_prompt(**kwargs) -> Prompt:
    def convert(raw):
        return (int(raw), None) if raw.isdigit() and int(raw) > 0 else (None, "Moet groter dan 0 zijn")

    return Prompt(key="x", kind="text", message="Hoeveel?", convert=convert, **kwargs)


SELECT = Prompt(key="s", kind="select", message="Welke?", default="b",
                options=(Option("Optie A", "a"), Option("Optie B", "b"), Option("Optie C", "c", disabled="niet nu"),
                         Option("Optie D", "d")))
CHECKBOX = Prompt(key="c", kind="checkbox", message="Welke?", default=["a"],
                  options=(Option("A", "a"), Option("B", "b"), Option("C", "c")))


def test_text_returns_typed_text_and_refuses_invalid_input_in_place():
    with keyboard("0", ENTER, CTRL_U, "42", ENTER):
        assert QuestionaryAsker().ask(number_prompt()) == "42"


def test_text_enter_keeps_the_default():
    with keyboard(ENTER):
        assert QuestionaryAsker().ask(number_prompt(default="7")) == "7"


def test_select_starts_at_the_default_and_skips_disabled_options():
    with keyboard(ENTER):
        assert QuestionaryAsker().ask(SELECT) == "b"
    with keyboard(DOWN, ENTER):
        assert QuestionaryAsker().ask(SELECT) == "d"


def test_select_returns_any_value_type():
    prompt = Prompt(key="j", kind="select", message="Ja?", default=False,
                    options=(Option("ja", True), Option("nee", False)))
    with keyboard(ENTER):
        assert QuestionaryAsker().ask(prompt) is False


def test_checkbox_starts_with_the_defaults_checked_and_toggles_with_space():
    with keyboard(DOWN, SPACE, ENTER):
        assert QuestionaryAsker().ask(CHECKBOX) == ["a", "b"]


@pytest.mark.parametrize("prompt", [number_prompt(default="3"), SELECT, CHECKBOX])
def test_ctrl_b_returns_back(prompt):
    with keyboard(CTRL_B):
        assert QuestionaryAsker().ask(prompt) is BACK


@pytest.mark.parametrize("prompt", [number_prompt(), SELECT, CHECKBOX])
def test_ctrl_c_raises_keyboard_interrupt(prompt):
    with keyboard(CTRL_C), pytest.raises(KeyboardInterrupt):
        QuestionaryAsker().ask(prompt)


def test_every_instruction_line_names_the_back_key():
    for prompt in (number_prompt(), SELECT, CHECKBOX, number_prompt(hint="leeg laten mag")):
        assert "Ctrl-B = vorige vraag" in instruction(prompt)
    assert instruction(number_prompt(hint="leeg laten mag")).startswith("(leeg laten mag;")


def test_say_prints_without_a_terminal():
    with keyboard():
        for style in ("title", "help", "info", "error"):
            QuestionaryAsker().say("Een zin die lang genoeg is om te worden afgebroken. " * 4, style)


def coop_keys() -> list[str]:
    """The keys a user types for the coöperatie of the README, mostly accepting defaults."""
    keys = ["Jeugdhulp Rivierenland", ENTER, "Tiel, Culemborg, West Betuwe", ENTER, "Regio Rivierenland", ENTER,
            "26.100.000", ENTER, ENTER, CTRL_U, "5", ENTER, ENTER, ENTER, ENTER, ENTER]
    for naam, down, share in (("Stichting Rivierzorg", 0, "45"), ("GGZ Betuwe B.V.", 3, "40"),
                              ("Vereniging Gezinshuizen Gelderland", 1, "15")):
        keys += [naam, ENTER, *[DOWN] * down, ENTER, ENTER, ENTER, ENTER, CTRL_U, share, ENTER, ENTER]
        if naam.startswith("GGZ"):
            keys += [ENTER]  # menu: "Voeg een partner toe" is the default while shares are missing
    keys += [ENTER]  # menu: "Klaar met de partners"
    keys += [DOWN, DOWN, ENTER, ENTER, "Coöperatie Jeugdhulp Rivierenland U.A.", ENTER, "Tiel", ENTER]
    keys += [ENTER] * 7  # stemrecht
    keys += [ENTER] * 10  # lumpsum
    keys += [ENTER, ENTER] + [ENTER] * 3  # ventielen (and the volume threshold), melding, tekort, overschot
    keys += [ENTER] * 6 + [ENTER] * 4 + [ENTER] * 5 + [ENTER] * 2  # uittreding, toezicht, data, geschillen
    return [*keys, ENTER]  # review: "Genereer de documenten"


def test_a_whole_interview_through_the_real_prompts(tmp_path):
    path = tmp_path / "antwoorden.yaml"
    with keyboard(*coop_keys(), CTRL_C):  # a lost key ends in Ctrl-C (a failure), never a hang
        run_interview(path, tmp_path / "uitvoer", asker=QuestionaryAsker())
    raw = saved(path)
    assert raw["rechtsvorm"]["naam"] == "Coöperatie Jeugdhulp Rivierenland U.A."
    assert [(p["naam"], p["rechtsvorm"], p["aandeel"]) for p in raw["partners"]] == [
        ("Stichting Rivierzorg", "stichting", 45), ("GGZ Betuwe B.V.", "bv", 40),
        ("Vereniging Gezinshuizen Gelderland", "vereniging", 15)]
    assert raw["consortium"]["looptijd_jaren"] == 5
    # Accepted defaults that follow other answers are stored as null, so they keep following them.
    assert raw["toezicht"]["leiding"] is None and raw["geschillen"]["rechtbank"] is None
    answers = load_answers(path)
    assert answers.toezicht.leiding == "directeur_bestuurder"
    assert answers.geschillen.rechtbank == "de rechtbank Gelderland"


def test_a_checkbox_answer_is_summarised_in_dutch(monkeypatch):
    said = []
    monkeypatch.setattr(QuestionaryAsker, "say", lambda self, text, style="info": said.append(text))
    with keyboard(SPACE, ENTER):
        assert QuestionaryAsker().ask(CHECKBOX) == []
    with keyboard(DOWN, SPACE, ENTER):
        QuestionaryAsker().ask(CHECKBOX)
    assert said == ["Gekozen: niets", "Gekozen: A; B"]


def test_a_refused_checkbox_answer_stays_on_the_prompt():
    def at_least_one(values):
        return (values, None) if values else (None, "Kies ten minste één")

    prompt = Prompt(key="c", kind="checkbox", message="Welke?", default=["a"], convert=at_least_one,
                    options=(Option("A", "a"), Option("B", "b")))
    with keyboard(SPACE, ENTER, DOWN, SPACE, ENTER):
        assert QuestionaryAsker().ask(prompt) == ["b"]


def test_a_refused_answer_is_said_in_full_above_the_question_asked_again_with_the_typed_text(monkeypatch):
    said = []
    monkeypatch.setattr(QuestionaryAsker, "say", lambda self, text, style="info": said.append((style, text)))
    long_message = "Moet groter dan 0 zijn; " + "een heel lange uitleg die nooit wordt afgekapt " * 5
    prompt = Prompt(key="x", kind="text", message="Hoeveel?",
                    convert=lambda raw: (raw, None) if raw == "042" else (None, long_message))
    with keyboard("0", ENTER, "42", ENTER):  # the second prompt starts with "0": the typed text is kept
        assert QuestionaryAsker().ask(prompt) == "042"
    assert said == [("error", long_message)]


def test_error_text_is_wrapped_between_words_at_the_terminal_width(monkeypatch):
    from generator.adapters import prompts

    monkeypatch.setattr(prompts.shutil, "get_terminal_size", lambda fallback: __import__("os").terminal_size((40, 24)))
    text = prompts.wrap("Het KvK-nummer moet uit precies acht cijfers bestaan, bijvoorbeeld 41178459.", "  ")
    assert all(len(line) <= 39 for line in text.splitlines())
    assert " ".join(text.split()) == "Het KvK-nummer moet uit precies acht cijfers bestaan, bijvoorbeeld 41178459."
