"""The legal findings of the notarial review (review/legal.md §2, deeds.md §2): each fix read back
from the generated .docx, or checked through the answers rules and the analysis."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import generated_package, raw_answers, run_cli
from docx import Document

from generator.analysis.report import analyse
from generator.answers import validate_answers
from generator.errors import InvalidAnswers

_CACHE: dict[str, dict[str, str]] = {}


def text_of(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def package(tmp_path_factory, raw: dict) -> dict[str, str]:
    """Generate a package once per answers and return each document's text by its stem."""
    from generator.adapters import yaml_io

    key = yaml_io.dump(raw)
    if key not in _CACHE:
        _CACHE[key] = {p.stem: text_of(p) for p in generated_package(tmp_path_factory, raw).glob("*.docx")}
    return _CACHE[key]


def problems(raw: dict) -> list[str]:
    with pytest.raises(InvalidAnswers) as info:
        validate_answers(raw)
    return [str(p) for p in info.value.problemen]


def warning(raw: dict, code: str):
    return next((w for w in analyse(validate_answers(raw)).waarschuwingen if w.code == code), None)


# --- #1 getrapt toezicht above the Jeugdwet 4.4.1 threshold ---------------------------------------

ABOVE = {"verblijf": True, "jeugdhulpverleners": 35}


@pytest.mark.parametrize("vorm", ["vereniging", "cooperatie", "stichting", "bv"])
def test_getrapt_above_the_threshold_is_refused_naming_toezicht_model(vorm):
    found = problems(raw_answers(vorm, consortium=ABOVE, toezicht={"model": "getrapt"}))
    message = next(p for p in found if p.startswith("toezicht.model"))
    assert "4.4.1 Jeugdwet" in message and "ten minste drie" in message
    assert ("raad_van_commissarissen" if vorm == "bv" else "raad_van_toezicht") in message


def test_check_refuses_getrapt_above_the_threshold_with_exit_2(write_answers):
    path = write_answers(raw_answers("stichting", consortium=ABOVE, toezicht={"model": "getrapt"}))
    result = run_cli("check", str(path))
    assert result.returncode == 2
    assert "toezicht.model" in result.stderr and "Traceback" not in result.stderr


def test_an_own_board_above_the_threshold_is_the_interne_toezichthouder(tmp_path_factory):
    texts = package(tmp_path_factory, raw_answers("stichting", consortium=ABOVE,
                                                  toezicht={"model": "raad_van_toezicht"}))
    statuten = texts["statuten"]
    assert "De raad van toezicht is de interne toezichthouder van de stichting als bedoeld in artikel 4.4.1" \
        in statuten
    assert "voldoet daaraan niet" not in statuten
    assert "interne toezichthouder aanwijzen" not in statuten


# --- #6 jeugdhulpverleners left out is unknown, not 0 ---------------------------------------------

def test_jeugdhulpverleners_left_out_is_unknown_and_w1_says_so():
    raw = raw_answers("vereniging", consortium={"verblijf": True}, toezicht={"model": "getrapt"})
    raw["consortium"].pop("jeugdhulpverleners", None)
    assert validate_answers(raw).consortium.jeugdhulpverleners is None
    w = warning(raw, "W1")
    assert w is not None and w.ernst == "hoog"
    assert "onbekend" in w.titel and "consortium.jeugdhulpverleners" in w.bericht


def test_an_explicit_zero_switches_w1_off_but_w18_names_the_partners_staff():
    raw = raw_answers("vereniging", consortium={"jeugdhulpverleners": 0}, toezicht={"model": "getrapt"})
    assert warning(raw, "W1") is None
    assert "partners die namens het consortium werken" in warning(raw, "W18").bericht


def test_unknown_number_without_an_entity_is_no_w1():
    raw = raw_answers("geen")
    raw["consortium"].pop("jeugdhulpverleners", None)
    assert warning(raw, "W1") is None


# --- #11 the forum clause names a court ------------------------------------------------------------

