"""The findings of the second notarial review (tasks/notary-review.md, M1 to N7), each read back from
the generated .docx."""

from __future__ import annotations

import re

import pytest
from conftest import raw_answers, run_cli
from test_akte import articles, deed, text
from test_legal_review import package, warning

# --- M1: getrapt toezicht with an unknown Jw 4.4.1 count carries an open point for the notary -----

OPEN_COUNT = "open punt voor de notaris: het aantal jeugdhulpverleners"
GEEN_RAAD = {"vereniging": "De vereniging heeft geen raad van toezicht.",
             "cooperatie": "De coöperatie heeft geen raad van toezicht.",
             "stichting": "De stichting heeft geen raad van toezicht.",
             "bv": "De vennootschap heeft geen raad van commissarissen."}


def unknown_count(vorm: str, verblijf: bool = True) -> dict:
    raw = raw_answers(vorm, consortium={"verblijf": verblijf}, toezicht={"model": "getrapt"})
    raw["consortium"].pop("jeugdhulpverleners", None)
    return raw


@pytest.mark.parametrize("vorm", ["vereniging", "cooperatie", "stichting", "bv"])
def test_unknown_count_puts_a_highlighted_open_point_in_the_supervision_article(tmp_path_factory, vorm):
    paras = deed(tmp_path_factory, unknown_count(vorm))
    start = next(i for i, p in enumerate(paras) if p.text.startswith(GEEN_RAAD[vorm]))
    point = paras[start + 1]
    assert len(point.open_points) == 1 and point.open_points[0].startswith("[" + OPEN_COUNT)
    assert "meer dan tien (10)" in point.text and "artikel 4.4.1 van de Jeugdwet verplicht" in point.text


def test_the_ambulant_open_point_names_the_ambulant_threshold(tmp_path_factory):
    statuten = text(deed(tmp_path_factory, unknown_count("vereniging", verblijf=False)))
    assert OPEN_COUNT in statuten and "meer dan vijfentwintig (25)" in statuten


def test_unknown_count_is_accepted_by_check_and_w1_stays_high(write_answers):
    raw = unknown_count("vereniging")
    assert warning(raw, "W1").ernst == "hoog"
    result = run_cli("check", str(write_answers(raw)))
    assert result.returncode == 0, result.stderr


def test_a_known_count_below_the_threshold_has_no_open_point(tmp_path_factory):
    raw = raw_answers("vereniging", consortium={"verblijf": True, "jeugdhulpverleners": 4},
                      toezicht={"model": "getrapt"})
    assert OPEN_COUNT not in package(tmp_path_factory, raw)["statuten"]


# --- S2, S3: a stichting's statuten put no obligation on its deelnemers ----------------------------

def stichting_bindend_advies() -> dict:
    return raw_answers("stichting", stemrecht={"impasse": "bindend_advies"})


def test_s2_the_precedence_clause_points_to_the_agreement_for_the_duty_to_cooperate(tmp_path_factory):
    statuten = package(tmp_path_factory, stichting_bindend_advies())["statuten"]
    assert "de deelnemers zijn jegens elkaar gehouden" not in statuten
    assert ("deze statuten voor; de deelnemers hebben zich in de samenwerkingsovereenkomst jegens elkaar verbonden "
            "mee te werken aan aanpassing daarvan.") in statuten


def test_s3_after_binding_advice_the_approval_falls_away_and_the_bestuur_follows_it(tmp_path_factory):
    texts = package(tmp_path_factory, stichting_bindend_advies())
    statuten = texts["statuten"]
    assert "De raad van deelnemers neemt een besluit overeenkomstig dat advies" not in statuten
    assert ("dan is na het bindend advies de goedkeuring van de raad van deelnemers voor het desbetreffende besluit "
            "niet vereist; het bestuur besluit overeenkomstig het advies.") in statuten
    assert "De gebondenheid van de deelnemers aan het advies volgt uit de samenwerkingsovereenkomst." \
        in texts["huishoudelijk-reglement"]


