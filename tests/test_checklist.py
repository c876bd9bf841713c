"""The legal checklist's checker rules (§8), run on the generated documents of every example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO, generated_package
from docx import Document

from generator.answers import load_answers

EXAMPLES = {p.stem.split("-")[0]: p for p in sorted((REPO / "voorbeelden").glob("*.yaml"))}

# Zoekfrases from checklist §3, per legal form (case-insensitive).
STATUTEN = {
    "vereniging": ["heeft haar zetel in de gemeente", "heeft ten doel", "verplichtingen",
                   "bijeenroeping", "benoemd", "batig saldo", "ontstentenis of belet",
                   "binnen zes maanden na afloop van het boekjaar", "tegenstrijdig", "geen winst onder haar leden",
                   "huishoudelijk reglement", "toelating"],
    "cooperatie": ["heeft haar zetel in de gemeente", "stoffelijke behoeften", "U.A.",
                   "sluit iedere verplichting van haar leden of oud-leden om in een tekort bij te dragen uit",
                   "bijeenroeping", "batig saldo", "ontstentenis of belet", "tegenstrijdig", "meer dan één stem"],
    "stichting": ["opgericht bij notariële akte", "De stichting heeft ten doel", "heeft haar zetel in de gemeente",
                  "benoeming", "overschot", "raad van deelnemers", "ontstentenis of belet",
                  "hoofdelijk medeschuldenaar",
                  "overwegingen", "wijziging van de statuten", "uitkeringen"],
    "bv": ["akte van oprichting", "B.V.", "De vennootschap heeft ten doel", "nominale waarde",
           "ontstentenis of belet", "stemrecht", "tegenstrijdig"],
}
INTERNAL_SUPERVISOR = ["interne toezichthouder", "onafhankelijk", "ten minste drie"]
HR_FORBIDDEN = [r"meer dan één stem", r"uittreed", r"aansprakelijk\w* [^.]*tekort", r"\bborg"]


def text_of(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> dict[str, Path]:
    return {form: generated_package(tmp_path_factory, example) for form, example in EXAMPLES.items()}


@pytest.mark.parametrize("form", ["vereniging", "cooperatie", "stichting", "bv"])
def test_statuten_contain_the_mandatory_elements(packages, form):
    text = text_of(packages[form] / "statuten.docx").lower()
    phrases = STATUTEN[form]
    answers = load_answers(EXAMPLES[form])
    from generator.facts import intern_toezicht_verplicht

    if intern_toezicht_verplicht(answers):
        phrases = phrases + INTERNAL_SUPERVISOR
    missing = [p for p in phrases if p.lower() not in text]
    assert not missing, missing


def _without_answer_names(text: str, form: str) -> str:
    answers = load_answers(EXAMPLES[form])
    for partner in answers.partners:
        for value in (partner.naam, partner.plaats):
            if value:
                text = text.replace(value, "")
    return text


@pytest.mark.parametrize("form", list(EXAMPLES))
def test_reglement_does_not_overreach_the_statuten(packages, form):
    reglement = _without_answer_names(text_of(packages[form] / "huishoudelijk-reglement.docx"), form)
    statuten_path = packages[form] / "statuten.docx"
    statuten = text_of(statuten_path) if statuten_path.exists() else ""
    for pattern in HR_FORBIDDEN:
        if re.search(pattern, reglement, re.IGNORECASE):
            assert re.search(pattern, statuten, re.IGNORECASE), pattern


@pytest.mark.parametrize("form", ["vereniging", "cooperatie", "stichting", "bv"])
def test_reglement_states_it_yields_to_law_and_statuten(packages, form):
    assert "niet in strijd zijn met de wet of de statuten" in text_of(packages[form] / "huishoudelijk-reglement.docx")


SO_ALWAYS = ["rechtsgeldig vertegenwoordigd door", "taakgerichte", "In deze overeenkomst wordt verstaan onder",
             "kostprijselementen", "verdeelsleutel", "reële prijs", "risicoventiel", "toetreding", "uittreding",
             "Nederlands recht"]


@pytest.mark.parametrize("form", list(EXAMPLES))
def test_samenwerkingsovereenkomst_core(packages, form):
    text = text_of(packages[form] / "samenwerkingsovereenkomst.docx")
    answers = load_answers(EXAMPLES[form])
    expected = list(SO_ALWAYS)
    if form == "geen":
        expected += ["geen maatschap of vennootschap onder firma", "Penvoerder"]
    if answers.consortium.hoofdelijk:
        expected.append("hoofdelijk")
    expected.append("gezamenlijk verwerkingsverantwoordelijken" if answers.dataregistratie.avg_rol == "gezamenlijk"
                    else "verwerkersovereenkomst")
    if answers.geschillen.route == "mediation_arbitrage":
        expected.append("Arbitragereglement van het Nederlands Arbitrage Instituut")
    missing = [p for p in expected if p.lower() not in text.lower()]
    assert not missing, missing


@pytest.mark.parametrize("form", list(EXAMPLES))
def test_jeugdautoriteit_is_never_the_current_regulator(packages, form):
    for docx in packages[form].glob("*.docx"):
        for sentence in re.split(r"(?<=[.;:])\s", text_of(docx)):
            if "Jeugdautoriteit" in sentence:
                assert re.search(r"voormalige|NZa|opgegaan", sentence), sentence