@pytest.mark.parametrize("given, court", [("Limburg", "de rechtbank Limburg"), ("Amsterdam", "de rechtbank Amsterdam"),
                                          ("Tiel", "de rechtbank Gelderland"),
                                          ("rechtbank Oost-Brabant", "de rechtbank Oost-Brabant"),
                                          ("De Rechtbank Zeeland-West-Brabant", "de rechtbank Zeeland-West-Brabant")])
def test_a_place_or_court_becomes_the_court_name(given, court):
    answers = validate_answers(raw_answers("geen", geschillen={"rechtbank": given}))
    assert answers.geschillen.rechtbank == court


def test_the_default_court_follows_the_arrondissement_of_the_zetel():
    assert validate_answers(raw_answers("cooperatie")).geschillen.rechtbank == "de rechtbank Gelderland"


def test_an_unknown_court_is_an_error_naming_the_key():
    found = problems(raw_answers("geen", geschillen={"rechtbank": "Atlantis"}))
    assert any(p.startswith("geschillen.rechtbank: 'Atlantis'") and "rechtbank Gelderland" in p for p in found)


def test_an_unknown_zetel_with_the_default_court_is_a_clear_error():
    raw = raw_answers("cooperatie")
    raw["rechtsvorm"]["zetel"] = "Aadorp"
    found = problems(raw)
    assert any(p.startswith("geschillen.rechtbank") and "'Aadorp'" in p for p in found)


def test_the_forum_clause_names_the_court(tmp_path_factory):
    texts = package(tmp_path_factory, raw_answers("geen", geschillen={"route": "rechter", "rechtbank": "Limburg"}))
    for doc in ("samenwerkingsovereenkomst", "huishoudelijk-reglement"):
        assert "beslecht door de rechtbank Limburg" in texts[doc]
        assert not re.search(r"beslecht door Limburg", texts[doc])


# --- #12 the coöperatie's raad is a 2:57 raad and the interne toezichthouder ------------------------

def test_cooperatie_raad_cites_2_57_and_is_the_interne_toezichthouder(tmp_path_factory):
    texts = package(tmp_path_factory, raw_answers("cooperatie", consortium={"jeugdhulpverleners": 0},
                                                  toezicht={"model": "raad_van_toezicht"}))
    statuten = texts["statuten"]
    assert "raad van commissarissen is als bedoeld in artikel 2:57 van het Burgerlijk Wetboek" in statuten
    assert "artikel 2:47" not in statuten
    assert "De raad van toezicht is de interne toezichthouder van de coöperatie als bedoeld in artikel 4.4.1" \
        in statuten


# --- #5 a notice period beyond BW 2:36 lid 1 (vereniging, coöperatie via 2:53a) -----------------

@pytest.mark.parametrize("vorm", ["vereniging", "cooperatie"])
def test_a_notice_period_beyond_2_36_is_drafted_within_the_law_with_a_warning(tmp_path_factory, vorm):
    raw = raw_answers(vorm, uittreding={"opzegtermijn": 18})
    texts = package(tmp_path_factory, raw)
    for doc in ("statuten", "samenwerkingsovereenkomst"):
        assert "achttien (18) maanden" not in texts[doc]
    assert "tegen het einde van het boekjaar volgend op het boekjaar waarin is opgezegd" in texts["statuten"]
    assert "tegen het einde van het Boekjaar volgend op het Boekjaar waarin is opgezegd" \
        in texts["samenwerkingsovereenkomst"]
    w = warning(raw, "W21")
    assert "opzegtermijn van 18 maanden" in w.bericht and "laat de wet voor leden niet toe" in w.bericht


def test_a_lawful_notice_period_is_kept():
    raw = raw_answers("cooperatie", uittreding={"opzegtermijn": 6, "vergoeding": "geen"})
    assert warning(raw, "W21") is None


# --- #7 a reglement never gives an organ a power the statuten give another ------------------------

