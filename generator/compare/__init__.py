"""Compare two assembled packages: the engine behind `consortium vergelijk`.

Public API (stable; other features build on it):

- `compare_packages(old, new) -> PackageComparison`: `old` and `new` are lists of
  `generator.document.Document` as `assemble()` returns them (any two packages: two
  answers files, a tender model and a bid, a package built with an older and a newer library).
  Documents are matched by `Document.sleutel`; a document in one package only is wholly inserted
  or deleted.
- `compare_documents(old | None, new | None) -> DocumentComparison`: one document.
- `differing_parts(old, new) -> set[(document key, part key)]`: only which parts differ (moved
  ones included), without the word diff; fast enough to call many times.
- The result types in `generator.comparison`: `PackageComparison.documents` ->
  `DocumentComparison.parts` (aligned by clause id: status same/changed/inserted/deleted/
  moved_from/moved_to, old and new article number) -> `PartComparison.paragraphs` ->
  `ParagraphChange` (house-style id, `change` of the whole paragraph, `oude_stijl`) ->
  `Piece` (text, change same/inserted/deleted, open point). `DocumentComparison.text("old")` and
  `.text("new")` give each version's paragraphs back exactly.
- Part keys: the clause id for articles and preamble/closing blocks, "kop" for the title,
  "artikelenkop" for the heading before the articles (STATUTEN in the deed),
  "ondertekening" for the signature heading, "ondertekenaar:<partij>" for a signature row.
- Writing: `generator.adapters.word.write_comparison(document_comparison, template, target,
  auteur=..., datum=...)` writes one .docx with Word revisions (w:ins/w:del);
  `generator.compare.write.write_comparison_package(comparison, summary_markdown, out, force=...,
  pdf=...)` writes a whole package with `generate`'s refusals, staging and swap.
- Two answers files (the `vergelijk` command): `generator.compare.answers` lists the changed
  answers and attributes the changed parts to them; `generator.compare.summary.render` writes
  `wijzigingen.md`.
"""

from generator.compare.engine import compare_documents, compare_packages, differing_parts
from generator.comparison import (
    DocumentComparison,
    PackageComparison,
    ParagraphChange,
    PartComparison,
    Piece,
)

__all__ = [
    "DocumentComparison",
    "PackageComparison",
    "ParagraphChange",
    "PartComparison",
    "Piece",
    "compare_documents",
    "compare_packages",
    "differing_parts",
]
