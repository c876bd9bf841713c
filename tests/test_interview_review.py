"""The review screen, jumping to a section from it, and generating through the library façade."""

from __future__ import annotations

import pytest
from test_interview_support import BACK, ENTER, complete_run, coop_steps, run, saved

from generator import api
from generator.answers import validate_answers
from generator.errors import OutputExists
from generator.interview.engine import Engine
from generator.interview.questionnaire import load_questionnaire
from generator.interview.review import GENERATE, review_prompt
from generator.interview.scripted import ScriptedAsker
from generator.interview.state import AnswerState


@pytest.fixture
def complete(tmp_path, tmp_path_factory):
    return complete_run(tmp_path, tmp_path_factory)


def test_generate_is_the_first_and_default_choice_and_every_section_can_be_opened(complete):
    asker = run(complete, [("review", ENTER)])
    prompt = asker.asked[0]
    assert prompt.default == GENERATE and prompt.options[0].value == GENERATE
    assert prompt.options[1].value == "bewaar_en_stop"
    assert [o.value for o in prompt.options[2:]] == [s.id for s in load_questionnaire().sections]
    assert prompt.options[4].title == "Wijzig 3. Rechtsvorm van het consortium"


def test_changing_the_legal_form_drops_and_asks_what_changed(complete):
    asker = run(complete, [
        ("review", "rechtsvorm"),
        ("rechtsvorm.vorm", "geen"),
        ("partners.penvoerder", "Stichting Rivierzorg"),
        ("toezicht.model", ENTER),  # a raad van toezicht no longer fits: asked again
        ("review", "genereer"),
    ])
    raw = saved(complete)
    assert raw["rechtsvorm"] == {"vorm": "geen"}
    assert "leden" not in raw["toezicht"]
    answers = validate_answers(raw)
    assert answers.penvoerder.naam == "Stichting Rivierzorg" and answers.toezicht.model == "getrapt"
    assert any("raad van toezicht past niet bij rechtsvorm 'geen'" in m for m in asker.messages("error"))


def test_a_section_is_walked_with_the_earlier_answers_as_defaults(complete):
    asker = run(complete, [("review", "geschillen"), ("geschillen.route", "rechter"),
                           ("geschillen.rechtbank", ENTER), ("review", "genereer")])
    assert asker.asked[2].default == "de rechtbank Gelderland"
    assert saved(complete)["geschillen"]["route"] == "rechter"


def test_back_from_the_first_question_of_a_section_returns_to_the_review(complete):
    asker = run(complete, [("review", "stemrecht"), ("stemrecht.model", BACK), ("review", "genereer")])
    assert [p.key for p in asker.asked] == ["review", "stemrecht.model", "review"]


def test_back_on_the_review_goes_to_the_last_question(complete):
    asker = run(complete, [("review", BACK), ("geschillen.rechtbank", BACK), ("geschillen.route", ENTER),
                           ("geschillen.rechtbank", ENTER), ("review", "genereer")])
    assert [p.key for p in asker.asked][1:4] == ["geschillen.rechtbank", "geschillen.route", "geschillen.rechtbank"]


def test_generate_is_disabled_while_problems_remain():
    engine = Engine(load_questionnaire(), AnswerState({"consortium": {"naam": "X"}}), ScriptedAsker([]),
                    lambda: None)
    option = review_prompt(engine).options[0]
    assert option.value == GENERATE and option.disabled.startswith("eerst oplossen:")


def test_interview_ends_with_documents_through_generate(tmp_path):
    path, out = tmp_path / "antwoorden.yaml", tmp_path / "uitvoer"
    written = api.interview(path, out, asker=ScriptedAsker(coop_steps()))
    assert written is not None
    assert {p.name for p in written.files} >= {"samenwerkingsovereenkomst.docx", "statuten.docx",
                                         "huishoudelijk-reglement.docx", "governance-analyse.docx",
                                         "verantwoording.json"}
    assert all(p.parent == out and p.exists() for p in written.files)


def test_existing_documents_need_force_and_the_answers_are_kept(complete, tmp_path):
    out = tmp_path / "uitvoer"
    api.interview(complete, out, asker=ScriptedAsker([("review", "genereer")]))
    with pytest.raises(OutputExists) as caught:
        api.interview(complete, out, asker=ScriptedAsker([("review", "genereer")]))
    assert f"consortium interview {complete} --out {out} --force" in caught.value.dutch_report()
    assert api.interview(complete, out, force=True, asker=ScriptedAsker([("review", "genereer")]))
