"""Regression tests for the adversarial review (shared/review/robustness.md): hostile or unusual
input gives a Dutch message with exit status 2, never a traceback, and `check` and `generate` agree.

The finding each test guards is named in its docstring ("finding N")."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from fractions import Fraction
from pathlib import Path

import pytest
from conftest import raw_answers, shared_output
from docx import Document as DocxDocument

from generator.adapters import yaml_io
from generator.cli import main
from generator.errors import OutputError, OutputExists

BASE_TEXT = yaml_io.dump(raw_answers())
OMZET_LINE = "  omzet: 9000000\n"


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Run the CLI in-process: (exit status, stdout, stderr)."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def strict_json(text: str) -> dict:
    """Parse JSON as a strict reader would: Infinity and NaN are not JSON."""
    def refuse(constant: str) -> None:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def with_omzet(value: str) -> str:
    assert OMZET_LINE in BASE_TEXT
    return BASE_TEXT.replace(OMZET_LINE, f"  omzet: {value}\n")


def omzet_line_number() -> int:
    return BASE_TEXT[: BASE_TEXT.index(OMZET_LINE)].count("\n") + 1


# --- finding 6, 10, 14, 18: YAML tags, escapes and numbers ------------------------------------

YAML_CASES = {
    "int_tag_text": ("!!int abc", "'abc' is geen geheel getal"),
    "bool_tag_text": ("!!bool maybe", "'maybe' is geen ja/nee-waarde"),
    "float_tag_text": ("!!float abc", "'abc' is geen getal"),
    "int_tag_empty": ('!!int ""', "'' is geen geheel getal"),
    "map_tag_scalar": ("!!map x", "de tag '!!map' staat bij een waarde die geen sleutels met waarden is"),
    "str_tag_list": ("!!str [a]", "een tag (!!) past niet bij de waarde erachter"),
    "escape_outside_unicode": ('"\\U00110000"', "valt buiten Unicode"),
    "surrogate_value": ('"x\\ud800"', "los surrogaatteken"),
    "nan": (".nan", "oneindig (.inf) en NaN (.nan)"),
    "inf": ("-.inf", "oneindig (.inf) en NaN (.nan)"),
    "tiny_float": ("1.0e-305", "buiten het bereik"),
    "small_float": ("1.0e-20", "buiten het bereik"),
    "huge_float": ("1.0e+300", "buiten het bereik"),
    "huge_int": ("9" * 400, "een getal van 400 cijfers is te groot"),
    "giant_int": ("9" * 5000, "een getal van 5000 cijfers is te groot"),
    "octal_tag": ("!!int 0o17", "is geen geheel getal"),
}


@pytest.mark.parametrize("case", list(YAML_CASES))
def test_yaml_values_are_dutch_messages_with_line_and_column(case, tmp_path, capsys):
    value, expected = YAML_CASES[case]
    path = tmp_path / "a.yaml"
    path.write_text(with_omzet(value), encoding="utf-8")
    code, out, err = run(capsys, "check", str(path))
    assert code == 2
    assert f"regel {omzet_line_number()}, kolom" in err
    assert expected in err
    assert "Traceback" not in out + err
    code, out, _ = run(capsys, "check", "--json", str(path))
    assert code == 2
    report = strict_json(out)
    assert report["geldig"] is False


NUMBER_TEXT_CASES = {
    "sexagesimal": ("1:30.0", "verwacht een getal"),
    "quoted_giant_int": ('"' + "9" * 5000 + '"', "is onwaarschijnlijk groot"),
    "quoted_tiny": ('"1e-305"', "is onwaarschijnlijk klein"),
    "quoted_huge_exponent": ('"1e999"', "verwacht een gewoon getal"),
    "arabic_indic_digits": ('"٩٠٠٠٠٠٠"', "cijfers uit een ander schrift"),
    "fullwidth_digits": ('"９０００"', "cijfers uit een ander schrift"),
}


@pytest.mark.parametrize("case", list(NUMBER_TEXT_CASES))
def test_numbers_written_as_text_are_refused_in_dutch(case, tmp_path, capsys):
    value, expected = NUMBER_TEXT_CASES[case]
    path = tmp_path / "a.yaml"
    path.write_text(with_omzet(value), encoding="utf-8")
    code, out, err = run(capsys, "check", str(path))
    assert code == 2
    assert "partners[2].omzet" in err
    assert expected in err
    assert "Traceback" not in out + err


def test_kvk_with_other_digits_is_refused(tmp_path, capsys):
    """Finding 18: Arabic-Indic and fullwidth digits are refused, not read as 0-9."""
    raw = raw_answers()
    raw["partners"][0]["kvk"] = "٤١١٧٨٤٥٩"
    raw["partners"][1]["kvk"] = "３０１２３４５６"
    path = tmp_path / "a.yaml"
    path.write_text(yaml_io.dump(raw), encoding="utf-8")
    code, _, err = run(capsys, "check", str(path))
    assert code == 2
    assert "partners[0].kvk: bevat cijfers uit een ander schrift" in err
    assert "partners[1].kvk: bevat cijfers uit een ander schrift" in err


def test_surrogate_key_gives_strict_json(tmp_path, capsys):
    """Finding 14: a key with a surrogate escape used to make `check --json` print nothing."""
    path = tmp_path / "a.yaml"
    path.write_text(BASE_TEXT + '"k\\ud800": 1\n', encoding="utf-8")
    code, out, err = run(capsys, "check", "--json", str(path))
    assert code == 2
    assert strict_json(out)["geldig"] is False
    assert "los surrogaatteken" in err


def test_raw_control_byte_names_line_and_column(tmp_path, capsys):
    """Finding 15: a raw ESC byte gave an English message without a place."""
    path = tmp_path / "a.yaml"
    path.write_bytes(BASE_TEXT.replace("Tiel\n", "Ti\x1bel\n", 1).encode())
    line = BASE_TEXT[: BASE_TEXT.index("Tiel\n")].count("\n") + 1
    code, _, err = run(capsys, "check", str(path))
    assert code == 2
    assert f"regel {line}, kolom" in err
    assert "U+001B is een stuurteken" in err
    assert "unacceptable" not in err


def test_c1_control_in_a_value_is_refused_and_shown_escaped(tmp_path, capsys):
    """Finding 18: C1 controls and escape sequences never reach documents or the terminal."""
    raw = raw_answers()
    raw["partners"][0]["plaats"] = "Tiel\x9b31m"
    raw["partners"][1]["plaats"] = "Culemborg\x1b[2J"
    path = tmp_path / "a.yaml"
    path.write_text(yaml_io.dump(raw), encoding="utf-8")
    code, _, err = run(capsys, "check", str(path))
    assert code == 2
    assert "partners[0].plaats: bevat een stuurteken" in err
    assert "\x1b" not in err and "\x9b" not in err


def test_unknown_key_with_control_characters_is_shown_escaped(tmp_path, capsys):
    """Finding 18: an unknown key echoes the user's text; its escape sequence is made visible."""
    path = tmp_path / "a.yaml"
    path.write_text(BASE_TEXT + '"x\\e[31mrood": 1\n', encoding="utf-8")
    code, _, err = run(capsys, "check", str(path))
    assert code == 2
    assert "x\\x1b[31mrood" in err
    assert "\x1b" not in err


