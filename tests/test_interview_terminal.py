"""`consortium interview` in a real pseudo-terminal (pexpect), and without a terminal at all.

PROMPT_TOOLKIT_NO_CPR=1 stops prompt_toolkit from waiting for a cursor-position reply, which
keeps a full run at a few seconds.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_interview_support import saved

pexpect = pytest.importorskip("pexpect")

ENTER, UP, DOWN, CTRL_B, CTRL_C, CTRL_U = "\r", "\x1b[A", "\x1b[B", "\x02", "\x03", "\x15"
TIMEOUT = 20


def spawn(tmp_path: Path, *args: str):
    env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", COLUMNS="100", LINES="40")
    child = pexpect.spawn(sys.executable, ["-m", "generator", "interview", *args], cwd=str(tmp_path), env=env,
                          encoding="utf-8", dimensions=(40, 100), timeout=TIMEOUT)
    # pexpect waits 50 ms before every send (for password prompts that turn echo off late); every
    # send here follows the expected prompt on screen, and a full run sends some ninety times.
    child.delaybeforesend = None
    return child


def answer(child, question: str, keys: str) -> None:
    child.expect(re.escape(question))
    child.send(keys)


PARTNERS = [
    ("Stichting Rivierzorg", "", "41178459", "Tiel", "45", "60000000"),
    ("GGZ Betuwe B.V.", DOWN * 3, "30123456", "Culemborg", "40", "250.000.000"),
    ("Vereniging Gezinshuizen Gelderland", DOWN, "", "Geldermalsen", "15", "9000000"),
]

RUN = [
    ("Wat is de naam van het consortium?", "Jeugdhulp Rivierenland" + ENTER),
    ("In welke gemeenten of regio's werkt het consortium?", "Tiel, Culemborg, West Betuwe" + ENTER),
    ("Wie is de opdrachtgever?", "Regio Rivierenland" + ENTER),
    ("Wat is de opdrachtwaarde per jaar, in euro?", "26.100.000" + ENTER),
    ("Op welke datum gaat het contract in?", ENTER),
    ("Hoeveel jaar loopt het contract?", CTRL_U + "5" + ENTER),
    ("Hoe breed is de taak van het consortium?", ENTER),
    ("Hoort jeugdhulp met verblijf bij de taak?", UP + ENTER),
    ("Bepaalt het consortium mee", ENTER),
    ("Zijn de partners volgens de aanbesteding hoofdelijk aansprakelijk?", ENTER),
]
for i, (naam, vorm, kvk, plaats, share, omzet) in enumerate(PARTNERS):
    RUN += [
        ("Wat is de naam van de partnerorganisatie?", naam + ENTER),
        (f"Wat is de rechtsvorm van {naam}?", vorm + ENTER),
        (f"Wat is het KvK-nummer van {naam}?", kvk + ENTER),
        (f"Waar is {naam} gevestigd?", plaats + ENTER),
        (f"Wie tekent namens {naam}?", ENTER),
        (f"Welk deel van de opdracht voert {naam} uit", CTRL_U + share + ENTER),
        (f"Wat is de totale jaaromzet van {naam}, in euro?", omzet + ENTER),
    ]
    if i:
        RUN.append(("Wat wilt u doen?", ENTER))  # add a partner, then: done
RUN += [
    ("Welke rechtsvorm krijgt het consortium?", DOWN * 2 + ENTER),
    ("Hoeveel jeugdhulpverleners komen in dienst", ENTER),
    ("Wat wordt de naam in de statuten?", "Coöperatie Jeugdhulp Rivierenland U.A." + ENTER),
    ("In welke gemeente komt de statutaire zetel?", "Tiel" + ENTER),
    ("Hoe worden de stemmen verdeeld?", DOWN + ENTER),
    ("Hoeveel procent van de stemmen mag één partner hoogstens hebben?", CTRL_U + "45" + ENTER),
    ("Welk deel van de stemmen moet aanwezig zijn", CTRL_B),  # back: the cap again, 45 kept
    ("Hoeveel procent van de stemmen mag één partner hoogstens hebben?", ENTER),
    ("Welk deel van de stemmen moet aanwezig zijn", ENTER),
    ("Welke meerderheid is nodig", ENTER),
    ("Welke besluiten vragen die zwaardere meerderheid?", ENTER),
    ("Welke besluiten vragen unanimiteit?", ENTER),
    ("Wat gebeurt er als de partners er samen niet uitkomen?", ENTER),
    ("Van welk jaar zijn de uitgaven", ENTER),
    ("Hoeveel is er in het basisjaar aan deze taak uitgegeven", "24000000" + ENTER),
    ("Met hoeveel procent per jaar groeit het budget", CTRL_U + "3,5" + ENTER),
    ("Welke toeslagen komen bovenop het budget?", "inrichting 400000; transformatie 600000" + ENTER),
    ("inverdieneffect", ENTER),
    ("vier kostprijselementen?", ENTER),
    ("Hoe is het risico verdeeld", ENTER),
    ("Hoe verdelen de partners de lumpsum onderling?", ENTER),
    ("Welk percentage gaat eerst naar", ENTER),
    ("Welk deel van een positief resultaat", ENTER),
    ("Welke risicoventielen neemt u op?", ENTER),
    ("Drempel voor het ventiel 'volume'", ENTER),
    ("Binnen hoeveel dagen meldt", ENTER),
    ("Hoe dragen de partners een tekort?", ENTER),
    ("Wat gebeurt er met een overschot?", ENTER),
    ("Welke opzegtermijn geldt", ENTER),
    ("Wanneer kan een vertrek op zijn vroegst ingaan?", ENTER),
    ("Wat betaalt een partner die vertrekt?", ENTER),
    ("Moet een vertrekkende partner meewerken", ENTER),
    ("Hoe wordt een nieuwe partner toegelaten?", ENTER),
    ("Om welke redenen kan een partner worden uitgesloten?", ENTER),
    ("Welk toezicht krijgt het consortium?", DOWN + ENTER),
    ("Uit hoeveel leden bestaat de raad?", ENTER),
    ("Wie leidt het consortium van dag tot dag?", ENTER),
    ("Krijgt het consortium een eigen cliëntenraad?", UP + ENTER),
    ("Krijgt het consortium een eigen ondernemingsraad?", ENTER),
    ("Over welke indicatoren rapporteert het consortium?", ENTER),
    ("Hoe vaak rapporteert het consortium", ENTER),
    ("Welke rol hebben de partners onder de AVG?", ENTER),
    ("Hoe worden cliëntgegevens bijgehouden?", ENTER),
    ("Noemen de partners het consortium in hun eigen jaarverslag?", ENTER),
    ("Hoe worden geschillen beslecht?", ENTER),
    ("Welke rechtbank is bevoegd?", ENTER),
    ("Genereer de documenten (in uitvoer/)", ENTER),
]


@pytest.mark.slow
def test_from_an_empty_file_to_documents_in_a_terminal(tmp_path):
    child = spawn(tmp_path)
    for question, keys in RUN:
        answer(child, question, keys)
    child.expect("Geschreven in uitvoer/:")
    child.expect(r"Waarschuwingen: \d+ hoog")  # the last lines: how many, and where to read them
    child.expect(re.escape("uitvoer/governance-analyse.docx"))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    names = {p.name for p in (tmp_path / "uitvoer").iterdir()}
    assert {"samenwerkingsovereenkomst.docx", "statuten.docx", "verantwoording.json"} <= names
    raw = saved(tmp_path / "antwoorden.yaml")
    assert raw["stemrecht"]["maximum"] == 45 and raw["lumpsum"]["indexatie"] == 3.5
    # leiding: the accepted default follows the legal form, so it is stored as null
    assert raw["toezicht"] == {"model": "raad_van_toezicht", "leden": 3, "leiding": None,
                               "clientenraad": True, "ondernemingsraad": False}


@pytest.mark.slow
def test_ctrl_c_saves_says_how_to_resume_and_exits_130(tmp_path):
    child = spawn(tmp_path, "mijn.yaml", "--out", "docs")
    for question, keys in RUN[:3]:
        answer(child, question, keys)
    answer(child, "Wat is de opdrachtwaarde per jaar, in euro?", CTRL_C)
    child.expect("Uw antwoorden zijn bewaard in mijn.yaml")
    child.expect(re.escape("consortium interview mijn.yaml --out docs"))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert saved(tmp_path / "mijn.yaml")["consortium"] == {
        "naam": "Jeugdhulp Rivierenland", "werkgebied": ["Tiel", "Culemborg", "West Betuwe"],
        "opdrachtgever": "Regio Rivierenland"}
    resumed = spawn(tmp_path, "mijn.yaml", "--out", "docs")
    resumed.expect(re.escape("Wat is de opdrachtwaarde per jaar, in euro?"))  # the first unanswered question
    resumed.send(CTRL_C)
    resumed.expect(pexpect.EOF)
    resumed.close()
    assert resumed.exitstatus == 130


def test_without_a_terminal_it_points_to_generate_and_exits_2(tmp_path):
    result = subprocess.run([sys.executable, "-m", "generator", "interview"], cwd=tmp_path, capture_output=True,
                            text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 2
    assert "heeft daarvoor een terminal nodig" in result.stderr and "consortium generate" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "antwoorden.yaml").exists()


# -- a file a person wrote, and a bad --out, in a real terminal --------------------------------------

def _example(tmp_path: Path) -> Path:
    from conftest import raw_answers

    from generator.adapters import yaml_io

    text = "# Door de directeur zelf bijgehouden\n" + yaml_io.dump(raw_answers()).replace(
        "  looptijd_jaren: 5\n", "  looptijd_jaren: 5   # uit de gunningsbrief\n")
    path = tmp_path / "antwoorden.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.slow
def test_a_complete_valid_file_reaches_the_review_screen_at_once(tmp_path):
    _example(tmp_path)
    child = spawn(tmp_path)
    child.expect("Welkom terug. Uw antwoorden zijn compleet")
    child.expect("Waarschuwingen: ")
    child.expect(re.escape("Wat wilt u doen?"))
    assert "Wat is de naam van het consortium?" not in child.before
    child.send(DOWN + ENTER)  # Bewaar en stop
    child.expect("Gestopt. Uw antwoorden zijn bewaard in antwoorden.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


@pytest.mark.slow
def test_a_bad_out_is_refused_before_the_first_question(tmp_path):
    (tmp_path / "uitvoer").write_text("ik sta in de weg", encoding="utf-8")
    child = spawn(tmp_path, "--out", "uitvoer")
    child.expect("uitvoer is een bestand, geen map")
    child.expect("Uw antwoorden zijn veilig")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert "Wat is de naam van het consortium?" not in child.before
    assert not (tmp_path / "antwoorden.yaml").exists()


@pytest.mark.slow
def test_comments_in_the_answers_file_survive_a_change(tmp_path):
    path = _example(tmp_path)
    child = spawn(tmp_path)
    child.expect(re.escape("Wat wilt u doen?"))
    child.send(DOWN * 11 + ENTER)  # Wijzig 10. Geschillen
    answer(child, "Hoe worden geschillen beslecht?", DOWN + ENTER)
    answer(child, "Welke rechtbank is bevoegd?", ENTER)
    child.expect(re.escape("Wat wilt u doen?"))
    child.send(DOWN + ENTER)  # Bewaar en stop
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Door de directeur zelf bijgehouden\n")
    assert "  looptijd_jaren: 5   # uit de gunningsbrief\n" in text
    assert saved(path)["geschillen"]["route"] == "rechter"
