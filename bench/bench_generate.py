"""Time `consortium generate` per example as a cold process, against a floor measured in the same run.

The floor is what any docxtpl-based tool must pay for the same output: start Python, import
docxtpl, and render the same master template with the same paragraphs of text (taken from the
generated documents), once per document. Reported as a ratio; the aim is to stay within 2x.

Run:  python bench/bench_generate.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "voorbeelden").glob("*.yaml"))

FLOOR = r"""
import json, sys
from docxtpl import DocxTemplate, RichText, RichTextParagraph
spec = json.load(open(sys.argv[1], encoding="utf-8"))
for i, doc in enumerate(spec):
    tpl = DocxTemplate(sys.argv[2])
    def para(text, style):
        p = RichTextParagraph(); p.add(RichText(text), parastyle=style); return p
    arts = [{"titel": "Artikel", "alineas": [para(t, "Lid") for t in doc]}]
    tpl.render({"titel": "T", "ondertitel": "O", "koptekst": "K", "preambule": [], "slot": [],
                "artikelen": arts, "ondertekenaars": []})
    tpl.save(f"{sys.argv[3]}/floor-{i}.docx")
"""


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before)


def paragraphs_of(folder: Path) -> list[list[str]]:
    from docx import Document

    return [[p.text for p in Document(str(f)).paragraphs if p.text.strip()]
            for f in sorted(folder.glob("*.docx"))]


def median_of(cmd: list[str], runs: int, env: dict | None = None) -> float:
    return statistics.median(timed(cmd, env)[0] for _ in range(runs))


NO_CACHE = {**os.environ, "CONSORTIUM_CACHE": "0"}


def bench(example: Path, runs: int, work: Path) -> tuple[float, float, float, int]:
    out = work / example.stem
    gen = [sys.executable, "-m", "generator", "generate", str(example), "--out", str(out), "--force"]
    subprocess.run(gen, check=True, capture_output=True)
    spec = work / f"{example.stem}.json"
    spec.write_text(json.dumps(paragraphs_of(out)), encoding="utf-8")
    floor_dir = work / f"{example.stem}-floor"
    floor_dir.mkdir(exist_ok=True)
    floor = [sys.executable, "-c", FLOOR, str(spec), str(REPO / "templates" / "huisstijl.docx"), str(floor_dir)]
    paragraphs = sum(len(d) for d in json.loads(spec.read_text(encoding="utf-8")))
    return median_of(gen, runs), median_of(gen, runs, NO_CACHE), median_of(floor, runs), paragraphs


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    check = median_of([sys.executable, "-m", "generator", "check", str(EXAMPLES[0])], runs)
    bare = median_of([sys.executable, "-c", "pass"], runs)
    print(f"check (cold): {check * 1000:.0f} ms; bare Python start: {bare * 1000:.0f} ms\n")
    print(f"{'voorbeeld':<26}{'alinea’s':>9}{'generate':>10}{'ratio':>7}{'zonder cache':>14}{'ratio':>7}{'floor':>8}")
    ratios, cold_ratios = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for example in EXAMPLES:
            gen, cold, floor, paragraphs = bench(example, runs, Path(tmp))
            ratios.append(gen / floor)
            cold_ratios.append(cold / floor)
            print(f"{example.stem:<26}{paragraphs:>9}{gen * 1000:>8.0f}ms{gen / floor:>6.2f}x"
                  f"{cold * 1000:>12.0f}ms{cold / floor:>6.2f}x{floor * 1000:>6.0f}ms")
    print(f"\nmedian ratio {statistics.median(ratios):.2f}x with warm cache, "
          f"{statistics.median(cold_ratios):.2f}x without (aim: within 2x); runs per figure: {runs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