# --- finding 2, 3: what check accepts, generate writes ----------------------------------------

@pytest.mark.parametrize("start, years, end", [
    ("2028-02-29", 5, "28 februari 2033"),
    ("2096-02-29", 4, "28 februari 2100"),
    ("2028-02-29", 4, "28 februari 2032"),
])
def test_leap_day_start_generates(start, years, end, tmp_path, capsys):
    raw = raw_answers(consortium={"ingangsdatum": start, "looptijd_jaren": years})
    path = tmp_path / "a.yaml"
    path.write_text(yaml_io.dump(raw), encoding="utf-8")
    assert run(capsys, "check", str(path))[0] == 0
    code, _, err = run(capsys, "generate", str(path), "--out", str(tmp_path / "uit"))
    assert code == 0, err
    text = "\n".join(p.text for p in DocxDocument(str(tmp_path / "uit" / "samenwerkingsovereenkomst.docx")).paragraphs)
    assert end in text


def test_long_names_generate_with_shortened_document_properties(tmp_path, capsys):
    """Finding 3: names of about 250 characters overflowed Word's 255-character properties."""
    long_name = "Coöperatie " + "Jeugdhulp " * 28 + "U.A."
    raw = raw_answers(consortium={"naam": "Consortium " + "Rivierenland " * 22},
                      rechtsvorm={"naam": long_name})
    path = tmp_path / "a.yaml"
    path.write_text(yaml_io.dump(raw), encoding="utf-8")
    assert run(capsys, "check", str(path))[0] == 0
    code, _, err = run(capsys, "generate", str(path), "--out", str(tmp_path / "uit"))
    assert code == 0, err
    doc = DocxDocument(str(tmp_path / "uit" / "statuten.docx"))
    assert len(doc.core_properties.title) <= 255
    assert long_name in "\n".join(p.text for p in doc.paragraphs)


