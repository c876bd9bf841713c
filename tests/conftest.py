"""Shared test helpers: a complete, valid answers dict that tests adjust, and CLI runners."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# Tests (and the CLI processes they start) use their own cache, never the developer's.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="consortium-test-cache-")

BASE = {
    "versie": 1,
    "consortium": {
        "naam": "Jeugdhulp Rivierenland",
        "werkgebied": ["Tiel", "Culemborg", "West Betuwe"],
        "opdrachtgever": "Regio Rivierenland",
        "opdrachtwaarde_per_jaar": 26_100_000,
        "ingangsdatum": "2027-01-01",
        "looptijd_jaren": 5,
    },
    "partners": [
        {"naam": "Stichting Rivierzorg", "kvk": "41178459", "plaats": "Tiel",
         "vertegenwoordiger": "mr. A. de Vries", "aandeel": 45, "omzet": 60_000_000},
        {"naam": "GGZ Betuwe B.V.", "rechtsvorm": "bv", "kvk": "30123456", "plaats": "Culemborg",
         "aandeel": 40, "omzet": 250_000_000},
        {"naam": "Vereniging Gezinshuizen Gelderland", "rechtsvorm": "vereniging", "kvk": "09876543",
         "plaats": "Geldermalsen", "aandeel": 15, "omzet": 9_000_000},
    ],
    "rechtsvorm": {"vorm": "cooperatie", "naam": "Coöperatie Jeugdhulp Rivierenland U.A.", "zetel": "Tiel"},
}

FORM_NAMES = {
    "geen": None,
    "vereniging": "Vereniging Jeugdhulp Rivierenland",
    "cooperatie": "Coöperatie Jeugdhulp Rivierenland U.A.",
    "stichting": "Stichting Jeugdhulp Rivierenland",
    "bv": "Jeugdhulp Rivierenland B.V.",
}


def raw_answers(vorm: str = "cooperatie", **sections) -> dict:
    """A valid answers dict for `vorm`; keyword arguments update whole sections' keys."""
    raw = copy.deepcopy(BASE)
    raw["rechtsvorm"] = {"vorm": vorm}
    if FORM_NAMES[vorm]:
        raw["rechtsvorm"].update(naam=FORM_NAMES[vorm], zetel="Tiel")
    else:
        raw["partners"][0]["penvoerder"] = True
    for name, values in sections.items():
        if name == "partners":
            raw["partners"] = values
        else:
            raw.setdefault(name, {}).update(values)
    return raw


def run_cli(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                          cwd=cwd, input=stdin, timeout=120)


@pytest.fixture
def write_answers(tmp_path):
    """Write an answers dict (or raw text) to a file in tmp_path and return its path."""
    from generator.adapters import yaml_io

    def write(content, name: str = "antwoorden.yaml") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content if isinstance(content, str) else yaml_io.dump(content), encoding="utf-8")
        return path

    return write
