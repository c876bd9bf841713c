"""Time `consortium generate` per example as a cold process, against a floor measured in the same run.

Two figures per example: "warm" (the cache folder filled by an earlier run) and "eerste run" (a
new user's first run: an empty cache folder).

The floor is what any docxtpl-based tool must pay for the same output: start Python, import
docxtpl, and render the same master template with the same paragraphs of text (taken from the
generated documents), once per document. Reported as a ratio; the aim is to stay within 2x.
Beside it a strict floor (the same, without the cycle collector and the interpreter's teardown,
as `consortium` runs) and the peak memory of a generate and of the floor.

Run:  python bench/bench_generate.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "voorbeelden").glob("*.yaml"))

FLOOR = r"""
import json, os, sys
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

# The same floor with the two savings `consortium` itself makes (see generator.cli.run): no cycle
# collector, no interpreter teardown. Reported beside the floor so that the ratio is not bought
# with savings any tool could make.
STRICT_FLOOR = "import gc, os; gc.disable()\n" + FLOOR + "sys.stdout.flush(); os._exit(0)\n"


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time in seconds and peak memory in MB of one run of `cmd`."""
    start = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, cmd)
    return elapsed, usage.ru_maxrss // 1024


def paragraphs_of(folder: Path) -> list[list[str]]:
    from docx import Document

    return [[p.text for p in Document(str(f)).paragraphs if p.text.strip()]
            for f in sorted(folder.glob("*.docx"))]


def median_of(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    return statistics.median(timed(cmd, env)[0] for _ in range(runs))


def peak_of(cmd: list[str], env: dict[str, str]) -> int:
    return max(timed(cmd, env)[1] for _ in range(2))


def with_cache(folder: Path) -> dict[str, str]:
    """The environment of a user whose cache folder is `folder`. Python may write its byte code, as
    it does for a user: an installed package is byte-compiled, like the docxtpl the floor imports."""
    env = {**os.environ, "XDG_CACHE_HOME": str(folder)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def first_runs(cmd: list[str], runs: int, work: Path) -> float:
    """A new user's first run: every run starts with an empty cache folder of its own."""
    return statistics.median(timed(cmd, with_cache(Path(tempfile.mkdtemp(dir=work))))[0] for _ in range(runs))


@dataclass(frozen=True)
class Figures:
    paragraphs: int
    warm: float
    first: float
    floor: float
    strict_floor: float
    memory: int  # peak MB of a generate
    floor_memory: int


def bench(example: Path, runs: int, work: Path) -> Figures:
    out = work / example.stem
    gen = [sys.executable, "-m", "generator", "generate", str(example), "--out", str(out), "--force"]
    warm = with_cache(work / "warm")
    subprocess.run(gen, check=True, capture_output=True, env=warm)
    spec = work / f"{example.stem}.json"
    spec.write_text(json.dumps(paragraphs_of(out)), encoding="utf-8")
    floor_dir = work / f"{example.stem}-floor"
    floor_dir.mkdir(exist_ok=True)
    floor_args = [str(spec), str(REPO / "templates" / "huisstijl.docx"), str(floor_dir)]
    floor = [sys.executable, "-c", FLOOR, *floor_args]
    strict = [sys.executable, "-c", STRICT_FLOOR, *floor_args]
    paragraphs = sum(len(d) for d in json.loads(spec.read_text(encoding="utf-8")))
    return Figures(paragraphs, median_of(gen, runs, warm), first_runs(gen, runs, work), median_of(floor, runs, warm),
                   median_of(strict, runs, warm), peak_of(gen, warm), peak_of(floor, warm))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        check = [sys.executable, "-m", "generator", "check", str(EXAMPLES[0])]
        check_cold = first_runs(check, runs, work)
        bare = median_of([sys.executable, "-c", "pass"], runs, with_cache(work))
        print(f"check (empty cache): {check_cold * 1000:.0f} ms; bare Python start: {bare * 1000:.0f} ms\n")
        print(f"{'voorbeeld':<26}{'alinea’s':>9}{'warm':>9}{'ratio':>7}{'eerste run':>12}{'ratio':>7}"
              f"{'floor':>8}{'strict':>8}{'ratio':>7}{'MB':>6}{'floor':>7}")
        rows = [bench(example, runs, work) for example in EXAMPLES]
        for example, f in zip(EXAMPLES, rows, strict=True):
            print(f"{example.stem:<26}{f.paragraphs:>9}{f.warm * 1000:>7.0f}ms{f.warm / f.floor:>6.2f}x"
                  f"{f.first * 1000:>10.0f}ms{f.first / f.floor:>6.2f}x{f.floor * 1000:>6.0f}ms"
                  f"{f.strict_floor * 1000:>6.0f}ms{f.first / f.strict_floor:>6.2f}x{f.memory:>6}{f.floor_memory:>7}")
    median = statistics.median
    print(f"\nmedian ratio {median(f.warm / f.floor for f in rows):.2f}x with a warm cache, "
          f"{median(f.first / f.floor for f in rows):.2f}x on a first run with an empty cache folder "
          f"(aim: within 2x); a first run against the strict floor: "
          f"{median(f.first / f.strict_floor for f in rows):.2f}x; "
          f"peak memory {median(f.memory / f.floor_memory for f in rows):.2f}x the floor's; runs per figure: {runs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
