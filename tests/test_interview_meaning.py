"""'Wat dit betekent' after each section, defaults that follow earlier answers, and the review
screen's warnings, on hand-computed cases. Questions are addressed by key (the scripted asker
takes the default for any question a script does not name)."""

from __future__ import annotations

import pytest
from test_interview_support import coop_steps, default_run, run, saved, write

from generator import api
from generator.answers import validate_answers
from generator.errors import OutputExists


def meaning(asker, containing: str) -> str:
    """The 'Wat dit betekent' block that contains `containing`."""
    blocks = [text for style, text in asker.said if style == "meaning"]
    found = [b for b in blocks if containing in b]
    assert found, blocks
    return found[0]


def with_answers(**answers) -> list:
    """The coöperatie run with some answers replaced or added (by key)."""
    steps = [(k, answers.pop(k)) if k in answers else (k, v) for k, v in coop_steps()]
    return [*[(k, v) for k, v in answers.items()], *steps]


def row(block: str, name: str) -> list[str]:
    line = next(line for line in block.splitlines() if line.strip().startswith(name.split()[0]))
    return line.split()


# -- partners ------------------------------------------------------------------------------------

def test_partners_block_shows_shares_revenue_and_dependency(tmp_path_factory):
    asker = default_run(tmp_path_factory)
    block = meaning(asker, "Opbrengst/jaar")
    # 45% of 26.100.000 = 11.745.000, which is 19,6% of a turnover of 60.000.000
    assert "Stichting Rivierzorg         45%    € 11.745.000   € 60.000.000        19,6%" in block
    assert "€ 3.915.000" in block and "43,5%" in block  # 15%: 3.915.000 of 9.000.000


def test_a_turnover_below_the_partners_own_share_is_questioned(tmp_path):
    steps = [("partners[2].omzet", "1000000") if k == "partners[2].omzet" else (k, v) for k, v in coop_steps()]
    asker = run(tmp_path / "a.yaml", steps)
    block = meaning(asker, "Opbrengst/jaar")
    assert "391,5%" in block  # 3.915.000 / 1.000.000
    assert "opbrengst uit het consortium hoger dan de opgegeven omzet" in block
    assert "partners[].omzet" not in block


# -- stemrecht -----------------------------------------------------------------------------------

def test_shares_45_40_15_with_67_percent_give_two_vetoes_and_no_power_for_the_third(tmp_path_factory):
    # Qualified (>= 67%): only {45, 40} and all three win; 45 and 40 are each needed, 15 never is.
    # Ordinary (> 50%): every pair wins, so each partner has a third of the power.
    asker = default_run(tmp_path_factory)
    block = meaning(asker, "Veto bij")
    assert row(block, "Stichting Rivierzorg")[-5:] == ["45%", "33,3%", "50%", "ja", "kartrekker"]
    assert row(block, "GGZ Betuwe B.V.")[-5:] == ["40%", "33,3%", "50%", "ja", "kruimelkoning"]
    assert row(block, "Vereniging Gezinshuizen")[-5:] == ["15%", "33,3%", "0%", "nee", "gegijzeld"]
    text = " ".join(block.split())
    assert "Veto bij een besluit met 67% meerderheid: Stichting Rivierzorg en GGZ Betuwe B.V." in text
    assert "Zonder macht bij die besluiten: Vereniging Gezinshuizen Gelderland" in text
    assert "Het maximum van 45% raakt geen partner" in text
    assert "Let op (hoog): Gegijzelde partner." in text
    assert all(len(line) <= 80 for line in block.splitlines())


def test_the_cap_moves_votes_and_the_block_says_so(tmp_path):
    # 50/30/20 with a cap of 45%: the 5 points above the cap go 30:20 to the others -> 45/33/22.
    steps = []
    for k, v in coop_steps():
        if k == "partners[0].aandeel":
            v = "50"
        elif k == "partners[1].aandeel":
            v = "30"
        elif k == "partners[2].aandeel":
            v = "20"
        steps.append((k, v))
    asker = run(tmp_path / "a.yaml", steps)
    text = " ".join(meaning(asker, "Veto bij").split())
    assert ("Het maximum van 45% verschuift stemmen: Stichting Rivierzorg heeft 50% aandeel en 45% van de "
            "stemmen; GGZ Betuwe B.V. heeft 30% aandeel en 33% van de stemmen; Vereniging Gezinshuizen "
            "Gelderland heeft 20% aandeel en 22% van de stemmen.") in text


