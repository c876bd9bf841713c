"""Developer preview: `python -m generator.library.preview ANTWOORDEN DOCUMENT`.

Prints the plain text of one assembled document and the library problems that concern it,
without requiring the other documents to be complete. For clause authors.
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.answers import load_answers
from generator.assemble.build import _document, _places, _title, documents_for
from generator.assemble.context import namespace
from generator.assemble.select import select
from generator.library import load as library_load
from generator.library.checks import _clause_problems, missing_requirements
from generator.resources import data_dir


def preview(answers_path: Path, document: str) -> tuple[str, int]:
    """The document's text, its open points and the library problems that concern it."""
    answers = load_answers(answers_path)
    folder = data_dir("clauses")
    problems: list = []
    manifest = library_load._read_manifest(folder / library_load.MANIFEST, problems)
    clauses = tuple(library_load._read_clauses(folder, problems))
    library = library_load.Library(manifest, clauses)
    ids = {c.id for c in clauses}
    for clause in clauses:
        if clause.document == document:
            problems += _clause_problems(clause, ids)
    ns = namespace(answers)
    problems += [m for m in missing_requirements(library, ns) if m.startswith(document)]
    keys = documents_for(library, ns["vorm"])
    selections = {d: select(library.for_document(d), ns) for d in keys}
    titles = {d: _title(library, d, ns)[0].capitalize() for d in keys}
    doc = _document(library, document, selections[document], ns, _places(selections, titles), titles)
    lines = [doc.plain_text(), "", f"OPEN PUNTEN: {doc.open_punten}", ""]
    lines += ["PROBLEMEN:", *(f" - {p}" for p in problems)] if problems else ["Geen problemen."]
    return "\n".join(lines) + "\n", 1 if problems else 0


if __name__ == "__main__":
    text, code = preview(Path(sys.argv[1]), sys.argv[2])
    sys.stdout.write(text)
    raise SystemExit(code)
