"""Every rule of the answers contract: a valid case passes, an invalid one names the key in Dutch."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import raw_answers

from generator.answers import validate_answers
from generator.errors import InvalidAnswers


def problems(raw: dict) -> list[str]:
    with pytest.raises(InvalidAnswers) as info:
        validate_answers(raw)
    return [str(p) for p in info.value.problemen]


def partner(naam: str, aandeel: float, **extra) -> dict:
    return {"naam": naam, "aandeel": aandeel, **extra}


@pytest.mark.parametrize("vorm", ["geen", "vereniging", "cooperatie", "stichting", "bv"])
def test_every_form_has_a_valid_minimal_file(vorm):
    answers = validate_answers(raw_answers(vorm))
    assert answers.rechtsvorm.vorm == vorm


# (section overrides, expected fragment of the message naming the key)
INVALID = [
    ({"consortium": {"naam": ""}}, "consortium.naam: mag niet leeg zijn"),
    ({"consortium": {"werkgebied": []}}, "consortium.werkgebied: moet ten minste één waarde bevatten"),
    ({"consortium": {"werkgebied": "Tiel"}}, "consortium.werkgebied: verwacht een lijst"),
    ({"consortium": {"opdrachtwaarde_per_jaar": 0}}, "consortium.opdrachtwaarde_per_jaar: moet groter dan 0 zijn"),
    ({"consortium": {"opdrachtwaarde_per_jaar": "26.100.000"}}, "schrijf een getal zonder punten"),
    ({"consortium": {"ingangsdatum": "1-1-2027"}}, "consortium.ingangsdatum: verwacht een datum als JJJJ-MM-DD"),
    ({"consortium": {"looptijd_jaren": 16}}, "consortium.looptijd_jaren: moet tussen 1 en 15 liggen"),
    ({"consortium": {"looptijd_jaren": 0}}, "consortium.looptijd_jaren: moet tussen 1 en 15 liggen"),
    ({"consortium": {"looptijd_jaren": 2.5}}, "consortium.looptijd_jaren: verwacht een geheel getal"),
    ({"consortium": {"taak": "middel"}}, "consortium.taak: 'middel' is geen geldige keuze; kies uit: smal, breed"),
    ({"consortium": {"verblijf": "misschien"}}, "consortium.verblijf: verwacht ja of nee"),
    ({"consortium": {"jeugdhulpverleners": -1}}, "consortium.jeugdhulpverleners: moet ten minste 0 zijn"),
    ({"rechtsvorm": {"vorm": "maatschap"}}, "rechtsvorm.vorm: 'maatschap' is geen geldige keuze"),
    ({"stemrecht": {"model": "gelijkk"}}, "bedoelt u 'gelijk'?"),
    ({"stemrecht": {"quorum": 101}}, "stemrecht.quorum: moet tussen 0 en 100 liggen"),
    ({"stemrecht": {"gekwalificeerd": 49}}, "stemrecht.gekwalificeerd: moet tussen 50 en 100 liggen"),
    ({"stemrecht": {"gekwalificeerde_besluiten": ["begroting", "feest"]}}, "'feest' is geen geldige keuze"),
    ({"stemrecht": {"unanieme_besluiten": ["ontbinding", "ontbinding"]}}, "'ontbinding' staat twee keer"),
    ({"stemrecht": {"impasse": "loting"}}, "stemrecht.impasse: 'loting' is geen geldige keuze"),
    ({"lumpsum": {"historische_uitgaven": -5}}, "lumpsum.historische_uitgaven: moet ten minste 0 zijn"),
    ({"lumpsum": {"afroming": 31}}, "lumpsum.afroming: moet tussen 0 en 30 liggen"),
    ({"lumpsum": {"reserve": 120}}, "lumpsum.reserve: moet tussen 0 en 100 liggen"),
    ({"lumpsum": {"toeslagen": {"inrichting": -1}}}, "toeslag 'inrichting': moet ten minste 0 zijn"),
    ({"lumpsum": {"risicoverdeling": "half"}}, "lumpsum.risicoverdeling"),
    ({"lumpsum": {"verdeling": "loterij"}}, "lumpsum.verdeling"),
    ({"lumpsum": {"kostprijselementen": 3}}, "lumpsum.kostprijselementen: verwacht ja of nee"),
    ({"risicoventielen": {"ventielen": [{"soort": "weer"}]}}, "risicoventielen.ventielen[0].soort"),
    ({"risicoventielen": {"ventielen": [{"soort": "volume"}]}}, "risicoventielen.ventielen[0].drempel: is verplicht"),
    ({"risicoventielen": {"ventielen": [{"soort": "wetgeving"}, {"soort": "wetgeving"}]}},
     "risicoventielen.ventielen[1].soort: 'wetgeving' staat al eerder"),
    ({"risicoventielen": {"tekort": "niemand"}}, "risicoventielen.tekort"),
    ({"risicoventielen": {"overschot": "feest"}}, "risicoventielen.overschot"),
    ({"uittreding": {"opzegtermijn": 37}}, "uittreding.opzegtermijn: moet tussen 1 en 36 liggen"),
    ({"uittreding": {"per": "direct"}}, "uittreding.per"),
    ({"uittreding": {"vergoeding": "vast_bedrag"}}, "uittreding.vast_bedrag: is verplicht als vergoeding"),
    ({"uittreding": {"toetreding": "loting"}}, "uittreding.toetreding"),
    ({"uittreding": {"vergoeding": "geen", "vast_bedrag": 5000}}, "uittreding.vast_bedrag: geldt alleen bij"),
    ({"lumpsum": {"basisjaar": 2030}}, "lumpsum.basisjaar: 2030 ligt na het jaar van de ingangsdatum"),
    ({"uittreding": {"uitsluitingsgronden": ["ruzie"]}}, "uittreding.uitsluitingsgronden"),
    ({"toezicht": {"model": "raad_van_commissarissen"}},
     "toezicht.model: een raad van commissarissen kan alleen bij een BV"),
    ({"toezicht": {"model": "raad_van_toezicht", "leden": 10}}, "toezicht.leden: moet tussen 3 en 9 liggen"),
    ({"toezicht": {"leden": 5}}, "toezicht.leden: geldt alleen bij een eigen raad"),
    ({"toezicht": {"leiding": "voorzitter"}}, "toezicht.leiding"),
    ({"dataregistratie": {"kpis": ["geluk"]}}, "dataregistratie.kpis"),
    ({"dataregistratie": {"frequentie": "week"}}, "dataregistratie.frequentie"),
    ({"dataregistratie": {"avg_rol": "eigenaar"}}, "dataregistratie.avg_rol"),
    ({"dataregistratie": {"uitwisseling": "fax"}}, "dataregistratie.uitwisseling"),
    ({"geschillen": {"route": "duel"}}, "geschillen.route"),
    ({"stemrecht": {"gekwalificeerde_besluiten": ["begroting", "ontbinding"],
                    "unanieme_besluiten": ["ontbinding"]}},
     "stemrecht.unanieme_besluiten: 'ontbinding' staat ook in gekwalificeerde_besluiten"),
    ({"stemrecht": {"model": "naar_aandeel", "maximum": 30}},
     "stemrecht.maximum: met 3 partners moet het maximum ten minste 33.33"),
]


@pytest.mark.parametrize(("overrides", "expected"), INVALID, ids=[e for _, e in INVALID])
def test_invalid_value_is_refused_with_its_key(overrides, expected):
    found = problems(raw_answers("cooperatie", **overrides))
    assert any(expected in p for p in found), found


VALID = [
    {"consortium": {"verblijf": "ja", "toegang": "nee", "hoofdelijk": "no"}},
    {"consortium": {"ingangsdatum": dt.date(2028, 1, 1)}},
    {"stemrecht": {"model": "naar_aandeel", "maximum": 34}},
    {"stemrecht": {"gekwalificeerde_besluiten": [], "unanieme_besluiten": []}},
    {"uittreding": {"vergoeding": "vast_bedrag", "vast_bedrag": 25000}},
    {"toezicht": {"model": "raad_van_toezicht", "leden": 9}},
    {"risicoventielen": {"ventielen": []}},
    {"lumpsum": {"afroming": 30, "toeslagen": {"inrichting": 0}}},
]


@pytest.mark.parametrize("overrides", VALID)
def test_valid_edge_values_pass(overrides):
    validate_answers(raw_answers("cooperatie", **overrides))


def test_booleans_accept_dutch_words():
    answers = validate_answers(raw_answers(consortium={"verblijf": "ja", "hoofdelijk": "nee"}))
    assert answers.consortium.verblijf is True
    assert answers.consortium.hoofdelijk is False


SHARES = [([50, 50], True), ([45, 40, 15], True), ([33.33, 33.33, 33.34], True),
          ([50, 49.995], True), ([50, 49], False), ([60, 50], False)]


@pytest.mark.parametrize(("shares", "ok"), SHARES)
def test_shares_add_up_to_100(shares, ok):
    raw = raw_answers(partners=[partner(f"Stichting P{i}", s) for i, s in enumerate(shares)])
    if ok:
        validate_answers(raw)
    else:
        assert any("de aandelen tellen op tot" in p for p in problems(raw))


def test_share_must_be_positive():
    raw = raw_answers(partners=[partner("Stichting A", 100), partner("Stichting B", 0)])
    assert any(p.startswith("partners[1].aandeel: moet tussen 0 en 100") for p in problems(raw))


def test_kvk_must_be_eight_digits_and_stays_text():
    ok = validate_answers(raw_answers(partners=[partner("Stichting A", 50, kvk=12345678), partner("B", 50)]))
    assert ok.partners[0].kvk == "12345678"
    raw = raw_answers(partners=[partner("Stichting A", 50, kvk="1234"), partner("B", 50)])
    assert any(p.startswith("partners[0].kvk: moet een KvK-nummer van precies 8 cijfers") for p in problems(raw))


def test_partner_names_are_unique():
    raw = raw_answers(partners=[partner("Stichting A", 50), partner("stichting a", 50)])
    assert any(p.startswith("partners[1].naam:") for p in problems(raw))


def test_at_least_two_partners():
    raw = raw_answers(partners=[partner("Stichting A", 100)])
    assert any("ten minste 2 partners" in p for p in problems(raw))


@pytest.mark.parametrize(("vorm", "leads", "ok"), [
    ("geen", 1, True), ("geen", 0, False), ("geen", 2, False),
    ("cooperatie", 0, True), ("cooperatie", 1, True), ("cooperatie", 2, False),
])
def test_penvoerder_rules(vorm, leads, ok):
    partners = [partner("Stichting A", 50, penvoerder=leads >= 1), partner("Stichting B", 50, penvoerder=leads >= 2)]
    raw = raw_answers(vorm, partners=partners)
    if ok:
        assert validate_answers(raw).rechtsvorm.vorm == vorm
    else:
        assert any("penvoerder" in p for p in problems(raw))


@pytest.mark.parametrize(("vorm", "naam", "ok"), [
    ("cooperatie", "Coöperatie Jeugdhulp U.A.", True),
    ("cooperatie", "Jeugdhulp Coöperatief B.A.", True),
    ("cooperatie", "Coöperatie Jeugdhulp", False),
    ("cooperatie", "Jeugdhulp U.A.", False),
    ("stichting", "Stichting Jeugdhulp", True),
    ("stichting", "Jeugdhulp Rivierenland", False),
    ("bv", "Jeugdhulp B.V.", True),
    ("bv", "Jeugdhulp besloten vennootschap", True),
    ("bv", "Jeugdhulp BV", False),
])
def test_name_matches_legal_form(vorm, naam, ok):
    raw = raw_answers(vorm, rechtsvorm={"naam": naam})
    if ok:
        validate_answers(raw)
    else:
        assert any(p.startswith("rechtsvorm.naam: ") and "past niet bij" in p for p in problems(raw))


@pytest.mark.parametrize("key", ["naam", "zetel"])
def test_entity_needs_name_and_seat(key):
    raw = raw_answers("stichting")
    del raw["rechtsvorm"][key]
    assert any(p.startswith(f"rechtsvorm.{key}: is verplicht") for p in problems(raw))


@pytest.mark.parametrize(("vorm", "model", "ok"), [
    ("bv", "raad_van_commissarissen", True), ("bv", "raad_van_toezicht", False),
    ("stichting", "raad_van_toezicht", True), ("stichting", "raad_van_commissarissen", False),
    ("geen", "raad_van_toezicht", False), ("geen", "getrapt", True), ("vereniging", "getrapt", True),
])
def test_supervisory_board_fits_form(vorm, model, ok):
    raw = raw_answers(vorm, toezicht={"model": model})
    if ok:
        validate_answers(raw)
    else:
        assert any(p.startswith("toezicht.model:") for p in problems(raw))


def test_defaults_are_applied_and_remembered():
    answers = validate_answers(raw_answers("cooperatie"), today=dt.date(2026, 11, 23))
    assert answers.stemrecht.model == "gelijk" and answers.is_standaard("stemrecht.model")
    assert answers.stemrecht.gekwalificeerd == 67
    assert answers.uittreding.opzegtermijn == 12
    assert answers.geschillen.route == "mediation_rechter"
    assert answers.toezicht.leiding == "directeur_bestuurder" and answers.is_standaard("toezicht.leiding")
    assert [v.soort for v in answers.risicoventielen.ventielen] == ["volume", "wetgeving", "overmacht"]
    assert answers.dataregistratie.kpis == ["financien", "unieke_clienten", "instroom_uitstroom", "wachttijden",
                                            "klachten", "verwijzingen", "onderaannemers"]
    assert not answers.is_standaard("consortium.naam")


def test_date_defaults_follow_today_and_start():
    raw = raw_answers("geen")
    del raw["consortium"]["ingangsdatum"]
    answers = validate_answers(raw, today=dt.date(2026, 11, 23))
    assert answers.consortium.ingangsdatum == dt.date(2027, 1, 1)
    assert answers.lumpsum.basisjaar == 2026
    assert answers.toezicht.leiding == "penvoerder"
    assert answers.geschillen.rechtbank == "de rechtbank Gelderland"


def test_unknown_key_gets_the_closest_known_key():
    found = problems(raw_answers(stemrecht={"modle": "gelijk"}))
    assert "stemrecht.modle: onbekende sleutel; bedoelt u 'model'?" in found


def test_unknown_top_level_key_and_partner_key():
    raw = raw_answers()
    raw["stemrechten"] = {}
    raw["partners"][0]["aandel"] = 5
    found = problems(raw)
    assert "stemrechten: onbekende sleutel; bedoelt u 'stemrecht'?" in found
    assert any(p.startswith("partners[0].aandel: onbekende sleutel; bedoelt u 'aandeel'?") for p in found)


def test_all_problems_are_reported_at_once():
    raw = raw_answers(stemrecht={"quorum": 200}, uittreding={"opzegtermijn": 0}, toezicht={"model": "x"})
    found = problems(raw)
    assert len(found) == 3


@pytest.mark.parametrize("versie", [None, 2, "1", True])
def test_version_must_be_one(versie):
    raw = raw_answers()
    if versie is None:
        del raw["versie"]
    else:
        raw["versie"] = versie
    assert any(p.startswith("versie:") for p in problems(raw))


@pytest.mark.parametrize("section", ["consortium", "partners", "rechtsvorm"])
def test_required_sections(section):
    raw = raw_answers()
    del raw[section]
    assert any(p.startswith(f"{section}: ontbreekt") for p in problems(raw))


def test_a_decision_in_an_explicit_list_leaves_the_default_list():
    answers = validate_answers(raw_answers(stemrecht={"unanieme_besluiten": ["begroting"]}))
    assert answers.stemrecht.unanieme_besluiten == ["begroting"]
    assert "begroting" not in answers.stemrecht.gekwalificeerde_besluiten


@pytest.mark.parametrize(("stemrecht", "uittreding", "rule", "qualified", "unanimous"), [
    ({}, {}, "unaniem", False, True),
    ({}, {"toetreding": "gekwalificeerd"}, "gekwalificeerd", True, False),
    ({"gekwalificeerde_besluiten": ["begroting", "toetreding"]}, {}, "gekwalificeerd", True, False),
    ({"gekwalificeerde_besluiten": ["begroting", "toetreding"]}, {"toetreding": "unaniem"}, "unaniem", False, True),
    ({"unanieme_besluiten": ["toetreding"]}, {"toetreding": "gekwalificeerd"}, "gekwalificeerd", True, False),
])
def test_admission_rule_and_decision_lists_agree(stemrecht, uittreding, rule, qualified, unanimous):
    answers = validate_answers(raw_answers(stemrecht=stemrecht, uittreding=uittreding))
    assert answers.uittreding.toetreding == rule
    assert ("toetreding" in answers.stemrecht.gekwalificeerde_besluiten) is qualified
    assert ("toetreding" in answers.stemrecht.unanieme_besluiten) is unanimous


def test_cross_field_problems_are_reported_even_when_another_section_is_broken():
    raw = raw_answers("stichting", consortium={"taak": "bred"}, rechtsvorm={"naam": "Jeugdhulp Test"})
    raw["partners"][2]["aandeel"] = 5
    found = problems(raw)
    assert any(p.startswith("consortium.taak:") for p in found)
    assert any("de aandelen tellen op tot 90" in p for p in found)
    assert any(p.startswith("rechtsvorm.naam:") for p in found)


def test_rules_that_read_a_broken_section_stay_silent():
    raw = raw_answers("geen")
    raw["partners"] = "geen lijst"
    found = problems(raw)
    assert found == ["partners: verwacht een lijst van partners (elk beginnend met '- naam:')"]
