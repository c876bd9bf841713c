"""Developer preview: `python -m generator.assemble.preview ANTWOORDEN DOCUMENT`.

Prints the plain text of one assembled document and the library problems that concern it,
without requiring the other documents to be complete. For clause authors.
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.answers import load_answers
from generator.assemble.build import assemble
from generator.errors import Problem
from generator.library.checks import clause_problems, missing_requirements
from generator.library.load import read_library
from generator.library.namespace import namespace
from generator.resources import data_dir


def preview(answers_path: Path, document: str) -> tuple[str, int]:
    """The document's text, its open points and the library problems that concern it."""
    answers = load_answers(answers_path)
    library, problems = read_library(data_dir("clauses"))
    ids = {c.id for c in library.clauses}
    problems += [p for c in library.clauses if c.document == document for p in clause_problems(c, ids)]
    problems += [Problem("bibliotheek", m) for m in missing_requirements(library, namespace(answers))
                 if m.startswith(document)]
    found = [d for d in assemble(answers, library, require_complete=False) if d.sleutel == document]
    if not found:
        return f"Dit antwoordenbestand heeft geen document '{document}'.\n", 1
    doc = found[0]
    lines = [doc.plain_text(), "", f"OPEN PUNTEN: {doc.open_punten}", ""]
    lines += ["PROBLEMEN:", *(f" - {p}" for p in problems)] if problems else ["Geen problemen."]
    return "\n".join(lines) + "\n", 1 if problems else 0


if __name__ == "__main__":
    text, code = preview(Path(sys.argv[1]), sys.argv[2])
    sys.stdout.write(text)
    raise SystemExit(code)
