"""The analysis as aligned terminal text (the CLI prints it; nothing here prints)."""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Sequence

from generator.analysis import explain, tables
from generator.analysis.findings import HOOG, LAAG, MIDDEN, Waarschuwing
from generator.analysis.report import Analyse

WIDTH = 96
INDENT = "  "


def align(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int]) -> list[str]:
    """A plain text table: columns padded to their widest cell, numbers aligned right."""
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        padded = [c.rjust(w) if i in right else c.ljust(w)
                  for i, (c, w) in enumerate(zip(cells, widths, strict=True))]
        return (INDENT + "  ".join(padded)).rstrip()

    rule = INDENT + "  ".join("-" * w for w in widths)
    return [line(headers), rule, *(line(r) for r in rows)]


def wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def bullets(items: Sequence[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        lines = wrap(item, INDENT + "  ")
        out += [INDENT + "- " + lines[0].lstrip(), *lines[1:]]
    return out


def partner_section(a: Analyse) -> list[str]:
    out = ["Posities van de partners ('Wie ben jij in het consortium?')"]
    out += align(tables.PARTNER_KOLOMMEN, tables.partner_rows(a.posities), tables.PARTNER_RECHTS)
    out += ["", INDENT + "Zo wordt gestemd:", *bullets(a.stemregels)]
    out += ["", INDENT + "Zo zijn macht en rol bepaald:"]
    out += bullets([explain.macht_uitleg(), *a.rol_uitleg])
    return out


def lumpsum_section(a: Analyse) -> list[str]:
    out = ["Lumpsum per contractjaar"]
    out += align(tables.LUMPSUM_KOLOMMEN, tables.lumpsum_rows(a.lumpsum), tables.LUMPSUM_RECHTS)
    out += ["", INDENT + "Aannames:", *bullets(a.lumpsum.aannames)]
    return out


def warning_lines(w: Waarschuwing) -> list[str]:
    head = f"{INDENT}[{w.ernst}]".ljust(11) + f"{w.code:<4}{w.titel}"
    body = " " * 15
    return [head, *wrap(w.bericht, body), *wrap(f"Grondslag: {w.bron}", body)]


def warnings_section(a: Analyse) -> list[str]:
    counts = Counter(w.ernst for w in a.waarschuwingen)
    summary = ", ".join(f"{counts[e]} {e}" for e in (HOOG, MIDDEN, LAAG) if counts[e])
    out = [f"Waarschuwingen ({summary or 'geen'})"]
    for w in a.waarschuwingen:
        out += [*warning_lines(w), ""]
    out += ["Niet beoordeeld (volgt niet uit de antwoorden):"]
    out += bullets([f"{code}: {reden}" for code, reden in a.niet_beoordeeld])
    return out


def render_analysis(a: Analyse) -> str:
    """The whole analysis for `consortium check`, as one string."""
    sections = [
        [f"Governance-analyse van {a.consortium}"],
        partner_section(a),
        lumpsum_section(a),
        warnings_section(a),
        wrap(explain.GEEN_ADVIES, ""),
    ]
    return "\n\n".join("\n".join(s) for s in sections)
