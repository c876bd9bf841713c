"""'Wat dit betekent': what a section's answers mean, on the user's own numbers.

Computed by the analysis `check` uses (`generator.analysis.report.analyse`) on the answers so
far (`AnswerState.provisional`: sections not answered yet at their defaults). Nothing here
computes a position, a power index or an amount itself; it only chooses what to show after
which section and lays it out for a terminal of 80 columns.
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from collections.abc import Callable, Sequence

from generator.analysis.findings import HOOG, LAAG, MIDDEN, Waarschuwing
from generator.analysis.report import Analyse, analyse
from generator.analysis.rules_lumpsum import AFROMING_BENCHMARK, AFROMING_VER_BOVEN
from generator.analysis.tables import euro, pct
from generator.answers.model import Antwoorden
from generator.notation import bedrag, opsomming, procent

WIDTH = 78
TITLE = "Wat dit betekent"
SECTION_WARNINGS: dict[str, tuple[str, ...]] = {
    "partners": ("R2", "R3", "R6"),
    "rechtsvorm": ("W2", "W5", "W6", "W13"),
    "stemrecht": ("R4", "R5", "R7", "R8", "W7", "W8"),
    "lumpsum": ("L1", "L2", "L4", "L5", "W9", "W15"),
    "risicoventielen": ("L3", "W3", "W4", "W19"),
    "uittreding": ("W21",),
    "toezicht": ("W1", "W12", "W18"),
    "dataregistratie": ("W10", "W11"),
}
"""The warnings each section's answers can trigger (the rest show on the review screen)."""


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int = WIDTH) -> list[str]:
    """A text table that fits `width`: the first column (names) wraps at word boundaries,
    the other columns are right-aligned to their widest cell."""
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(1, len(headers))]
    rest = sum(widths) + 2 * len(widths) + 2
    first = max(12, min(max(len(r[0]) for r in [headers, *rows]), width - rest))
    lines = []
    for row in [headers, *rows]:
        names = textwrap.wrap(row[0], first) or [""]
        cells = "  ".join(c.rjust(w) for c, w in zip(row[1:], widths, strict=True))
        lines.append(f"  {names[0]:<{first}}  {cells}".rstrip())
        lines += [f"  {n}" for n in names[1:]]
        if row is headers:
            lines.append("  " + "-" * (first + 2 + len(cells)))
    return lines


def para(text: str, indent: str = "  ") -> list[str]:
    """Wrapped at word boundaries; an amount ('€ 3.404.471') is never split."""
    glued = text.replace("€ ", "€\u00a0").replace("-€\u00a0", "-€\u00a0")
    lines = textwrap.wrap(glued, WIDTH, initial_indent=indent, subsequent_indent=indent,
                          break_long_words=False, break_on_hyphens=False)
    return [line.replace("\u00a0", " ") for line in lines]


_SENTENCE_END = re.compile(r"(?<=[a-z0-9%)])\. (?=[A-Z])")


Reword = Callable[[str], str]


def _same(text: str) -> str:
    return text


def warning_lines(warnings: Sequence[Waarschuwing], reword: Reword) -> list[str]:
    """A 'hoog' warning in full; the others by title and first sentence (the rest is in the
    governance analysis)."""
    lines = []
    for w in warnings:
        text = reword(w.bericht)
        if w.ernst != HOOG:
            text = _SENTENCE_END.split(text, maxsplit=1)[0].rstrip(".") + "."
        lines += para(f"Let op ({w.ernst}): {w.titel}. {text}", "  ")
    return lines


def names(items: Sequence[str]) -> str:
    return opsomming(list(items)) if items else "niemand"


def sentence(text: str) -> str:
    return text if text.endswith(".") else text + "."


# -- the blocks per section -------------------------------------------------------------------
def partners_block(a: Antwoorden, result: Analyse) -> list[str]:
    rows = [(p.naam, pct(p.aandeel, 2), euro(p.opbrengst), euro(p.omzet), pct(p.afhankelijkheid))
            for p in result.posities]
    lines = table(("Partner", "Aandeel", "Opbrengst/jaar", "Jaaromzet", "Afhankelijk"), rows)
    lines += para("Afhankelijk: de opbrengst uit het consortium als deel van de eigen jaaromzet; "
                  f"vanaf {procent(result.belang_drempel)} is het belang groot.")
    return lines


def _cap_effect(a: Antwoorden, result: Analyse) -> str:
    s = a.stemrecht
    if s.model != "naar_aandeel":
        return ""
    moved = [p for p in result.posities if abs(p.stemgewicht - p.aandeel) >= 0.05]
    if not moved:
        return (f"Het maximum van {procent(s.maximum)} raakt geen partner: de stemmen volgen "
                "precies het aandeel.")
    parts = [f"{p.naam} heeft {pct(p.aandeel)} aandeel en {pct(p.stemgewicht)} van de stemmen"
             for p in moved]
    return sentence(f"Het maximum van {procent(s.maximum)} verschuift stemmen: " + "; ".join(parts))