# --- S4: an own raad below the threshold is the interne toezichthouder without a condition -------

@pytest.mark.parametrize("vorm, model, designation", [
    ("cooperatie", "raad_van_toezicht", "De raad van toezicht is de interne toezichthouder van de coöperatie"),
    ("vereniging", "raad_van_toezicht", "De raad van toezicht is de interne toezichthouder van de vereniging"),
    ("stichting", "raad_van_toezicht", "De raad van toezicht is de interne toezichthouder van de stichting"),
    ("bv", "raad_van_commissarissen", "De raad van commissarissen is de interne toezichthouder van de vennootschap")])
def test_s4_an_own_raad_below_the_threshold_is_designated_without_condition(tmp_path_factory, vorm, model, designation):
    raw = raw_answers(vorm, consortium={"verblijf": True, "jeugdhulpverleners": 0}, toezicht={"model": model})
    statuten = package(tmp_path_factory, raw)["statuten"]
    assert designation + " als bedoeld in artikel 4.4.1 van de Jeugdwet." in statuten
    assert "verplicht is een interne toezichthouder te hebben" not in statuten


# --- S5: an ondernemingsraad is instituted when there is staff, not at incorporation -------------

@pytest.mark.parametrize("vorm, entiteit", [("bv", "de vennootschap"), ("stichting", "de stichting"),
                                            ("cooperatie", "de coöperatie")])
def test_s5_statuten_and_agreement_agree_on_when_the_ondernemingsraad_comes(tmp_path_factory, vorm, entiteit):
    texts = package(tmp_path_factory, raw_answers(vorm, toezicht={"ondernemingsraad": True}))
    statuten, so = texts["statuten"], texts["samenwerkingsovereenkomst"]
    assert "heeft een ondernemingsraad" not in statuten and "heeft een ondernemingsraad" not in so
    assert (f"Zodra {entiteit} op grond van de Wet op de ondernemingsraden verplicht is een ondernemingsraad in te "
            "stellen, draagt het bestuur daarvoor zorg. Ook zolang die verplichting niet bestaat, stelt het bestuur "
            f"een ondernemingsraad in zodra personen in dienst van {entiteit} werkzaam zijn") in statuten
    assert (f"{entiteit.capitalize()} stelt een ondernemingsraad in zodra personen in haar dienst werkzaam zijn, en in "
            "ieder geval zodra de Wet op de ondernemingsraden daartoe verplicht, zoals de Statuten bepalen.") in so


def test_s5_without_the_choice_the_statuten_follow_the_wor(tmp_path_factory):
    statuten = package(tmp_path_factory, raw_answers("bv", toezicht={"ondernemingsraad": False}))["statuten"]
    assert ("Zodra de vennootschap op grond van de Wet op de ondernemingsraden verplicht is een ondernemingsraad in "
            "te stellen, draagt het bestuur daarvoor zorg.") in statuten
    assert "vijftig of meer personen werkzaam zijn, stelt het" not in statuten


# --- S7: without an entity the penvoerder, itself a partner, is a joint controller for steering ---

def test_s7_the_penvoerder_is_processor_only_for_the_shared_records(tmp_path_factory):
    texts = package(tmp_path_factory, raw_answers("geen", dataregistratie={"avg_rol": "verwerker"}))
    so, hr = texts["samenwerkingsovereenkomst"], texts["huishoudelijk-reglement"]
    assert "treedt de Penvoerder op als verwerker ten behoeve van de Partners" not in so
    assert "treedt de Penvoerder op als verwerker ten behoeve van de overige Partners" in so
    assert ("zijn de Partners en de Penvoerder gezamenlijk verwerkingsverantwoordelijken (artikel 26 AVG); zij leggen "
            "hun onderlinge verantwoordelijkheden vast in een regeling waarvan de wezenlijke inhoud aan de betrokkenen "
            "beschikbaar wordt gesteld.") in so
    assert ("de verwerkersovereenkomst (artikel 28 AVG) en de regeling tussen gezamenlijk "
            "verwerkingsverantwoordelijken (artikel 26 AVG)") in so
    assert "zijn de partners en de penvoerder gezamenlijk verwerkingsverantwoordelijken als bedoeld in artikel 26" in hr


