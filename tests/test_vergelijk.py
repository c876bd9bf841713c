"""`consortium vergelijk` as a lawyer sees it: Word revisions read back with lxml, accepted and rejected."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import generated_package, raw_answers, run_cli, shared_output
from docx import Document as open_docx
from revisions import accept_all, body_of, lines, q, reject_all, revision_texts

from generator import api
from generator.adapters import yaml_io
from generator.compare import compare_documents, compare_packages
from generator.document import Artikel, Document, Lid, Run

REDLINED = {"samenwerkingsovereenkomst.docx": "samenwerkingsovereenkomst-wijzigingen.docx",
            "statuten.docx": "statuten-wijzigingen.docx",
            "huishoudelijk-reglement.docx": "huishoudelijk-reglement-wijzigingen.docx"}

OUD = raw_answers("cooperatie", stemrecht={"model": "naar_aandeel", "maximum": 45, "quorum": 50})
PERCENTAGE = raw_answers("cooperatie", stemrecht={"model": "naar_aandeel", "maximum": 45, "quorum": 60})
STEMMODEL = raw_answers("cooperatie", stemrecht={"model": "gelijk", "quorum": 50})
RECHTSVORM = raw_answers("geen", stemrecht={"model": "naar_aandeel", "maximum": 45, "quorum": 50})
ALLES = raw_answers("stichting", stemrecht={"model": "gelijk", "quorum": 60})


@pytest.fixture
def compared(tmp_path_factory):
    """vergelijk OUD → `nieuw` (in process) beside both packages as generate writes them; made once
    per test run for each `nieuw` and shared, so only read."""

    def run(nieuw: dict) -> dict[str, Path]:
        def vergelijk(folder: Path) -> None:
            old, new = folder / "oud.yaml", folder / "nieuw.yaml"
            old.write_text(yaml_io.dump(OUD), encoding="utf-8")
            new.write_text(yaml_io.dump(nieuw), encoding="utf-8")
            api.vergelijk(old, new, folder / "vergelijking")

        key = f"vergelijk\n{yaml_io.dump(OUD)}\n---\n{yaml_io.dump(nieuw)}"
        return {"oud": generated_package(tmp_path_factory, OUD), "nieuw": generated_package(tmp_path_factory, nieuw),
                "uit": shared_output(tmp_path_factory, key, vergelijk) / "vergelijking"}

    return run


def _generated_lines(folder: Path, name: str) -> list[tuple[str, str]]:
    path = folder / name
    return lines(body_of(path)) if path.exists() else []


def _assert_exact(folders: dict[str, Path]) -> None:
    """Accept-all gives NIEUW's document, reject-all OUD's, paragraph for paragraph (style and text)."""
    for name, redlined in REDLINED.items():
        path = folders["uit"] / redlined
        if not path.exists():
            assert not (folders["nieuw"] / name).exists() and not (folders["oud"] / name).exists()
            continue
        body = body_of(path)
        assert lines(accept_all(body)) == _generated_lines(folders["nieuw"], name), redlined
        assert lines(reject_all(body)) == _generated_lines(folders["oud"], name), redlined


def test_a_changed_percentage_is_one_small_revision(compared):
    folders = compared(PERCENTAGE)
    statuten = body_of(folders["uit"] / "statuten-wijzigingen.docx")
    # the statuten are part of the deed: the percentage is written in words and figures there
    assert revision_texts(statuten, "del") == ["vijftig", "50"]
    assert revision_texts(statuten, "ins") == ["zestig", "60"]
    for name in ("samenwerkingsovereenkomst-wijzigingen.docx", "huishoudelijk-reglement-wijzigingen.docx"):
        body = body_of(folders["uit"] / name)
        assert revision_texts(body, "ins") == revision_texts(body, "del") == []
    _assert_exact(folders)


def test_the_revision_sits_in_the_lid_that_changed(compared):
    folders = compared(PERCENTAGE)
    statuten = body_of(folders["uit"] / "statuten-wijzigingen.docx")
    changed = [p for p in statuten.iter(q("p")) if p.find(f".//{q('ins')}") is not None]
    assert len(changed) == 1
    assert changed[0].find(f"{q('pPr')}/{q('pStyle')}").get(q("val")) in ("Lid", "Artikeltekst")
    text = "".join(t.text for t in changed[0].iter(q("t"), q("delText")))
    assert "ten minste vijftigzestig procent (5060%)" in text


def test_revisions_carry_author_and_date(compared):
    folders = compared(STEMMODEL)
    body = body_of(folders["uit"] / "statuten-wijzigingen.docx")
    marks = [*body.iter(q("ins")), *body.iter(q("del"))]
    assert marks
    assert {m.get(q("author")) for m in marks} == {"consortium"}
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", m.get(q("date"))) for m in marks)
    ids = [m.get(q("id")) for m in marks]
    assert len(ids) == len(set(ids))
    for path in folders["uit"].glob("*.docx"):  # python-docx opens every result as a normal document
        document = open_docx(str(path))
        assert document.core_properties.author == "consortium"
        assert document.paragraphs[0].style.style_id == "Documenttitel"


def test_a_new_voting_model_replaces_whole_articles_with_numbered_paragraphs(compared):
    folders = compared(STEMMODEL)
    body = body_of(folders["uit"] / "statuten-wijzigingen.docx")
    inserted = [p for p in body.iter(q("p")) if p.find(f"{q('pPr')}/{q('rPr')}/{q('ins')}") is not None]
    deleted = [p for p in body.iter(q("p")) if p.find(f"{q('pPr')}/{q('rPr')}/{q('del')}") is not None]
    style = lambda p: p.find(f"{q('pPr')}/{q('pStyle')}").get(q("val"))  # noqa: E731
    assert "Artikelkop" in [style(p) for p in inserted] and "Artikelkop" in [style(p) for p in deleted]
    # Whole paragraphs: every run of an inserted paragraph is inside w:ins, of a deleted one in w:del.
    for p in inserted:
        assert all(r.getparent().tag == q("ins") for r in p.iter(q("r")))
    for p in deleted:
        assert all(r.getparent().tag == q("del") for r in p.iter(q("r")))
    assert any("één stem" in "".join(t.text for t in p.iter(q("t"))) for p in inserted)
    _assert_exact(folders)


def test_a_document_only_in_oud_is_wholly_deleted(compared):
    folders = compared(RECHTSVORM)
    path = folders["uit"] / "statuten-wijzigingen.docx"
    body = body_of(path)
    paragraphs = list(body.iter(q("p")))
    assert paragraphs and all(p.find(f"{q('pPr')}/{q('rPr')}/{q('del')}") is not None for p in paragraphs)
    assert revision_texts(body, "ins") == []
    assert lines(accept_all(body)) == []
    assert lines(reject_all(body)) == _generated_lines(folders["oud"], "statuten.docx")
    _assert_exact(folders)


def test_a_new_partner_is_an_inserted_signature_row(compared):
    partners = [dict(p) for p in OUD["partners"]]
    partners[0]["aandeel"], partners[1]["aandeel"] = 40, 35
    partners.append({"naam": "Stichting Jeugdzorg Lingewaard", "kvk": "12345678", "plaats": "Bemmel",
                     "aandeel": 10, "omzet": 5_000_000})
    folders = compared({**OUD, "partners": partners})
    body = body_of(folders["uit"] / "samenwerkingsovereenkomst-wijzigingen.docx")
    rows = [r for r in body.iter(q("tr")) if r.find(f"{q('trPr')}/{q('ins')}") is not None]
    assert len(rows) == 1
    assert "Stichting Jeugdzorg Lingewaard" in "".join(t.text for t in rows[0].iter(q("t")))
    _assert_exact(folders)


def test_three_changes_at_once_accept_and_reject_exactly(compared):
    folders = compared(ALLES)
    _assert_exact(folders)


def test_the_redlined_files_hold_only_the_document(compared):
    """No comments, notes or extra parts: the same package parts as the document `generate` writes."""
    folders = compared(STEMMODEL)
    for name, redlined in REDLINED.items():
        with zipfile.ZipFile(folders["uit"] / redlined) as a, zipfile.ZipFile(folders["nieuw"] / name) as b:
            assert sorted(a.namelist()) == sorted(b.namelist())
        body = body_of(folders["uit"] / redlined)
        assert {c.tag for c in body} <= {q("p"), q("tbl"), q("sectPr")}


def test_wijzigingen_md_lists_answers_and_the_articles_they_touched(compared):
    folders = compared(ALLES)
    summary = (folders["uit"] / "wijzigingen.md").read_text(encoding="utf-8")
    assert "| `stemrecht.quorum` | 50 | 60 |" in summary
    assert "| `stemrecht.model` | naar_aandeel | gelijk |" in summary
    assert "| `rechtsvorm.vorm` | cooperatie | stichting |" in summary
    quorum_row = next(line for line in summary.splitlines() if line.startswith("| `stemrecht.quorum`"))
    assert "besluitvorming" in quorum_row.lower()
    assert "Samenwerkingsovereenkomst" not in quorum_row  # the SO does not mention the quorum


def test_cli_writes_the_comparison_and_refuses_to_overwrite(tmp_path, write_answers):
    old, new = write_answers(OUD, "oud.yaml"), write_answers(PERCENTAGE, "nieuw.yaml")
    result = run_cli("vergelijk", str(old), str(new), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "vergelijking"
    assert {p.name for p in out.iterdir()} == {*REDLINED.values(), "wijzigingen.md"}
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    again = run_cli("vergelijk", str(old), str(new), cwd=tmp_path)
    assert again.returncode == 2
    assert "--force" in again.stderr and "Traceback" not in again.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    forced = run_cli("vergelijk", str(old), str(new), "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr


def test_force_removes_a_stale_statuten_comparison(tmp_path, write_answers):
    old = write_answers(OUD, "oud.yaml")
    out = tmp_path / "uit"
    api.vergelijk(old, write_answers(PERCENTAGE, "a.yaml"), out)
    assert (out / "statuten-wijzigingen.docx").exists()
    geen = raw_answers("geen")
    api.vergelijk(write_answers(geen, "b.yaml"), write_answers(geen, "c.yaml"), out, force=True)
    assert not (out / "statuten-wijzigingen.docx").exists()
    summary = (out / "wijzigingen.md").read_text(encoding="utf-8")
    assert "Geen: beide bestanden geven dezelfde antwoorden." in summary
    assert revision_texts(body_of(out / "samenwerkingsovereenkomst-wijzigingen.docx"), "ins") == []


def test_invalid_answers_are_refused_and_nothing_is_written(tmp_path, write_answers):
    old = write_answers(OUD, "oud.yaml")
    broken = write_answers(raw_answers("cooperatie", stemrecht={"quorum": 150}), "nieuw.yaml")
    result = run_cli("vergelijk", str(old), str(broken), "--out", str(tmp_path / "uit"))
    assert result.returncode == 2
    assert "stemrecht.quorum" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "uit").exists()
    assert not list(tmp_path.glob(".consortium-*"))


def test_both_invalid_files_are_reported_at_once(tmp_path, write_answers):
    old = write_answers(raw_answers("cooperatie", stemrecht={"gekwalificeerd": 20}), "oud.yaml")
    new = write_answers(raw_answers("cooperatie", stemrecht={"quorum": 150}), "nieuw.yaml")
    result = run_cli("vergelijk", str(old), str(new), "--out", str(tmp_path / "uit"))
    assert result.returncode == 2
    assert "stemrecht.gekwalificeerd" in result.stderr and "stemrecht.quorum" in result.stderr
    assert str(old) in result.stderr and str(new) in result.stderr


def _without_soffice(tmp_path: Path, monkeypatch) -> Path:
    """PATH is an empty folder (returned): no LibreOffice to be found."""
    empty = tmp_path / "leeg-pad"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    return empty


@pytest.mark.parametrize("command", ["generate", "vergelijk"])
def test_pdf_without_libreoffice_still_writes_the_docx_and_says_how_to_install(tmp_path, write_answers, command,
                                                                               monkeypatch):
    old, new = write_answers(OUD, "oud.yaml"), write_answers(PERCENTAGE, "nieuw.yaml")
    files = [str(new)] if command == "generate" else [str(old), str(new)]
    _without_soffice(tmp_path, monkeypatch)
    result = run_cli(command, *files, "--out", str(tmp_path / "uit"), "--pdf")
    assert result.returncode == 0, result.stderr
    assert "apt-get install libreoffice-writer-nogui" in result.stderr
    written = {p.suffix for p in (tmp_path / "uit").iterdir()}
    assert ".docx" in written and ".pdf" not in written


def test_a_failing_libreoffice_writes_nothing(tmp_path, write_answers, monkeypatch):
    fake = _without_soffice(tmp_path, monkeypatch) / "soffice"
    fake.write_text("#!/bin/sh\necho kapot >&2\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    old, new = write_answers(OUD, "oud.yaml"), write_answers(PERCENTAGE, "nieuw.yaml")
    result = run_cli("vergelijk", str(old), str(new), "--out", str(tmp_path / "uit"), "--pdf")
    assert result.returncode == 2
    assert "LibreOffice heeft niet elke PDF gemaakt" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "uit").exists()
    assert not list(tmp_path.glob(".consortium-*"))


# --- The engine on hand-made packages: the API other features build on ---

def _doc(*articles: tuple[str, list[str]]) -> Document:
    doc = Document(sleutel="so", bestand="so.docx", titel="SO", ondertitel="", koptekst="")
    doc.artikelen = [Artikel(n, cid.title(), cid, tuple(Lid((Run(t),)) for t in leden))
                     for n, (cid, leden) in enumerate(articles, 1)]
    return doc


def test_identical_packages_compare_as_unchanged():
    doc = _doc(("a.een", ["Eerste lid.", "Tweede lid."]))
    result = compare_packages([doc], [doc])
    assert not result.changed
    assert {p.status for p in result.documents[0].parts} == {"same"}
    assert result.documents[0].text("old") == result.documents[0].text("new") == [
        "SO", "", "A.Een", "Eerste lid.", "Tweede lid."]


def test_a_moved_article_shows_where_it_went_with_both_numbers():
    old = _doc(("a.een", ["Een."]), ("a.twee", ["Twee."]), ("a.drie", ["Drie."]))
    new = _doc(("a.twee", ["Twee."]), ("a.drie", ["Drie."]), ("a.een", ["Een."]))
    parts = compare_documents(old, new).parts
    moved = {(p.sleutel, p.status, p.oud_nummer, p.nieuw_nummer) for p in parts if p.status != "same"}
    assert moved == {("a.een", "moved_from", 1, 3), ("a.een", "moved_to", 1, 3)}
    assert [p.sleutel for p in parts if p.status == "same"] == ["kop", "a.twee", "a.drie"]


def test_a_single_lid_becoming_two_is_a_style_change_plus_an_inserted_lid():
    old = _doc(("a.een", ["Iedere partner heeft een stem."]))
    new = _doc(("a.een", ["Iedere partner heeft een stem.", "Besluiten vallen bij meerderheid."]))
    article = compare_documents(old, new).parts[1]
    first, second = article.paragraphs[1:]
    assert (first.stijl, first.oude_stijl, first.change) == ("Lid", "Artikeltekst", "same")
    assert second.change == "inserted" and second.text("new") == "Besluiten vallen bij meerderheid."
    assert article.status == "changed"


def test_word_level_pieces_keep_the_rest_of_the_lid():
    old = _doc(("a.een", ["Het quorum is 50% van de stemmen."]))
    new = _doc(("a.een", ["Het quorum is 60% van de stemmen."]))
    lid = compare_documents(old, new).parts[1].paragraphs[1]
    assert [(p.tekst, p.change) for p in lid.pieces] == [
        ("Het quorum is ", "same"), ("50", "deleted"), ("60", "inserted"), ("% van de stemmen.", "same")]


# --- LibreOffice opens the results and shows both versions ---

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                                   reason="LibreOffice (soffice) of pdftotext ontbreekt")


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.slow
@needs_soffice
def test_libreoffice_shows_both_versions_in_the_pdf(tmp_path, write_answers):
    old, new = write_answers(OUD, "oud.yaml"), write_answers(ALLES, "nieuw.yaml")
    result = run_cli("vergelijk", str(old), str(new), "--out", str(tmp_path / "uit"), "--pdf")
    assert result.returncode == 0, result.stderr
    for redlined in (tmp_path / "uit").glob("*-wijzigingen.docx"):
        pdf = redlined.with_suffix(".pdf")
        assert pdf.exists(), pdf
        text = " ".join(_pdf_text(pdf).split())
        assert "pagina 1 van" in text
        if redlined.name.startswith("samenwerkingsovereenkomst"):
            assert "de coöperatie" in text and "de stichting" in text  # deleted and inserted words
        if redlined.name.startswith("statuten"):
            assert "De coöperatie" in text or "de coöperatie" in text
            assert "Stichting Jeugdhulp Rivierenland" in text


@pytest.mark.slow
@needs_soffice
def test_generate_pdf_has_page_numbers(tmp_path, write_answers):
    result = run_cli("generate", str(write_answers(OUD)), "--out", str(tmp_path / "uit"), "--pdf")
    assert result.returncode == 0, result.stderr
    pdfs = sorted(p.name for p in (tmp_path / "uit").glob("*.pdf"))
    assert pdfs == ["governance-analyse.pdf", "huishoudelijk-reglement.pdf", "samenwerkingsovereenkomst.pdf",
                    "statuten.pdf"]
    text = _pdf_text(tmp_path / "uit" / "statuten.pdf")
    pages = re.findall(r"pagina (\d+) van (\d+)", text)
    assert pages and pages[-1][0] == pages[-1][1] and int(pages[-1][1]) > 1


def test_differing_parts_agrees_with_the_full_comparison(write_answers):
    from generator.answers import load_answers
    from generator.assemble.build import assemble
    from generator.compare.engine import differing_parts
    from generator.library.load import default_library

    library = default_library()
    old = assemble(load_answers(write_answers(OUD, "oud.yaml")), library)
    for nieuw in (PERCENTAGE, STEMMODEL, RECHTSVORM, ALLES):
        new = assemble(load_answers(write_answers(nieuw, "nieuw.yaml")), library)
        full = {(d.sleutel, p.sleutel) for d in compare_packages(old, new).documents for p in d.changed_parts()}
        assert differing_parts(old, new) == full
    before = _doc(("a.een", ["Een."]), ("a.twee", ["Twee."]), ("a.drie", ["Drie."]))
    after = _doc(("a.twee", ["Twee."]), ("a.drie", ["Drie."]), ("a.een", ["Een."]))
    assert differing_parts([before], [after]) == {("so", "a.een")}


def _system_uno() -> bool:
    probe = subprocess.run(["/usr/bin/python3", "-c", "import uno"], capture_output=True) if Path(
        "/usr/bin/python3").exists() else None
    return probe is not None and probe.returncode == 0


def _libreoffice_paragraphs(*groups: tuple[str, list[Path]]) -> list[dict[str, dict]]:
    """Per (mode, files) group, what LibreOffice shows of each file; one LibreOffice serves them all."""
    import json
    import tempfile

    script = Path(__file__).with_name("lo_revisions.py")
    args = [str(arg) for mode, files in groups for arg in (mode, *files)]
    with tempfile.TemporaryDirectory(prefix="lo-vergelijk-", dir="/tmp") as profile:
        result = subprocess.run(["/usr/bin/python3", str(script), profile, *args],
                                capture_output=True, text=True, timeout=300, env={**os.environ, "HOME": profile})
    assert result.returncode == 0, result.stderr
    return [{Path(name).name: value for name, value in group.items()} for group in json.loads(result.stdout)]


@pytest.mark.slow
@needs_soffice
@pytest.mark.skipif(not _system_uno(), reason="LibreOffice's Python-brug (uno) ontbreekt")
def test_accept_and_reject_all_in_libreoffice_give_nieuw_and_oud(compared):
    """For a change of everything and of the legal form alone, one LibreOffice accepts and
    rejects every tracked change: what it then shows is, paragraph for paragraph, the body text
    of the document generated from nieuw and from oud."""
    cases = [compared(nieuw) for nieuw in (ALLES, RECHTSVORM)]
    groups = []
    for folders in cases:
        redlined = sorted(folders["uit"].glob("*-wijzigingen.docx"))
        groups += [("accept", redlined), ("reject", redlined)]
    shown = _libreoffice_paragraphs(*groups)
    for index, folders in enumerate(cases):
        accepted, rejected = shown[2 * index: 2 * index + 2]
        originals = {version: {name: [p.text for p in open_docx(str(folders[version] / name)).paragraphs]
                               for name in REDLINED if (folders[version] / name).exists()}
                     for version in ("nieuw", "oud")}
        _assert_accept_gives_nieuw_and_reject_oud(sorted(folders["uit"].glob("*-wijzigingen.docx")),
                                                  {"nieuw": accepted, "oud": rejected}, originals)


def _assert_accept_gives_nieuw_and_reject_oud(redlined: list[Path], results: dict[str, dict],
                                              originals: dict[str, dict[str, list[str]]]) -> None:
    for path in redlined:
        assert all(result[path.name]["redlines_before"] for result in results.values()), path.name
        original = path.name.replace("-wijzigingen", "")
        for version, result in results.items():
            assert not result[path.name]["redlines"]
            got = result[path.name]["paragraphs"]
            if original in originals[version]:
                assert got == originals[version][original], (path.name, version)
            else:
                assert all(p == "" for p in got), (path.name, version)