# -- lumpsum ---------------------------------------------------------------------------------------

def test_lumpsum_block_shows_need_money_and_gap_per_year_and_the_benchmark(tmp_path):
    steps = [("lumpsum.afroming", "8") if k == "lumpsum.afroming" else (k, v) for k, v in coop_steps()]
    asker = run(tmp_path / "a.yaml", steps)
    block = meaning(asker, "Behoefte")
    # year 1: 24.000.000 x 1,035 + toeslagen 1.000.000 = 25.840.000; available 26.100.000 x 0,92
    assert "1 (2027)      € 25.840.000  € 24.012.000  -€ 1.828.000" in block
    text = " ".join(block.split())
    assert "Afroming 8% (€ 2.088.000 per jaar)" in text and "boven de gemiddelde marge van 6,6%" in text
    assert "Let op (hoog): Tekort in de lumpsum." in text


def test_without_afroming_the_benchmark_is_still_shown(tmp_path_factory):
    asker = default_run(tmp_path_factory)
    assert "gemiddelde marge bij hoofd- en onderaannemerschap is 6,6%" in " ".join(meaning(asker, "Behoefte").split())


# -- warnings of the other sections --------------------------------------------------------------

def test_toezicht_block_names_the_warning_it_triggers(tmp_path):
    steps = [("toezicht.clientenraad", "ja") if k == "toezicht.clientenraad" else (k, v)
             for k, v in with_answers(**{"consortium.jeugdhulpverleners": "12"})]
    asker = run(tmp_path / "a.yaml", steps)
    block = " ".join(meaning(asker, "Interne toezichthouder verplicht").split())
    assert "Let op (midden): Interne toezichthouder verplicht." in block


# -- defaults that follow ----------------------------------------------------------------------------

def test_above_the_441_threshold_toezicht_and_clientenraad_default_with_the_reason(tmp_path):
    steps = [(k, v) for k, v in with_answers(**{"consortium.jeugdhulpverleners": "12"})
             if k not in ("toezicht.model", "toezicht.clientenraad")]
    asker = run(tmp_path / "a.yaml", steps)
    asked = {p.key: p for p in asker.asked}
    assert asked["toezicht.model"].default == "raad_van_toezicht"
    assert asked["toezicht.clientenraad"].default is True
    info = " ".join(asker.messages("info"))
    assert "Voorgesteld: een eigen raad van toezicht. De eigen rechtspersoon krijgt 12 jeugdhulpverleners" in info
    assert "Jeugdwet art. 4.4.1" in info and "Wmcz 2018" in info
    answers = validate_answers(saved(tmp_path / "a.yaml"))
    assert answers.toezicht.model == "raad_van_toezicht" and answers.toezicht.clientenraad is True


def test_below_the_threshold_the_defaults_stay(tmp_path):
    steps = [(k, v) for k, v in coop_steps() if k not in ("toezicht.model", "toezicht.leden")]
    asker = run(tmp_path / "a.yaml", steps)
    asked = {p.key: p for p in asker.asked}
    assert asked["toezicht.model"].default == "getrapt" and asked["toezicht.clientenraad"].default is False
    assert not any(m.startswith("Voorgesteld") for m in asker.messages("info"))


def test_staff_of_the_entity_is_asked_after_whether_there_is_one(tmp_path_factory):
    asker = default_run(tmp_path_factory)
    keys = [p.key for p in asker.asked]
    assert keys.index("consortium.jeugdhulpverleners") == keys.index("rechtsvorm.vorm") + 1


# -- one question per answer -----------------------------------------------------------------------

