"""Browsing the clause library: list, show and export, as a lawyer reusing standard clauses would."""

from __future__ import annotations

from conftest import run_cli
from docx import Document


def test_list_shows_every_document_and_clause_ids():
    result = run_cli("clauses", "list")
    assert result.returncode == 0
    assert "Clausulebibliotheek versie" in result.stdout
    for heading in ("Samenwerkingsovereenkomst (", "Statuten (", "Huishoudelijk reglement"):
        assert heading in result.stdout
    assert "statuten.akte.verschijning" in result.stdout


def test_show_gives_text_condition_version_basis_and_explanation():
    result = run_cli("clauses", "show", "statuten.akte.verklaring")
    assert result.returncode == 0
    for label in ("versie 2", "Voorwaarde:", "Grondslag:", "BW 2:27 lid 3", "Toelichting:", "Tekst:"):
        assert label in result.stdout


def test_show_unknown_id_suggests_the_closest():
    result = run_cli("clauses", "show", "statuten.akte.verklaringg")
    assert result.returncode == 2
    assert "bestaat niet" in result.stderr and "statuten.akte.verklaring" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_writes_one_readable_docx(tmp_path):
    target = tmp_path / "bibliotheek.docx"
    result = run_cli("clauses", "export", "--out", str(target))
    assert result.returncode == 0, result.stderr
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "Clausulebibliotheek" in text
    assert "[statuten.akte.verschijning, versie 2]" in text
    assert "Grondslag: Wna art. 40 lid 1" in text
    again = run_cli("clauses", "export", "--out", str(target))
    assert again.returncode == 2 and "--force" in again.stderr
    assert run_cli("clauses", "export", "--out", str(target), "--force").returncode == 0
