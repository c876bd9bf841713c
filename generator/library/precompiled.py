"""The bundled library's texts and conditions, compiled ahead of any run.

`consortium clauses check --vernieuw-slot` writes them, with the version lock, as a module of
the Jinja adapter; a run then compiles none of them. The module is keyed by the hash of each
text, so a text changed since only costs the time to compile it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from generator.adapters import files, jinja_env
from generator.adapters.jinja_env import is_template
from generator.library.files import SNAPSHOT_PATH, snapshot_text
from generator.library.namespace import SIGNED_AT, SIGNED_BY
from generator.library.schema import Fragment, Library, Variant
from generator.library.select import condition_template


def template_sources(library: Library) -> set[str]:
    """Every source the library hands to Jinja: texts with markup, conditions as templates,
    document titles and the lines of a signature block."""
    sources: set[str] = set()
    for clause in library.clauses:
        sources.update(_condition(clause.when))
        sources.update(s for f in clause.leden for s in _fragment_sources(f))
    for term in library.terms.values():
        sources.update(s for v in term.varianten for s in _fragment_sources(v))
    titles = (t for spec in library.manifest.documenten.values() for t in spec.titel.values())
    sources.update(part for title in titles for part in title.split("|") if is_template(part))
    sources.update((SIGNED_BY, SIGNED_AT))
    return sources


def _fragment_sources(fragment: Fragment | Variant) -> Iterator[str]:
    yield from _condition(fragment.when)
    if is_template(fragment.tekst):
        yield fragment.tekst
    for sub in fragment.subs:
        yield from _fragment_sources(sub)
    for variant in getattr(fragment, "varianten", ()):
        yield from _fragment_sources(variant)


def _condition(when: str | None) -> Iterator[str]:
    if when is not None:
        yield condition_template(when)


def precompiled_source(library: Library) -> str:
    return jinja_env.precompiled_module(template_sources(library))


def write_precompiled(library: Library, folder: Path) -> Path:
    """Write the compiled texts of `library` (the bundled one, read from `folder`) and the
    snapshot of its files into the package; returns the compiled texts' module."""
    _write(SNAPSHOT_PATH, snapshot_text(folder))
    return _write(jinja_env.PRECOMPILED_PATH, precompiled_source(library))


def _write(target: Path, text: str) -> Path:
    def write(path: Path) -> None:
        path.write_text(text, encoding="utf-8")

    return files.replace_keeping(target, write)
