"""The questionnaire file: checked at load time, covering every key of the answers contract."""

from __future__ import annotations

import copy
import re

import pytest

from generator.adapters import yaml_io
from generator.answers.model import SECTIONS, Partner
from generator.errors import LibraryError
from generator.interview.kinds import parse_date, parse_list, parse_number, parse_surcharges
from generator.interview.questionnaire import SECTION_ORDER, load_questionnaire, parse_questionnaire
from generator.resources import data_dir

RAW = yaml_io.read_file(data_dir("interviews") / "consortium.yaml")


def test_sections_follow_the_leading_principles_in_order():
    assert [s.id for s in load_questionnaire().sections] == list(SECTION_ORDER) == [
        "consortium", "partners", "rechtsvorm", "stemrecht", "lumpsum", "risicoventielen", "uittreding",
        "toezicht", "dataregistratie", "geschillen"]


def test_the_first_question_is_the_consortiums_name():
    assert load_questionnaire().steps()[0].path == "consortium.naam"


def test_every_key_of_the_answers_contract_is_asked():
    asked = {q.path for s in load_questionnaire().sections for q in s.vragen}
    expected = {f"{name}.{key}" for name, model in SECTIONS.items() for key in model.model_fields}
    expected |= {f"partners.{key}" for key in Partner.model_fields}
    assert asked == expected


def test_every_question_has_plain_help_of_two_to_five_sentences():
    for section in load_questionnaire().sections:
        assert section.uitleg and section.titel
        for q in section.vragen:
            sentences = [s for s in re.split(r"(?<=[.?!])\s+(?=[A-Z'])", q.hulp) if s.strip()]
            assert 2 <= len(sentences) <= 5, (q.path, len(sentences))
            assert len(q.label) <= 40, q.path


def test_choices_come_from_the_vocabulary_with_dutch_titles():
    questions = {q.path: q for q in load_questionnaire().questions()}
    assert questions["lumpsum.risicoverdeling"].keuzes["integraal"].startswith("integraal (alle cliënten")
    assert questions["rechtsvorm.naam"].when == "rechtsvorm.vorm != 'geen'"


def mutated(change) -> dict:
    raw = copy.deepcopy(RAW)
    change(raw)
    return raw


def question(raw, section, key):
    sec = next(s for s in raw["secties"] if s["sectie"] == section)
    return next(q for q in sec["vragen"] if q["sleutel"] == key)


@pytest.mark.parametrize(("change", "expected"), [
    (lambda r: question(r, "stemrecht", "model").update(sleutel="modle"),
     "sleutel 'modle' bestaat niet in het antwoordenbestand; bedoelt u 'model'?"),
    (lambda r: question(r, "stemrecht", "maximum").update(when="stemrecht.model == "),
     "de voorwaarde 'stemrecht.model == ' is ongeldig"),
    (lambda r: question(r, "stemrecht", "maximum").update(when="stemrecht.modl == 'naar_aandeel'"),
     "noemt onbekende sleutel 'stemrecht.modl'"),
    (lambda r: question(r, "stemrecht", "maximum").update(when="stemrechten.model == 'x'"),
     "noemt onbekend onderdeel 'stemrechten'"),
    (lambda r: question(r, "stemrecht", "model").update(soort="kies"), "soort 'kies' bestaat niet"),
    (lambda r: question(r, "stemrecht", "model").update(keuzes="IMPASSES"),
     "keuze 'mediation' uit IMPASSES past niet bij deze sleutel"),
    (lambda r: question(r, "stemrecht", "model").update(keuzes="ONBEKEND"), "staat niet in de woordenlijst"),
    (lambda r: question(r, "stemrecht", "model").update(hulp=""), "'hulp' ontbreekt of is leeg"),
    (lambda r: question(r, "stemrecht", "model").update(hlup="x"), "onbekende sleutel 'hlup'; bedoelt u 'hulp'?"),
    (lambda r: r["secties"].reverse(), "de secties moeten precies deze zijn, in deze volgorde"),
    (lambda r: r["secties"][3]["vragen"].append(dict(r["secties"][3]["vragen"][0])),
     "deze sleutels worden meer dan eens gevraagd: stemrecht.model"),
    (lambda r: r.update(versie=2), "verwacht 'versie: 1'"),
])
def test_a_broken_questionnaire_is_a_clear_error_before_the_first_prompt(change, expected):
    with pytest.raises(LibraryError) as caught:
        parse_questionnaire(mutated(change), "interviews/consortium.yaml")
    assert expected in caught.value.bericht
    assert caught.value.bericht.startswith("interviews/consortium.yaml")


def test_a_missing_questionnaire_file_is_a_library_error(tmp_path):
    with pytest.raises(LibraryError, match="ontbreekt"):
        load_questionnaire(tmp_path / "weg.yaml")


def test_conditions_are_evaluated_over_the_answers():
    q = next(q for q in load_questionnaire().questions() if q.path == "partners.penvoerder")
    assert q.applies({"rechtsvorm": {"vorm": "geen"}, "toezicht": {"leiding": None}})
    assert not q.applies({"rechtsvorm": {"vorm": "cooperatie"}, "toezicht": {"leiding": "directeur"}})
    assert q.applies({"rechtsvorm": {"vorm": "bv"}, "toezicht": {"leiding": "penvoerder"}})


@pytest.mark.parametrize(("text", "value"), [
    ("26100000", 26_100_000), ("26.100.000", 26_100_000), ("€ 26.100.000", 26_100_000), ("3,5", 3.5),
    ("3.5", 3.5), ("1.250,50", 1250.5), ("45%", 45), ("", None), ("veel", "veel"), ("1.2.3", "1.2.3"),
])
def test_numbers_are_read_the_dutch_way(text, value):
    assert parse_number(text) == value


def test_dates_lists_and_surcharges_are_read_from_plain_text():
    assert parse_date("1-1-2027") == "2027-01-01" and parse_date("2027-01-01") == "2027-01-01"
    assert parse_list("Tiel, Culemborg;  West Betuwe ,") == ["Tiel", "Culemborg", "West Betuwe"]
    assert parse_surcharges("inrichting 400.000; transformatie: 600000") == {
        "inrichting": 400_000, "transformatie": 600_000}
    assert parse_surcharges("inrichting=400000, ICT 5000") == {"inrichting": 400_000, "ICT": 5000}
    assert parse_surcharges("") == {} and parse_surcharges("zomaar") == "zomaar"
