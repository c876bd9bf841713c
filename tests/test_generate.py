"""`consortium generate` as a user sees it: complete Word drafts per legal form, read back with python-docx."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, character_style, generated_package, raw_answers, run_cli
from docx import Document

EXAMPLES = {p.stem.split("-")[0]: p for p in sorted((REPO / "voorbeelden").glob("*.yaml"))}
NUMBERED = {"Artikelkop", "Lid", "Sublid", "Partij", "Overweging"}


def all_text(path: Path) -> list[str]:
    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        texts += [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]
    for section in doc.sections:
        texts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return texts


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> dict[str, Path]:
    return {form: generated_package(tmp_path_factory, example) for form, example in EXAMPLES.items()}


def test_generate_writes_the_contract_files(generated):
    for form, folder in generated.items():
        names = {p.name for p in folder.iterdir()}
        expected = {"samenwerkingsovereenkomst.docx", "huishoudelijk-reglement.docx", "governance-analyse.docx",
                    "verantwoording.json"} | (set() if form == "geen" else {"statuten.docx"})
        assert names == expected, form


def test_generate_prints_what_it_wrote(tmp_path):
    result = run_cli("generate", str(EXAMPLES["geen"]), "--out", str(tmp_path / "uit"))
    assert result.returncode == 0
    assert "samenwerkingsovereenkomst.docx" in result.stdout and "verantwoording.json" in result.stdout
    assert "Open punten (geel gemarkeerd" in result.stdout


def test_generate_counts_the_warnings_of_the_analysis_it_wrote(tmp_path):
    from generator.analysis.report import analyse
    from generator.answers import load_answers
    from generator.interview.consequences import tally

    result = run_cli("generate", str(EXAMPLES["stichting"]), "--out", str(tmp_path / "uit"))
    found = analyse(load_answers(EXAMPLES["stichting"])).waarschuwingen
    assert found, "the example should have warnings for this test to mean something"
    assert f"Waarschuwingen: {tally(found)}. Lees ze" in result.stdout
    assert str(tmp_path / "uit" / "governance-analyse.docx") in result.stdout
    closing = result.stdout[result.stdout.index("Waarschuwingen:"):].splitlines()
    assert max(len(line) for line in closing if str(tmp_path) not in line) <= 80


@pytest.mark.parametrize("form", list(EXAMPLES))
def test_no_template_syntax_or_python_literals_leak(generated, form):
    for docx in generated[form].glob("*.docx"):
        for text in all_text(docx):
            for leak in ("{{", "{%", "}}", "%}"):
                assert leak not in text, (docx.name, text)
            for word in ("None", "True", "False"):
                assert f" {word} " not in f" {text} ", (docx.name, text)


@pytest.mark.parametrize("form", list(EXAMPLES))
def test_articles_and_leden_carry_word_numbering(generated, form):
    for name in ("samenwerkingsovereenkomst.docx", "statuten.docx", "huishoudelijk-reglement.docx"):
        path = generated[form] / name
        if not path.exists():
            continue
        doc = Document(str(path))
        styles = [p.style.style_id for p in doc.paragraphs]
        assert styles.count("Artikelkop") >= 8, (form, name)
        assert "Lid" in styles and "Sublid" in styles, (form, name)
        for p in doc.paragraphs:
            if p.style.style_id in NUMBERED:
                assert p.style.element.pPr.numPr is not None
                assert not p.text.lstrip().startswith(("Artikel ", "1.", "a.")), p.text


def test_header_and_footer(generated):
    texts = all_text(generated["cooperatie"] / "statuten.docx")
    assert any("Coöperatie Jeugdhulp Rivierenland U.A." in t and "CONCEPT" in t for t in texts)
    footer = Document(str(generated["cooperatie"] / "statuten.docx")).sections[0].footer
    xml = footer._element.xml
    assert "PAGE" in xml and "NUMPAGES" in xml and "pagina" in footer.paragraphs[0].text


def test_signature_blocks_per_partner(generated):
    texts = all_text(generated["bv"] / "samenwerkingsovereenkomst.docx")
    assert "Stichting Alcander Jeugd" in texts
    assert any("namens deze: drs. H. Claessens" in t for t in texts)
    assert any("namens deze: [naam vertegenwoordiger]" in t for t in texts)


def test_dutch_notation(generated):
    text = "\n".join(all_text(generated["cooperatie"] / "samenwerkingsovereenkomst.docx"))
    assert "€ 26.100.000" in text
    assert "1 januari 2027" in text
    assert "twaalf (12) maanden" in text


def test_same_fact_same_value_across_documents(generated):
    folder = generated["cooperatie"]
    so = "\n".join(all_text(folder / "samenwerkingsovereenkomst.docx"))
    statuten = "\n".join(all_text(folder / "statuten.docx"))
    for fact in ("twaalf (12) maanden", "67%", "Coöperatie Jeugdhulp Rivierenland U.A."):
        assert fact in so and fact in statuten, fact


def test_references_into_the_statuten_name_the_document(generated):
    import re

    text = "\n".join(all_text(generated["cooperatie"] / "samenwerkingsovereenkomst.docx"))
    refs = re.findall(r"artikel (\d+) van de Statuten", text)
    assert refs
    statuten = Document(str(generated["cooperatie"] / "statuten.docx"))
    articles = sum(p.style.style_id == "Artikelkop" for p in statuten.paragraphs)
    assert all(1 <= int(n) <= articles for n in refs)


def test_open_points_are_visible_and_accounted(generated):
    doc = Document(str(generated["geen"] / "samenwerkingsovereenkomst.docx"))
    highlighted = [r.text for p in doc.paragraphs for r in p.runs
                   if (style := character_style(r)) and style.font.highlight_color is not None]
    assert "[KvK-nummer]" in highlighted
    account = json.loads((generated["geen"] / "verantwoording.json").read_text(encoding="utf-8"))
    points = account["documenten"]["samenwerkingsovereenkomst.docx"]["open_punten"]
    assert {"plaats": "DE ONDERGETEKENDEN:", "punt": "KvK-nummer"} in points


def test_accountability_lists_every_clause_and_why(generated):
    account = json.loads((generated["stichting"] / "verantwoording.json").read_text(encoding="utf-8"))
    statuten = account["documenten"]["statuten.docx"]
    used = statuten["clausules"]
    assert all({"id", "versie", "artikel", "gekozen_door"} <= set(c) for c in used)
    numbers = [c["artikel"] for c in used if c["artikel"] is not None]
    assert numbers == list(range(1, len(numbers) + 1))
    assert any(c["gekozen_door"].get("vorm") == "stichting" or c["gekozen_door"] for c in used)
    left_out = statuten["weggelaten"]
    assert left_out and all(c["reden"].startswith("voorwaarde niet vervuld") for c in left_out)
    assert any(w["waarden"].get("vorm") == "stichting" for w in left_out)


HOSTILE = "{{ 7*7 }} {% if x %}Jansen & Zn. <b>\"O'Brien\"</b> 👩‍⚕️ \u05e9\u05dc\u05d5\u05dd"


def test_hostile_text_comes_through_literally(tmp_path, write_answers):
    raw = raw_answers("geen")
    raw["partners"][1]["naam"] = HOSTILE
    raw["partners"][1]["vertegenwoordiger"] = "A & B <script>"
    raw["consortium"]["opdrachtgever"] = "Regio {% raw %} & co"
    path = write_answers(raw)
    result = run_cli("generate", str(path), "--out", str(tmp_path / "uit"))
    assert result.returncode == 0, result.stderr
    text = "\n".join(all_text(tmp_path / "uit" / "samenwerkingsovereenkomst.docx"))
    assert HOSTILE in text
    assert "A & B <script>" in text
    assert "Regio {% raw %} & co" in text
    assert "49" not in text.replace("2049", "")


def test_existing_files_are_kept_without_force(tmp_path):
    out = tmp_path / "uit"
    assert run_cli("generate", str(EXAMPLES["geen"]), "--out", str(out)).returncode == 0
    target = out / "samenwerkingsovereenkomst.docx"
    target.write_bytes(b"eigen werk")
    result = run_cli("generate", str(EXAMPLES["geen"]), "--out", str(out))
    assert result.returncode == 2
    assert "--force" in result.stderr and "Traceback" not in result.stderr
    assert target.read_bytes() == b"eigen werk"
    assert run_cli("generate", str(EXAMPLES["geen"]), "--out", str(out), "--force").returncode == 0
    assert target.read_bytes() != b"eigen werk"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".consortium-")]


def test_force_removes_stale_statuten_when_the_form_changes(tmp_path):
    out = tmp_path / "uit"
    assert run_cli("generate", str(EXAMPLES["stichting"]), "--out", str(out)).returncode == 0
    assert (out / "statuten.docx").exists()
    assert run_cli("generate", str(EXAMPLES["geen"]), "--out", str(out), "--force").returncode == 0
    assert not (out / "statuten.docx").exists()


def test_invalid_input_creates_nothing(tmp_path, write_answers):
    path = write_answers(raw_answers(stemrecht={"model": "loting"}))
    result = run_cli("generate", str(path), "--out", str(tmp_path / "uit"))
    assert result.returncode == 2
    assert "stemrecht.model" in result.stderr
    assert not (tmp_path / "uit").exists()


@pytest.fixture(scope="module")
def numbering_pdfs(generated, tmp_path_factory) -> dict[str, Path]:
    """The main document of every example as LibreOffice prints it: one LibreOffice for all of them."""
    folder = tmp_path_factory.mktemp("pdf")
    copies = {}
    for form, package in generated.items():
        name = "samenwerkingsovereenkomst.docx" if form == "geen" else "statuten.docx"
        copies[form] = folder / f"{form}-{name}"
        shutil.copyfile(package / name, copies[form])
    env = {**os.environ, "HOME": str(folder)}
    subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/profiel", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), *map(str, copies.values())],
                   check=True, capture_output=True, timeout=180, env=env)
    return {form: copy.with_suffix(".pdf") for form, copy in copies.items()}


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) en pdftotext zijn niet geïnstalleerd")
@pytest.mark.parametrize("form", list(EXAMPLES))
def test_numbering_shows_in_libreoffice_pdf(numbering_pdfs, form):
    text = subprocess.run(["pdftotext", "-layout", str(numbering_pdfs[form]), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Artikel 1" in text and "Artikel 2" in text
    assert "1.1" in text or "2.1" in text
    assert "pagina 1 van" in text


def test_output_under_a_file_is_a_dutch_error(tmp_path):
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    result = run_cli("generate", str(EXAMPLES["geen"]), "--out", str(blocker / "uit"))
    assert result.returncode == 2
    assert "Kan de documenten niet schrijven" in result.stderr and "Traceback" not in result.stderr


def test_a_folder_with_a_document_name_is_never_replaced(tmp_path):
    out = tmp_path / "uit"
    (out / "huishoudelijk-reglement.docx").mkdir(parents=True)
    (out / "huishoudelijk-reglement.docx" / "eigen.txt").write_text("eigen werk")
    result = run_cli("generate", str(EXAMPLES["geen"]), "--out", str(out), "--force")
    assert result.returncode == 2
    assert "is geen bestand" in result.stderr
    assert (out / "huishoudelijk-reglement.docx" / "eigen.txt").read_text() == "eigen werk"
    assert not (out / "samenwerkingsovereenkomst.docx").exists()


def test_a_failed_swap_puts_the_previous_package_back(tmp_path, monkeypatch):
    from generator import api
    from generator.assemble import package

    out = tmp_path / "uit"
    api.generate(EXAMPLES["geen"], out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real_replace = package.os.replace
    calls = {"n": 0}

    def failing_replace(src, dst):
        calls["n"] += 1
        if calls["n"] == len(before) + 2:  # after the old files moved aside and one new file placed
            raise PermissionError(13, "Permission denied", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(package.os, "replace", failing_replace)
    from generator.errors import OutputError

    with pytest.raises(OutputError, match="geen toestemming"):
        api.generate(EXAMPLES["geen"], out, force=True)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