# --- N4: the cliëntenraad deadline is a date, not "six months after" a date ---------------------

@pytest.mark.parametrize("start, words, figures", [("2027-01-01", "één juli tweeduizend zevenentwintig", "1 juli 2027"),
                                                   ("2027-04-01", "één oktober tweeduizend zevenentwintig",
                                                    "1 oktober 2027"),
                                                   ("2027-08-31", "negenentwintig februari tweeduizend achtentwintig",
                                                    "29 februari 2028")])
def test_n4_the_clientenraad_deadline_is_a_date(tmp_path_factory, start, words, figures):
    texts = package(tmp_path_factory, raw_answers("stichting", consortium={"ingangsdatum": start},
                                                  toezicht={"clientenraad": True}))
    assert f"De stichting stelt uiterlijk op {words} een cliëntenraad in" in texts["statuten"]
    assert f"De stichting stelt uiterlijk op {figures} een eigen cliëntenraad in" in texts["samenwerkingsovereenkomst"]
    assert "maanden na" not in texts["statuten"].split("cliëntenraad in")[0][-80:]


# --- N5: the first boekjaar is an exception to the article that makes it the calendar year -------

@pytest.mark.parametrize("vorm", ["vereniging", "cooperatie", "stichting", "bv"])
def test_n5_the_first_boekjaar_derogates_from_the_boekjaar_article(tmp_path_factory, vorm):
    paras = deed(tmp_path_factory, raw_answers(vorm, toezicht={"model": "raad_van_commissarissen" if vorm == "bv"
                                                               else "raad_van_toezicht"}))
    found = re.search(r"In afwijking van artikel (\d+) lid (\d+) vangt het eerste boekjaar van [^.]+ aan op de dag "
                      r"van haar oprichting en eindigt het op eenendertig december tweeduizend zevenentwintig\.",
                      text(paras))
    assert found
    artikel, lid = int(found.group(1)), int(found.group(2))
    assert articles(paras)[artikel][lid - 1].endswith("is gelijk aan het kalenderjaar.")


# --- N6: the statuten do not explain the law ----------------------------------------------------

@pytest.mark.parametrize("vorm, explanations, kept", [
    ("cooperatie", ["duiden aan dat", "door een meerzijdige rechtshandeling als coöperatie opgerichte vereniging"],
     "De coöperatie is aangegaan voor onbepaalde tijd."),
    ("vereniging", ["De vereniging is bij notariële akte opgericht en heeft volledige rechtsbevoegdheid"],
     "De vereniging is aangegaan voor onbepaalde tijd."),
    ("bv", ["De vennootschap is opgericht bij notariële akte van oprichting, waarin deze statuten zijn opgenomen"],
     "Deze statuten kunnen slechts worden gewijzigd op de wijze bepaald in artikel")])
def test_n6_no_sentences_that_explain_the_law(tmp_path_factory, vorm, explanations, kept):
    statuten = package(tmp_path_factory, raw_answers(vorm))["statuten"]
    assert not [e for e in explanations if e in statuten]
    assert kept in statuten
    if vorm == "cooperatie":
        assert "sluit iedere verplichting van haar leden of oud-leden om in een tekort bij te dragen uit" in statuten


# --- N7: shares per percent of the opdrachtaandeel are rounded to whole shares ------------------

def test_n7_shares_per_percent_are_rounded_with_a_fixed_total(tmp_path_factory):
    raw = raw_answers("bv", stemrecht={"model": "naar_aandeel"}, toezicht={"model": "raad_van_commissarissen"})
    statuten = package(tmp_path_factory, raw)["statuten"]
    assert ("Iedere aandeelhouder houdt honderd (100) aandelen per procent van zijn opdrachtaandeel, rekenkundig "
            "afgerond op een geheel aantal aandelen; het bestuur stelt de afronding zodanig vast dat het totaal gelijk "
            "blijft.") in statuten