def test_stichting_reglement_leaves_appointing_bestuurders_to_the_raad_van_toezicht(tmp_path_factory):
    raw = raw_answers("stichting", toezicht={"model": "raad_van_toezicht"},
                      stemrecht={"gekwalificeerde_besluiten": ["begroting", "benoeming_bestuur"]})
    texts = package(tmp_path_factory, raw)
    assert "De bestuurders worden benoemd door de raad van toezicht" in texts["statuten"]
    reglement = texts["huishoudelijk-reglement"]
    assert "de benoeming en het ontslag van bestuurders" not in reglement
    assert "de goedkeuring van de benoeming van bestuurders door de raad van toezicht" in reglement


# --- #18 the coöperatie's stemaandelen: one organ and one date ------------------------------------

def test_cooperatie_reglement_does_not_name_another_organ_for_the_stemaandelen(tmp_path_factory):
    texts = package(tmp_path_factory, raw_answers("cooperatie", stemrecht={"model": "naar_aandeel", "maximum": 45}))
    assert "De algemene vergadering stelt de stemaandelen jaarlijks vast" in texts["statuten"]
    assert "stelt het bestuur de aandelen jaarlijks vóór 1 februari vast" not in texts["huishoudelijk-reglement"]


# --- #14 the reglement reports at the frequency the answers chose ----------------------------------

def test_reglement_reports_at_the_answered_frequency(tmp_path_factory):
    texts = package(tmp_path_factory, raw_answers("stichting", dataregistratie={"frequentie": "maand"},
                                                  toezicht={"model": "raad_van_toezicht"}))
    assert "brengt maandelijks" in texts["statuten"]
    reglement = texts["huishoudelijk-reglement"]
    assert "na afloop van ieder kwartaal: een rapportage" not in reglement
    assert "kwartaalrapportage" not in reglement
    assert "binnen dertig dagen na afloop van iedere maand" in reglement


# --- #8 the analysis uses the statuten's vote rule and the form's law (W7) -------------------------

def _weights(raw: dict) -> list[float]:
    return [round(float(p.stemgewicht), 1) for p in analyse(validate_answers(raw)).posities]


PARKSTAD_SHARES = [{"naam": f"Partner {n}", "aandeel": a} for n, a in zip("ABCD", (45, 30, 15, 10), strict=True)]


def test_bv_votes_above_the_cap_are_lost_as_the_statuten_say():
    raw = raw_answers("bv", partners=PARKSTAD_SHARES, stemrecht={"model": "naar_aandeel", "maximum": 40})
    assert _weights(raw) == [42.1, 31.6, 15.8, 10.5]  # 40/95, 30/95, 15/95, 10/95


def test_cooperatie_votes_above_the_cap_go_to_the_others_as_the_statuten_say():
    raw = raw_answers("cooperatie", partners=PARKSTAD_SHARES, stemrecht={"model": "naar_aandeel", "maximum": 40})
    assert _weights(raw) == [40.0, 32.7, 16.4, 10.9]


@pytest.mark.parametrize("vorm, bron", [("bv", "2:228"), ("stichting", "2:285 lid 1"), ("cooperatie", "2:38 lid 1")])
def test_w7_cites_the_law_of_the_form(vorm, bron):
    w = warning(raw_answers(vorm, stemrecht={"model": "naar_aandeel", "maximum": 50}), "W7")
    assert bron in w.bron
    if vorm != "cooperatie":
        assert "2:38" not in w.bron and "stemrecht van leden" not in w.bericht


def test_bv_w7_says_the_capped_votes_are_not_redistributed():
    w = warning(raw_answers("bv", stemrecht={"model": "naar_aandeel", "maximum": 50}), "W7")
    assert "gaan niet naar de anderen" in w.bericht and "herverdeling" not in w.bericht


# --- #24 the consent warning reads as a sentence and matches the statuten ---------------------------

def test_consent_warning_parses_and_says_the_statuten_hold_the_rule():
    w = warning(raw_answers("cooperatie", stemrecht={"model": "consent"}), "W7")
    assert "niet genoeg vast als besluitregel" not in w.bericht
    assert "De statuten leggen dat vast als besluitregel" in w.bericht


