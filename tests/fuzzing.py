"""A seeded fuzzer over the examples in voorbeelden/: text, structural and boundary mutations.

Every mutant goes through `check`, `check --json` and (for a sample) `generate`, in-process. The
promise under test: each answers 0 or 2, never raises, prints strict JSON, and all agree (what
`check` accepts, `generate` writes; what it refuses, `generate` refuses without writing).

In the suite: tests/test_fuzz.py, a few seconds. A larger run:
    python tests/fuzzing.py --mutants 2000 --generate-every 10
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import random
import shutil
import sys
import tempfile
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "voorbeelden").glob("*.yaml"))

# Characters that have a meaning in YAML, in the validators or on a terminal.
NASTY = [":", "-", " ", "  ", "\t", "\n", "'", '"', "!", "!!", "&a", "*a", "{", "}", "[", "]", ",", "#",
         "\\", "%", "@", "`", "|", ">", "?", "~", "\x00", "\x1b", "\x85", "\u2028", "\u200b", "\ufeff",
         "\u00a0", "€", "é", "٣", "５", "0", "9", "1e", ".", "_", "e-305", "1:30", "\\U00110000",
         "\\ud800", "!!int ", "!!bool ", "!!float ", "!!map ", "!!python/object ", "{{ x }}", "<w:t>"]
# Whole values that broke the promise in the adversarial review, put in place of a value.
HOSTILE_VALUES = ["!!int abc", "!!bool maybe", "!!float x", '!!int ""', "!!map x", "!!str [a]", "!!seq x",
                  '"\\U00110000"', '"\\ud800"', '"x\\udfff"', ".nan", ".inf", "-.inf", "1e999", "1.0e-305",
                  "1.0e-20", "1.0e+300", "1:30.0", "9" * 400, "9" * 5000, '"' + "9" * 5000 + '"', '"\\e[31m"',
                  '"\\x9b"', "2028-02-29", "2096-02-29", "x" * 260, '"٣٣"', '"３３"', "~", "true", "[]", "{}",
                  "&a x", "*a", "!!binary AA==", "!!set {a}", "!!timestamp 2027-01-01", "0o17", "0x1F", "012",
                  "+.5", "1_000", "'1e5'", "-0", "2027-02-30", '"\\0"', '"a\\tb"', "|\n  twee\n  regels"]
BOUNDARY_NUMBERS: list[Any] = [0, -1, 1, 1e-6, 1e-7, 0.5, 99.99, 100, 100.01, 10**12, 10**12 + 1, 10**15,
                               10**16, 2**63, -0.0, 1.5, 3, 9, 10, 15, 16, 30, 31, 36, 37, 50, 66.67, 67]
BOUNDARY_TEXTS: list[Any] = ["", " ", "x" * 300, "x" * 301, "ja", "nee", "null", "2028-02-29", "2027-02-30",
                             "2000-01-01", "2100-12-31", "2101-01-01", "1999-12-31", "01234567", "1234567",
                             "4117 8459", "٤١١٧٨٤٥٩", "Ａ", "a\u200bb", "a\x1bb", "\u202eevil", "{{ 7*7 }}"]
BOUNDARY_SHAPES: list[Any] = [None, True, False, [], {}, [None], {"x": 1}, [[1]], "lijst"]


@dataclass
class Figures:
    """What a fuzzing run found."""

    mutants: int = 0
    generated: int = 0
    generated_refused: int = 0
    codes: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.mutants} mutants ({dict(self.kinds)}), exit codes {dict(self.codes)}, "
                f"generate run on {self.generated} accepted and {self.generated_refused} refused, "
                f"{len(self.failures)} failures")


def text_mutation(text: str, rng: random.Random) -> str:
    """Insert, delete or replace characters or whole lines at random places."""
    for _ in range(rng.randint(1, 3)):
        choice = rng.random()
        if choice < 0.3:
            lines = text.split("\n")
            valued = [i for i, line in enumerate(lines) if ": " in line]
            i = rng.choice(valued)
            lines[i] = lines[i].split(": ", 1)[0] + ": " + rng.choice(HOSTILE_VALUES)
            text = "\n".join(lines)
        elif choice < 0.5:
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(NASTY) + text[at:]
        elif choice < 0.65:
            at = rng.randrange(max(1, len(text)))
            text = text[:at] + text[at + rng.randint(1, 8):]
        elif choice < 0.8:
            lines = text.split("\n")
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        else:
            lines = text.split("\n")
            i = rng.randrange(len(lines))
            lines[i] = rng.choice(["", " " + lines[i], lines[i][1:], lines[i] * 2, lines[i].replace(": ", ":")])
            text = "\n".join(lines)
    return text


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _paths(value, (*prefix, i))
    return found


def _parent(data: Any, path: tuple) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


def structural_mutation(data: dict, rng: random.Random) -> dict:
    """Delete a key, change a value's shape, duplicate or drop a list item, or move a value."""
    data = copy.deepcopy(data)
    for _ in range(rng.randint(1, 3)):
        paths = _paths(data)
        path = rng.choice(paths)
        parent = _parent(data, path)
        choice = rng.random()
        if choice < 0.25:
            del parent[path[-1]]
        elif choice < 0.5:
            parent[path[-1]] = rng.choice(BOUNDARY_SHAPES)
        elif choice < 0.7 and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
        else:
            other = rng.choice(paths)
            with contextlib.suppress(KeyError, IndexError, TypeError):
                parent[path[-1]] = copy.deepcopy(_parent(data, other)[other[-1]])
    return data