# --- finding 9: bounded reads ------------------------------------------------------------------

def test_fifo_is_refused_without_hanging(tmp_path, capsys):
    fifo = tmp_path / "pijp.yaml"
    os.mkfifo(fifo)
    started = time.monotonic()
    code, _, err = run(capsys, "check", str(fifo))
    assert code == 2
    assert "is geen gewoon bestand" in err
    assert time.monotonic() - started < 10


def test_device_is_refused(capsys):
    code, _, err = run(capsys, "check", "/dev/zero")
    assert code == 2
    assert "/dev/zero is geen gewoon bestand" in err


def test_symlink_loop_is_a_read_error_not_a_write_error(tmp_path, capsys):
    """Finding 15: a read error was reported as "Kan een bestand niet schrijven"."""
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(tmp_path / "loop.yaml")
    code, _, err = run(capsys, "check", str(loop))
    assert code == 2
    assert "niet lezen" in err and "schrijven" not in err
    assert "symbolische koppelingen" in err
    assert "Too many levels" not in err


def test_read_is_capped(tmp_path, capsys):
    big = tmp_path / "groot.yaml"
    big.write_bytes(b"# " + b"x" * (yaml_io.MAX_BYTES + 10) + b"\n")
    code, _, err = run(capsys, "check", str(big))
    assert code == 2
    assert "is te groot" in err


# --- finding 17: names that only look different ------------------------------------------------

@pytest.mark.parametrize("lookalike", [
    "Stichting  Rivierzorg", "Stichting\u00a0Rivierzorg", "Stichting Rivier\u200bzorg",
    "Ｓｔｉｃｈｔｉｎｇ Ｒｉｖｉｅｒｚｏｒｇ", " stichting rivierzorg",
])
def test_lookalike_partner_names_are_the_same_name(lookalike, tmp_path, capsys):
    raw = raw_answers()
    raw["partners"][1]["naam"] = lookalike
    path = tmp_path / "a.yaml"
    path.write_text(yaml_io.dump(raw), encoding="utf-8")
    code, _, err = run(capsys, "check", str(path))
    assert code == 2
    assert "komt al voor bij partners[0]" in err


# --- finding 8: polynomial voting analysis -----------------------------------------------------

def _six_decimal_shares(count: int) -> list[float]:
    raw = [1 + (i * 7919 % 97) / 13 for i in range(count)]
    total = sum(raw)
    shares = [round(r / total * 100, 6) for r in raw]
    shares[-1] = round(100 - sum(shares[:-1]), 6)
    return shares


