"""The house-style master is reproducible from its build script and carries real Word numbering."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from conftest import REPO

MASTER = REPO / "templates" / "huisstijl.docx"
PARTS = ("word/styles.xml", "word/numbering.xml", "word/document.xml", "word/header1.xml", "word/footer1.xml")


def test_committed_master_matches_its_build_script(tmp_path):
    rebuilt = tmp_path / "huisstijl.docx"
    subprocess.run([sys.executable, str(REPO / "templates" / "build_master.py"), str(rebuilt)], check=True,
                   capture_output=True)
    with zipfile.ZipFile(MASTER) as committed, zipfile.ZipFile(rebuilt) as fresh:
        for part in PARTS:
            assert committed.read(part) == fresh.read(part), part


def test_numbering_is_linked_to_styles():
    with zipfile.ZipFile(MASTER) as docx:
        numbering = docx.read("word/numbering.xml").decode()
        styles = docx.read("word/styles.xml").decode()
    for text in ("Artikel %1", "%1.%2", "%3.", "lowerLetter", "upperLetter"):
        assert f'"{text}"' in numbering
    for style in ("Artikelkop", "Lid", "Sublid", "Partij", "Overweging"):
        assert f'<w:pStyle w:val="{style}"/>' in numbering
        assert f'w:styleId="{style}"' in styles
    assert numbering.index("<w:abstractNum ") < numbering.index("<w:num ")
