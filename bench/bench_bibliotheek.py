"""What an own library costs: `generate --bibliotheek` against plain `generate`, as cold processes.

An own library is validated at every run (its texts, the proof that exactly one alternative
applies, its version lock, and the coverage of the whole library it makes); the bundled one is
trusted. Reported as ratios to plain `generate` of the same example; the aim is to stay within
1.5x. `clauses check` (the full check of the bundled library) is reported the same way.

Run:  python bench/bench_bibliotheek.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "voorbeelden" / "cooperatie-rivierenland.yaml"
OWN = """\
formaat: 2
document: samenwerkingsovereenkomst
clausules:
  - id: so.kantoor_klachten
    versie: 1
    titel: Klachten over de samenwerking
    volgorde: 655
    bron: contractspraktijk
    toelichting: Eigen clausule van het kantoor.
    leden:
      - varianten:
          - when: "heeft_rechtspersoon"
            tekst: "Klachten over de samenwerking worden behandeld door {{ bestuur }}."
          - anders: true
            tekst: "Klachten over de samenwerking worden behandeld door de stuurgroep."
"""


def median_seconds(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    base = [sys.executable, "-m", "generator"]
    with tempfile.TemporaryDirectory() as tmp:
        own = Path(tmp) / "kantoor"
        own.mkdir()
        (own / "eigen.yaml").write_text(OWN, encoding="utf-8")
        subprocess.run([*base, "clauses", "check", str(own), "--vernieuw-slot"], check=True, capture_output=True)
        out = str(Path(tmp) / "uit")
        plain = median_seconds([*base, "generate", str(EXAMPLE), "--out", out, "--force"], runs)
        with_own = median_seconds([*base, "generate", str(EXAMPLE), "--out", out, "--force",
                                   "--bibliotheek", str(own)], runs)
        check = median_seconds([*base, "clauses", "check"], runs)
    print(f"generate:                 {plain:.2f} s (median of {runs})")
    print(f"generate --bibliotheek:   {with_own:.2f} s  ratio {with_own / plain:.2f}")
    print(f"clauses check (bundled):  {check:.2f} s  ratio {check / plain:.2f}")


if __name__ == "__main__":
    main()