# --- #19 a workable belet trigger (stichting, BV) ---------------------------------------------------

@pytest.mark.parametrize("vorm", ["stichting", "bv"])
def test_belet_needs_more_than_ten_werkdagen(tmp_path_factory, vorm):
    statuten = package(tmp_path_factory, raw_answers(vorm))["statuten"]
    assert "meer dan vijf dagen niet bereikbaar" not in statuten
    assert "aaneengesloten periode van meer dan tien werkdagen" in statuten


# --- #20 the vereniging's fallback bestuurder is not the largest competitor's executive ---------------

def test_vereniging_fallback_bestuurder_is_not_bound_to_a_member(tmp_path_factory):
    statuten = package(tmp_path_factory, raw_answers("vereniging"))["statuten"]
    assert "het lid met het grootste aandeel" not in statuten
    assert "die persoon is niet verbonden aan een lid" in statuten
    assert "uitsluitend handelingen verricht die geen uitstel kunnen lijden" in statuten


# --- #25 the statuten rank above a contract with a third party --------------------------------------

def test_rangorde_puts_the_statuten_first(tmp_path_factory):
    so = package(tmp_path_factory, raw_answers("vereniging"))["samenwerkingsovereenkomst"]
    assert "volgende rangorde, waarbij een eerder genoemd document voorgaat: de Statuten, deze overeenkomst" in so
    assert "In de verhouding tussen de Partners onderling gaan de verplichtingen uit de Hoofdovereenkomst voor" in so


# --- #27, #28 no jaarrekening without a legal person; exclusion by all other partners ----------------

def test_geen_has_a_financial_account_and_excludes_by_the_other_partners(tmp_path_factory):
    raw = raw_answers("geen", stemrecht={"gekwalificeerde_besluiten": ["begroting", "jaarrekening"],
                                        "unanieme_besluiten": ["verdeelsleutel", "uitsluiting"]})
    texts = package(tmp_path_factory, raw)
    for doc in ("samenwerkingsovereenkomst", "huishoudelijk-reglement"):
        assert "vaststelling van de jaarrekening" not in texts[doc]
        assert "vaststelling van de financiële verantwoording" in texts[doc]
    so = texts["samenwerkingsovereenkomst"]
    assert "Een besluit tot uitsluiting van een Partner kan slechts worden genomen met algemene stemmen van alle " \
           "overige Partners" in so
    assert "de uitsluiting van een Partner kan slechts worden genomen met algemene stemmen van alle Partners" not in so


# --- #13 the coöperatie's jaarrekening follows 2:58 and titel 9 -----------------------------------

def test_cooperatie_jaarrekening_follows_2_58_and_titel_9(tmp_path_factory):
    statuten = package(tmp_path_factory, raw_answers("cooperatie"))["statuten"]
    assert "de balans en de staat van baten en lasten" not in statuten
    assert "bestaande uit de balans, de winst-en-verliesrekening en de toelichting" in statuten
    assert "met ten hoogste vier maanden door de algemene vergadering" in statuten
    assert "uiterlijk een maand na afloop van die termijn" in statuten
    assert "titel 9 van Boek 2" in statuten


def test_vereniging_keeps_the_2_48_regime(tmp_path_factory):
    statuten = package(tmp_path_factory, raw_answers("vereniging"))["statuten"]
    assert "de balans en de staat van baten en lasten met een toelichting" in statuten


# --- #16 the coöperatie's reserve goes to the same destination during its life and on dissolution -----

def test_cooperatie_that_keeps_surpluses_does_not_pay_out_on_dissolution(tmp_path_factory):
    raw = raw_answers("cooperatie", risicoventielen={"overschot": "reserve"})
    statuten = package(tmp_path_factory, raw)["statuten"]
    assert "zij wordt niet aan de leden uitgekeerd" in statuten
    assert "toe aan degenen die op het tijdstip van het besluit tot ontbinding lid waren" not in statuten
    assert "Het batig saldo wordt niet onder de leden verdeeld" in statuten


