"""The interview flow with a scripted user (no terminal): every section, conditions, going back,
resume after an interrupt, stale answers asked again, and saving after every answer."""

from __future__ import annotations

import datetime as dt

import pytest
from test_interview_support import (
    BACK,
    CTRL_C,
    ENTER,
    complete_run,
    coop_steps,
    default_run,
    full_run,
    run,
    saved,
    write,
)

from generator.adapters import yaml_io
from generator.answers import validate_answers
from generator.errors import Interrupted, InvalidAnswers, UnreadableFile
from generator.interview.engine import Engine
from generator.interview.questionnaire import load_questionnaire
from generator.interview.scripted import ScriptedAsker
from generator.interview.state import AnswerState, foreign_keys


def replace(steps, key, new):
    """Replace the step for `key` by the steps `new` (a list)."""
    i = next(i for i, (k, _) in enumerate(steps) if k == key)
    return steps[:i] + new + steps[i + 1:]


def drop(steps, *keys):
    return [s for s in steps if s[0] not in keys]


@pytest.fixture
def complete(tmp_path, tmp_path_factory):
    """An answers file made by a complete interview run."""
    return complete_run(tmp_path, tmp_path_factory)


def test_complete_run_writes_a_valid_answers_file(tmp_path):
    path = tmp_path / "antwoorden.yaml"
    run(path, coop_steps())
    raw = saved(path)
    answers = validate_answers(raw)
    assert answers.consortium.opdrachtwaarde_per_jaar == 26_100_000
    assert answers.consortium.ingangsdatum == dt.date(2027, 1, 1)
    assert answers.lumpsum.indexatie == 3.5
    assert answers.lumpsum.toeslagen == {"inrichting": 400_000, "transformatie": 600_000}
    assert [p.aandeel for p in answers.partners] == [45, 40, 15]  # the last share defaults to the rest
    assert answers.partners[1].omzet == 250_000_000
    assert answers.stemrecht.maximum == 45 and answers.toezicht.leden == 3
    assert answers.lumpsum.basisjaar == 2026 and answers.toezicht.leiding == "directeur_bestuurder"


def test_every_section_and_every_applicable_question_is_asked(tmp_path_factory):
    asker = default_run(tmp_path_factory)
    asked = {p.key for p in asker.asked}
    questionnaire = load_questionnaire()
    for section in questionnaire.sections:
        for q in section.vragen:
            key = f"partners[0].{q.key}" if section.repeating else q.path
            if q.path in ("uittreding.vast_bedrag", "partners.penvoerder", "rechtsvorm.nominale_waarde"):
                assert key not in asked  # their condition is false in this run
            else:
                assert key in asked, key
    titles = [text for style, text in asker.said if style == "title"]
    assert len(titles) == len(questionnaire.sections) and titles[0].endswith("Het consortium")


def test_accepted_defaults_are_stored_and_empty_optionals_are_null(complete):
    raw = saved(complete)
    assert raw["stemrecht"]["quorum"] == 50 and raw["consortium"]["taak"] == "smal"
    assert raw["uittreding"]["uitsluitingsgronden"] == ["faillissement", "surseance", "wanprestatie"]
    assert "vertegenwoordiger" in raw["partners"][1] and raw["partners"][1]["vertegenwoordiger"] is None
    assert complete.read_text(encoding="utf-8").startswith("# Antwoordenbestand")


def test_every_save_is_a_readable_file_with_only_contract_keys(tmp_path):
    state, snapshots = AnswerState(), []
    asker = ScriptedAsker(coop_steps())
    Engine(load_questionnaire(), state, asker, lambda: snapshots.append(yaml_io.dump(state.as_file()))).run()
    answers = [p for p in asker.asked if p.key not in ("review", "partners", "risicoventielen.ventielen.volume")]
    assert len(snapshots) == len(answers)  # one save per answer, at once (a valve and its threshold: one)
    for text in snapshots:
        raw = yaml_io.parse(text, "snapshot")
        assert raw["versie"] == 1 and foreign_keys(raw) == []