# --- S1: full first names come before the surname, without initials or titles -------------------

@pytest.mark.parametrize("given, surname", [("drs. H. Claessens", "Claessens"),
                                            ("mr. drs. P.J. van den Berg", "van den Berg"),
                                            ("E. Bakker MBA", "Bakker"), ("mr. A. de Vries", "de Vries")])
def test_s1_the_comparant_is_named_first_names_then_surname(tmp_path_factory, given, surname):
    raw = raw_answers("stichting")
    raw["partners"][0]["vertegenwoordiger"] = given
    first = next(p for p in deed(tmp_path_factory, raw) if p.style == "Partij")
    assert first.text.startswith(f"[voornamen voluit] {surname}, geboren te [geboorteplaats]")
    assert first.open_points[0] == "[voornamen voluit]"


def test_s1_a_name_in_full_stays_as_given(tmp_path_factory):
    raw = raw_answers("stichting")
    raw["partners"][0]["vertegenwoordiger"] = "Anna Maria de Vries"
    first = next(p for p in deed(tmp_path_factory, raw) if p.style == "Partij")
    assert first.text.startswith("Anna Maria de Vries, geboren te")


# --- N3: woonplaats and adres, as Wna 40 lid 2 (AKTE-2) asks --------------------------------------

@pytest.mark.parametrize("vorm", ["vereniging", "bv"])
def test_n3_persons_in_the_deed_have_a_woonplaats_and_an_adres(tmp_path_factory, vorm):
    paras = deed(tmp_path_factory, raw_answers(vorm))
    comparant = next(p for p in paras if p.style == "Partij")
    assert "wonende te [woonplaats], [adres], die zich heeft gelegitimeerd" in comparant.text
    assert {"[woonplaats]", "[adres]"} <= set(comparant.open_points)
    assert "kantooradres" not in text(paras) and "[woonadres]" not in text(paras)
    assert "wonende te [woonplaats en adres]" in text(paras)


# --- N1: the opening ends with a colon before the comparanten (every form) -----------------------

@pytest.mark.parametrize("vorm", ["vereniging", "cooperatie", "stichting", "bv"])
def test_n1_the_opening_ends_with_a_colon(tmp_path_factory, vorm):
    opening = next(p for p in deed(tmp_path_factory, raw_answers(vorm)) if p.text.startswith("Heden, "))
    assert opening.text.endswith("tot wiens protocol deze akte behoort]:")


# --- N2: a founding stichting whose name lacks the word gets an open point for its statutory name ---

def test_n2_a_stichting_named_without_the_word_gets_an_open_point(tmp_path_factory):
    raw = raw_answers("vereniging")
    raw["partners"][0]["naam"] = "GGZ Duin en Bollen"
    comparanten = [p for p in deed(tmp_path_factory, raw) if p.style == "Partij"]
    point = "[statutaire naam volgens het handelsregister: de naam van een stichting bevat het woord stichting]"
    assert f"van GGZ Duin en Bollen {point}, een stichting naar Nederlands recht" in comparanten[0].text
    assert point in comparanten[0].open_points
    assert not [p for p in comparanten[1:] if "statutaire naam volgens" in p.text]


# --- S6 (a business choice, left as answered): the analysis shows the asymmetry ------------------

def test_s6_the_analysis_shows_that_equal_deficits_weigh_on_small_partners(tmp_path_factory):
    raw = raw_answers("bv", risicoventielen={"tekort": "gelijk", "overschot": "naar_aandeel"})
    analysis = package(tmp_path_factory, raw)["governance-analyse"]
    assert "Tekorten gelijk, overschotten naar aandeel" in analysis
    assert "Vereniging Gezinshuizen Gelderland (15% aandeel) draagt dan 33,3% van elk tekort" in analysis