def test_twenty_partners_with_six_decimal_shares_check(tmp_path, capsys):
    shares = _six_decimal_shares(20)
    partners = [{"naam": f"Partner {i}", "aandeel": s, "omzet": 10_000_000} for i, s in enumerate(shares)]
    raw = raw_answers(partners=partners, stemrecht={"model": "naar_aandeel", "maximum": 8})
    path = tmp_path / "a.yaml"
    path.write_text(yaml_io.dump(raw), encoding="utf-8")
    code, out, err = run(capsys, "check", "--json", str(path))
    assert code == 0, err
    powers = [p["macht"]["gekwalificeerd"] for p in strict_json(out)["partners"]]
    assert abs(sum(powers) - 1) < 1e-3


def test_power_is_computed_on_the_votes_the_statuten_give():
    """Ten votes per percent, rounded half up, at least one: 33.35/33.35/33.3 are 334/334/333 votes
    (total 1001). Without the third partner the others hold 668 of 1001 votes (66.73%), so a 66.7%
    decision passes without it; without either of the first two only 667 (66.63%)."""
    from generator.analysis.voting import analyse_votes, statutory_votes

    shares = [Fraction("33.35"), Fraction("33.35"), Fraction("33.3")]
    assert statutory_votes(shares, shares, "naar_aandeel", Fraction(100)) == [334, 334, 333]
    votes = analyse_votes(shares, "naar_aandeel", Fraction(100), Fraction("66.7"))
    assert votes.veto == (True, True, False)
    assert statutory_votes(shares, shares, "gelijk", Fraction(100)) == [1, 1, 1]


def test_bv_votes_are_shares_capped_in_whole_votes():
    from generator.analysis.voting import statutory_votes

    shares = [Fraction(45), Fraction(30), Fraction(15), Fraction(10)]
    assert statutory_votes(shares, shares, "naar_aandeel", Fraction(40), herverdeling=False) == [
        4000, 3000, 1500, 1000]


def test_every_partner_has_at_least_one_vote():
    from generator.analysis.voting import statutory_votes

    shares = [Fraction("99.96"), Fraction("0.04")]
    assert statutory_votes(shares, shares, "naar_aandeel", Fraction(100)) == [1000, 1]


# --- finding 4, 7, 11, 20: the package swap ------------------------------------------------------

KNOWN = ("a.docx", "b.docx", "c.docx", "d.docx", "e.json")
OLD = {"a.docx": "oud a", "b.docx": "oud b", "c.docx": "oud c", "d.docx": "oud d"}
NEW = {"a.docx": "nieuw a", "b.docx": "nieuw b", "c.docx": "nieuw c", "e.json": "nieuw e"}


def _write_set(files: dict[str, str]):
    def write(staging: Path) -> list[str]:
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8")
        return list(files)

    return write


def _package(out: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in out.iterdir() if p.name in KNOWN}


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name not in KNOWN)


def _signal_at_rename(monkeypatch, out: Path, at: int, signum: int) -> None:
    """Send a real signal to this process just before the `at`-th rename inside `out`."""
    real_replace = os.replace
    calls = {"n": 0}

    def replace(src, dst, *args, **kwargs):
        if str(out) in str(dst) or str(out) in str(src):
            calls["n"] += 1
            if calls["n"] == at:
                os.kill(os.getpid(), signum)
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