def test_admission_is_asked_once_and_the_review_shows_what_the_documents_say(tmp_path):
    steps = [("uittreding.toetreding", "gekwalificeerd") if k == "uittreding.toetreding" else (k, v)
             for k, v in coop_steps("bewaar_en_stop")]
    asker = run(tmp_path / "a.yaml", steps)
    lists = [p for p in asker.asked if p.key in ("stemrecht.gekwalificeerde_besluiten", "stemrecht.unanieme_besluiten")]
    assert lists and all("toetreding" not in p.option_values() for p in lists)
    overview = next(m for m in asker.messages("info") if m.startswith("Overzicht"))
    qualified = next(line for line in overview.splitlines() if "zwaardere" in line.lower() or "Besluiten met" in line)
    block = overview[overview.index(qualified):overview.index("Unanieme besluiten")]
    assert "toelating" in block.lower()
    answers = validate_answers(saved(tmp_path / "a.yaml"))
    assert "toetreding" in answers.stemrecht.gekwalificeerde_besluiten
    assert "toetreding" not in answers.stemrecht.unanieme_besluiten


# -- the review screen ---------------------------------------------------------------------------------

def test_review_counts_warnings_like_check_and_lists_each_high_one(tmp_path):
    path = tmp_path / "a.yaml"
    asker = run(path, coop_steps("bewaar_en_stop"))
    overview = next(m for m in asker.messages("info") if m.startswith("Overzicht"))
    found = api.check(path).analyse.waarschuwingen
    hoog = [w for w in found if w.ernst == "hoog"]
    counts = {e: sum(w.ernst == e for w in found) for e in ("hoog", "midden", "laag")}
    expected = ", ".join(f"{n} {e}" for e, n in counts.items() if n)
    assert f"Waarschuwingen: {expected}" in overview
    for w in hoog:
        assert f"  - {w.titel} ({w.code})" in overview.splitlines()
    assert all(len(line) <= 80 for line in overview.splitlines())


def test_save_and_stop_keeps_the_answers_and_writes_no_documents(tmp_path):
    path, out = tmp_path / "a.yaml", tmp_path / "uitvoer"
    from generator.interview.scripted import ScriptedAsker

    asker = ScriptedAsker(coop_steps("bewaar_en_stop"))
    assert api.interview(path, out, asker=asker) is None
    assert not out.exists()
    validate_answers(saved(path))
    assert any(f"Uw antwoorden zijn bewaard in {path}" in m for m in asker.messages("info"))


def test_a_valid_file_opens_at_the_review_with_open_points(tmp_path):
    import sys

    sys.path.insert(0, str(tmp_path))
    from conftest import raw_answers

    raw = raw_answers()
    del raw["partners"][2]["kvk"]
    path = write(tmp_path / "a.yaml", raw)
    asker = run(path, [("review", "bewaar_en_stop")])
    assert [p.key for p in asker.asked] == ["review"]
    overview = " ".join(next(m for m in asker.messages("info") if m.startswith("Overzicht")).split())
    assert "Open punten" in overview and "KvK-nummer, Ondertekenaar van Vereniging Gezinshuizen Gelderland" in overview
    assert "Uitgaven in het basisjaar" in overview
    assert asker.messages("title")[0].startswith("Welkom terug. Uw antwoorden zijn compleet")


def test_resume_says_where_it_continues(tmp_path):
    path = tmp_path / "a.yaml"
    steps = coop_steps()
    at = next(i for i, (k, _) in enumerate(steps) if k == "stemrecht.quorum")
    from generator.errors import Interrupted
    from generator.interview.scripted import CTRL_C

    with pytest.raises(Interrupted):
        run(path, [*steps[:at], ("stemrecht.quorum", CTRL_C)])
    asker = run(path, steps[at:])
    assert asker.messages("title")[0] == ("Welkom terug. U gaat verder bij onderdeel 4 van 10, Stemrecht en "
                                         "besluiten, bij de vraag 'Welk deel van de stemmen moet aanwezig zijn "
                                         "voor een geldig besluit, in %?'.")


# -- messages -----------------------------------------------------------------------------------------

def test_a_kvk_number_with_spaces_is_accepted_and_messages_name_no_file_keys(tmp_path):
    steps = []
    for k, v in coop_steps():
        if k == "partners[0].kvk":
            steps += [(k, "4117 845"), (k, "4117 8459")]
        else:
            steps.append((k, v))
    asker = run(tmp_path / "a.yaml", steps)
    assert saved(tmp_path / "a.yaml")["partners"][0]["kvk"] == "41178459"
    refused = [msg for _, _, msg in asker.refused]
    assert refused and all("aanhalingstekens" not in m and "partners[" not in m for m in refused)