# --- deeds.md coöperatie: unanimity must not be a veto by staying away ------------------------------

def test_unanimity_has_a_second_meeting_so_absence_is_no_veto(tmp_path_factory):
    statuten = package(tmp_path_factory, raw_answers("cooperatie", uittreding={"toetreding": "unaniem"}))["statuten"]
    for besluit in ("Het besluit tot toelating wordt genomen", "Een besluit tot ontbinding kan slechts worden genomen",
                    "Een besluit tot statutenwijziging kan slechts worden genomen"):
        start = statuten.index(besluit)
        assert "in een tweede vergadering, te houden binnen vier weken na de eerste" in statuten[start:start + 600]


# --- #17 and deeds.md stichting: statuten do not bind deelnemers, who are not members ----------------

def test_stichting_statuten_impose_no_obligations_on_deelnemers(tmp_path_factory):
    statuten = package(tmp_path_factory, raw_answers("stichting", stemrecht={"impasse": "bindend_advies"}))["statuten"]
    assert "de vaststelling van de voorwaarden van uittreding, voor zover" not in statuten
    assert "binden een deelnemer alleen voor zover hij daarmee bij overeenkomst instemt" in statuten
    assert "de deelnemers verplichten zich jegens elkaar" not in statuten
    assert "in de samenwerkingsovereenkomst jegens elkaar verbonden overeenkomstig het advies" in statuten


# --- deeds.md stichting (and BV): an overgangsbepaling for the first raad and its rooster van aftreden ---

@pytest.mark.parametrize("vorm, model", [("stichting", "raad_van_toezicht"), ("bv", "raad_van_commissarissen")])
def test_first_board_gets_a_staggered_rooster_van_aftreden(tmp_path_factory, vorm, model):
    statuten = package(tmp_path_factory, raw_answers(vorm, toezicht={"model": model}))["statuten"]
    assert "Slot- en overgangsbepalingen" in statuten
    assert "voor verschillende eerste perioden van ten hoogste vier jaar" in statuten
    assert "niet meer dan één" in statuten and "tegelijk aftreedt" in statuten


# --- checklist §5.1 / deeds.md coöperatie: operational content leaves the statuten ----------------

def test_operational_content_is_in_the_so_not_the_statuten(tmp_path_factory):
    raw = raw_answers("cooperatie", lumpsum={"afroming": 6, "kostprijselementen": True},
                      risicoventielen={"meldingstermijn": 30}, stemrecht={"model": "gelijk"})
    texts = package(tmp_path_factory, raw)
    statuten, so = texts["statuten"], texts["samenwerkingsovereenkomst"]
    assert "ten hoogste 6%" not in statuten and "6%" in so
    assert "dertig (30) dagen nadat" not in statuten
    assert "overheadkosten" not in statuten and "overheadkosten" in so
    assert "De aandelen van de leden bij de oprichting zijn" not in statuten
    assert "binnen het maximum dat de samenwerkingsovereenkomst daarvoor stelt" in statuten


def test_weighted_votes_keep_the_founding_shares_in_the_statuten(tmp_path_factory):
    statuten = package(tmp_path_factory, raw_answers("cooperatie", stemrecht={"model": "naar_aandeel",
                                                                              "maximum": 45}))["statuten"]
    assert "De aandelen van de leden bij de oprichting zijn" in statuten


# --- #31 W5 does not ask to check the consortium's own generated statuten --------------------------

def test_w5_lists_only_partner_stichtingen(tmp_path_factory):
    partners = [{"naam": "Stichting Een", "aandeel": 50}, {"naam": "Zorg Twee B.V.", "rechtsvorm": "bv", "aandeel": 50}]
    raw = raw_answers("stichting", partners=partners, consortium={"hoofdelijk": True})
    w = warning(raw, "W5")
    assert "Stichting Een" in w.bericht and "Stichting Jeugdhulp Rivierenland" not in w.bericht
    assert "hoofdelijk medeschuldenaar" in package(tmp_path_factory, raw)["statuten"]