def _sigterm_as_interrupt() -> None:
    """Without the fix SIGTERM would end the test run itself; the test's own handler turns it
    into the KeyboardInterrupt the old code did not survive either."""
    def handler(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize("at", range(1, 9))  # 4 old files aside, 4 new ones in
def test_signal_at_any_rename_leaves_the_old_or_the_new_package(signum, at, tmp_path, monkeypatch):
    from generator.assemble.package import write_staged

    out = tmp_path / "uit"
    write_staged(out, _write_set(OLD), known=KNOWN, force=False, wat="de documenten")
    previous = signal.getsignal(signal.SIGTERM)
    _sigterm_as_interrupt()
    _signal_at_rename(monkeypatch, out, at, signum)
    try:
        with pytest.raises(KeyboardInterrupt):
            write_staged(out, _write_set(NEW), known=KNOWN, force=True, wat="de documenten")
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert _package(out) in (OLD, NEW)
    assert _leftovers(out) == []


def test_signal_during_staging_keeps_the_old_package(tmp_path):
    from generator.assemble.package import write_staged

    out = tmp_path / "uit"
    write_staged(out, _write_set(OLD), known=KNOWN, force=False, wat="de documenten")

    def interrupted(staging: Path) -> list[str]:
        _write_set(NEW)(staging)
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(1)  # the interrupt arrives here
        return list(NEW)

    with pytest.raises(KeyboardInterrupt):
        write_staged(out, interrupted, known=KNOWN, force=True, wat="de documenten")
    assert _package(out) == OLD
    assert _leftovers(out) == []


def test_generate_force_interrupted_in_the_swap_exits_130_with_a_complete_package(tmp_path, monkeypatch, capsys):
    path = tmp_path / "a.yaml"
    path.write_text(yaml_io.dump(raw_answers()), encoding="utf-8")
    out = tmp_path / "uit"
    assert run(capsys, "generate", str(path), "--out", str(out))[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    path.write_text(yaml_io.dump(raw_answers("geen")), encoding="utf-8")  # no statuten in the new package
    _signal_at_rename(monkeypatch, out, 4, signal.SIGINT)
    code, _, _ = run(capsys, "generate", str(path), "--out", str(out), "--force")
    assert code == 130
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before or ("statuten.docx" not in after and set(after) == set(before) - {"statuten.docx"})
    assert not [name for name in after if name.startswith(".")]


KILL_SCRIPT = """
import os, signal, sys
from pathlib import Path
from generator.assemble.package import write_staged
out, at = Path(sys.argv[1]), int(sys.argv[2])
real, calls = os.replace, [0]
def replace(src, dst):
    if str(out) in str(dst):
        calls[0] += 1
        if calls[0] == at:
            os.kill(os.getpid(), signal.SIGKILL)
    return real(src, dst)
os.replace = replace
def write(staging):
    for name in ("a.docx", "b.docx", "c.docx", "e.json"):
        (staging / name).write_text("nieuw " + name[0], encoding="utf-8")
    return ["a.docx", "b.docx", "c.docx", "e.json"]
write_staged(out, write, known=("a.docx", "b.docx", "c.docx", "d.docx", "e.json"), force=True, wat="x")
"""


@pytest.mark.parametrize("at", [2, 6])
def test_a_killed_swap_is_rolled_back_by_the_next_run(at, tmp_path):
    """Finding 4: SIGKILL left `.consortium-*` folders that nothing cleaned up, and half a package."""
    import subprocess
    import sys

    from generator.assemble.package import write_staged

    out = tmp_path / "uit"
    write_staged(out, _write_set(OLD), known=KNOWN, force=False, wat="de documenten")
    killed = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(out), str(at)], capture_output=True,
                            timeout=60)
    assert killed.returncode == -signal.SIGKILL
    assert _leftovers(out)  # the killed run's staging folder
    with pytest.raises(OutputExists):  # the next run without --force: the old package is back
        write_staged(out, _write_set(NEW), known=KNOWN, force=False, wat="de documenten")
    assert _package(out) == OLD
    assert _leftovers(out) == []


def test_a_second_run_on_a_locked_folder_is_refused(tmp_path):
    """Finding 11: two concurrent runs both succeeded and mixed their packages."""
    from generator.assemble.package import write_staged

    out = tmp_path / "uit"

    def second_run_meanwhile(staging: Path) -> list[str]:
        with pytest.raises(OutputExists, match="schrijft op dit moment een andere opdracht"):
            write_staged(out, _write_set(NEW), known=KNOWN, force=True, wat="de documenten")
        return _write_set(OLD)(staging)

    write_staged(out, second_run_meanwhile, known=KNOWN, force=False, wat="de documenten")
    assert _package(out) == OLD