def test_invalid_text_is_refused_in_place_with_the_dutch_message(tmp_path):
    steps = replace(coop_steps(), "consortium.opdrachtwaarde_per_jaar",
                    [("consortium.opdrachtwaarde_per_jaar", "veel"), ("consortium.opdrachtwaarde_per_jaar", "0"),
                     ("consortium.opdrachtwaarde_per_jaar", "26100000")])
    asker = run(tmp_path / "a.yaml", steps)
    assert [(key, msg) for key, _, msg in asker.refused[:2]] == [
        ("consortium.opdrachtwaarde_per_jaar", "Typ een getal, bijvoorbeeld 12 of 2,5"),
        ("consortium.opdrachtwaarde_per_jaar", "Moet groter dan 0 zijn"),
    ]


def test_cross_field_rule_refuses_in_place(tmp_path):
    steps = replace(coop_steps(), "rechtsvorm.naam",
                    [("rechtsvorm.naam", "Jeugdhulp Rivierenland"),
                     ("rechtsvorm.naam", "Coöperatie Jeugdhulp Rivierenland U.A.")])
    asker = run(tmp_path / "a.yaml", steps)
    assert "past niet bij een coöperatie" in asker.refused[0][2]


# -- conditions ------------------------------------------------------------------------------

def geen_steps(review="genereer"):
    steps = replace(coop_steps(review), "rechtsvorm.vorm", [("rechtsvorm.vorm", "geen")])
    steps = drop(steps, "rechtsvorm.naam", "rechtsvorm.zetel", "toezicht.leden", "consortium.jeugdhulpverleners")
    steps = replace(steps, "toezicht.model", [("toezicht.model", ENTER)])
    return replace(steps, "stemrecht.model", [("stemrecht.model", "consent")])


def test_without_entity_the_penvoerder_is_asked_and_entity_questions_are_not(tmp_path):
    steps = geen_steps()
    at = next(i for i, (k, _) in enumerate(steps) if k == "stemrecht.model")
    steps.insert(at, ("partners.penvoerder", "GGZ Betuwe B.V."))
    steps = drop(steps, "stemrecht.maximum")
    asker = run(tmp_path / "a.yaml", steps)
    answers = validate_answers(saved(tmp_path / "a.yaml"))
    assert answers.penvoerder.naam == "GGZ Betuwe B.V."
    assert answers.toezicht.leiding == "penvoerder" and answers.toezicht.model == "getrapt"
    asked = {p.key: p for p in asker.asked}
    assert "rechtsvorm.naam" not in asked and "toezicht.leden" not in asked
    assert [o.value for o in asked["toezicht.model"].options] == ["getrapt"]  # the others break a rule
    assert [o.title for o in asked["partners.penvoerder"].options][1] == "GGZ Betuwe B.V."


def test_fixed_fee_amount_only_when_chosen(tmp_path):
    steps = replace(coop_steps(), "uittreding.vergoeding",
                    [("uittreding.vergoeding", "vast_bedrag"), ("uittreding.vast_bedrag", ""),
                     ("uittreding.vast_bedrag", "50000")])
    asker = run(tmp_path / "a.yaml", steps)
    assert asker.refused[-1][2] == "Is verplicht als vergoeding 'vast_bedrag' is"
    assert saved(tmp_path / "a.yaml")["uittreding"]["vast_bedrag"] == 50000


def test_valves_ask_a_threshold_per_volume_type_valve(tmp_path):
    steps = replace(coop_steps(), "risicoventielen.ventielen",
                    [("risicoventielen.ventielen", ["volume", "zorgzwaarte", "overmacht"])])
    steps = replace(steps, "risicoventielen.ventielen.volume",
                    [("risicoventielen.ventielen.volume", "12,5"), ("risicoventielen.ventielen.zorgzwaarte", BACK),
                     ("risicoventielen.ventielen.volume", ENTER), ("risicoventielen.ventielen.zorgzwaarte", ""),
                     ("risicoventielen.ventielen.zorgzwaarte", "150"), ("risicoventielen.ventielen.zorgzwaarte", "15")])
    asker = run(tmp_path / "a.yaml", steps)
    assert "Is verplicht bij een zorgzwaarteventiel" in asker.refused[0][2]
    assert "tussen 0 en 100" in asker.refused[1][2]
    assert saved(tmp_path / "a.yaml")["risicoventielen"]["ventielen"] == [
        {"soort": "volume", "drempel": 12.5}, {"soort": "zorgzwaarte", "drempel": 15}, {"soort": "overmacht"}]


# -- going back --------------------------------------------------------------------------------

