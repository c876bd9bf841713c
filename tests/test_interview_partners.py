"""The partners group: add, edit and remove partners, with the running total of the shares."""

from __future__ import annotations

import pytest
from test_interview_support import BACK, CTRL_C, ENTER, coop_steps, default_run, partner_steps, run, saved

from generator.answers import validate_answers
from generator.errors import Interrupted

P = ("Partner A", "stichting", "", "", "", "45", "")


def with_partner_section(section):
    """The coöperatie run with its partners section replaced by `section` (and a vote cap that
    also works for two partners)."""
    steps = [(k, "50" if k == "stemrecht.maximum" else v) for k, v in coop_steps()]
    start = next(i for i, (k, _) in enumerate(steps) if k.startswith("partners"))
    end = next(i for i, (k, _) in enumerate(steps) if k == "rechtsvorm.vorm")
    return steps[:start] + section + steps[end:]


def test_add_edit_and_remove_partners_with_the_running_total(tmp_path):
    section = [
        *partner_steps(0, ("Partner A", "stichting", "", "", "", "45", "")),
        *partner_steps(1, ("Partner B", "bv", "", "", "", "40", "")),
        ("partners", "toevoegen"),
        *partner_steps(2, ("Partner C", "vereniging", "", "", "", "25", "")),
        ("partners", ("verwijder", 2)), ("partners.verwijder", "Nee, behouden"),
        ("partners", ("verwijder", 2)), ("partners.verwijder", True),
        ("partners", "toevoegen"),
        *partner_steps(2, ("Partner D", "overig", "", "", "", ENTER, "")),
        ("partners", ("wijzig", 0)),
        ("partners[0].naam", "Partner Alfa"), *[(f"partners[0].{k}", ENTER) for k in
                                                ("rechtsvorm", "kvk", "plaats", "vertegenwoordiger", "aandeel",
                                                 "omzet")],
        ("partners", "klaar"),
    ]
    asker = run(tmp_path / "a.yaml", with_partner_section(section))
    partners = validate_answers(saved(tmp_path / "a.yaml")).partners
    assert [(p.naam, p.aandeel) for p in partners] == [("Partner Alfa", 45), ("Partner B", 40), ("Partner D", 15)]
    summaries = [m for m in asker.messages("info") if m.startswith("Partners:")]
    assert "Samen: 85% van 100% (nog 15% te verdelen)" in summaries[0]
    assert "Samen: 110% van 100% (dat is te veel)" in summaries[1]
    menus = [p for p in asker.asked if p.key == "partners"]
    ready = {o.value: o for o in menus[1].options}["klaar"]
    assert ready.disabled and "de aandelen tellen op tot 110" in ready.disabled
    assert menus[-1].default == "klaar" and menus[-1].options[0].disabled is None
    share_prompt = next(p for p in asker.asked if p.key == "partners[2].aandeel" and "Partner D" in p.message)
    assert share_prompt.default == "15" and "samen 85%" in share_prompt.message


def test_the_second_partner_follows_the_first_without_the_menu(tmp_path_factory):
    asker = default_run(tmp_path_factory)
    keys = [p.key for p in asker.asked]
    assert keys.index("partners[1].naam") == keys.index("partners[0].omzet") + 1
    assert keys.count("partners") == 2  # after the second partner and after the third


def test_a_duplicate_name_is_refused_in_place(tmp_path):
    section = [
        *partner_steps(0, P),
        ("partners[1].naam", "partner a"), ("partners[1].naam", "Partner B"),
        *partner_steps(1, ("Partner B", "bv", "", "", "", ENTER, ""))[1:],
        ("partners", "klaar"),
    ]
    asker = run(tmp_path / "a.yaml", with_partner_section(section))
    assert asker.refused[0][0] == "partners[1].naam"
    assert "komt al voor bij partners[0]" in asker.refused[0][2]


def test_invalid_partner_fields_are_refused_with_the_answers_file_message(tmp_path):
    section = [
        ("partners[0].naam", "Partner A"), ("partners[0].rechtsvorm", ENTER),
        ("partners[0].kvk", "1234"), ("partners[0].kvk", "01234567"),
        ("partners[0].plaats", ENTER), ("partners[0].vertegenwoordiger", ENTER),
        ("partners[0].aandeel", "0"), ("partners[0].aandeel", "60"), ("partners[0].omzet", "-5"),
        ("partners[0].omzet", ENTER),
        *partner_steps(1, ("Partner B", "bv", "", "", "", ENTER, "")), ("partners", "klaar"),
    ]
    asker = run(tmp_path / "a.yaml", with_partner_section(section))
    messages = [m for _, _, m in asker.refused]
    assert messages[0].startswith("Moet een KvK-nummer van precies 8 cijfers zijn")
    assert messages[1] == "Moet tussen 0 en 100 liggen (groter dan 0)"
    assert messages[2] == "Moet ten minste 0 zijn"
    assert saved(tmp_path / "a.yaml")["partners"][0]["kvk"] == "01234567"


def test_back_from_the_menu_edits_the_last_partner_and_back_from_the_first_field_leaves(tmp_path):
    section = [
        *partner_steps(0, P), *partner_steps(1, ("Partner B", "bv", "", "", "", ENTER, "")),
        ("partners", BACK), ("partners[1].omzet", BACK), ("partners[1].aandeel", "55"),
        ("partners[1].omzet", ENTER),
        ("partners", ("wijzig", 1)), ("partners[1].naam", BACK),  # back from an edit: the menu
        ("partners", ("verwijder", 0)), ("partners.verwijder", BACK),
        ("partners", "klaar"),
    ]
    run(tmp_path / "a.yaml", with_partner_section(section))
    assert [p["aandeel"] for p in saved(tmp_path / "a.yaml")["partners"]] == [45, 55]


def test_resume_inside_a_partner_and_a_half_entered_partner_is_finished_first(tmp_path):
    path = tmp_path / "a.yaml"
    steps = coop_steps()
    stop = next(i for i, (k, _) in enumerate(steps) if k == "partners[1].plaats")
    with pytest.raises(Interrupted):
        run(path, [*steps[:stop], ("partners[1].plaats", CTRL_C)])
    assert saved(path)["partners"][1] == {"naam": "GGZ Betuwe B.V.", "rechtsvorm": "bv", "kvk": "30123456"}
    again = run(path, steps[stop:])
    assert again.asked[0].key == "partners[1].plaats"
    assert len(saved(path)["partners"]) == 3