def test_staging_sits_inside_the_output_folder(tmp_path):
    """Finding 7: staging in the parent made every rename cross filesystems for a mount point."""
    from generator.assemble.package import write_staged

    out = tmp_path / "uit"
    seen = []

    def write(staging: Path) -> list[str]:
        seen.append(staging.parent)
        return _write_set(NEW)(staging)

    write_staged(out, write, known=KNOWN, force=False, wat="de documenten")
    assert seen == [out]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["uit"]


def test_a_failed_run_leaves_no_folders_it_created(tmp_path):
    """Finding 3: a failed generate left the parent folders it created."""
    from generator.assemble.package import write_staged

    out = tmp_path / "nieuw" / "diep" / "uit"

    def failing(staging: Path) -> list[str]:
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="de schijf is vol"):
        write_staged(out, failing, known=KNOWN, force=False, wat="de documenten")
    assert list(tmp_path.iterdir()) == []


def test_a_dangling_symlink_at_a_document_name_needs_force(tmp_path, capsys):
    """Finding 20: a dangling symlink named statuten.docx was replaced without --force."""
    path = tmp_path / "a.yaml"
    path.write_text(yaml_io.dump(raw_answers()), encoding="utf-8")
    out = tmp_path / "uit"
    out.mkdir()
    (out / "statuten.docx").symlink_to(tmp_path / "nergens.docx")
    code, _, err = run(capsys, "generate", str(path), "--out", str(out))
    assert code == 2
    assert "statuten.docx: bestaat al" in err
    assert (out / "statuten.docx").is_symlink()


# --- finding 12, 5, 19: files written safely ----------------------------------------------------

def test_clauses_export_never_follows_a_symlink_at_a_temporary_name(tmp_path, capsys):
    victim = tmp_path / "slachtoffer.txt"
    victim.write_text("blijft staan", encoding="utf-8")
    target = tmp_path / "bibliotheek.docx"
    (tmp_path / ".bibliotheek.docx.tmp").symlink_to(victim)  # the old predictable name
    target.write_bytes(b"oud")
    os.chmod(target, 0o640)
    code, _, err = run(capsys, "clauses", "export", "--out", str(target), "--force")
    assert code == 0, err
    assert victim.read_text(encoding="utf-8") == "blijft staan"
    assert "Clausulebibliotheek" in "\n".join(p.text for p in DocxDocument(str(target)).paragraphs)
    assert os.stat(target).st_mode & 0o777 == 0o640


def test_clauses_export_updates_a_symlinked_file(tmp_path, capsys):
    real = tmp_path / "echt.docx"
    real.write_bytes(b"oud")
    link = tmp_path / "bibliotheek.docx"
    link.symlink_to(real)
    code, _, err = run(capsys, "clauses", "export", "--out", str(link), "--force")
    assert code == 0, err
    assert link.is_symlink()
    assert "Clausulebibliotheek" in "\n".join(p.text for p in DocxDocument(str(real)).paragraphs)


def test_interview_save_never_follows_a_symlink_at_its_temporary_name(tmp_path):
    from generator.adapters.yaml_roundtrip import temporary, write_keeping

    victim = tmp_path / "slachtoffer.txt"
    victim.write_text("blijft staan", encoding="utf-8")
    answers = tmp_path / "a.yaml"
    answers.write_text("versie: 1\n", encoding="utf-8")
    temporary(answers).symlink_to(victim)
    write_keeping(answers, "versie: 1\nconsortium: {}\n")
    assert victim.read_text(encoding="utf-8") == "blijft staan"
    assert answers.read_text(encoding="utf-8") == "versie: 1\nconsortium: {}\n"
    assert not os.path.lexists(temporary(answers))


# --- finding 15, 16: messages and output -------------------------------------------------------

