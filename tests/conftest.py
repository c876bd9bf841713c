"""Shared test helpers: a complete, valid answers dict that tests adjust, and CLI runners.

Importing this module changes nothing; the fixture `_own_cache` gives the whole session (each
xdist worker) its own cache folder, never the developer's. `generated_package` generates a package
once per test run for all tests (and xdist workers) that only read it.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from answers_builder import build

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests, and the CLI processes they start, use a cache folder of their own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        yield

def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests (LibreOffice, a pseudo-terminal) run first, in their usual order: under xdist
    they then overlap the many short tests instead of being the last ones to finish."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


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


def raw_answers(vorm: str = "cooperatie", **sections: Any) -> dict[str, Any]:
    """A valid answers dict for `vorm`; keyword arguments update whole sections' keys."""
    form = {"naam": FORM_NAMES[vorm], "zetel": "Tiel"} if FORM_NAMES[vorm] else {}
    changes: dict[str, Any] = {"rechtsvorm": {"vorm": vorm, **form}}
    if not FORM_NAMES[vorm]:
        changes["partners[0].penvoerder"] = True
    for name, values in sections.items():
        changes.update({"partners": values} if name == "partners" else
                       {f"{name}.{key}": value for key, value in values.items()})
    return build(BASE, changes)


# An own library of one clause: the bundled library's texts come precompiled, an own library's
# are compiled at run time and cached, so tests of the cache lay this one over the bundled one.
OWN_LIBRARY = """\
formaat: 2
document: samenwerkingsovereenkomst
clausules:
  - id: so.kantoor_klachten
    versie: 1
    titel: Klachten over de samenwerking
    volgorde: 655
    bron: contractspraktijk
    toelichting: Eigen clausule van het kantoor.
    leden:
      - "Klachten over {{ consortium.naam }} behandelt de stuurgroep binnen {{ termijn(6, 'week', 'weken') }}."
      - "Zie ook {{ ref('so.kantoor_klachten') }}."
"""


def own_library(parent: Path) -> Path:
    """The own library OWN_LIBRARY, with its version lock, in `parent`/kantoor."""
    from generator import cli

    folder = parent / "kantoor"
    folder.mkdir(exist_ok=True)
    (folder / "eigen.yaml").write_text(OWN_LIBRARY, encoding="utf-8")
    if not (folder / "versies.lock").exists():
        assert cli.main(["clauses", "check", str(folder), "--vernieuw-slot"]) == 0
    return folder


def generated_package(tmp_path_factory: pytest.TempPathFactory, answers: dict[str, Any] | Path) -> Path:
    """The folder `consortium generate` writes for `answers` (a dict, or an answers file used where
    it is), generated once per test run for every test that asks for the same answers (see
    `shared_output`). Read it, never change it: a test that writes into its package makes its own."""
    from generator import api
    from generator.adapters import yaml_io

    text = answers.read_text(encoding="utf-8") if isinstance(answers, Path) else yaml_io.dump(answers)

    def generate(folder: Path) -> None:
        source = answers
        if not isinstance(source, Path):
            source = folder / "antwoorden.yaml"
            source.write_text(text, encoding="utf-8")
        api.generate(source, folder / "uit")

    where = answers.resolve() if isinstance(answers, Path) else ""
    return shared_output(tmp_path_factory, f"generate {where}\n{text}", generate) / "uit"


def shared_output(tmp_path_factory: pytest.TempPathFactory, key: str, make: Callable[[Path], None]) -> Path:
    """A folder that `make(folder)` filled, made once per test run for every test and xdist worker
    that asks with the same `key` (which must name everything the output depends on). Only read it."""
    base = tmp_path_factory.getbasetemp()
    # Under xdist each worker's basetemp is a folder of this run's own basetemp, which they share.
    shared = (base.parent if "PYTEST_XDIST_WORKER" in os.environ else base) / "gedeeld"
    shared.mkdir(exist_ok=True)
    name = hashlib.sha256(key.encode()).hexdigest()[:20]
    folder, done = shared / name, shared / f"{name}.klaar"
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one worker makes it, the others wait for it and then read
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


def character_style(run: Any) -> Any:
    """`run.style`, or None for a run without a character style of its own: python-docx looks up
    the default style for every such run by scanning all styles (a millisecond each), and a test
    that reads every run of a deed would spend seconds on it."""
    return run.style if run._r.style is not None else None


def character_style_id(run: Any) -> str | None:
    """The id of the run's own character style (see `character_style`)."""
    return run._r.style


def run_cli(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """`consortium ARGS` in this process: `main(argv)` with its output and exit code captured."""
    from generator.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.ExitStack() as stack:
        stack.enter_context(contextlib.redirect_stdout(out))
        stack.enter_context(contextlib.redirect_stderr(err))
        if cwd is not None:
            stack.enter_context(contextlib.chdir(cwd))
        stack.enter_context(_stdin(stdin or ""))
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse: --help, --version and usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    return subprocess.CompletedProcess(["consortium", *args], code, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def _stdin(text: str) -> Iterator[None]:
    saved = sys.stdin
    sys.stdin = io.StringIO(text)
    try:
        yield
    finally:
        sys.stdin = saved


def run_cli_process(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m generator ARGS` as a separate process: for the few tests of the process itself."""
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
