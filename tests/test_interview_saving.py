"""The interview's own saves never destroy what a person wrote: comments, layout, file mode and
a symlinked path survive; nothing is written before the first changed answer; sections in a
shape the interview cannot hold stop it before the first question; no stale temporary file."""

from __future__ import annotations

import os

import pytest
from conftest import raw_answers
from test_interview_support import CTRL_C, run, saved, write

from generator.adapters import yaml_io
from generator.errors import Interrupted, InvalidAnswers

COMMENTED = yaml_io.dump(raw_answers()).replace(
    "consortium:\n", "# Ons consortium, bijgewerkt na het overleg van 3 maart\nconsortium:\n", 1
).replace("  looptijd_jaren: 5\n", "  looptijd_jaren: 5   # volgens de gunningsbrief\n")


def change_the_route(path):
    return run(path, [("review", "geschillen"), ("geschillen.route", "rechter"), ("review", "bewaar_en_stop")])


def test_comments_and_layout_survive_a_change(tmp_path):
    path = write(tmp_path / "a.yaml", COMMENTED)
    change_the_route(path)
    text = path.read_text(encoding="utf-8")
    assert "# Ons consortium, bijgewerkt na het overleg van 3 maart\nconsortium:\n" in text
    assert "  looptijd_jaren: 5   # volgens de gunningsbrief\n" in text
    assert saved(path)["geschillen"]["route"] == "rechter"
    # only the changed answer differs from the original text
    assert text.replace("geschillen:\n  route: rechter\n  rechtbank: null\n", "") == COMMENTED


def test_opening_and_interrupting_writes_nothing(tmp_path):
    path = write(tmp_path / "a.yaml", COMMENTED)
    os.chmod(path, 0o664)
    before = os.stat(path)
    with pytest.raises(Interrupted):
        run(path, [("review", CTRL_C)])
    after = os.stat(path)
    assert path.read_text(encoding="utf-8") == COMMENTED
    assert (after.st_mtime_ns, after.st_ino) == (before.st_mtime_ns, before.st_ino)


def test_the_file_mode_is_kept(tmp_path):
    path = write(tmp_path / "a.yaml", COMMENTED)
    os.chmod(path, 0o664)
    change_the_route(path)
    assert os.stat(path).st_mode & 0o777 == 0o664


def test_a_symlinked_answers_file_stays_a_symlink(tmp_path):
    real = write(tmp_path / "echt.yaml", COMMENTED)
    link = tmp_path / "antwoorden.yaml"
    link.symlink_to(real.name)
    change_the_route(link)
    assert link.is_symlink() and saved(real)["geschillen"]["route"] == "rechter"
    assert "# volgens de gunningsbrief" in real.read_text(encoding="utf-8")


def test_a_stale_temporary_file_from_a_killed_run_is_removed(tmp_path):
    path = write(tmp_path / "a.yaml", COMMENTED)
    stale = tmp_path / ".a.yaml.consortium-tmp"
    stale.write_text("half", encoding="utf-8")
    change_the_route(path)
    assert not stale.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["a.yaml"]


@pytest.mark.parametrize(("edit", "named"), [
    (lambda raw: raw.update(partners=["Stichting Rivierzorg", "GGZ Betuwe B.V."]), "partners[0]"),
    (lambda raw: raw.update(rechtsvorm="geen"), "rechtsvorm"),
    (lambda raw: raw.update(stemrecht="naar aandeel"), "stemrecht"),
    (lambda raw: raw.update(geschillen=["mediation"]), "geschillen"),
])
def test_sections_the_interview_cannot_read_stop_it_and_are_named(tmp_path, edit, named):
    raw = raw_answers()
    edit(raw)
    path = write(tmp_path / "a.yaml", raw)
    before = path.read_text(encoding="utf-8")
    with pytest.raises(InvalidAnswers) as caught:
        run(path, [])
    report = caught.value.dutch_report()
    assert named in report and "niets gewijzigd" in report
    assert path.read_text(encoding="utf-8") == before


def test_a_new_file_starts_with_the_header_and_spells_null(tmp_path):
    from test_interview_support import coop_steps

    path = tmp_path / "a.yaml"
    run(path, coop_steps("bewaar_en_stop"))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Antwoordenbestand van een jeugdhulpconsortium")
    assert "  leiding: null\n" in text


HAND_WRITTEN = """\
# Antwoorden van het consortium
# (bijgehouden door de werkgroep)

versie: 1  # het formaat
consortium:   # over het consortium
  naam: Jeugdhulp Rivierenland   # voorlopige naam
  # de gemeenten van de regio
  werkgebied: [Tiel, Culemborg]
  looptijd_jaren: 5
# de partners, in volgorde van aandeel
partners:
- naam: Stichting Rivierzorg
  aandeel: 60
- naam: GGZ Betuwe B.V.   # tweede
  aandeel: 40
  # nog aanvullen
stemrecht:
  model: gelijk
"""
ANCHORED = HAND_WRITTEN.replace("stemrecht:\n  model: gelijk\n", "stemrecht: &s\n  model: gelijk\nkopie: *s\n# slot\n")


def _edits(original: dict) -> list[dict]:
    """Answers as an interview changes them one after the other, in several sections."""
    import copy

    steps, current = [], copy.deepcopy(original)
    for change in (lambda a: a["consortium"].update(looptijd_jaren=7),
                   lambda a: a["consortium"].update(opdrachtgever="Regio Rivierenland"),
                   lambda a: a["partners"][1].update(aandeel=35),
                   lambda a: a["partners"].append({"naam": "Vereniging Gezinshuizen", "aandeel": 5}),
                   lambda a: a.update(geschillen={"route": "rechter", "rechtbank": None}),
                   lambda a: a["consortium"].pop("werkgebied"),
                   lambda a: a.pop("stemrecht")):
        change(current)
        steps.append(copy.deepcopy(current))
    return steps


@pytest.mark.parametrize(("text", "by_section"), [(HAND_WRITTEN, True), (ANCHORED, False)],
                         ids=["commentaar", "ankers"])
def test_saving_after_every_answer_writes_what_writing_the_whole_file_writes(text, by_section):
    # Each save writes the sections that changed and keeps the text of the others; a fresh
    # document given all changes at once writes the whole file. Both must be the same text.
    from generator.adapters.yaml_roundtrip import Document

    original = yaml_io.parse(text, "test")
    kept, before = Document(text, ""), original
    kept.text()
    assert kept.by_section == by_section  # anchors are only written right in the whole file
    for answers in _edits(original):
        kept.update(before, answers)
        whole = Document(text, "")
        whole.update(original, answers)
        assert kept.text() == whole.text()
        before = answers
    assert "# voorlopige naam" in kept.text() and "# tweede" in kept.text()