def test_a_full_stdout_is_not_reported_as_nothing_changed(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "a.yaml"
    path.write_text(yaml_io.dump(raw_answers()), encoding="utf-8")
    out = tmp_path / "uit"
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "generator", "generate", str(path), "--out", str(out)],
                                stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == 2
    assert "niets gewijzigd" not in result.stderr
    assert "De opdracht is uitgevoerd" in result.stderr and "de schijf is vol" in result.stderr
    assert (out / "statuten.docx").is_file()


@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "PYTHONIOENCODING": "",
                                                                  "PYTHONUTF8": "0"}])
def test_any_output_encoding_prints(env, tmp_path):
    import subprocess
    import sys

    path = tmp_path / "a.yaml"
    path.write_text(yaml_io.dump(raw_answers()), encoding="utf-8")
    environment = {**os.environ, **env}
    result = subprocess.run([sys.executable, "-m", "generator", "check", str(path)], capture_output=True,
                            env=environment, timeout=120)
    assert result.returncode == 0, result.stderr
    assert b"EUR 26.100.000" in result.stdout
    assert b"Traceback" not in result.stderr
    as_json = subprocess.run([sys.executable, "-m", "generator", "check", "--json", str(path)],
                             capture_output=True, env=environment, timeout=120)
    assert as_json.returncode == 0
    assert strict_json(as_json.stdout.decode("ascii"))["partners"][0]["naam"] == "Stichting Rivierzorg"


def test_messages_never_show_python_values(tmp_path, capsys):
    """Finding 20: "None: onbekende sleutel", "True: ...", "'None' is geen geldige keuze"."""
    text = "~: 1\ntrue: 2\n" + BASE_TEXT.replace("vorm: cooperatie", "vorm: null").replace("versie: 1", "versie: true")
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "check", str(path))
    assert code == 2
    assert "None" not in err and "True" not in err
    assert "- null: onbekende sleutel" in err
    assert "versie: true wordt niet ondersteund" in err
    assert "rechtsvorm.vorm: is leeg; kies uit" in err


# --- finding 13: the cache is trusted only when it is the user's own and intact -------------------

def _generate_in_a_fresh_process(path: Path, out: Path, cache_home: Path) -> subprocess.CompletedProcess[str]:
    # A fresh process: this one may hold the compiled texts in memory and never read the cache.
    return subprocess.run([sys.executable, "-m", "generator", "generate", str(path), "--out", str(out)],
                          capture_output=True, text=True, env={**os.environ, "XDG_CACHE_HOME": str(cache_home)},
                          timeout=120)


@pytest.fixture
def filled_cache(tmp_path, tmp_path_factory) -> Path:
    """A cache folder (XDG_CACHE_HOME) in tmp_path as a first `generate` of raw_answers() leaves it;
    that run is made once per test run and its cache copied (modes and all)."""

    def first_run(folder: Path) -> None:
        path = folder / "a.yaml"
        path.write_text(yaml_io.dump(raw_answers()), encoding="utf-8")
        result = _generate_in_a_fresh_process(path, folder / "een", folder / "cache")
        assert result.returncode == 0, result.stderr

    made = shared_output(tmp_path_factory, f"first run's cache\n{yaml_io.dump(raw_answers())}", first_run)
    shutil.copytree(made / "cache", tmp_path / "cache", symlinks=True)
    return tmp_path / "cache"