# --- #29 one name for the members' contract in one package ------------------------------------------

def test_vereniging_so_calls_the_members_contract_ledenovereenkomst(tmp_path_factory):
    texts = package(tmp_path_factory, raw_answers("vereniging"))
    assert "ledenovereenkomst" in texts["statuten"]
    assert "deelnemers- of onderaannemingsovereenkomst" not in texts["samenwerkingsovereenkomst"]
    assert "ledenovereenkomst als bedoeld in de Statuten" in texts["samenwerkingsovereenkomst"]


# --- #30 and deeds.md: bestuursvergaderingen are regulated, and no "if more than one" for a board of three ---

@pytest.mark.parametrize("vorm", ["cooperatie", "stichting", "bv"])
def test_statuten_regulate_board_meetings(tmp_path_factory, vorm):
    statuten = package(tmp_path_factory, raw_answers(vorm))["statuten"]
    for element in ("ten minste vijf werkdagen tevoren", "de meerderheid van de in functie zijnde bestuurders",
                    "bij schriftelijke volmacht door een medebestuurder", "Van het verhandelde worden notulen gehouden",
                    "telt voor het vereiste aantal aanwezige bestuurders niet mee"):
        assert element in statuten, element


def test_bv_with_a_board_of_three_has_no_single_person_conditions(tmp_path_factory):
    texts = package(tmp_path_factory, raw_answers("bv", toezicht={"leiding": "directeur"}))
    assert "ten minste drie natuurlijke personen" in texts["statuten"]
    assert "Bestaat het bestuur uit meer dan één persoon" not in texts["huishoudelijk-reglement"]


# --- #10 one annual settlement, in the SO and the reglement alike ---------------------------------

@pytest.mark.parametrize("vorm", ["geen", "cooperatie"])
def test_one_annual_settlement_mechanism(tmp_path_factory, vorm):
    texts = package(tmp_path_factory, raw_answers(vorm))
    assert "Binnen drie (3) maanden na afloop van ieder Boekjaar" in texts["samenwerkingsovereenkomst"]
    reglement = texts["huishoudelijk-reglement"]
    assert "een afrekening over het boekjaar op" not in reglement
    assert "geschieden eenmaal, op het tijdstip en door het orgaan die artikel" in reglement
    assert "van de Samenwerkingsovereenkomst" in reglement


# --- #9 exclusion runs on one track: the statutory organ decides, the SO follows ---------------------

def test_vereniging_exclusion_is_one_decision_of_the_bestuur(tmp_path_factory):
    texts = package(tmp_path_factory, raw_answers("vereniging"))
    so = texts["samenwerkingsovereenkomst"]
    assert "De algemene vergadering kan een Partner uitsluiten" not in so
    assert "Het bestuur van de vereniging kan een Partner, door opzegging of ontzetting overeenkomstig artikel" in so
    assert "het einde van het lidmaatschap en de uitsluiting uit deze overeenkomst gaan op hetzelfde tijdstip in" in so
    assert "Opzegging door de vereniging en ontzetting geschieden door het bestuur" in texts["statuten"]


# --- #23 the consent re-treatment period is the same in the statuten and the SO ----------------------

def test_consent_retreatment_period_matches_the_statuten(tmp_path_factory):
    texts = package(tmp_path_factory, raw_answers("cooperatie", stemrecht={"model": "consent"}))
    assert "binnen vier weken te houden volgende vergadering" in texts["statuten"]
    assert "eenentwintig (21) dagen" not in texts["samenwerkingsovereenkomst"]
    assert "binnen vier (4) weken, zoals de Statuten bepalen" in texts["samenwerkingsovereenkomst"]


# --- #33 the cliëntenraad: the statuten and the SO give the same timing ---------------------------

