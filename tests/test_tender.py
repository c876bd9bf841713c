"""Tenders: the profile (aanbesteding.yaml), `model`, and bids checked with --aanbesteding."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from conftest import REPO, character_style_id, raw_answers, run_cli, shared_output
from docx import Document as open_docx
from test_interview_support import ENTER, coop_steps

from generator import api
from generator.adapters import yaml_io
from generator.answers import validate_answers
from generator.interview.scripted import ScriptedAsker

PROFILE = {
    "versie": 1,
    "aanbesteding": {"naam": "Jeugdhulp Regio Rivierenland 2027-2032", "kenmerk": "RR-2026-07"},
    "vast": {
        "consortium": {"opdrachtgever": "Regio Rivierenland", "werkgebied": ["Tiel", "Culemborg", "West Betuwe"],
                       "opdrachtwaarde_per_jaar": 26_100_000, "looptijd_jaren": 5, "hoofdelijk": True},
        "uittreding": {"zorgcontinuiteit": True},
    },
    "toegestaan": {"rechtsvorm.vorm": ["cooperatie", "stichting"], "lumpsum.afroming": {"max": 7}},
    "aanbevolen": {"stemrecht.model": "gelijk"},
}
FIXED_KEYS = ("consortium.opdrachtgever", "consortium.werkgebied", "consortium.opdrachtwaarde_per_jaar",
              "consortium.looptijd_jaren", "consortium.hoofdelijk", "uittreding.zorgcontinuiteit")


@pytest.fixture
def profile(tmp_path):
    def write(content=None):
        path = tmp_path / "aanbesteding.yaml"
        path.write_text(yaml_io.dump(PROFILE if content is None else content), encoding="utf-8")
        return path

    return write


def bid(tmp_path, vorm="cooperatie", name="bod.yaml", **sections):
    raw = raw_answers(vorm, **sections)
    raw.pop("afwijkingen", None)
    if "afwijkingen" in sections:
        raw["afwijkingen"] = sections["afwijkingen"]
    path = tmp_path / name
    path.write_text(yaml_io.dump(raw), encoding="utf-8")
    return path


def tender_check(answers, profiel):
    return run_cli("check", str(answers), "--aanbesteding", str(profiel))


# -- check --------------------------------------------------------------------------------------

def test_conforming_bid_passes_with_a_clean_statement(tmp_path, profile):
    result = tender_check(bid(tmp_path), profile())
    assert result.returncode == 0, result.stderr
    assert "Dit bod voldoet aan de aanbesteding: alle 6 vaste antwoorden zijn overgenomen" in result.stdout
    assert "Afwijkingen van aanbevelingen: geen." in result.stdout
    assert "RR-2026-07" in result.stdout
    assert result.stderr == ""


def test_a_changed_fixed_answer_exits_2_and_names_it(tmp_path, profile):
    result = tender_check(bid(tmp_path, consortium={"looptijd_jaren": 7}), profile())
    assert result.returncode == 2
    assert "consortium.looptijd_jaren: is 7, maar de aanbesteding legt 5 vast" in result.stderr
    assert "vast.consortium.looptijd_jaren" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_fixed_answer_left_to_a_different_default_is_a_departure(tmp_path, profile):
    content = copy.deepcopy(PROFILE)
    content["vast"]["uittreding"] = {"opzegtermijn": 6}
    result = tender_check(bid(tmp_path), profile(content))
    assert result.returncode == 2
    assert "uittreding.opzegtermijn: is 12, maar de aanbesteding legt 6 vast" in result.stderr


def test_a_form_outside_the_allowed_set_exits_2(tmp_path, profile):
    result = tender_check(bid(tmp_path, "vereniging"), profile())
    assert result.returncode == 2
    assert ("rechtsvorm.vorm: is vereniging, maar de aanbesteding staat alleen toe: cooperatie, "
            "stichting") in result.stderr
    assert "toegestaan.rechtsvorm.vorm" in result.stderr


def test_a_value_above_the_maximum_exits_2(tmp_path, profile):
    result = tender_check(bid(tmp_path, lumpsum={"afroming": 8}), profile())
    assert result.returncode == 2
    assert "lumpsum.afroming: is 8, maar de aanbesteding staat alleen toe: hoogstens 7" in result.stderr


def test_the_maximum_itself_is_allowed(tmp_path, profile):
    assert tender_check(bid(tmp_path, lumpsum={"afroming": 7}), profile()).returncode == 0


def test_a_departure_from_a_recommendation_is_listed_with_its_reason(tmp_path, profile):
    answers = bid(tmp_path, stemrecht={"model": "naar_aandeel", "maximum": 45},
                  afwijkingen={"stemrecht.model": "de partners verschillen sterk in omvang"})
    result = tender_check(answers, profile())
    assert result.returncode == 0, result.stderr
    assert ("stemrecht.model: aanbevolen gelijk, gekozen naar_aandeel. Reden: de partners verschillen sterk "
            "in omvang") in result.stdout
    assert "0 van de 1 aanbevelingen zijn gevolgd" in result.stdout


def test_a_departure_from_a_recommendation_without_reason_exits_2(tmp_path, profile):
    answers = bid(tmp_path, stemrecht={"model": "consent"})
    result = tender_check(answers, profile())
    assert result.returncode == 2
    assert "stemrecht.model: is consent en wijkt af van de aanbeveling gelijk zonder reden" in result.stderr
    assert "afwijkingen" in result.stderr


def test_check_json_includes_the_tender(tmp_path, profile):
    import json

    result = run_cli("check", str(bid(tmp_path, lumpsum={"afroming": 9})), "--aanbesteding", str(profile()),
                     "--json")
    assert result.returncode == 2
    data = json.loads(result.stdout)
    assert data["aanbesteding"]["conform"] is False
    assert data["aanbesteding"]["fouten"][0]["pad"] == "lumpsum.afroming"


def test_an_unknown_key_under_afwijkingen_is_refused_like_any_unknown_key(tmp_path):
    answers = bid(tmp_path, afwijkingen={"stemrecht.modl": "reden"})
    result = run_cli("check", str(answers))
    assert result.returncode == 2
    assert "afwijkingen.stemrecht.modl: onbekende sleutel" in result.stderr
    assert "stemrecht.model" in result.stderr


def test_afwijkingen_is_read_into_the_answers():
    answers = validate_answers({**raw_answers(), "afwijkingen": {"geschillen.route": "sneller"}})
    assert answers.afwijkingen == {"geschillen.route": "sneller"}


# -- broken profiles ---------------------------------------------------------------------------

def _broken(change):
    content = copy.deepcopy(PROFILE)
    change(content)
    return content


BROKEN = {
    "unknown top key": (lambda p: p.update(toegestan={}), "toegestan: onbekende sleutel; bedoelt u 'toegestaan'?"),
    "unknown section key": (lambda p: p["vast"]["consortium"].update(looptijd=5),
                            "vast.consortium.looptijd: onbekende sleutel; bedoelt u 'looptijd_jaren'?"),
    "unknown path": (lambda p: p["toegestaan"].update({"stemrecht.modell": ["gelijk"]}),
                     "toegestaan.stemrecht.modell: onbekende sleutel"),
    "fixed value refused": (lambda p: p["vast"]["consortium"].update(looptijd_jaren=20),
                            "vast.consortium.looptijd_jaren: moet tussen 1 en 15 liggen"),
    "fixed choice refused": (lambda p: p["vast"].update(stemrecht={"model": "meerderheid"}),
                             "vast.stemrecht.model: 'meerderheid' is geen geldige keuze"),
    "empty allowed list": (lambda p: p["toegestaan"].update({"rechtsvorm.vorm": []}),
                           "toegestaan.rechtsvorm.vorm: de lege lijst sluit elke waarde uit"),
    "allowed value refused": (lambda p: p["toegestaan"].update({"rechtsvorm.vorm": ["cooperatief"]}),
                              "toegestaan.rechtsvorm.vorm: 'cooperatief': 'cooperatief' is geen geldige keuze"),
    "min above max": (lambda p: p["toegestaan"].update({"lumpsum.afroming": {"min": 8, "max": 3}}),
                      "toegestaan.lumpsum.afroming: min 8 ligt boven max 3; zo sluit het bereik elke waarde uit"),
    "range outside the field": (lambda p: p["toegestaan"].update({"lumpsum.afroming": {"min": 40}}),
                                "toegestaan.lumpsum.afroming.min: moet tussen 0 en 30 liggen"),
    "recommendation not allowed": (lambda p: p["aanbevolen"].update({"lumpsum.afroming": 10}),
                                   "aanbevolen.lumpsum.afroming: '10' valt buiten wat toegestaan is"),
    "fixed and restricted": (lambda p: p["toegestaan"].update({"consortium.looptijd_jaren": {"max": 6}}),
                             "toegestaan.consortium.looptijd_jaren: staat ook onder vast"),
    "partners fixed": (lambda p: p["vast"].update(partners=[{"naam": "X"}]), "vast.partners: de partners"),
    "no lump sum": (lambda p: p["vast"]["consortium"].pop("opdrachtwaarde_per_jaar"),
                    "vast.consortium.opdrachtwaarde_per_jaar: ontbreekt"),
    "combination refused": (lambda p: p["vast"].update(toezicht={"model": "raad_van_commissarissen"}),
                            "toezicht.model: een raad van commissarissen kan alleen bij een BV"),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_a_broken_profile_exits_2_names_the_key_and_writes_nothing(tmp_path, profile, case):
    change, expected = BROKEN[case]
    out = tmp_path / "model"
    result = run_cli("model", str(profile(_broken(change))), "--out", str(out))
    assert result.returncode == 2
    assert expected in result.stderr
    assert "er is niets geschreven" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_a_broken_profile_is_refused_by_check_too(tmp_path, profile):
    result = tender_check(bid(tmp_path), profile(_broken(BROKEN["min above max"][0])))
    assert result.returncode == 2
    assert "toegestaan.lumpsum.afroming" in result.stderr


# -- model documents ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    """The model package of PROFILE, written once per test run and shared: read it only."""

    def model(folder: Path) -> None:
        profiel = folder / "aanbesteding.yaml"
        profiel.write_text(yaml_io.dump(PROFILE), encoding="utf-8")
        api.model(profiel, folder / "model")

    return shared_output(tmp_path_factory, f"model\n{yaml_io.dump(PROFILE)}", model) / "model"


def _text(path) -> str:
    return "\n".join(p.text for p in open_docx(str(path)).paragraphs)


def test_model_writes_the_documents_of_each_allowed_form_and_a_starter_file(model_dir):
    names = sorted(p.name for p in model_dir.iterdir())
    assert names == sorted([
        "samenwerkingsovereenkomst-cooperatie.docx", "statuten-cooperatie.docx",
        "huishoudelijk-reglement-cooperatie.docx", "samenwerkingsovereenkomst-stichting.docx",
        "statuten-stichting.docx", "huishoudelijk-reglement-stichting.docx", "antwoorden-inschrijver.yaml"])


def test_model_documents_have_blanks_for_the_partners(model_dir):
    document = open_docx(str(model_dir / "samenwerkingsovereenkomst-cooperatie.docx"))
    parties = [p for p in document.paragraphs if p.style.style_id == "Partij"]
    assert [p.text.split(",")[0] for p in parties] == ["[naam partner 1]", "[naam partner 2]", "[naam partner 3]"]
    highlighted = {r.text for p in parties for r in p.runs if character_style_id(r) == "Openpunt"}
    assert "[naam partner 1]" in highlighted
    text = _text(model_dir / "samenwerkingsovereenkomst-cooperatie.docx")
    assert "Partner 1" not in text  # no stand-in leaks into the documents
    assert "Coöperatie Model" not in text
    assert "[naam partner 1]: [percentage]" in text  # the shares are blanks, not invented figures
    header = "".join(p.text for p in document.sections[0].header.paragraphs)
    assert "[statutaire naam]" in header
    assert "\ue000" not in header


def test_model_documents_contain_the_fixed_provisions_marked_as_fixed(model_dir):
    document = open_docx(str(model_dir / "samenwerkingsovereenkomst-cooperatie.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Regio Rivierenland" in text
    assert "€ 26.100.000" in text
    assert "hoofdelijk" in text
    notes = [p for p in document.paragraphs if p.text.startswith("Vastgesteld door de opdrachtgever:")]
    assert any("consortium.hoofdelijk: ja" in p.text for p in notes)
    assert all(p.style.style_id == "Opmerking" for p in notes)
    choices = [p.text for p in document.paragraphs if p.text.startswith("Keuze van de inschrijver:")]
    assert any("stemrecht.model (aanbevolen: gelijk; hier uitgewerkt met gelijk)" in c for c in choices)


def test_statuten_of_each_form_say_their_form(model_dir):
    assert "stichting" in _text(model_dir / "statuten-stichting.docx").lower()
    assert "coöperatie" in _text(model_dir / "statuten-cooperatie.docx").lower()


def test_the_starter_file_holds_the_fixed_answers(model_dir):
    starter = yaml_io.read_file(model_dir / "antwoorden-inschrijver.yaml")
    assert starter["consortium"]["opdrachtgever"] == "Regio Rivierenland"
    assert starter["uittreding"] == {"zorgcontinuiteit": True}
    assert "--aanbesteding" in (model_dir / "antwoorden-inschrijver.yaml").read_text(encoding="utf-8")


def test_model_refuses_to_overwrite_without_force(tmp_path, profile):
    out = tmp_path / "model"
    assert run_cli("model", str(profile()), "--out", str(out)).returncode == 0
    again = run_cli("model", str(profile()), "--out", str(out))
    assert again.returncode == 2
    assert "--force" in again.stderr


# -- interview ---------------------------------------------------------------------------------

def _tender_steps():
    steps = [s for s in coop_steps() if s[0] not in FIXED_KEYS]
    i = next(i for i, s in enumerate(steps) if s[0] == "stemrecht.model")
    steps[i:i + 2] = [("stemrecht.model", ENTER)]  # the recommendation is proposed; no maximum then
    i = next(i for i, s in enumerate(steps) if s[0] == "lumpsum.afroming")
    steps[i:i + 1] = [("lumpsum.afroming", "9"), ("lumpsum.afroming", "5")]
    return steps


def test_with_a_profile_the_interview_never_asks_a_fixed_question(tmp_path, profile):
    answers = tmp_path / "bod.yaml"
    asker = ScriptedAsker(_tender_steps())
    written = api.interview(answers, tmp_path / "uitvoer", asker=asker, aanbesteding=profile())
    assert not asker.steps
    asked = {p.key for p in asker.asked}
    assert not asked & set(FIXED_KEYS)
    assert any("Vastgesteld door de opdrachtgever" in m for m in asker.messages("info"))
    saved = yaml_io.read_file(answers)
    assert saved["consortium"]["looptijd_jaren"] == 5
    assert saved["lumpsum"]["afroming"] == 5
    assert saved["stemrecht"]["model"] == "gelijk"
    assert "afwijkingen.docx" in {p.name for p in written.files}


def test_with_a_profile_the_interview_offers_only_allowed_choices_and_marks_the_recommended(tmp_path, profile):
    asker = ScriptedAsker(_tender_steps())
    api.interview(tmp_path / "bod.yaml", tmp_path / "uitvoer", asker=asker, aanbesteding=profile())
    forms = next(p for p in asker.asked if p.key == "rechtsvorm.vorm")
    assert [o.value for o in forms.options] == ["cooperatie", "stichting"]
    model = next(p for p in asker.asked if p.key == "stemrecht.model")
    assert next(o.title for o in model.options if o.value == "gelijk").endswith("(aanbevolen door de aanbesteding)")
    assert model.default == "gelijk"
    refused = [(key, error) for key, _, error in asker.refused]
    assert ("lumpsum.afroming", "De aanbesteding staat hier alleen toe: hoogstens 7") in refused


def test_reopening_a_section_from_the_review_still_never_asks_a_fixed_question(tmp_path, profile):
    steps = _tender_steps()[:-1]  # all but the review
    open_again = [(f"consortium.{k}", ENTER) for k in ("naam", "ingangsdatum", "taak", "verblijf",
                                                      "toegang")]
    steps += [("review", "consortium"), *open_again, ("review", "genereer")]
    asker = ScriptedAsker(steps)
    api.interview(tmp_path / "bod.yaml", tmp_path / "uitvoer", asker=asker, aanbesteding=profile())
    assert not asker.steps
    assert not {p.key for p in asker.asked} & set(FIXED_KEYS)
    shown = [m for m in asker.messages("info") if "Vastgesteld door de opdrachtgever: 5" in m]
    assert shown and "Hoeveel jaar loopt het contract?" in shown[0]


def test_the_interview_replaces_a_saved_answer_that_departs_from_a_fixed_one(tmp_path, profile):
    answers = tmp_path / "bod.yaml"
    answers.write_text(yaml_io.dump({"versie": 1, "consortium": {"looptijd_jaren": 9}}), encoding="utf-8")
    asker = ScriptedAsker(_tender_steps())
    api.interview(answers, tmp_path / "uitvoer", asker=asker, aanbesteding=profile())
    assert yaml_io.read_file(answers)["consortium"]["looptijd_jaren"] == 5
    assert any("uw antwoord 9 is vervangen door het vaste antwoord 5" in m for m in asker.messages("error"))


# -- generate ----------------------------------------------------------------------------------

def test_generate_with_a_profile_writes_afwijkingen_docx(tmp_path, profile):
    answers = bid(tmp_path, stemrecht={"model": "naar_aandeel", "maximum": 45},
                  afwijkingen={"stemrecht.model": "de partners verschillen sterk in omvang"})
    out = tmp_path / "uitvoer"
    result = run_cli("generate", str(answers), "--aanbesteding", str(profile()), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "afwijkingen.docx" in result.stdout
    text = _text(out / "afwijkingen.docx")
    assert "Toets aan de aanbesteding" in text
    tables = open_docx(str(out / "afwijkingen.docx")).tables
    cells = [[c.text for c in row.cells] for t in tables for row in t.rows]
    assert ["stemrecht.model", "gelijk", "naar_aandeel", "de partners verschillen sterk in omvang"] in cells
    assert ["consortium.looptijd_jaren", "5", "5"] in cells
    import zipfile

    xml = zipfile.ZipFile(out / "afwijkingen.docx").read("word/document.xml").decode("utf-8")
    assert "<w:ins " in xml and "<w:del " in xml  # the bid's agreement as tracked changes against the model
    assert "Samenwerkingsovereenkomst: het bod tegenover het model" in text


def test_generate_with_a_departing_bid_writes_nothing(tmp_path, profile):
    out = tmp_path / "uitvoer"
    result = run_cli("generate", str(bid(tmp_path, lumpsum={"afroming": 9})), "--aanbesteding", str(profile()),
                     "--out", str(out))
    assert result.returncode == 2
    assert "lumpsum.afroming" in result.stderr
    assert not out.exists()


# -- the examples ------------------------------------------------------------------------------

def test_the_example_bid_conforms_to_the_example_tender():
    folder = REPO / "voorbeelden" / "aanbesteding"
    result = tender_check(folder / "bod-rivierenland.yaml", folder / "regio-rivierenland.yaml")
    assert result.returncode == 0, result.stderr
    assert "Dit bod voldoet aan de aanbesteding" in result.stdout
    assert "geschillen.route: aanbevolen mediation_rechter, gekozen mediation_arbitrage" in result.stdout
