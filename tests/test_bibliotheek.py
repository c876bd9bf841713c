"""The clause library lawyers maintain: format 2, its check, own libraries, versions and bijwerken."""

from __future__ import annotations

import json
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import REPO, raw_answers
from docx import Document
from revisions import accept_all, body_of, lines, reject_all, revision_texts

from generator import cli
from generator.adapters import yaml_io

# The last commit of main before the library was migrated to format 2.
BEFORE_MIGRATION = "3e514a5"

OWN = """
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
      - varianten:
          - when: "heeft_rechtspersoon"
            tekst: "Klachten over de samenwerking worden behandeld door {{ bestuur }}."
          - anders: true
            tekst: "Klachten over de samenwerking worden behandeld door de stuurgroep."
      - "Zie ook {{ ref('so.kantoor_klachten') }}."
  - id: so.geheimhouding
    versie: 7
    titel: Geheimhouding volgens het kantoor
    volgorde: 600
    bron: "BW 6:248"
    checklist: [SO-19]
    toelichting: Vervangt de meegeleverde geheimhoudingsclausule.
    leden:
      - "De Partners houden geheim wat zij van elkaar vernemen, ook na het einde van deze overeenkomst."
"""


def _main(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _own_library(tmp_path: Path, text: str = OWN, *, lock: bool = True, name: str = "kantoor") -> Path:
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    (folder / "eigen.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    if lock:
        assert cli.main(["clauses", "check", str(folder), "--vernieuw-slot"]) == 0
    return folder


def _answers(tmp_path: Path, vorm: str = "cooperatie") -> Path:
    path = tmp_path / "antwoorden.yaml"
    path.write_text(yaml_io.dump(raw_answers(vorm)), encoding="utf-8")
    return path


def _docx_text(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def test_the_bundled_library_passes_its_own_check(capsys):
    code, out, err = _main(capsys, "clauses", "check")
    assert (code, err) == (0, "")
    assert "is in orde" in out and "precies één van toepassing" in out


def test_an_own_library_adds_and_overrides_clauses_and_is_accounted_for(tmp_path, capsys):
    folder = _own_library(tmp_path)
    out = tmp_path / "uit"
    code, _, err = _main(capsys, "generate", str(_answers(tmp_path)), "--out", str(out), "--bibliotheek", str(folder))
    assert (code, err) == (0, "")
    text = _docx_text(out / "samenwerkingsovereenkomst.docx")
    assert "Klachten over de samenwerking worden behandeld door het bestuur." in text
    assert "Geheimhouding volgens het kantoor" in "\n".join(text)
    account = json.loads((out / "verantwoording.json").read_text(encoding="utf-8"))
    used = {c["id"]: c for c in account["documenten"]["samenwerkingsovereenkomst.docx"]["clausules"]}
    assert used["so.kantoor_klachten"]["bibliotheek"] == str(folder)
    assert (used["so.geheimhouding"]["bibliotheek"], used["so.geheimhouding"]["versie"]) == (str(folder), 7)
    assert used["so.partijen"]["bibliotheek"] == "standaard"
    number = used["so.kantoor_klachten"]["artikel"]
    assert f"Zie ook artikel {number}." in text
    assert account["eigen_bibliotheken"] == [str(folder)]


def test_the_other_commands_take_the_own_library(tmp_path, capsys):
    folder = _own_library(tmp_path)
    code, out, _ = _main(capsys, "clauses", "list", "--bibliotheek", str(folder))
    assert code == 0 and "so.kantoor_klachten" in out and f"Eigen bibliotheek: {folder}" in out
    code, out, _ = _main(capsys, "clauses", "show", "so.kantoor_klachten", "--bibliotheek", str(folder))
    assert code == 0 and "anders: Klachten over de samenwerking worden behandeld door de stuurgroep." in out
    broken = _own_library(tmp_path, OWN.replace("{{ bestuur }}", "{{ bestuurr }}"), lock=False, name="kapot")
    code, _, err = _main(capsys, "check", str(_answers(tmp_path)), "--bibliotheek", str(broken))
    assert code == 2 and "onbekende naam 'bestuurr'" in err


BROKEN = [
    # overlapping alternatives: both hold with a legal person
    (("- anders: true\n            tekst: \"Klachten over de samenwerking worden behandeld door de stuurgroep.\"",
      "- when: \"vorm != 'geen'\"\n            tekst: \"Klachten over de samenwerking worden behandeld door de "
      "stuurgroep.\""), None,
     "eigen.yaml: so.kantoor_klachten leden[1]: varianten 1 en 2 gelden tegelijk (overlap) bij rechtsvorm.vorm="),
    # a gap: nothing for a samenwerkingsverband without legal person
    (("- anders: true\n            tekst: \"Klachten over de samenwerking worden behandeld door de stuurgroep.\"",
      "- when: \"vorm == 'stichting'\"\n            tekst: \"Klachten over de samenwerking worden behandeld door de "
      "stuurgroep.\""), None,
     "eigen.yaml: so.kantoor_klachten leden[1]: geen enkele variant geldt (gat) bij rechtsvorm.vorm=geen"),
    # a reference to no article, and to no role
    (("{{ ref('so.kantoor_klachten') }}", "{{ ref('so.bestaat_niet') }}"), None,
     "eigen.yaml: so.kantoor_klachten leden[2]: verwijzing naar onbekende clausule 'so.bestaat_niet'"),
    (("{{ ref('so.kantoor_klachten') }}", "{{ ref('statuten: klachten') }}"), None,
     "eigen.yaml: so.kantoor_klachten leden[2]: verwijzing naar onbekende rol 'statuten: klachten'"),
    # the same id twice
    (("id: so.geheimhouding", "id: so.kantoor_klachten"), None,
     "so.kantoor_klachten: id komt 2 keer voor in de eigen bibliotheek"),
]


@pytest.mark.parametrize(("change", "second", "expected"), BROKEN)
def test_a_broken_own_library_is_refused_naming_the_place(tmp_path, capsys, change, second, expected):
    text = OWN
    for old, new in [c for c in (change, second) if c]:
        assert old in text
        text = text.replace(old, new, 1)
    folder = _own_library(tmp_path, text, lock=False)
    out = tmp_path / "uit"
    code, _, err = _main(capsys, "generate", str(_answers(tmp_path)), "--out", str(out), "--bibliotheek", str(folder))
    assert code == 2
    assert f"De eigen bibliotheek {folder} is ongeldig:" in err
    assert expected in err
    assert "Traceback" not in err and not out.exists()
    code, _, err = _main(capsys, "clauses", "check", str(folder))
    assert code == 2 and expected in err


def test_a_changed_text_needs_a_higher_versie(tmp_path, capsys):
    folder = _own_library(tmp_path)
    changed = OWN.replace("ook na het einde", "ook lang na het einde")
    (folder / "eigen.yaml").write_text(textwrap.dedent(changed), encoding="utf-8")
    for args in (["clauses", "check", str(folder)], ["clauses", "check", str(folder), "--vernieuw-slot"]):
        code, _, err = _main(capsys, *args)
        assert code == 2
        assert "eigen.yaml: so.geheimhouding: de tekst is gewijzigd maar de versie niet: verhoog 'versie' (nu 7, " \
               "in versies.lock 7)" in err
    (folder / "eigen.yaml").write_text(textwrap.dedent(changed.replace("versie: 7", "versie: 8")), encoding="utf-8")
    code, _, err = _main(capsys, "clauses", "check", str(folder))
    assert code == 2 and "versie 8 staat nog niet in versies.lock" in err
    code, out, _ = _main(capsys, "clauses", "check", str(folder), "--vernieuw-slot")
    assert code == 0 and "versies.lock is bijgewerkt" in out
    assert _main(capsys, "clauses", "check", str(folder))[0] == 0


def test_an_old_format_file_is_read_but_the_check_asks_to_migrate_it(tmp_path, capsys):
    folder = _own_library(tmp_path, OWN.replace("formaat: 2\n", ""), lock=False)
    code, _, err = _main(capsys, "clauses", "check", str(folder))
    assert code == 2 and "eigen.yaml: nog in het oude formaat" in err
    from generator.library.migrate import migrate

    assert migrate(folder) == ["eigen.yaml"]
    assert migrate(folder) == []  # re-runnable: a migrated file is left alone
    assert cli.main(["clauses", "check", str(folder), "--vernieuw-slot"]) == 0


def _old_library(tmp_path: Path) -> Path:
    """The bundled library as it was before the migration, from git."""
    target = tmp_path / "oud"
    target.mkdir()
    try:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", BEFORE_MIGRATION, "clauses"],
                                 capture_output=True, check=True, timeout=60).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("the history of the repository (git) is not available")
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True, timeout=60)
    return target / "clauses"


def _texts(folder: Path) -> dict[tuple[str, str], str]:
    from generator.answers import load_answers
    from generator.assemble.build import assemble
    from generator.library.load import read_library

    library, problems = read_library(folder)
    assert problems == []
    result = {}
    for path in sorted((REPO / "voorbeelden").glob("*.yaml")):
        for doc in assemble(load_answers(path), library):
            result[(path.name, doc.sleutel)] = doc.plain_text()
    return result


def test_the_migration_keeps_every_example_package_text_and_is_rerunnable(tmp_path):
    from generator.library.migrate import migrate

    old = _old_library(tmp_path)
    migrated = tmp_path / "nieuw"
    shutil.copytree(old, migrated)
    assert len(migrate(migrated)) == 34
    before, after = _texts(old), _texts(migrated)
    assert {name for name, _ in before} == {p.name for p in (REPO / "voorbeelden").glob("*.yaml")}
    assert after == before
    # What the script makes of the old library passes the whole check (the proof included) ...
    from generator.library.checks import library_problems
    from generator.library.load import read_library

    library, problems = read_library(migrated)
    assert problems == [] and library.old_format == ()
    assert library_problems(library) == []
    # ... and running it again changes nothing.
    snapshot = {p: p.read_bytes() for p in migrated.rglob("*.yaml")}
    assert migrate(migrated) == []
    assert {p: p.read_bytes() for p in migrated.rglob("*.yaml")} == snapshot


@pytest.fixture
def bundled_copy(tmp_path, monkeypatch):
    """A copy of the bundled library that the commands use, so a test can change a clause."""
    from generator.library import load
    from generator.library import namespace as context

    folder = tmp_path / "clauses"
    shutil.copytree(REPO / "clauses", folder)
    monkeypatch.setenv("CONSORTIUM_CLAUSES", str(folder))
    load.library_in.cache_clear()
    context.default_terms.cache_clear()
    yield folder
    load.library_in.cache_clear()
    context.default_terms.cache_clear()


def _raise_version(folder: Path, clause_id: str, sentence: str) -> None:
    path = folder / "samenwerkingsovereenkomst" / "70-slot.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    clause = next(c for c in data["clausules"] if c["id"] == clause_id)
    clause["versie"] += 1
    first = clause["leden"][0]
    clause["leden"][0] = first.rstrip() + " " + sentence if isinstance(first, str) else first
    assert isinstance(first, str)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_bijwerken_shows_a_new_clause_version_as_a_tracked_change_in_exactly_that_article(
        tmp_path, capsys, bundled_copy):
    from generator.library import load

    out = tmp_path / "uit"
    assert cli.main(["generate", str(_answers(tmp_path)), "--out", str(out)]) == 0
    account = json.loads((out / "verantwoording.json").read_text(encoding="utf-8"))
    slot = yaml.safe_load((bundled_copy / "samenwerkingsovereenkomst" / "70-slot.yaml").read_text("utf-8"))
    used = {c["id"]: c for c in account["documenten"]["samenwerkingsovereenkomst.docx"]["clausules"]}
    target = next(c for c in slot["clausules"] if c["id"] in used and isinstance(c["leden"][0], str)
                  and used[c["id"]]["artikel"])
    _raise_version(bundled_copy, target["id"], "Deze zin is nieuw.")
    load.library_in.cache_clear()
    code, printed, err = _main(capsys, "bijwerken", str(out), "--out", str(tmp_path / "bij"))
    assert (code, err) == (0, "")
    assert f"{target['id']} ({target['titel']}): versie {target['versie']} → versie {target['versie'] + 1}" in printed
    summary = (tmp_path / "bij" / "wijzigingen.md").read_text(encoding="utf-8")
    number = used[target["id"]]["artikel"]
    assert f"- samenwerkingsovereenkomst.docx: artikel {number} {target['titel']}" in summary
    assert summary.count("\n- samenwerkingsovereenkomst.docx:") == 1 and ".docx:" not in summary.replace(
        "- samenwerkingsovereenkomst.docx:", "")
    redlined = tmp_path / "bij" / "samenwerkingsovereenkomst-wijzigingen.docx"
    body = body_of(redlined)
    assert [t.strip() for t in revision_texts(body, "ins")] == ["Deze zin is nieuw."]
    assert revision_texts(body, "del") == []
    accepted = [t for _, t in lines(accept_all(body_of(redlined)))]
    rejected = [t for _, t in lines(reject_all(body_of(redlined)))]
    assert sum(1 for t in accepted if t.endswith("Deze zin is nieuw.")) == 1
    assert not any("Deze zin is nieuw." in t for t in rejected)
    for other in ("statuten-wijzigingen.docx", "huishoudelijk-reglement-wijzigingen.docx"):
        other_body = body_of(tmp_path / "bij" / other)
        assert revision_texts(other_body, "ins") == revision_texts(other_body, "del") == []


def test_bijwerken_names_the_clauses_that_now_apply_and_those_that_no_longer_do(tmp_path, capsys):
    line = "so.kantoor_klachten (Klachten over de samenwerking), versie {}, in samenwerkingsovereenkomst.docx"
    out = tmp_path / "uit"
    assert cli.main(["generate", str(_answers(tmp_path)), "--out", str(out)]) == 0
    code, printed, err = _main(capsys, "bijwerken", str(out), "--out", str(tmp_path / "bij"),
                               "--bibliotheek", str(_own_library(tmp_path)))
    assert (code, err) == (0, "")
    assert f"Nieuwe clausules (nu van toepassing, eerder niet):\n  {line.format(1)}\n" in printed
    assert "so.geheimhouding (" in printed.split("Nieuwe clausules")[0]  # now from the own library
    summary = (tmp_path / "bij" / "wijzigingen.md").read_text(encoding="utf-8")
    assert f"## Nieuwe clausules (nu van toepassing, eerder niet)\n\n- {line.format(1)}\n" in summary
    assert "## Vervallen clausules (nog in de bibliotheek, niet meer van toepassing)\n\nGeen.\n" in summary

    own = tmp_path / "met-eigen"
    assert cli.main(["generate", str(_answers(tmp_path)), "--out", str(own), "--bibliotheek",
                     str(_own_library(tmp_path))]) == 0
    consent_only = "    versie: 2\n    when: \"stemrecht.model == 'consent'\"\n    titel: Klachten"
    never = OWN.replace("    versie: 1\n    titel: Klachten", consent_only)
    code, printed, err = _main(capsys, "bijwerken", str(own), "--out", str(tmp_path / "bij2"),
                               "--bibliotheek", str(_own_library(tmp_path, never, name="later")))
    assert (code, err) == (0, "")
    assert f"Vervallen clausules (nog in de bibliotheek, niet meer van toepassing):\n  {line.format(1)}\n" in printed
    assert "Nieuwe clausules" not in printed


def test_bijwerken_refuses_a_folder_without_a_package(tmp_path, capsys):
    code, _, err = _main(capsys, "bijwerken", str(tmp_path))
    assert code == 2 and f"{tmp_path} bevat geen verantwoording.json" in err


def _readme_examples() -> list[str]:
    text = (REPO / "clauses" / "README.md").read_text(encoding="utf-8")
    part = text.split("## Drie voorbeelden", 1)[1].split("\n## ", 1)[0]
    return [block.split("```", 1)[0] for block in part.split("```yaml\n")[1:]]


def test_the_three_examples_of_the_clauses_readme_pass_the_check(tmp_path, capsys):
    examples = _readme_examples()
    assert len(examples) == 3
    clauses = [textwrap.dedent(examples[0])]
    for n, leden in enumerate(examples[1:], 2):
        clauses.append(textwrap.dedent(f"""\
            - id: so.voorbeeld_{n}
              versie: 1
              titel: Voorbeeld {n}
              volgorde: {660 + n}
              bron: contractspraktijk
              toelichting: Voorbeeld uit clauses/README.md.
            """) + textwrap.indent(textwrap.dedent(leden), "  "))
    body = "formaat: 2\ndocument: samenwerkingsovereenkomst\nclausules:\n" + "".join(
        textwrap.indent(c, "  ") for c in clauses)
    folder = _own_library(tmp_path, body)
    out = tmp_path / "uit"
    code, _, err = _main(capsys, "generate", str(_answers(tmp_path, "stichting")), "--out", str(out),
                         "--bibliotheek", str(folder))
    assert (code, err) == (0, "")
    text = _docx_text(out / "samenwerkingsovereenkomst.docx")
    assert "Het bestuur stelt de begroting op; de raad van deelnemers keurt haar goed." in text
    assert any(t.startswith("Voor besluiten van de raad van deelnemers gelden de meerderheden van artikel ")
               and t.endswith(" van de Statuten; deze overeenkomst wijkt daar niet van af.") for t in text)


def test_a_role_that_names_no_clause_is_refused(tmp_path, capsys):
    folder = _own_library(tmp_path, OWN.replace("{{ ref('so.kantoor_klachten') }}", "{{ ref('statuten: klachten') }}"),
                          lock=False)
    (folder / "rollen.yaml").write_text("rollen:\n  statuten:\n    klachten:\n      stichting: statuten.st.klachten\n",
                                        encoding="utf-8")
    code, _, err = _main(capsys, "clauses", "check", str(folder))
    assert code == 2
    assert "rollen.yaml statuten.klachten.stichting: verwijzing naar onbekende clausule 'statuten.st.klachten'" in err


def test_interview_and_model_refuse_a_broken_own_library_before_anything_else(tmp_path, capsys):
    broken = _own_library(tmp_path, OWN.replace("{{ bestuur }}", "{{ bestuurr }}"), lock=False)
    answers = tmp_path / "nieuw.yaml"
    code, _, err = _main(capsys, "interview", str(answers), "--out", str(tmp_path / "uit"),
                         "--bibliotheek", str(broken))
    assert code == 2 and "onbekende naam 'bestuurr'" in err
    assert not answers.exists() and not (tmp_path / "uit").exists()
    profile = REPO / "voorbeelden" / "aanbesteding" / "regio-rivierenland.yaml"
    code, _, err = _main(capsys, "model", str(profile), "--out", str(tmp_path / "model"), "--bibliotheek", str(broken))
    assert code == 2 and "onbekende naam 'bestuurr'" in err and not (tmp_path / "model").exists()


def test_the_model_documents_use_the_own_library(tmp_path, capsys):
    folder = _own_library(tmp_path)
    profile = REPO / "voorbeelden" / "aanbesteding" / "regio-rivierenland.yaml"
    out = tmp_path / "model"
    code, _, err = _main(capsys, "model", str(profile), "--out", str(out), "--bibliotheek", str(folder))
    assert (code, err) == (0, "")
    texts = [t for path in out.glob("*samenwerkingsovereenkomst*.docx") for t in _docx_text(path)]
    assert texts and "Geheimhouding volgens het kantoor" in texts


@pytest.mark.parametrize(("args", "option"), [(["bijwerken", "--help"], "--bibliotheek DIR"),
                                              (["clauses", "check", "--help"], "--vernieuw-slot"),
                                              (["generate", "--help"], "--bibliotheek DIR")])
def test_the_new_commands_and_options_explain_themselves_in_dutch(capsys, args, option):
    with pytest.raises(SystemExit) as info:
        cli.main(args)
    out = capsys.readouterr().out
    assert info.value.code == 0
    assert out.startswith("gebruik: consortium ")
    assert option in out and "opties:" in out


def _so_text(answers_path: Path, library) -> str:
    from generator.answers import load_answers
    from generator.assemble.build import assemble

    docs = assemble(load_answers(answers_path), library)
    return next(d for d in docs if d.sleutel == "samenwerkingsovereenkomst").plain_text()


def test_the_contract_wording_of_choices_is_the_librarys_not_the_interviews(tmp_path, monkeypatch):
    from generator import api
    from generator.answers import vocabulary

    answers = _answers(tmp_path)
    before = _so_text(answers, api.library())
    wording = vocabulary.FREQUENTIES["kwartaal"]
    assert wording in before
    monkeypatch.setitem(vocabulary.FREQUENTIES, "kwartaal", "ELK KWARTAAL (vraagtekst)")
    assert _so_text(answers, api.library()) == before
    folder = _own_library(tmp_path)
    (folder / "termen.yaml").write_text("labels:\n  frequentie:\n    kwartaal: driemaandelijks\n", encoding="utf-8")
    own = _so_text(answers, api.library(folder))
    assert "driemaandelijks" in own and own.replace("driemaandelijks", wording) != own


# --- a lawyer's tryout: mistakes in an own library and in bijwerken ---------------------------------

def test_an_unknown_document_in_an_own_library_is_named_not_a_traceback(tmp_path, capsys):
    folder = _own_library(tmp_path, OWN.replace("document: samenwerkingsovereenkomst",
                                                "document: samenwerkingsovereenkomts"), lock=False)
    for args in (["clauses", "check", str(folder)],
                 ["generate", str(_answers(tmp_path)), "--out", str(tmp_path / "uit"), "--bibliotheek", str(folder)]):
        code, _, err = _main(capsys, *args)
        assert code == 2
        assert "eigen.yaml" in err and "onbekend document 'samenwerkingsovereenkomts'" in err
        assert "Traceback" not in err
    assert not (tmp_path / "uit").exists()


def test_schema_mistakes_are_dutch_and_count_leden_from_one(tmp_path, capsys):
    text = OWN.replace("    titel: Klachten over de samenwerking\n", "    tittel: Klachten over de samenwerking\n")
    text = text.replace("            tekst: \"Klachten over de samenwerking worden behandeld door de stuurgroep.\"",
                        "            tekts: \"Klachten over de samenwerking worden behandeld door de stuurgroep.\"")
    folder = _own_library(tmp_path, text, lock=False)
    code, _, err = _main(capsys, "clauses", "check", str(folder))
    assert code == 2
    assert "tittel: onbekende sleutel" in err
    assert "leden[1].varianten[2].tekts: onbekende sleutel" in err
    assert "Extra inputs" not in err and "Field required" not in err


def test_a_yml_file_in_an_own_library_is_read(tmp_path, capsys):
    folder = tmp_path / "kantoor"
    folder.mkdir()
    (folder / "eigen.yml").write_text(textwrap.dedent(OWN), encoding="utf-8")
    assert cli.main(["clauses", "check", str(folder), "--vernieuw-slot"]) == 0
    code, out, _ = _main(capsys, "clauses", "list", "--bibliotheek", str(folder))
    assert code == 0 and "so.kantoor_klachten" in out


def test_the_lock_hint_names_the_own_library(tmp_path, capsys):
    folder = _own_library(tmp_path)
    path = folder / "eigen.yaml"
    changed = path.read_text(encoding="utf-8").replace("versie: 7", "versie: 8").replace("ook na", "ook lang na")
    path.write_text(changed, encoding="utf-8")
    code, _, err = _main(capsys, "clauses", "check", str(folder))
    assert code == 2
    assert f"'consortium clauses check {folder} --vernieuw-slot'" in err


def test_bijwerken_refuses_when_the_packages_own_library_is_gone(tmp_path, capsys, monkeypatch):
    _own_library(tmp_path)
    monkeypatch.chdir(tmp_path)
    answers = _answers(tmp_path)
    assert cli.main(["generate", str(answers), "--out", "pakket", "--bibliotheek", "kantoor"]) == 0
    account = json.loads((tmp_path / "pakket" / "verantwoording.json").read_text(encoding="utf-8"))
    assert account["eigen_bibliotheken"] == [str(tmp_path / "kantoor")]
    (tmp_path / "kantoor").rename(tmp_path / "kantoor-weg")
    capsys.readouterr()
    code, _, err = _main(capsys, "bijwerken", str(tmp_path / "pakket"), "--out", str(tmp_path / "bij"))
    assert code == 2
    assert f"eigen bibliotheek {tmp_path / 'kantoor'}" in err and "--bibliotheek" in err
    assert not (tmp_path / "bij").exists()


def test_bijwerken_refuses_a_missing_folder_and_writing_into_the_package_itself(tmp_path, capsys):
    code, _, err = _main(capsys, "bijwerken", str(tmp_path / "nergens"))
    assert code == 2 and "bestaat niet of is geen map" in err
    out = tmp_path / "pakket"
    assert cli.main(["generate", str(_answers(tmp_path)), "--out", str(out)]) == 0
    capsys.readouterr()
    code, _, err = _main(capsys, "bijwerken", str(out), "--out", str(out))
    assert code == 2 and "is het pakket zelf" in err
    assert sorted(p.name for p in out.iterdir() if "wijzigingen" in p.name) == []


def test_bijwerken_names_a_clause_that_now_comes_from_an_own_library(tmp_path, capsys):
    out = tmp_path / "pakket"
    assert cli.main(["generate", str(_answers(tmp_path)), "--out", str(out)]) == 0
    own = OWN.replace("versie: 7", "versie: 1")  # the override keeps the bundled clause's number
    folder = _own_library(tmp_path, own)
    capsys.readouterr()
    code, stdout, err = _main(capsys, "bijwerken", str(out), "--out", str(tmp_path / "bij"), "--bibliotheek",
                              str(folder))
    assert code == 0, err
    assert f"so.geheimhouding (Geheimhouding en mededinging): versie 1 → versie 1 [standaard → {folder}]" in stdout


@pytest.mark.parametrize(("mistake", "hint"), [
    ('"heeft_rechtspersoon"', None),
    ('"vorm = \'geen\'"', "vergelijk met == (twee isgelijktekens)"),
])
def test_a_condition_typo_gets_a_hint_a_lawyer_can_act_on(mistake, hint, tmp_path, capsys):
    folder = _own_library(tmp_path, OWN.replace('"heeft_rechtspersoon"', mistake), lock=False)
    code, _, err = _main(capsys, "clauses", "check", str(folder))
    if hint is None:  # the control: the original condition is fine (only the lock is missing)
        assert "compileert niet" not in err
    else:
        assert code == 2 and f"voorwaarde compileert niet: {hint}" in err


def test_a_misspelt_reference_or_answer_gets_a_suggestion(tmp_path, capsys):
    text = OWN.replace("{{ ref('so.kantoor_klachten') }}", "{{ ref('so.kwalitiet') }} en {{ partner.nam }}")
    folder = _own_library(tmp_path, text, lock=False)
    code, _, err = _main(capsys, "clauses", "check", str(folder))
    assert code == 2
    assert "verwijzing naar onbekende clausule 'so.kwalitiet'; bedoelt u 'so.kwaliteit'?" in err
    assert "'partner.nam' is geen antwoord uit het contract; bedoelt u 'partner.naam'?" in err


OLD_FORMAT = """
# Kantoorclausules, bijgehouden door mr. Jansen.
document: samenwerkingsovereenkomst
clausules:
  - id: so.kantoor_klachten
    versie: 1
    titel: Klachten over de samenwerking
    volgorde: 495
    bron: contractspraktijk
    toelichting: Eigen clausule van het kantoor.
    leden:
      - "Klachten worden behandeld door {% if vorm == 'geen' %}de stuurgroep{% else %}het bestuur{% endif %}."
"""


def test_migreer_converts_an_own_file_and_keeps_a_commented_one_as_it_was(tmp_path, capsys):
    folder = tmp_path / "kantoor"
    folder.mkdir()
    (folder / "eigen.yaml").write_text(textwrap.dedent(OLD_FORMAT), encoding="utf-8")
    code, out, err = _main(capsys, "clauses", "migreer", str(folder))
    assert (code, err) == (0, "")
    assert "Omgezet naar formaat 2: 1 bestand(en)" in out and "eigen.yaml" in out
    kept = folder / "eigen.yaml.voor-formaat-2"
    assert f"Bewaard met de opmerkingen van vóór het omzetten: {kept}" in out
    assert "mr. Jansen" in kept.read_text(encoding="utf-8")
    converted = yaml.safe_load((folder / "eigen.yaml").read_text(encoding="utf-8"))
    assert converted["formaat"] == 2
    assert [v["tekst"] for v in converted["clausules"][0]["leden"][0]["varianten"]] == [
        "Klachten worden behandeld door de stuurgroep.", "Klachten worden behandeld door het bestuur."]
    assert cli.main(["clauses", "check", str(folder), "--vernieuw-slot"]) == 0
    capsys.readouterr()
    code, out, _ = _main(capsys, "clauses", "migreer", str(folder))
    assert code == 0 and "Omgezet naar formaat 2: 0 bestand(en)" in out


def test_a_term_an_own_library_redefines_is_proven_again(tmp_path, capsys):
    # The bundled terms were proven when the library was built; a term the own library writes in
    # their place is proven with it: here 'stichting' gets two wordings at once.
    folder = _own_library(tmp_path)
    (folder / "termen.yaml").write_text(textwrap.dedent("""\
        termen:
          ledenorgaan:
            varianten:
            - when: vorm in ['geen', 'stichting']
              tekst: de stuurgroep
            - when: vorm == 'stichting'
              tekst: de raad van deelnemers
            - anders: true
              tekst: de algemene vergadering
        """), encoding="utf-8")
    for args in (["clauses", "check", str(folder)],
                 ["generate", str(_answers(tmp_path)), "--out", str(tmp_path / "uit"), "--bibliotheek", str(folder)]):
        code, _, err = _main(capsys, *args)
        assert code == 2, args
        assert "termen.yaml: ledenorgaan" in err and "varianten 1 en 2 gelden tegelijk (overlap)" in err
    assert not (tmp_path / "uit").exists()
