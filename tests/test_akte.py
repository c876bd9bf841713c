"""The statuten as a concept-akte van oprichting: every deed element, read back from statuten.docx."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from conftest import character_style_id, generated_package, raw_answers
from docx import Document

from generator import api, notation
from generator.adapters import yaml_io
from generator.answers import validate_answers
from generator.errors import InvalidAnswers

FORMS = ["vereniging", "cooperatie", "stichting", "bv"]
HEADINGS = {"vereniging": "AKTE VAN OPRICHTING VERENIGING", "cooperatie": "AKTE VAN OPRICHTING COÖPERATIE",
            "stichting": "AKTE VAN OPRICHTING STICHTING", "bv": "AKTE VAN OPRICHTING BESLOTEN VENNOOTSCHAP"}
STATEMENTS = {"vereniging": "een vereniging", "cooperatie": "een coöperatie", "stichting": "een stichting",
              "bv": "een besloten vennootschap met beperkte aansprakelijkheid"}


@dataclass(frozen=True)
class Para:
    style: str
    text: str
    open_points: tuple[str, ...]


_CACHE: dict[str, list[Para]] = {}


def deed(tmp_path_factory, raw: dict) -> list[Para]:
    """statuten.docx of these answers as (style, text, open points) per paragraph, generated once."""
    key = yaml_io.dump(raw)
    if key not in _CACHE:
        doc = Document(str(generated_package(tmp_path_factory, raw) / "statuten.docx"))
        _CACHE[key] = [Para(p.style.style_id, p.text,
                            tuple(r.text for r in p.runs if character_style_id(r) == "Openpunt"))
                       for p in doc.paragraphs if p.text.strip()]
    return _CACHE[key]


def text(paras: list[Para]) -> str:
    return "\n".join(p.text for p in paras)


def split(paras: list[Para]) -> tuple[list[Para], list[Para], list[Para]]:
    """The deed before the statuten, the statuten, and the slotverklaringen after them."""
    kop = next(i for i, p in enumerate(paras) if p.style == "Deelkop")
    slot = next(i for i, p in enumerate(paras) if p.text == "SLOTVERKLARINGEN")
    return paras[:kop], paras[kop + 1:slot], paras[slot:]


@pytest.mark.parametrize("vorm", FORMS)
def test_heading_kenmerk_and_bijlagen(tmp_path_factory, vorm):
    paras = deed(tmp_path_factory, raw_answers(vorm))
    assert (paras[0].style, paras[0].text) == ("Documenttitel", HEADINGS[vorm])
    kenmerk = next(p for p in paras if p.text.startswith("Kenmerk:"))
    assert kenmerk.open_points == ("[kenmerk]",)
    bijlagen = text(paras)
    assert "bijlage 1: de schriftelijke volmachten van de oprichters" in bijlagen
    assert "bijlage 2: de besluiten en goedkeuringen van organen van de oprichters" in bijlagen


@pytest.mark.parametrize("vorm", FORMS)
def test_opening_names_the_notary_with_a_waarnemer_option_and_the_date_in_words(tmp_path_factory, vorm):
    opening = next(p for p in deed(tmp_path_factory, raw_answers(vorm)) if p.text.startswith("Heden, "))
    assert opening.text.startswith("Heden, [datum in letters], verschenen voor mij, [voornamen en naam notaris], "
                                   "notaris gevestigd te [plaats van vestiging notaris]")
    assert any("waarnemer" in point for point in opening.open_points)
    assert "standplaats" not in opening.text


@pytest.mark.parametrize("vorm", FORMS)
def test_a_comparant_per_founder_with_identity_authority_and_short_name(tmp_path_factory, vorm):
    comparanten = [p for p in deed(tmp_path_factory, raw_answers(vorm)) if p.style == "Partij"]
    assert len(comparanten) == 3
    first, second, third = comparanten
    # the given name has initials: the deed writes first names in full (Wna art. 41: no abbreviations)
    assert first.text.startswith("[voornamen voluit] de Vries, geboren te [geboorteplaats] op "
                                 "[geboortedatum in letters]")
    assert second.text.startswith("[voornamen en naam], geboren te")
    for comparant in comparanten:
        assert "die zich heeft gelegitimeerd met [aard en nummer van het identiteitsbewijs]" in comparant.text
        assert ("te dezen handelend als [zelfstandig bevoegd bestuurder / schriftelijk gevolmachtigde (bijlage 1)]"
                in comparant.text)
        assert "wonende te [woonplaats], [adres], die zich" in comparant.text
    assert 'Stichting Rivierzorg, een stichting naar Nederlands recht, statutair gevestigd te Tiel' in first.text
    assert first.text.endswith('(hierna: "Rivierzorg");')
    assert second.text.endswith('(hierna: "GGZ Betuwe");')
    assert third.text.endswith('(hierna: "Gezinshuizen Gelderland").')


@pytest.mark.parametrize("vorm", FORMS)
def test_founding_statement_then_statuten_heading_before_artikel_1(tmp_path_factory, vorm):
    paras = deed(tmp_path_factory, raw_answers(vorm))
    kop = next(i for i, p in enumerate(paras) if p.style == "Deelkop")
    assert paras[kop].text == "STATUTEN"
    assert paras[kop - 1].text == (f"De comparanten, handelend als gemeld, verklaarden bij deze akte "
                                   f"{STATEMENTS[vorm]} op te richten en daarvoor de volgende statuten vast te "
                                   "stellen, die luiden als volgt:")
    assert paras[kop + 1].style == "Artikelkop"
    # one tense throughout the deed (legal review #32)
    assert "verklaren bij deze akte" not in text(paras)


@pytest.mark.parametrize("vorm", FORMS)
def test_slotverklaringen_first_bestuur_boekjaar_address_and_volmachten(tmp_path_factory, vorm):
    _, _, slot = split(deed(tmp_path_factory, raw_answers(vorm)))
    closing = text(slot)
    assert "Ten slotte verklaarden de comparanten, handelend als gemeld, als volgt." in closing
    assert ("Het aantal bestuurders wordt voor de eerste maal vastgesteld op één (1). Voor de eerste maal wordt "
            "tot directeur-bestuurder benoemd: [voornamen en naam], geboren te [geboorteplaats]") in closing
    assert ("vangt het eerste boekjaar van " in closing
            and "eindigt het op eenendertig december tweeduizend zevenentwintig." in closing)
    assert "is: [straat, huisnummer, postcode en plaats]." in closing
    assert "onderhandse akten van volmacht, die aan deze akte worden gehecht (bijlage 1)" in closing


@pytest.mark.parametrize("vorm", FORMS)
def test_the_slot_the_wna_prescribes(tmp_path_factory, vorm):
    paras = deed(tmp_path_factory, raw_answers(vorm))
    start = next(i for i, p in enumerate(paras) if p.text == "SLOT AKTE")
    slot = text(paras[start:])
    assert "WAARVAN AKTE, in minuut verleden te [plaats van verlijden]" in slot
    assert "De identiteit van de verschenen personen is door mij, notaris, vastgesteld" in slot
    assert "de zakelijke inhoud van de akte opgegeven en daarop een toelichting gegeven" in slot
    assert "gewezen op de gevolgen die voor partijen uit de inhoud van de akte voortvloeien" in slot
    assert "met beperkte voorlezing daarvan in te stemmen" in slot
    assert paras[-1].text == ("Onmiddellijk na beperkte voorlezing is deze akte door de verschenen personen en "
                              "onmiddellijk daarna door mij, notaris, ondertekend.")


@pytest.mark.parametrize("vorm", ["vereniging", "cooperatie"])
def test_first_members_are_in_the_deed_not_in_the_statuten(tmp_path_factory, vorm):
    _, statuten, slot = split(deed(tmp_path_factory, raw_answers(vorm)))
    assert ("De oprichters zijn bij de oprichting de eerste leden van de "
            f"{'vereniging' if vorm == 'vereniging' else 'coöperatie'}: Rivierzorg, GGZ Betuwe en "
            "Gezinshuizen Gelderland.") in text(slot)
    assert "De eerste leden van" not in text(statuten)
    assert "eerste boekjaar van" not in text(statuten)


@pytest.mark.parametrize("vorm", ["stichting", "bv"])
def test_no_first_members_without_members(tmp_path_factory, vorm):
    assert "eerste leden" not in text(deed(tmp_path_factory, raw_answers(vorm)))


def test_first_toezichthouders_as_many_as_the_statuten_say(tmp_path_factory):
    paras = deed(tmp_path_factory, raw_answers("stichting", toezicht={"model": "raad_van_toezicht", "leden": 5}))
    _, statuten, slot = split(paras)
    assert "raad van toezicht, bestaande uit vijf (5) natuurlijke personen" in text(statuten)
    closing = text(slot)
    assert "Het aantal leden van de raad van toezicht wordt voor de eerste maal vastgesteld op vijf (5)." in closing
    assert "(v) [voornamen en naam]" in closing and "(vi)" not in closing


# --- BV: nominal value, plaatsing and storting, number of bestuurders --------------------------------

def bv(**sections) -> dict:
    return raw_answers("bv", **sections)


def test_bv_nominal_value_defaults_to_one_euro_in_the_statuten(tmp_path_factory):
    _, statuten, _ = split(deed(tmp_path_factory, bv()))
    assert ("Het kapitaal van de vennootschap is verdeeld in aandelen op naam, elk met een nominale waarde van "
            "één euro (EUR 1,00).") in text(statuten)
    assert "[nominale waarde" not in text(statuten)


def test_bv_shares_per_founder_go_into_the_deed_not_the_statuten(tmp_path_factory):
    raw = bv(rechtsvorm={"nominale_waarde": 0.01}, stemrecht={"model": "naar_aandeel"})
    _, statuten, slot = split(deed(tmp_path_factory, raw))
    assert "Rivierzorg" not in text(statuten) and "4.500 aandelen" not in text(statuten)
    assert "nominale waarde van één cent (EUR 0,01)" in text(statuten)
    closing = text(slot)
    assert ("Bij de oprichting worden geplaatst tienduizend (10.000) aandelen, elk met een nominale waarde van "
            "één cent (EUR 0,01). Het geplaatste kapitaal bedraagt honderd euro (EUR 100,00).") in closing
    assert ("Rivierzorg: vierduizend vijfhonderd (4.500) aandelen, genummerd 1 tot en met 4.500, met een "
            "nominaal bedrag van vijfenveertig euro (EUR 45,00);") in closing
    assert "Gezinshuizen Gelderland: duizend vijfhonderd (1.500) aandelen, genummerd 8.501 tot en met 10.000" in closing
    assert ("De storting op de geplaatste aandelen geschiedt in geld. De aandelen worden bij het nemen "
            "volgestort") in closing
    assert "De vennootschap aanvaardt bij voorbaat de stortingen" in closing


def test_bv_shares_per_founder_add_up_to_the_placed_total_when_percentages_do_not_round(tmp_path_factory):
    raw = bv(stemrecht={"model": "naar_aandeel"})
    for partner, aandeel in zip(raw["partners"], (33.3333, 33.3333, 33.3334), strict=True):
        partner["aandeel"] = aandeel
    closing = text(split(deed(tmp_path_factory, raw))[2])
    assert "Bij de oprichting worden geplaatst tienduizend (10.000) aandelen" in closing
    assert "drieduizend driehonderdvierendertig (3.334) aandelen, genummerd 6.667 tot en met 10.000" in closing


def test_bv_equal_votes_give_a_hundred_shares_each(tmp_path_factory):
    _, statuten, slot = split(deed(tmp_path_factory, bv()))
    assert "Iedere aandeelhouder houdt een gelijk aantal aandelen." in text(statuten)
    assert "geplaatst driehonderd (300) aandelen" in text(slot)
    assert "GGZ Betuwe: honderd (100) aandelen, genummerd 101 tot en met 200" in text(slot)


@pytest.mark.parametrize("vorm", ["bv", "stichting", "vereniging"])
def test_statuten_and_deed_agree_on_the_number_of_bestuurders(tmp_path_factory, vorm):
    _, statuten, slot = split(deed(tmp_path_factory, raw_answers(vorm, toezicht={"leiding": "directeur"})))
    assert "ten minste drie natuurlijke personen" in text(statuten)
    closing = text(slot)
    assert "Het aantal bestuurders wordt voor de eerste maal vastgesteld op drie (3)." in closing
    assert "(iii) [voornamen en naam]" in closing and "(iv)" not in closing


def test_a_penvoerder_that_leads_a_stichting_is_its_first_bestuurder(tmp_path_factory):
    partners = raw_answers("stichting")["partners"]
    partners[0]["penvoerder"] = True
    _, _, slot = split(deed(tmp_path_factory, raw_answers("stichting", partners=partners,
                                                          toezicht={"leiding": "penvoerder"})))
    assert "Voor de eerste maal wordt tot bestuurder benoemd: Stichting Rivierzorg, als penvoerder bedoeld in " \
           "artikel" in text(slot)


def test_nominal_value_is_refused_for_a_form_without_shares():
    with pytest.raises(InvalidAnswers) as info:
        validate_answers(raw_answers("stichting", rechtsvorm={"nominale_waarde": 1}))
    assert [p.pad for p in info.value.problemen] == ["rechtsvorm.nominale_waarde"]
    assert "alleen bij rechtsvorm 'bv'" in str(info.value.problemen[0])


@pytest.mark.parametrize("value", [0, -1, 0.005])
def test_nominal_value_must_be_a_positive_amount_in_cents(value):
    with pytest.raises(InvalidAnswers) as info:
        validate_answers(bv(rechtsvorm={"nominale_waarde": value}))
    assert [p.pad for p in info.value.problemen] == ["rechtsvorm.nominale_waarde"]


# --- notarial notation -------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "words"), [
    (80, "tachtig procent (80%)"), (3.5, "drie komma vijf procent (3,5%)"), (100, "honderd procent (100%)")])
def test_percentages_as_notaries_write_them(value, words):
    assert notation.procent_akte(value) == words


@pytest.mark.parametrize(("value", "words"), [
    (150_000, "honderdvijftigduizend euro (EUR 150.000,00)"), (1, "één euro (EUR 1,00)"),
    (2_000.5, "tweeduizend euro en vijftig cent (EUR 2.000,50)"), (0.01, "één cent (EUR 0,01)")])
def test_amounts_as_notaries_write_them(value, words):
    assert notation.bedrag_akte(value) == words


def test_dates_and_numbers_in_words():
    assert notation.datum_akte(dt.date(2027, 12, 31)) == "eenendertig december tweeduizend zevenentwintig"
    assert notation.in_woorden(4600) == "vierduizend zeshonderd"
    assert notation.aantal(10_000) == "tienduizend (10.000)"


def test_the_deed_writes_percentages_in_words_where_the_agreement_keeps_figures(tmp_path_factory):
    paras = deed(tmp_path_factory, raw_answers("cooperatie"))
    assert "zevenenzestig procent (67%)" in text(paras)
    assert " 67% " not in text(paras).replace("(67%)", "")


# --- references name the lid, numbered as the document renders it ---------------------------------

def articles(paras: list[Para]) -> dict[int, list[str]]:
    """Article number -> the text of its leden (Word numbers them; here they are counted)."""
    result: dict[int, list[str]] = {}
    for p in paras:
        if p.style == "Artikelkop":
            result[len(result) + 1] = []
        elif p.style in ("Lid", "Artikeltekst") and result:
            result[len(result)].append(p.text)
    return result


def cited(paras: list[Para], before: str) -> tuple[int, int]:
    import re

    match = re.search(re.escape(before) + r" artikel (\d+) lid (\d+)", text(paras))
    assert match, before
    return int(match.group(1)), int(match.group(2))


def test_a_lid_reference_lands_on_the_lid_it_means(tmp_path_factory):
    # conditional leden before them drop out: the numbers are computed from the clause ids, not typed
    paras = deed(tmp_path_factory, bv(toezicht={"model": "raad_van_commissarissen"},
                                      consortium={"verblijf": True, "jeugdhulpverleners": 20}))
    by_number = articles(paras)
    artikel, lid = cited(paras, "Voor belet geldt de omschrijving in")
    assert by_number[artikel][lid - 1] == "Onder belet wordt in deze statuten verstaan:"
    artikel, lid = cited(paras, "personen die voldoen aan de vereisten van")
    assert by_number[artikel][lid - 1].startswith("De commissarissen zijn onafhankelijk van het bestuur")
    artikel, lid = cited(paras, "de intrinsieke waarde bedoeld in")
    assert by_number[artikel][lid - 1].startswith("De prijs wordt vastgesteld door de aanbieder")


def test_a_reference_to_an_unknown_lid_is_refused(tmp_path):
    import textwrap

    from generator.errors import LibraryError
    from generator.library.load import load_library

    folder = tmp_path / "clauses"
    folder.mkdir()
    (folder / "bibliotheek.yaml").write_text(textwrap.dedent("""
        versie: "test.1"
        documenten:
          samenwerkingsovereenkomst: {bestand: so.docx, titel: {alle: "SO"}}
          statuten: {bestand: statuten.docx, vormen: [vereniging], titel: {alle: "STATUTEN"}}
          huishoudelijk_reglement: {bestand: hr.docx, titel: {alle: "HR"}}
        verplicht: {}
        """), encoding="utf-8")
    (folder / "so.yaml").write_text(textwrap.dedent("""
        document: samenwerkingsovereenkomst
        clausules:
          - {id: so.een, versie: 1, titel: Een, volgorde: 10, bron: test, toelichting: test,
             leden: ["Zie {{ ref('so.twee', 'termijn') }}."]}
          - {id: so.twee, versie: 1, titel: Twee, volgorde: 20, bron: test, toelichting: test,
             leden: ["Eerste lid.", {id: termijn, tekst: "Tweede lid."}]}
        """), encoding="utf-8")
    load_library(folder)
    (folder / "so.yaml").write_text((folder / "so.yaml").read_text().replace("'termijn'", "'opzegging'"))
    with pytest.raises(LibraryError) as info:
        load_library(folder)
    assert "verwijzing naar onbekend lid 'opzegging' van so.twee" in info.value.dutch_report()


def test_bv_deed_offers_ratifying_acts_before_incorporation_as_a_choice(tmp_path_factory):
    _, _, slot = split(deed(tmp_path_factory, bv()))
    block = next(i for i, p in enumerate(slot) if p.text == "Rechtshandelingen vóór de oprichting")
    assert slot[block + 1].open_points[0].startswith("[indien van toepassing: de vennootschap bekrachtigt")


def test_vereniging_without_a_raad_has_an_article_on_supervision_through_the_members(tmp_path_factory):
    paras = deed(tmp_path_factory, raw_answers("vereniging", toezicht={"model": "getrapt"},
                                               consortium={"jeugdhulpverleners": 0}))
    by_title = {p.text: i for i, p in enumerate(paras)}
    start = by_title["Toezicht via de leden"]
    assert "verantwoording af aan hun eigen interne toezichthouders" in paras[start + 1].text
    assert "Toezicht" not in by_title


def test_the_interview_asks_a_bv_for_its_nominal_value(tmp_path):
    from test_interview_support import coop_steps, run, saved

    steps = coop_steps(review="bewaar_en_stop")
    steps = [("rechtsvorm.vorm", "bv") if k == "rechtsvorm.vorm" else (k, v) for k, v in steps]
    steps = [("rechtsvorm.naam", "Jeugdhulp Rivierenland B.V.") if k == "rechtsvorm.naam" else (k, v) for k, v in steps]
    at = next(i for i, (k, _) in enumerate(steps) if k == "rechtsvorm.zetel") + 1
    steps.insert(at, ("rechtsvorm.nominale_waarde", "0,01"))
    steps = [("toezicht.model", "raad_van_commissarissen") if k == "toezicht.model" else (k, v) for k, v in steps]
    asker = run(tmp_path / "antwoorden.yaml", steps)
    assert "rechtsvorm.nominale_waarde" in {p.key for p in asker.asked}
    assert validate_answers(saved(tmp_path / "antwoorden.yaml")).rechtsvorm.nominale_waarde == 0.01


def test_a_tender_model_deed_keeps_the_partner_placeholders(tmp_path):
    from conftest import REPO

    api.model(REPO / "voorbeelden" / "aanbesteding" / "regio-rivierenland.yaml", tmp_path / "model")
    paras = [p.text for p in Document(str(tmp_path / "model" / "statuten-cooperatie.docx")).paragraphs]
    assert any(t.endswith('(hierna: "[naam partner 1]");') for t in paras)
    assert ("De oprichters zijn bij de oprichting de eerste leden van de coöperatie: [naam partner 1], "
            "[naam partner 2] en [naam partner 3].") in paras


@pytest.mark.parametrize(("vorm", "toezicht", "expected"), [
    ("bv", {"model": "raad_van_commissarissen"}, "Een commissaris die op grond van dit lid tijdelijk met het bestuur "
                                                  "is belast, blijft commissaris"),
    ("stichting", {"model": "raad_van_toezicht"}, "tijdelijk met het bestuur is belast, blijft lid van de raad van "
                                                   "toezicht"),
    ("vereniging", {"model": "raad_van_toezicht"}, "tijdelijk met het bestuur wordt belast, blijft lid van de raad van "
                                                    "toezicht"),
])
def test_a_toezichthouder_standing_in_for_the_bestuur_keeps_the_seat(tmp_path_factory, vorm, toezicht, expected):
    """The belet fallback must not end the seat through the bar on being bestuurder (re-review B1)."""
    _, statuten, _ = split(deed(tmp_path_factory, raw_answers(vorm, toezicht=toezicht)))
    assert expected in text(statuten)
    assert "op hem niet van toepassing" in text(statuten)