def stemrecht_block(a: Antwoorden, result: Analyse) -> list[str]:
    rows = [(p.naam, pct(p.stemgewicht), pct(p.macht.meerderheid * 100), pct(p.macht.gekwalificeerd * 100),
             "ja" if p.veto else "nee", p.rol or "onbekend") for p in result.posities]
    lines = table(("Partner", "Stemmen", "Gewoon", "Gekw.", "Veto", "Rol"), rows)
    s = a.stemrecht
    kind = ("bij elk besluit (consent)" if s.model == "consent"
            else f"bij een besluit met {procent(s.gekwalificeerd)} meerderheid")
    vetoes = [p.naam for p in result.posities if p.veto]
    powerless = [p.naam for p in result.posities if p.macht.gekwalificeerd == 0]
    summary = sentence(f"Veto {kind}: {names(vetoes)}")
    if powerless and s.model != "consent":
        summary += (f" Zonder macht bij die besluiten: {names(powerless)}; "
                    f"{'die maakt' if len(powerless) == 1 else 'die maken'} in geen enkele coalitie het verschil.")
    lines += para(summary)
    cap = _cap_effect(a, result)
    if cap:
        lines += para(cap)
    lines += para("Gewoon en Gekw. zijn de macht bij gewone besluiten en bij besluiten met de "
                  "zwaardere meerderheid, dat is hoe vaak een partner het verschil maakt tussen "
                  "aangenomen en verworpen (Banzhaf-index, samen 100%). Rol: belang (afhankelijkheid) "
                  "tegenover invloed.")
    return lines


def lumpsum_block(a: Antwoorden, result: Analyse) -> list[str]:
    ls = result.lumpsum
    lines: list[str] = []
    if ls.behoefte_bekend:
        rows = [(f"{j.jaar} ({j.kalenderjaar})", euro(j.behoefte), euro(j.beschikbaar), euro(j.verschil))
                for j in ls.jaren]
        lines += table(("Jaar", "Behoefte", "Beschikbaar", "Verschil"), rows)
        lines += para("Een negatief verschil is een tekort: de berekende behoefte is dan hoger dan "
                      "het geld voor zorg.")
    else:
        lines += para(f"Beschikbaar voor zorg: {euro(ls.beschikbaar_per_jaar)} per jaar. Zonder de "
                      "uitgaven in het basisjaar is de behoefte per jaar niet te berekenen.")
    afroming = a.lumpsum.afroming
    amount = a.consortium.opdrachtwaarde_per_jaar * afroming / 100
    if afroming == 0:
        lines += para(f"Afroming 0%: de hele lumpsum gaat naar de partners. Ter vergelijking: de "
                      f"gemiddelde marge bij hoofd- en onderaannemerschap is {procent(AFROMING_BENCHMARK)} "
                      "(Jeugdautoriteit, 2023).")
    else:
        verdict = ("ver boven" if afroming > AFROMING_VER_BOVEN else "boven" if afroming > AFROMING_BENCHMARK
                   else "op of onder")
        lines += para(f"Afroming {procent(afroming)} ({bedrag(round(amount))} per jaar) voor de "
                      f"uitvoeringsorganisatie: {verdict} de gemiddelde marge van "
                      f"{procent(AFROMING_BENCHMARK)} bij hoofd- en onderaannemerschap (Jeugdautoriteit, 2023).")
    return lines


BLOCKS = {"partners": partners_block, "stemrecht": stemrecht_block, "lumpsum": lumpsum_block}


def block(section: str, answers: Antwoorden | None, reword: Reword = _same) -> str | None:
    """The 'Wat dit betekent' text after `section`, or None when there is nothing to say yet."""
    if answers is None or section not in SECTION_WARNINGS:
        return None
    result = analyse(answers)
    lines = BLOCKS[section](answers, result) if section in BLOCKS else []
    mine = [w for w in result.waarschuwingen if w.code in SECTION_WARNINGS[section]]
    lines += warning_lines(mine, reword)
    if not lines:
        lines = para("Geen waarschuwingen bij deze keuzes.")
    return "\n".join([TITLE, *lines])


# -- the review screen ---------------------------------------------------------------------------
def counts(answers: Antwoorden, found: Sequence[Waarschuwing] | None = None) -> str:
    """'2 hoog, 9 midden, 4 laag' (the severities that occur), or 'geen'."""
    return tally(analyse(answers).waarschuwingen if found is None else found)


def tally(found: Sequence[Waarschuwing]) -> str:
    """'2 hoog, 9 midden, 4 laag' for these warnings (the severities that occur), or 'geen'."""
    per = Counter(w.ernst for w in found)
    return ", ".join(f"{per[e]} {e}" for e in (HOOG, MIDDEN, LAAG) if per[e]) or "geen"


def warning_summary(answers: Antwoorden | None) -> list[str]:
    """The number of warnings by severity, then each 'hoog' warning on one line."""
    if answers is None:
        return []
    found = analyse(answers).waarschuwingen
    lines = [f"Waarschuwingen: {counts(answers, found)}"]
    for w in found:
        if w.ernst == HOOG:
            lines += para(f"- {w.titel} ({w.code})", "  ")
    return lines
