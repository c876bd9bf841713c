"""Answers for a consortium whose partners are not known yet: the profile's answers plus blanks.

The model documents are assembled from ordinary, validated answers: the profile's fixed and
recommended values, the contract defaults for the rest, and stand-ins for what only bidders
know (the partners, the names). After validation the stand-in texts become open points
(`open_punt`), so they come out of the existing renderer as highlighted blanks such as
[naam partner 1]. Figures per partner (shares, amounts) are blanked after assembly
(`blank_partner_figures`), because a number cannot be an open point while a clause computes
with it.
"""

from __future__ import annotations

import re
from typing import Any

from generator.answers.defaults import default_rechtbank
from generator.answers.load import validate_answers
from generator.answers.model import SECTIONS, Antwoorden
from generator.document import Artikel, Blok, Document, Lid, Ondertekenaar, Paragraph, Run
from generator.errors import InvalidAnswers, Problem
from generator.library.namespace import OPEN_END, OPEN_START, open_punt
from generator.tender.profile import Bereik, Profiel, within

PLACEHOLDER_PARTNERS = 3
_SHARES = (34, 33, 33)
_ENTITY_NAMES = {"cooperatie": "Coöperatie Model U.A.", "stichting": "Stichting Model",
                 "bv": "Model B.V.", "vereniging": "Vereniging Model", "geen": None}
PARTNER_LABEL = "naam partner {}"
_STAND_IN_COURT = "rechtbank Midden-Nederland"


def chosen_values(profiel: Profiel) -> dict[str, Any]:
    """'section.key' -> the value the model documents show: fixed, else recommended, else for a
    restricted key the contract default when it is allowed, or else the first allowed value."""
    values = dict(profiel.vast)
    values.update(profiel.aanbevolen)
    for pad, rule in profiel.toegestaan.items():
        if pad in values or pad == "rechtsvorm.vorm":
            continue
        section, key = pad.split(".")
        default = SECTIONS[section].model_fields[key].get_default(call_default_factory=True)
        if default is not None and within(rule, default):
            continue
        if isinstance(rule, Bereik):
            values[pad] = rule.min if rule.min is not None else rule.max
        else:
            values[pad] = list(rule[:1]) if isinstance(default, list) else rule[0]
    return values


def model_raw(profiel: Profiel, vorm: str) -> dict[str, Any]:
    """A complete raw answers file for one allowed legal form, with stand-ins for the unknowns."""
    raw: dict[str, Any] = {"versie": 1, "consortium": {"naam": "Consortium"}}
    for pad, value in chosen_values(profiel).items():
        section, key = pad.split(".")
        raw.setdefault(section, {})[key] = value
    rechtsvorm = raw.setdefault("rechtsvorm", {})
    rechtsvorm["vorm"] = vorm
    if vorm != "geen":
        rechtsvorm.setdefault("naam", _ENTITY_NAMES[vorm])
        rechtsvorm.setdefault("zetel", "Zetel")
    if "geschillen.rechtbank" not in profiel.vast:  # the stand-in seat has no court; blanked below
        raw.setdefault("geschillen", {})["rechtbank"] = _STAND_IN_COURT
    raw["partners"] = [{"naam": f"Partner {i + 1}", "rechtsvorm": "overig", "aandeel": share,
                        **({"penvoerder": True} if vorm == "geen" and i == 0 else {})}
                       for i, share in enumerate(_SHARES)]
    return raw


def form_problems(profiel: Profiel) -> list[Problem]:
    """Combinations the answers model refuses: the profile's answers with each allowed form."""
    problems: list[Problem] = []
    for vorm in profiel.vormen():
        try:
            validate_answers(model_raw(profiel, vorm), "aanbesteding")
        except InvalidAnswers as exc:
            problems += [Problem(p.pad, f"{p.bericht} (met de antwoorden van het profiel bij rechtsvorm "
                                 f"'{vorm}')") for p in exc.problemen if p.pad]
    return problems


def model_answers(profiel: Profiel, vorm: str) -> Antwoorden:
    """Validated answers for one allowed form, with the unknowns as open points."""
    answers = validate_answers(model_raw(profiel, vorm), "aanbesteding")
    partners = [p.model_copy(update={"naam": open_punt(PARTNER_LABEL.format(i + 1))})
                for i, p in enumerate(answers.partners)]
    update: dict[str, Any] = {"partners": partners}
    if "consortium.naam" not in profiel.vast:
        update["consortium"] = answers.consortium.model_copy(update={"naam": open_punt("naam consortium")})
    if vorm != "geen":
        entity = {k: open_punt(label) for k, label in (("naam", "statutaire naam"), ("zetel", "statutaire zetel"))
                  if f"rechtsvorm.{k}" not in profiel.vast}
        update["rechtsvorm"] = answers.rechtsvorm.model_copy(update=entity)
    result = answers.model_copy(update=update)
    if "geschillen.rechtbank" not in profiel.vast:
        court = result.geschillen.model_copy(
            update={"rechtbank": default_rechtbank(result) or open_punt("rechtbank van de statutaire zetel")})
        result = result.model_copy(update={"geschillen": court})
    return result


# Figures in a paragraph about one partner: amounts, percentages, counts of shares or votes.
_FIGURE = re.compile(r"€\s?\d[\d.]*(,\d+)?|\d[\d.]*(,\d+)?%|\d[\d.]*(?= (aandelen|stemmen))")


def _figure_label(text: str) -> str:
    if text.startswith("€"):
        return "bedrag"
    return "percentage" if text.endswith("%") else "aantal"


def _is_partner_paragraph(paragraph: Paragraph) -> bool:
    prefix = PARTNER_LABEL.format("")
    return any(run.open and run.tekst.startswith(f"[{prefix}") for run in paragraph)


def _blank(paragraph: Paragraph) -> Paragraph:
    if not _is_partner_paragraph(paragraph):
        return paragraph
    runs: list[Run] = []
    for run in paragraph:
        if run.open:
            runs.append(run)
            continue
        position = 0
        for match in _FIGURE.finditer(run.tekst):
            if match.start() > position:
                runs.append(Run(run.tekst[position:match.start()]))
            runs.append(Run(f"[{_figure_label(match.group(0))}]", open=True))
            position = match.end()
        if position < len(run.tekst):
            runs.append(Run(run.tekst[position:]))
    return tuple(runs)


def _lid(lid: Lid) -> Lid:
    return Lid(_blank(lid.tekst), tuple(_blank(s) for s in lid.subs))


def blank_partner_figures(doc: Document) -> None:
    """Replace the stand-in partners' shares and amounts by open points, in place; and show the
    blanks in the plain-text header as [statutaire naam]."""
    doc.koptekst = unmark(doc.koptekst)
    doc.artikelen = [Artikel(a.nummer, a.titel, a.clause_id, tuple(_lid(x) for x in a.leden))
                     for a in doc.artikelen]
    doc.preambule = [Blok(b.titel, b.nummering, tuple(_lid(x) for x in b.leden)) for b in doc.preambule]
    doc.slot = [Blok(b.titel, b.nummering, tuple(_lid(x) for x in b.leden)) for b in doc.slot]
    doc.ondertekenaars = [Ondertekenaar(unmark(o.partij), o.namens, o.plaats_datum)
                          for o in doc.ondertekenaars]


def unmark(text: str) -> str:
    """A blank in plain text (signatory names, notes): [naam partner 1]."""
    return text.replace(OPEN_START, "[").replace(OPEN_END, "]")