def test_back_returns_to_the_previous_question_with_the_earlier_answer(tmp_path):
    steps = replace(coop_steps(), "consortium.werkgebied",
                    [("consortium.werkgebied", BACK), ("consortium.naam", ENTER),
                     ("consortium.werkgebied", "Tiel, Culemborg, West Betuwe")])
    steps = [("consortium.naam", BACK), *steps]
    asker = run(tmp_path / "a.yaml", steps)
    naam_prompts = [p for p in asker.asked if p.key == "consortium.naam"]
    assert naam_prompts[-1].default == "Jeugdhulp Rivierenland"
    assert "Dit is de eerste vraag." in asker.messages("info")
    assert saved(tmp_path / "a.yaml")["consortium"]["naam"] == "Jeugdhulp Rivierenland"


def test_back_through_the_partners_group_and_into_the_previous_section(tmp_path):
    steps = replace(coop_steps(), "rechtsvorm.vorm", [
        ("rechtsvorm.vorm", BACK), ("partners", BACK), ("partners[2].omzet", BACK),
        ("partners[2].aandeel", "15"), ("partners[2].omzet", ENTER), ("partners", "klaar"),
        ("rechtsvorm.vorm", "cooperatie")])
    steps = replace(steps, "partners[0].naam", [("partners[0].naam", BACK), ("consortium.hoofdelijk", ENTER),
                                                ("partners[0].naam", "Stichting Rivierzorg")])
    run(tmp_path / "a.yaml", steps)
    assert validate_answers(saved(tmp_path / "a.yaml")).partners[2].aandeel == 15


def test_changing_an_answer_drops_what_no_longer_applies(tmp_path):
    steps = replace(coop_steps(), "stemrecht.quorum", [
        ("stemrecht.quorum", BACK), ("stemrecht.maximum", BACK), ("stemrecht.model", "gelijk"),
        ("stemrecht.quorum", ENTER)])
    asker = run(tmp_path / "a.yaml", steps)
    assert "maximum" not in saved(tmp_path / "a.yaml")["stemrecht"]
    model = [p for p in asker.asked if p.key == "stemrecht.model"][-1]
    assert model.default == "naar_aandeel"  # the earlier answer, offered again


# -- resume --------------------------------------------------------------------------------------

@pytest.mark.parametrize("stop", [3, 21, 40, 70])
def test_resume_after_an_interrupt_continues_at_the_first_unanswered_question(tmp_path, tmp_path_factory, stop):
    path, steps = tmp_path / "a.yaml", coop_steps()
    with pytest.raises(Interrupted) as caught:
        run(path, [*steps[:stop], (steps[stop][0], CTRL_C)])
    assert caught.value.exit_code == 130
    assert f"consortium interview {path}" in caught.value.bericht
    again = run(path, steps[stop:])
    assert again.asked[0].key == steps[stop][0]
    assert saved(path) == saved(full_run(tmp_path_factory))


def test_a_complete_file_goes_straight_to_the_review(complete):
    asker = run(complete, [("review", "genereer")])
    assert len(asker.asked) == 1
    overview = next(m for m in asker.messages("info") if m.startswith("Overzicht van uw antwoorden"))
    assert "Coöperatie Jeugdhulp Rivierenland U.A." in overview
    assert asker.messages("info")[-1] == f"De documenten worden opgesteld in {complete.parent / 'uitvoer'}/ ..."
    assert asker.asked[0].options[0].title.startswith("Genereer de documenten")


def test_end_of_input_is_an_interrupt_too(tmp_path):
    from generator.interview.scripted import CTRL_D

    with pytest.raises(Interrupted):
        run(tmp_path / "a.yaml", [*coop_steps()[:2], ("consortium.opdrachtgever", CTRL_D)])
    assert list(saved(tmp_path / "a.yaml")["consortium"]) == ["naam", "werkgebied"]


def test_interrupt_before_any_answer_writes_nothing(tmp_path):
    with pytest.raises(Interrupted):
        run(tmp_path / "a.yaml", [("consortium.naam", CTRL_C)])
    assert not (tmp_path / "a.yaml").exists()


# -- answers edited by hand ------------------------------------------------------------------------