@pytest.mark.parametrize(("shared", "with_checksum"), [(True, True), (True, False), (False, True)])
def test_planted_compiled_code_in_a_shared_cache_folder_is_not_run(shared, with_checksum, tmp_path, filled_cache):
    """The cache holds compiled clause texts (marshal code objects, no pickle any more): an entry in
    a folder that others can write is never loaded. The control (the user's own folder, a valid
    checksum) shows that the planted code would run if it were loaded."""
    import hashlib
    import marshal

    path = tmp_path / "a.yaml"
    path.write_text(yaml_io.dump(raw_answers()), encoding="utf-8")
    folder = filled_cache / "consortium"
    entries = list(folder.glob("jinja-*.bc"))
    assert entries
    mark = tmp_path / "uitgevoerd"
    payload = marshal.dumps(compile(f"import pathlib\npathlib.Path({str(mark)!r}).touch()\n", "geplant", "exec"))
    for entry in entries:
        entry.write_bytes(hashlib.sha256(payload).digest() + payload if with_checksum else payload)
    if shared:
        os.chmod(folder, 0o777)  # writable by others: someone else could have put it there
    _generate_in_a_fresh_process(path, tmp_path / "twee", filled_cache)
    assert mark.exists() is (not shared)


def test_a_corrupted_chart_in_the_cache_is_drawn_again(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "a.yaml"
    path.write_text(yaml_io.dump(raw_answers()), encoding="utf-8")
    assert run(capsys, "generate", str(path), "--out", str(tmp_path / "een"))[0] == 0
    charts = list((tmp_path / "cache" / "consortium").glob("grafiek-*.png"))
    assert charts
    for chart in charts:
        chart.write_bytes(chart.read_bytes()[:100])
    code, _, err = run(capsys, "generate", str(path), "--out", str(tmp_path / "twee"))
    assert code == 0, err
    assert (tmp_path / "twee" / "governance-analyse.docx").is_file()


# --- finding 15, 18: syntax errors and line breaks in Dutch ------------------------------------

@pytest.mark.parametrize("text", [
    "%YAML 1.1\n%YAML 1.1\n---\nversie: 1\n", "[a, b]]\n", "versie: !!\n", 'versie: "\\x4"\n',
    "!foo &a !bar x\n", "versie: |0\n  a\n", "versie: 'x' y\n", "versie: &x 1\nb: !<x\n",
])
def test_syntax_errors_are_dutch(text, tmp_path, capsys):
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "check", str(path))
    assert code == 2
    assert "regel " in err and "kolom " in err
    assert not any(word in err for word in ("expected", "found", "while", "YAML meldt")), err


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029"])
def test_invisible_line_breaks_are_refused_with_their_place(separator, tmp_path, capsys):
    path = tmp_path / "a.yaml"
    path.write_text(BASE_TEXT.replace("Tiel\n", f"Ti{separator}el\n", 1), encoding="utf-8")
    line = BASE_TEXT[: BASE_TEXT.index("Tiel\n")].count("\n") + 1
    code, _, err = run(capsys, "check", str(path))
    assert code == 2
    assert f"regel {line}, kolom" in err and f"U+{ord(separator):04X}" in err


def test_the_interview_does_not_read_other_scripts_digits_as_a_number():
    """Finding 18, interview side: float() accepts '٣٥' as 35; the answer goes to the validator as text."""
    from generator.answers.load import validate_field
    from generator.interview.kinds import parse_number

    assert parse_number("٣٥") == "٣٥"
    assert parse_number("3,5") == 3.5
    value, problems = validate_field("lumpsum", "indexatie", parse_number("٣٥"))
    assert value is None
    assert "cijfers uit een ander schrift" in problems[0].bericht


@pytest.mark.parametrize("number, dutch", [
    ("EXDEV", "een bestand kan niet naar een ander bestandssysteem worden verplaatst"),
    ("ELOOP", "te veel symbolische koppelingen achter elkaar"),
    ("ENAMETOOLONG", "de naam is te lang"),
    ("EOWNERDEAD", "onbekende fout van het besturingssysteem (foutcode"),
])
def test_os_errors_are_dutch(number, dutch):
    """Finding 15: "Invalid cross-device link" and "Too many levels of symbolic links" were English."""
    import errno

    from generator.errors import output_error, read_error

    code = getattr(errno, number)
    error = OSError(code, os.strerror(code), "x.docx")
    for message in (output_error(error, "de documenten").bericht, read_error(error, "a.yaml").bericht):
        assert dutch in message
        assert os.strerror(code) not in message
