"""`consortium check` as a user runs it: examples pass, broken files exit 2 with a Dutch message."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import REPO, raw_answers, run_cli, run_cli_process

EXAMPLES = sorted((REPO / "voorbeelden").glob("*.yaml"))


def test_there_is_an_example_per_legal_form():
    from generator.adapters import yaml_io

    forms = {yaml_io.read_file(p)["rechtsvorm"]["vorm"] for p in EXAMPLES}
    assert forms == {"geen", "vereniging", "cooperatie", "stichting", "bv"}
    sizes = [len(yaml_io.read_file(p)["partners"]) for p in EXAMPLES]
    assert all(2 <= n <= 8 for n in sizes)


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_pass_check(example):
    result = run_cli_process("check", str(example))
    assert result.returncode == 0, result.stderr
    assert "is geldig" in result.stdout
    assert "(standaard)" in result.stdout


def test_summary_marks_defaults_per_principle(write_answers):
    result = run_cli("check", str(write_answers(raw_answers("stichting"))))
    assert result.returncode == 0
    for principle in ("Consortium", "Partners", "Rechtsvorm", "Stemrecht", "Lumpsum", "Risicoventielen",
                      "Uittreding", "Toezicht", "Dataregistratie", "Geschillen"):
        assert f"\n{principle}" in result.stdout
    assert "ieder één stem (standaard)" in result.stdout
    assert "€ 26.100.000" in result.stdout


ALIAS_BOMB = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))

BROKEN = {
    "syntax": ("versie: 1\nconsortium:\n  naam: [Jeugd\n", "regel 4, kolom 1"),
    "empty": ("", "is leeg"),
    "only_comment": ("# niets\n", "is leeg"),
    "list": ("- versie: 1\n- consortium: {}\n", "geen sleutels en waarden maar een lijst"),
    "scalar": ("hallo\n", "losse tekst"),
    "python_tag": ("versie: !!python/object/apply:os.system ['echo pwned']\n", "de tag"),
    "alias_bomb": (ALIAS_BOMB, "te veel verwijzingen"),
    "tab": ("versie: 1\nconsortium:\n\tnaam: x\n", "regel 3"),
    "non_utf8": ("naam: Co\xf6peratie\n".encode("latin-1"), "geen UTF-8-tekst"),
    "typo": (None, "stemrecht.modle: onbekende sleutel; bedoelt u 'model'?"),
    "duplicate_key": ("versie: 1\nversie: 1\n", "de sleutel 'versie' staat twee keer"),
    "two_documents": ("versie: 1\n---\nversie: 1\n", "meer dan één YAML-document"),
    "binary_tag": ("versie: !!binary aGVsbG8=\n", "wordt geweigerd"),
    "deep": ("a: " + "[" * 2000 + "]" * 2000 + "\n", "te diep genest"),
    "impossible_date": (None, "consortium.ingangsdatum: '2027-02-30' is geen bestaande datum"),
    "infinite": (None, "regel 9, kolom 28: oneindig (.inf) en NaN (.nan) zijn geen getallen"),
    "duplicate_partner_key": ("PARTNER_DUP", "de sleutel 'aandeel' staat twee keer"),
    "shares": (None, "de aandelen tellen op tot 90"),
    "penvoerder": (None, "precies één partner penvoerder (nu 0)"),
    "name_form": (None, "rechtsvorm.naam: 'Jeugdhulp Rivierenland' past niet bij een stichting"),
    "board_form": (None, "toezicht.model: een raad van commissarissen kan alleen bij een BV"),
    "both_lists": (None, "'ontbinding' staat ook in gekwalificeerde_besluiten"),
    "fixed_fee": (None, "uittreding.vast_bedrag: is verplicht"),
}


def _broken_raw(case: str) -> dict:
    if case == "impossible_date":
        return raw_answers(consortium={"ingangsdatum": "2027-02-30"})
    if case == "infinite":
        return raw_answers(consortium={"opdrachtwaarde_per_jaar": float("inf")})
    if case == "typo":
        return raw_answers(stemrecht={"modle": "gelijk"})
    if case == "shares":
        raw = raw_answers()
        raw["partners"][2]["aandeel"] = 5
        return raw
    if case == "penvoerder":
        raw = raw_answers("geen")
        raw["partners"][0]["penvoerder"] = False
        return raw
    if case == "name_form":
        return raw_answers("stichting", rechtsvorm={"naam": "Jeugdhulp Rivierenland"})
    if case == "board_form":
        return raw_answers("stichting", toezicht={"model": "raad_van_commissarissen"})
    if case == "both_lists":
        return raw_answers(stemrecht={"gekwalificeerde_besluiten": ["ontbinding"],
                                      "unanieme_besluiten": ["ontbinding"]})
    return raw_answers(uittreding={"vergoeding": "vast_bedrag"})


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_file_exits_2_with_dutch_message_and_writes_nothing(case, write_answers, tmp_path):
    content, expected = BROKEN[case]
    if content == "PARTNER_DUP":
        from generator.adapters import yaml_io

        content = yaml_io.dump(raw_answers()).replace("  aandeel: 45\n", "  aandeel: 45\n  aandeel: 5\n")
    path = write_answers(content if content is not None else _broken_raw(case))
    before = sorted(tmp_path.iterdir())
    result = run_cli("check", str(path), cwd=tmp_path)
    assert result.returncode == 2
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert sorted(tmp_path.iterdir()) == before


def test_python_tag_is_never_executed(write_answers, tmp_path):
    marker = tmp_path / "gemaakt"
    path = write_answers(f"versie: !!python/object/apply:os.system ['touch {marker}']\n")
    assert run_cli("check", str(path)).returncode == 2
    assert not marker.exists()


def test_missing_file(tmp_path):
    result = run_cli("check", str(tmp_path / "bestaat-niet.yaml"))
    assert result.returncode == 2
    assert "bestaat niet" in result.stderr


def test_start_up_imports_no_heavy_libraries(write_answers):
    path = write_answers(raw_answers())
    code = (f"import sys; from generator.cli import main; rc = main(['check', {str(path)!r}]); "
            "heavy = [m for m in ('docxtpl', 'docx', 'questionary', 'PIL', 'prompt_toolkit') "
            "if m in sys.modules]; print('HEAVY', heavy)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["generate", "--help"],
                                  ["interview", "--help"], ["clauses", "--help"], ["clauses", "list", "--help"]])
def test_help_is_dutch(args):
    result = run_cli(*args)
    assert result.returncode == 0
    assert "gebruik:" in result.stdout and "toon deze hulp en stop" in result.stdout
    assert "usage:" not in result.stdout and "show this help" not in result.stdout


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("consortium ")


def test_unknown_command_is_dutch_and_exit_2():
    result = run_cli("chek")
    assert result.returncode == 2
    assert "ongeldige keuze" in result.stderr