def test_stale_answers_are_asked_again_not_a_crash(complete):
    raw = saved(complete)
    raw["consortium"]["looptijd_jaren"] = 40
    raw["consortium"]["taak"] = "middel"
    raw["partners"][1]["kvk"] = "123"
    raw["rechtsvorm"]["naam"] = "Jeugdhulp B.V."
    raw["stemrecht"]["unanieme_besluiten"] = ["begroting"]
    write(complete, raw)
    asker = run(complete, [
        ("consortium.looptijd_jaren", ENTER), ("consortium.looptijd_jaren", "5"),
        ("consortium.taak", ENTER),
        ("partners[1].kvk", ENTER), ("partners[1].kvk", "30123456"), ("partners[1].plaats", ENTER),
        ("partners[1].vertegenwoordiger", ENTER), ("partners[1].aandeel", ENTER), ("partners[1].omzet", ENTER),
        ("partners", "klaar"),
        ("rechtsvorm.naam", "Coöperatie Jeugdhulp Rivierenland U.A."),
        ("stemrecht.unanieme_besluiten", ["statutenwijziging"]),
        ("review", "genereer")])
    errors = asker.messages("error")
    assert any("(40 jaar) is niet (meer) geldig: moet tussen 1 en 15 liggen" in e for e in errors)
    assert any("'middel' is geen geldige keuze" in e for e in errors)
    assert any("'begroting' staat ook in de lijst 'Besluiten met zwaardere meerderheid'" in e for e in errors)
    assert not any("aanhalingstekens" in e or "gekwalificeerde_besluiten" in e for e in errors)
    assert [p.default for p in asker.asked if p.key == "consortium.taak"] == ["smal"]
    validate_answers(saved(complete))


def test_unknown_keys_stop_the_interview_before_the_first_prompt(tmp_path):
    path = write(tmp_path / "a.yaml", "versie: 1\nconsortium:\n  naaam: X\n")
    with pytest.raises(InvalidAnswers) as caught:
        run(path, [])
    assert "consortium.naaam: onbekende sleutel; bedoelt u 'naam'?" in caught.value.dutch_report()
    assert path.read_text(encoding="utf-8") == "versie: 1\nconsortium:\n  naaam: X\n"


@pytest.mark.parametrize(("text", "error"), [("- a\n- b\n", InvalidAnswers), ("versie: 2\n", InvalidAnswers),
                                             ("consortium: [\n", UnreadableFile)])
def test_files_the_interview_would_damage_are_refused(tmp_path, text, error):
    path = write(tmp_path / "a.yaml", text)
    with pytest.raises(error):
        run(path, [])
    assert path.read_text(encoding="utf-8") == text


def test_answers_that_no_longer_apply_in_the_file_are_dropped_at_start(complete):
    raw = saved(complete)
    raw["toezicht"]["model"] = "getrapt"
    raw["toezicht"]["leden"] = 5
    write(complete, raw)
    before = complete.read_text(encoding="utf-8")
    asker = run(complete, [("review", "bewaar_en_stop")])
    assert "Aantal toezichthouders" in asker.messages("info")[0]
    assert complete.read_text(encoding="utf-8") == before  # nothing written without a changed answer
    run(complete, [("review", "geschillen"), ("geschillen.route", "rechter"), ("review", "bewaar_en_stop")])
    assert "leden" not in saved(complete)["toezicht"]


def test_empty_is_offered_only_where_the_answers_file_accepts_it(tmp_path_factory):
    asker = default_run(tmp_path_factory)
    hints = {p.key: p.hint for p in asker.asked}
    assert hints["partners[0].kvk"] == "leeg laten mag" and hints["consortium.ingangsdatum"] == "leeg laten mag"
    assert hints["rechtsvorm.naam"] == "" and hints["consortium.naam"] == ""  # required (by a rule, or always)


def test_an_answer_that_makes_an_earlier_question_apply_asks_it_next(tmp_path):
    steps = replace(coop_steps(), "toezicht.leiding", [
        ("toezicht.leiding", "penvoerder"), ("partners.penvoerder", "GGZ Betuwe B.V.")])
    asker = run(tmp_path / "a.yaml", steps)
    keys = [p.key for p in asker.asked]
    assert keys.index("partners.penvoerder") == keys.index("toezicht.leiding") + 1
    assert validate_answers(saved(tmp_path / "a.yaml")).penvoerder.naam == "GGZ Betuwe B.V."