# -- the output folder, before the first question --------------------------------------------------

@pytest.mark.parametrize("case", ["file", "under_file", "documents"])
def test_a_bad_output_folder_is_refused_before_the_first_question(tmp_path, case):
    from generator.interview.scripted import ScriptedAsker

    out = tmp_path / "uitvoer"
    if case == "file":
        out.write_text("x")
    elif case == "under_file":
        (tmp_path / "blok").write_text("x")
        out = tmp_path / "blok" / "uitvoer"
    else:
        out.mkdir()
        (out / "statuten.docx").write_text("oud")
    asker = ScriptedAsker([])
    with pytest.raises(OutputExists) as caught:
        api.interview(tmp_path / "a.yaml", out, asker=asker)
    assert asker.asked == []
    report = caught.value.dutch_report()
    assert "Uw antwoorden zijn veilig in" in report and "--out" in report
    if case == "documents":
        assert "--force" in report
        again = ScriptedAsker(coop_steps("bewaar_en_stop"))
        assert api.interview(tmp_path / "a.yaml", out, force=True, asker=again) is None


def test_the_review_fits_80_columns_and_breaks_only_between_words(tmp_path):
    long_name = "Stichting Jeugdzorg en Gezinsbegeleiding Rivierenland-Betuwe Centraal"
    steps = [(k, long_name) if k == "partners[0].naam" else (k, v) for k, v in coop_steps("bewaar_en_stop")]
    asker = run(tmp_path / "a.yaml", steps)
    overview = next(m for m in asker.messages("info") if m.startswith("Overzicht"))
    assert all(len(line) <= 80 for line in overview.splitlines())
    words = set(overview.split())
    assert {"Rivierenland-Betuwe", "Gezinsbegeleiding", "Centraal"} <= words
    for block in (text for style, text in asker.said if style == "meaning"):
        assert all(len(line) <= 80 for line in block.splitlines())


def test_ctrl_c_before_any_answer_says_nothing_was_saved(tmp_path):
    from generator.errors import Interrupted
    from generator.interview.scripted import CTRL_C

    with pytest.raises(Interrupted) as caught:
        run(tmp_path / "a.yaml", [("consortium.naam", CTRL_C)])
    assert "niets bewaard" in caught.value.bericht and not (tmp_path / "a.yaml").exists()


def test_a_script_names_only_the_answers_that_differ_from_the_defaults(tmp_path):
    """Keyed scripts: a question the script does not name takes its default, so adding a
    question to the questionnaire breaks no unrelated test."""
    path = tmp_path / "a.yaml"
    asker = run(path, [
        ("consortium.naam", "Jeugdhulp Kempen"), ("consortium.werkgebied", "Eindhoven"),
        ("consortium.opdrachtgever", "Gemeente Eindhoven"), ("consortium.opdrachtwaarde_per_jaar", "10.000.000"),
        ("partners[0].naam", "Stichting A"), ("partners[0].aandeel", "60"), ("partners[1].naam", "Stichting B"),
        ("rechtsvorm.vorm", "stichting"), ("rechtsvorm.naam", "Stichting Jeugdhulp Kempen"),
        ("rechtsvorm.zetel", "Eindhoven"), ("review", "bewaar_en_stop")])
    answers = validate_answers(saved(path))
    assert [p.aandeel for p in answers.partners] == [60, 40]  # the second share defaults to the rest
    assert "stemrecht.quorum" in asker.defaulted and "partners" in asker.defaulted


def test_an_output_folder_without_write_permission_is_refused_first(tmp_path, monkeypatch):
    # Tests may run as root, for whom every folder is writable: the permission check is simulated.
    from generator.interview import session
    from generator.interview.scripted import ScriptedAsker

    monkeypatch.setattr(session.os, "access", lambda path, mode: False)
    asker = ScriptedAsker([])
    with pytest.raises(OutputExists) as caught:
        api.interview(tmp_path / "a.yaml", tmp_path / "uitvoer", asker=asker)
    assert asker.asked == [] and "u mag niet schrijven in" in caught.value.bericht
    assert "Uw antwoorden zijn veilig" in caught.value.bericht
