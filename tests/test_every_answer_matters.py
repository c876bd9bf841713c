"""Every key of the answers contract visibly shapes the documents: change it, and some text changes."""

from __future__ import annotations

import copy

import pytest
from answers_builder import set_path
from conftest import REPO

from generator.adapters import yaml_io
from generator.analysis.document import analysis_blocks
from generator.analysis.report import analyse
from generator.answers import validate_answers
from generator.assemble.build import assemble
from generator.library.load import default_library

BASE = yaml_io.read_file(REPO / "voorbeelden" / "cooperatie-rivierenland.yaml")

# (path, alternative value[, base form]) for every key in the contract.
CHANGES = [
    ("consortium.naam", "Jeugdhulp Betuwe"),
    ("consortium.werkgebied", ["Tiel", "Buren"]),
    ("consortium.opdrachtgever", "Gemeente Tiel"),
    ("consortium.opdrachtwaarde_per_jaar", 30_000_000),
    ("consortium.ingangsdatum", "2028-01-01"),
    ("consortium.looptijd_jaren", 7),
    ("consortium.taak", "breed"),
    ("consortium.verblijf", False),
    ("consortium.toegang", True),
    ("consortium.jeugdhulpverleners", 40),
    ("consortium.hoofdelijk", False),
    ("partners[0].naam", "Stichting Waalzorg"),
    ("partners[0].rechtsvorm", "vereniging"),
    ("partners[0].kvk", "41178460"),
    ("partners[0].plaats", "Buren"),
    ("partners[0].vertegenwoordiger", "drs. B. Jansen"),
    ("partners[0].aandeel", 44, "partners[1].aandeel", 41),
    ("partners[0].omzet", 70_000_000),
    ("partners[0].penvoerder", True),
    ("rechtsvorm.vorm", "stichting", "rechtsvorm.naam", "Stichting Jeugdhulp Rivierenland"),
    ("rechtsvorm.nominale_waarde", 0.01),
    ("rechtsvorm.naam", "Coöperatie Jeugdzorg Rivierenland U.A."),
    ("rechtsvorm.zetel", "Culemborg"),
    ("stemrecht.model", "consent"),
    ("stemrecht.maximum", 50),
    ("stemrecht.quorum", 60),
    ("stemrecht.gekwalificeerd", 75),
    ("stemrecht.gekwalificeerde_besluiten", ["begroting", "jaarrekening", "meerjarenplan"]),
    ("stemrecht.unanieme_besluiten", ["statutenwijziging", "ontbinding", "hoofdovereenkomst"]),
    ("stemrecht.impasse", "bindend_advies"),
    ("lumpsum.basisjaar", 2024),
    ("lumpsum.historische_uitgaven", 25_000_000),
    ("lumpsum.indexatie", 2),
    ("lumpsum.toeslagen", {"inrichting": 500_000}),
    ("lumpsum.inverdieneffect", 3),
    ("lumpsum.kostprijselementen", False),
    ("lumpsum.risicoverdeling", "afgebakend"),
    ("lumpsum.verdeling", "capaciteit"),
    ("lumpsum.afroming", 8),
    ("lumpsum.reserve", 4),
    ("risicoventielen.ventielen", [{"soort": "volume", "drempel": 12}, {"soort": "wachtlijst"}]),
    ("risicoventielen.meldingstermijn", 45),
    ("risicoventielen.tekort", "gelijk"),
    ("risicoventielen.overschot", "herinvesteren"),
    ("uittreding.opzegtermijn", 18),
    ("uittreding.per", "einde_looptijd"),
    ("uittreding.vergoeding", "vast_bedrag", "uittreding.vast_bedrag", 100_000),
    ("uittreding.vast_bedrag", 200_000, "uittreding.vergoeding", "vast_bedrag"),
    ("uittreding.zorgcontinuiteit", False),
    ("uittreding.toetreding", "gekwalificeerd"),
    ("uittreding.uitsluitingsgronden", ["faillissement", "integriteit"]),
    ("toezicht.model", "getrapt", "toezicht.leden", None),
    ("toezicht.leden", 5),
    ("toezicht.leiding", "directeur"),
    ("toezicht.clientenraad", False),
    ("toezicht.ondernemingsraad", True),
    ("dataregistratie.kpis", ["financien", "transformatie"]),
    ("dataregistratie.frequentie", "maand"),
    ("dataregistratie.avg_rol", "verwerker"),
    ("dataregistratie.uitwisseling", "centraal"),
    ("dataregistratie.jaarverslag", False),
    ("geschillen.route", "rechter"),
    ("geschillen.rechtbank", "Rechtbank Midden-Nederland"),
]


def _set(raw: dict, path: str, value) -> None:
    set_path(raw, path, value)


_TEXTS: dict[str, str] = {}


def documents_text(raw: dict) -> str:
    """All text of the documents and the analysis for `raw`; the same answers are assembled once."""
    key = yaml_io.dump(raw)
    if key not in _TEXTS:
        _TEXTS[key] = _documents_text(raw)
    return _TEXTS[key]


def _documents_text(raw: dict) -> str:
    answers = validate_answers(raw)
    docs = assemble(answers, default_library())
    analysis = [getattr(b, "tekst", "") + repr(getattr(b, "rijen", "")) + repr(getattr(b, "items", ""))
                for b in analysis_blocks(answers, analyse(answers), None)]
    return "\n".join([*(d.plain_text() for d in docs), *analysis])


# Keys that only matter under another answer: both sides of the comparison get that answer.
CONTEXT = {"geschillen.rechtbank": {"geschillen.route": "mediation_rechter"},
           "rechtsvorm.nominale_waarde": {"rechtsvorm.vorm": "bv", "rechtsvorm.naam": "Jeugdhulp Rivierenland B.V.",
                                          "toezicht.model": "raad_van_commissarissen"}}


def _variant(change: tuple, *, apply: bool = True) -> dict:
    raw = copy.deepcopy(BASE)
    for path, value in CONTEXT.get(change[0], {}).items():
        _set(raw, path, value)
    if apply:
        for path, value in zip(change[::2], change[1::2], strict=True):
            _set(raw, path, value)
    return raw


@pytest.mark.parametrize("change", CHANGES, ids=[c[0] for c in CHANGES])
def test_changing_the_answer_changes_the_documents(change):
    assert documents_text(_variant(change)) != documents_text(_variant(change, apply=False))


def test_every_contract_key_is_covered():
    from generator.answers.model import SECTIONS, Partner

    covered = {c[0].replace("partners[0]", "partners") for c in CHANGES}
    expected = {f"{name}.{key}" for name, model in SECTIONS.items() for key in model.model_fields}
    expected |= {f"partners.{key}" for key in Partner.model_fields}
    assert expected <= covered, sorted(expected - covered)
