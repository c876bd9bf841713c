"""Helpers for the interview tests: a scripted run for a three-partner coöperatie, and runners."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from conftest import shared_output

from generator.adapters import yaml_io
from generator.adapters.asking import BACK
from generator.interview.scripted import CTRL_C, ENTER, ScriptedAsker
from generator.interview.session import run_interview

__all__ = ["BACK", "CTRL_C", "ENTER", "complete_run", "coop_steps", "full_run", "run", "saved", "write"]

CONSORTIUM = [
    ("consortium.naam", "Jeugdhulp Rivierenland"),
    ("consortium.werkgebied", "Tiel, Culemborg, West Betuwe"),
    ("consortium.opdrachtgever", "Regio Rivierenland"),
    ("consortium.opdrachtwaarde_per_jaar", "26.100.000"),
    ("consortium.ingangsdatum", "1-1-2027"),
    ("consortium.looptijd_jaren", "5"),
    ("consortium.taak", ENTER),
    ("consortium.verblijf", "ja"),
    ("consortium.toegang", ENTER),
    ("consortium.hoofdelijk", ENTER),
]
PARTNERS = [
    ("Stichting Rivierzorg", "stichting", "41178459", "Tiel", "mr. A. de Vries", "45", "60000000"),
    ("GGZ Betuwe B.V.", "bv", "30123456", "Culemborg", "", "40", "250.000.000"),
    ("Vereniging Gezinshuizen Gelderland", "vereniging", "", "Geldermalsen", "", ENTER, "9000000"),
]
FIELDS = ("naam", "rechtsvorm", "kvk", "plaats", "vertegenwoordiger", "aandeel", "omzet")


def partner_steps(i: int, values: tuple) -> list[tuple[str, Any]]:
    return [(f"partners[{i}].{key}", value) for key, value in zip(FIELDS, values, strict=True)]


def coop_steps(review: Any = "genereer") -> list[tuple[str, Any]]:
    """Every prompt of a complete run: a coöperatie U.A. with three partners, mostly defaults."""
    steps = list(CONSORTIUM)
    steps += partner_steps(0, PARTNERS[0]) + partner_steps(1, PARTNERS[1])
    steps += [("partners", "toevoegen"), *partner_steps(2, PARTNERS[2]), ("partners", "klaar")]
    steps += [("rechtsvorm.vorm", "cooperatie"), ("consortium.jeugdhulpverleners", ENTER),
              ("rechtsvorm.naam", "Coöperatie Jeugdhulp Rivierenland U.A."),
              ("rechtsvorm.zetel", "Tiel")]
    steps += [("stemrecht.model", "naar_aandeel"), ("stemrecht.maximum", "45")]
    steps += [(f"stemrecht.{k}", ENTER) for k in ("quorum", "gekwalificeerd", "gekwalificeerde_besluiten",
                                                 "unanieme_besluiten", "impasse")]
    steps += [("lumpsum.basisjaar", ENTER), ("lumpsum.historische_uitgaven", "24000000"),
              ("lumpsum.indexatie", "3,5"), ("lumpsum.toeslagen", "inrichting 400000; transformatie 600000")]
    steps += [(f"lumpsum.{k}", ENTER) for k in ("inverdieneffect", "kostprijselementen", "risicoverdeling",
                                               "verdeling", "afroming", "reserve")]
    steps += [("risicoventielen.ventielen", ENTER), ("risicoventielen.ventielen.volume", ENTER)]
    steps += [(f"risicoventielen.{k}", ENTER) for k in ("meldingstermijn", "tekort", "overschot")]
    steps += [(f"uittreding.{k}", ENTER) for k in ("opzegtermijn", "per", "vergoeding", "zorgcontinuiteit",
                                                  "toetreding", "uitsluitingsgronden")]
    steps += [("toezicht.model", "raad_van_toezicht"), ("toezicht.leden", ENTER)]
    steps += [(f"toezicht.{k}", ENTER) for k in ("leiding", "clientenraad", "ondernemingsraad")]
    steps += [(f"dataregistratie.{k}", ENTER) for k in ("kpis", "frequentie", "avg_rol", "uitwisseling",
                                                       "jaarverslag")]
    steps += [("geschillen.route", ENTER), ("geschillen.rechtbank", ENTER)]
    return [*steps, ("review", review)] if review is not None else steps


def write(path: Path, raw: dict | str) -> Path:
    path.write_text(raw if isinstance(raw, str) else yaml_io.dump(raw), encoding="utf-8")
    return path


def run(path: Path, steps: list[tuple[str, Any]], out: Path | None = None) -> ScriptedAsker:
    """Run the interview on `path` with a scripted user; the script must be used up exactly."""
    asker = ScriptedAsker(steps)
    run_interview(path, out or path.parent / "uitvoer", asker=asker)
    assert not asker.steps, f"unused script steps: {list(asker.steps)[:3]}"
    return asker


_DEFAULT_RUNS: list[ScriptedAsker] = []


def default_run(tmp_path_factory) -> ScriptedAsker:
    """The scripted user of a complete run of coop_steps(), run once per test process for the
    tests that only read what the interview asked and said."""
    if not _DEFAULT_RUNS:
        _DEFAULT_RUNS.append(run(tmp_path_factory.mktemp("coop") / "a.yaml", coop_steps()))
    return _DEFAULT_RUNS[0]


def saved(path: Path) -> dict:
    return yaml_io.read_file(path)


def full_run(tmp_path_factory) -> Path:
    """antwoorden.yaml of a complete run of coop_steps(), made once per test run and shared: read it only."""

    def interview(folder: Path) -> None:
        run(folder / "antwoorden.yaml", coop_steps())

    return shared_output(tmp_path_factory, "a complete interview run: coop_steps()", interview) / "antwoorden.yaml"


def complete_run(tmp_path, tmp_path_factory) -> Path:
    """tmp_path/antwoorden.yaml as a complete run of coop_steps() leaves it (a copy of `full_run`)."""
    return Path(shutil.copyfile(full_run(tmp_path_factory), tmp_path / "antwoorden.yaml"))