def boundary_mutation(data: dict, rng: random.Random) -> dict:
    """Set one to three leaves to values at or just beyond the contract's limits."""
    data = copy.deepcopy(data)
    leaves = [p for p in _paths(data) if not isinstance(_parent(data, p)[p[-1]], dict | list)]
    for path in rng.sample(leaves, k=min(len(leaves), rng.randint(1, 3))):
        pool = BOUNDARY_NUMBERS if isinstance(_parent(data, path)[path[-1]], int | float) else BOUNDARY_TEXTS
        _parent(data, path)[path[-1]] = rng.choice(pool if rng.random() < 0.8 else BOUNDARY_NUMBERS + BOUNDARY_TEXTS)
    return data


def mutants(count: int, seed: int) -> list[tuple[str, str, bytes]]:
    """(example name, kind of mutation, file content) for `count` mutants, reproducibly."""
    from generator.adapters import yaml_io

    rng = random.Random(seed)
    sources = [(p.name, p.read_text(encoding="utf-8")) for p in EXAMPLES]
    result = []
    for n in range(count):
        name, text = sources[n % len(sources)]
        kind = ("tekst", "structuur", "grens")[n % 3]
        if kind == "tekst":
            content = text_mutation(text, rng).encode("utf-8", "surrogatepass")
        else:
            data = yaml_io.parse(text, name)
            mutate = structural_mutation if kind == "structuur" else boundary_mutation
            content = yaml_io.dump(mutate(data, rng)).encode("utf-8", "surrogatepass")
        result.append((name, kind, content))
    return result


def run_cli(args: list[str]) -> tuple[int, str, str]:
    """The CLI in-process: (exit status, stdout, stderr); an exception escaping main() is a bug."""
    from generator.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def _refuse_constant(constant: str) -> None:
    raise ValueError(f"not strict JSON: {constant}")


def verdict(path: Path, output_for: Callable[[int], Path | None]) -> tuple[int, list[str], bool]:
    """Run the commands on one file: check, check --json, and generate into `output_for(code)`
    unless that is None. Return check's exit status, what broke the promise, whether generated."""
    problems = []
    try:
        code, _, err = run_cli(["check", str(path)])
        json_code, json_out, _ = run_cli(["check", "--json", str(path)])
    except BaseException:
        return -1, [traceback.format_exc(limit=-3)], False
    if code not in (0, 2):
        problems.append(f"check exit {code}: {err[-300:]}")
    if json_code != code:
        problems.append(f"check --json exit {json_code}, check exit {code}")
    try:
        report = json.loads(json_out, parse_constant=_refuse_constant)
        if report.get("geldig") is not (code == 0):
            problems.append(f"check --json geldig={report.get('geldig')} with exit {code}")
    except ValueError as exc:
        problems.append(f"check --json is no strict JSON: {exc}: {json_out[:200]!r}")
    out = output_for(code)
    if out is not None:
        problems += _generate_verdict(path, out, code)
    return code, problems, out is not None


def _generate_verdict(path: Path, out: Path, code: int) -> list[str]:
    """What `generate` into `out` broke of the promise that it agrees with check's `code`."""
    problems = []
    try:
        gen_code, _, gen_err = run_cli(["generate", str(path), "--out", str(out)])
    except BaseException:
        return ["generate: " + traceback.format_exc(limit=-3)]
    if gen_code != code:
        problems.append(f"generate exit {gen_code}, check exit {code}: {gen_err[-300:]}")
    if gen_code == 2 and out.exists():
        problems.append("generate refused but left the output folder")
    if gen_code == 0 and not (out / "samenwerkingsovereenkomst.docx").is_file():
        problems.append("generate succeeded without writing the documents")
    shutil.rmtree(out, ignore_errors=True)
    return problems


def fuzz(count: int, seed: int, generate_every: int, generate_valid: int = 0,
         progress: Callable[[int], None] | None = None) -> Figures:
    """Run `count` mutants; generate for every `generate_every`-th one and for the first
    `generate_valid` that check accepts (so both verdicts are compared with generate)."""
    figures = Figures()
    workdir = Path(tempfile.mkdtemp(prefix="consortium-fuzz-"))
    try:
        for n, (name, kind, content) in enumerate(mutants(count, seed)):
            path = workdir / "antwoorden.yaml"
            path.write_bytes(content)
            def output_for(code: int, n: int = n) -> Path | None:
                sampled = generate_every and n % generate_every == 0
                wanted = code == 0 and figures.generated < generate_valid
                return workdir / f"uit-{n}" if sampled or wanted else None

            code, problems, generated = verdict(path, output_for)
            figures.mutants += 1
            figures.kinds[kind] += 1
            figures.codes[code] += 1
            figures.generated += generated and code == 0
            figures.generated_refused += generated and code == 2
            figures.failures += [f"mutant {n} ({name}, {kind}, seed {seed}): {p}" for p in problems]
            if progress:
                progress(n)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return figures


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mutants", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--generate-every", type=int, default=10)
    parser.add_argument("--generate-valid", type=int, default=100)
    options = parser.parse_args()
    result = fuzz(options.mutants, options.seed, options.generate_every, options.generate_valid)
    print(result.summary())
    for failure in result.failures[:50]:
        print(failure)
    sys.exit(1 if result.failures else 0)
