"""The clause library is validated whole: broken libraries are one clear error, never half a document."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import raw_answers, run_cli
from docx import Document

from generator.errors import LibraryError
from generator.library.load import load_library

MANIFEST = """
versie: "test.1"
documenten:
  samenwerkingsovereenkomst:
    bestand: samenwerkingsovereenkomst.docx
    titel: {alle: "SAMENWERKINGSOVEREENKOMST|inzake {{ consortium.naam }}"}
  statuten: {bestand: statuten.docx, vormen: [vereniging], titel: {alle: "STATUTEN"}}
  huishoudelijk_reglement: {bestand: huishoudelijk-reglement.docx, titel: {alle: "REGLEMENT"}}
verplicht:
  samenwerkingsovereenkomst:
    - {checklist: SO-25, omschrijving: geschillen}
"""

CLAUSES = """
document: samenwerkingsovereenkomst
clausules:
  - id: so.eerste
    versie: 1
    titel: Eerste
    volgorde: 10
    bron: test
    toelichting: test
    leden:
      - "Zie {{ ref('so.derde') }} en {{ ref('so.derde', 2) }}."
  - id: so.tweede
    versie: 2
    titel: Tweede
    volgorde: 20
    when: "consortium.toegang"
    bron: test
    toelichting: test
    leden: ["Alleen bij toegang."]
  - id: so.derde
    versie: 1
    titel: Geschillen
    volgorde: 30
    bron: test
    checklist: [SO-25]
    toelichting: test
    leden: ["Eerste lid.", "Geschillen gaan naar {{ waarde(geschillen.rechtbank, 'rechtbank') }}."]
"""


def make_library(tmp_path: Path, clauses: str = CLAUSES, manifest: str = MANIFEST) -> Path:
    folder = tmp_path / "clauses"
    folder.mkdir()
    (folder / "bibliotheek.yaml").write_text(textwrap.dedent(manifest), encoding="utf-8")
    (folder / "so.yaml").write_text(textwrap.dedent(clauses), encoding="utf-8")
    return folder


def library_error(folder: Path) -> str:
    with pytest.raises(LibraryError) as info:
        load_library(folder)
    return info.value.dutch_report()


def test_the_installed_library_is_valid():
    from generator.library.load import default_library

    library = default_library()
    assert len(library.clauses) > 50
    assert len({c.id for c in library.clauses}) == len(library.clauses)


def test_the_bundled_library_passes_every_whole_library_check():
    """A run reads the bundled library against its schema only; the whole check is done here."""
    from generator.library.checks import library_problems
    from generator.library.load import read_library
    from generator.resources import data_dir

    library, problems = read_library(data_dir("clauses"))
    assert problems == []
    assert library_problems(library) == []


def test_a_run_does_not_check_the_bundled_library_whole(monkeypatch, tmp_path):
    """The whole-library check is for the tests and for a library that replaces the bundled one."""
    from generator.library import checks, load

    def refuse(library):
        raise AssertionError("whole-library check at run time")

    monkeypatch.setattr(checks, "library_problems", refuse)
    monkeypatch.delenv("CONSORTIUM_CLAUSES", raising=False)
    load.library_in.cache_clear()
    try:
        assert len(load.default_library().clauses) > 50
        monkeypatch.setenv("CONSORTIUM_CLAUSES", str(make_library(tmp_path)))
        with pytest.raises(AssertionError, match="whole-library check"):
            load.default_library()
    finally:
        load.library_in.cache_clear()


def test_a_small_valid_library_loads(tmp_path):
    library = load_library(make_library(tmp_path))
    assert [c.id for c in library.for_document("samenwerkingsovereenkomst")] == ["so.eerste", "so.tweede", "so.derde"]


@pytest.mark.parametrize(("change", "expected"), [
    (("id: so.tweede", "id: so.eerste"), "so.eerste: id komt 2 keer voor"),
    (('when: "consortium.toegang"', 'when: "consortium.toegang =="'), "voorwaarde compileert niet"),
    (("{{ ref('so.derde') }}", "{{ consortium.nam }}"), "'consortium.nam' is geen antwoord uit het contract"),
    (("{{ ref('so.derde') }}", "{{ geheim }}"), "onbekende naam 'geheim'"),
    (("{{ ref('so.derde') }}", "{{ ref('so.vierde') }}"), "verwijzing naar onbekende clausule"),
    (("{{ ref('so.derde') }}", "{% if %}"), "tekst compileert niet"),
    (("checklist: [SO-25]", "checklist: []"), "SO-25 (geschillen)"),
    (("bron: test\n    checklist", "checklist"), "bron"),
])
def test_a_broken_library_is_one_clear_error(tmp_path, change, expected):
    old, new = change
    assert old in CLAUSES
    report = library_error(make_library(tmp_path, CLAUSES.replace(old, new, 1)))
    assert report.startswith("De clausulebibliotheek is ongeldig:")
    assert expected in report


def _generate(tmp_path: Path, folder: Path, monkeypatch, **overrides) -> list[str]:
    from generator.library import load

    monkeypatch.setenv("CONSORTIUM_CLAUSES", str(folder))
    load.library_in.cache_clear()
    answers = tmp_path / "antwoorden.yaml"
    from generator.adapters import yaml_io

    answers.write_text(yaml_io.dump(raw_answers("geen", **overrides)), encoding="utf-8")
    out = tmp_path / "uit"
    from generator import api

    try:
        api.generate(answers, out)
    finally:
        load.library_in.cache_clear()
    return [p.text for p in Document(str(out / "samenwerkingsovereenkomst.docx")).paragraphs]


@pytest.mark.parametrize(("toegang", "number"), [(True, 3), (False, 2)])
def test_cross_references_follow_a_dropped_article(tmp_path, monkeypatch, toegang, number):
    texts = _generate(tmp_path, make_library(tmp_path), monkeypatch, consortium={"toegang": toegang})
    assert f"Zie artikel {number} en artikel {number} lid 2." in texts
    assert ("Alleen bij toegang." in texts) is toegang


def test_generate_with_a_broken_library_writes_nothing(tmp_path, monkeypatch):
    folder = make_library(tmp_path, CLAUSES.replace("{{ ref('so.derde') }}", "{{ geheim }}"))
    monkeypatch.setenv("CONSORTIUM_CLAUSES", str(folder))
    answers = tmp_path / "a.yaml"
    from generator.adapters import yaml_io

    answers.write_text(yaml_io.dump(raw_answers("geen")), encoding="utf-8")
    result = run_cli("generate", str(answers), "--out", str(tmp_path / "uit"))
    assert result.returncode == 2
    assert "onbekende naam 'geheim'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "uit").exists()