@pytest.mark.parametrize("vorm", ["cooperatie", "stichting", "bv"])
def test_clientenraad_timing_agrees(tmp_path_factory, vorm):
    texts = package(tmp_path_factory, raw_answers(vorm, toezicht={"clientenraad": True}))
    assert "heeft een cliëntenraad" not in texts["statuten"]
    # the statuten are part of the deed, so the date is in words there (Wna art. 41)
    assert "stelt uiterlijk op één juli tweeduizend zevenentwintig een cliëntenraad in" in texts["statuten"]
    assert "uiterlijk op 1 juli 2027" in texts["samenwerkingsovereenkomst"]


# --- #21, #22 the penvoerder: its AVG role is reasoned, and mishandling funds is not exonerated --------

def test_penvoerder_avg_role_and_liability_for_funds(tmp_path_factory):
    raw = raw_answers("geen", dataregistratie={"avg_rol": "verwerker"})
    so = package(tmp_path_factory, raw)["samenwerkingsovereenkomst"]
    assert "zijn de Partners en de Penvoerder gezamenlijk verwerkingsverantwoordelijken (artikel 26 AVG)" in so
    assert "leggen de afweging van deze rolverdeling vast in de DPIA" in so
    assert "Deze beperking geldt niet voor schade door een tekortkoming in het beheer van de gelden" in so


# --- #26 rounding never contradicts a fixed total of votes ----------------------------------------

def test_rounded_votes_do_not_claim_an_exact_total(tmp_path_factory):
    statuten = package(tmp_path_factory, raw_answers("cooperatie", stemrecht={"model": "naar_aandeel",
                                                                              "maximum": 45}))["statuten"]
    assert "bedraagt duizend (1.000)" not in statuten
    assert "Quorum en meerderheden worden berekend over die som" in statuten


# --- #34 the dependency figure names its basis ------------------------------------------------------

def test_so_dependency_names_both_bases(tmp_path_factory):
    raw = raw_answers("cooperatie", lumpsum={"afroming": 10})
    so = package(tmp_path_factory, raw)["samenwerkingsovereenkomst"]
    gross = next(p for p in analyse(validate_answers(raw)).posities if p.naam == "Stichting Rivierzorg").afhankelijkheid
    assert f"vóór afroming {gross:.1f}%".replace(".", ",") in so
    assert "de grondslag van de afhankelijkheid in de governance-analyse" in so


# --- deeds.md coöperatie: who sets the periodic bijdragen ---------------------------------------------

@pytest.mark.parametrize("vorm", ["vereniging", "cooperatie"])
def test_the_algemene_vergadering_sets_the_bijdragen(tmp_path_factory, vorm):
    statuten = package(tmp_path_factory, raw_answers(vorm))["statuten"]
    assert "De algemene vergadering stelt jaarlijks, gelijktijdig met de begroting en op voorstel van het bestuur, " \
           "de bijdragen van de leden" in statuten


# --- deeds.md vereniging: an exit fee has no 2:60 basis in a vereniging --------------------------------

def test_w21_says_a_vereniging_has_no_2_60(tmp_path_factory):
    w = warning(raw_answers("vereniging", uittreding={"vergoeding": "vast_bedrag", "vast_bedrag": 50_000}), "W21")
    assert "geen regeling van uittredingsvoorwaarden zoals art. 2:60 BW" in w.bericht and "2:34a" in w.bron
    coop = warning(raw_answers("cooperatie", uittreding={"vergoeding": "vast_bedrag", "vast_bedrag": 50_000}), "W21")
    assert "geen regeling van uittredingsvoorwaarden" not in coop.bericht


# --- deeds.md (all forms): terms the statuten use are defined ------------------------------------------

@pytest.mark.parametrize("vorm", ["cooperatie", "stichting", "bv"])
def test_terms_used_are_defined(tmp_path_factory, vorm):
    statuten = package(tmp_path_factory, raw_answers(vorm, toezicht={"clientenraad": True}))["statuten"]
    for term in ("accountant", "cliëntenraad", "meerjarenplan", "risicoventiel", "uitvoeringsorganisatie"):
        assert f"\n{term}: " in statuten, term
