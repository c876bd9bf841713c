"""The cache only ever saves time: a run succeeds when the cache folder vanishes or holds damage."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import shared_output
from docx import Document

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "voorbeelden" / "cooperatie-rivierenland.yaml"

# A fresh process (nothing compiled in memory yet) that deletes the whole cache folder halfway
# through rendering the clauses: later compiled texts and the chart are written to a folder that
# no longer exists.
VANISHING = """
import shutil, sys
from generator import cache, cli
from generator.assemble import render

calls = {"n": 0}
original = render.Renderer.paragraph

def paragraph(self, source, extra):
    calls["n"] += 1
    if calls["n"] == 40:
        shutil.rmtree(cache.cache_dir())
    return original(self, source, extra)

render.Renderer.paragraph = paragraph
code = cli.main(sys.argv[1:])
print("verwijderd" if calls["n"] >= 40 and not cache.cache_dir().exists() else "niet verwijderd")
raise SystemExit(code)
"""


def _generate(cache_home: Path, out: Path, script: str | None = None) -> subprocess.CompletedProcess[str]:
    args = ["generate", str(EXAMPLE), "--out", str(out), "--force"]
    command = [sys.executable, "-c", script, *args] if script else [sys.executable, "-m", "generator", *args]
    # matplotlib keeps its font list apart (the session's cache), so only consortium's cache is new
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cache_home), "XDG_CACHE_HOME": str(cache_home),
           "MPLCONFIGDIR": str(Path(os.environ["XDG_CACHE_HOME"]) / "matplotlib")}
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, cwd=REPO)


def _texts(folder: Path) -> dict[str, list[str]]:
    return {p.name: [para.text for para in Document(str(p)).paragraphs] for p in sorted(folder.glob("*.docx"))}


@pytest.fixture
def first_run(tmp_path, tmp_path_factory) -> tuple[Path, Path]:
    """(cache home, package) of a first run with an empty cache: the package is shared (read it
    only), the cache home a copy in tmp_path that the test may change; the run is made once."""

    def generate(folder: Path) -> None:
        result = _generate(folder / "cache", folder / "eerst")
        assert result.returncode == 0, result.stderr

    made = shared_output(tmp_path_factory, f"test_cache first run\n{EXAMPLE.read_text(encoding='utf-8')}", generate)
    shutil.copytree(made / "cache", tmp_path / "cache", symlinks=True)
    return tmp_path / "cache", made / "eerst"


def test_a_cache_folder_that_vanishes_mid_run_does_not_fail_it(tmp_path, first_run):
    home, first = first_run  # the cache is filled
    assert any((home / "consortium").iterdir())
    result = _generate(home, tmp_path / "uit", VANISHING)
    assert result.returncode == 0, result.stderr
    assert "verwijderd" in result.stdout.splitlines()[-1]
    assert _texts(tmp_path / "uit") == _texts(first)


def test_corrupted_cache_files_are_ignored(tmp_path, first_run):
    home, first = first_run
    entries = [p for p in (home / "consortium").iterdir() if p.is_file()]
    assert any(p.suffix == ".png" for p in entries) and any(p.suffix == ".bc" for p in entries)
    for entry in entries:  # cut every entry short and flip a byte: truncated writes, disk damage
        data = entry.read_bytes()
        entry.write_bytes(data[:len(data) // 2][:-1] + bytes([data[len(data) // 2] ^ 0xFF]))
    result = _generate(home, tmp_path / "uit")
    assert result.returncode == 0, result.stderr
    assert _texts(tmp_path / "uit") == _texts(first)
