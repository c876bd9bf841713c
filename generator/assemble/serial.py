"""An assembled Document as JSON data and back: verantwoording.json keeps each document's text,
so that `bijwerken` can compare an earlier package with the current library. Pure."""

from __future__ import annotations

from typing import Any

from generator.document import Artikel, Blok, Document, Lid, Ondertekenaar, Paragraph, Run


def to_data(doc: Document) -> dict[str, Any]:
    return {
        "titel": doc.titel,
        "ondertitel": doc.ondertitel,
        "koptekst": doc.koptekst,
        "artikelenkop": doc.artikelenkop,
        "preambule": [_block(b) for b in doc.preambule],
        "artikelen": [{"nummer": a.nummer, "titel": a.titel, "clausule": a.clause_id,
                       "leden": [_lid(lid) for lid in a.leden]} for a in doc.artikelen],
        "slot": [_block(b) for b in doc.slot],
        "ondertekenaars": [{"partij": o.partij, "namens": _runs(o.namens), "plaats_datum": _runs(o.plaats_datum)}
                           for o in doc.ondertekenaars],
    }


def from_data(sleutel: str, bestand: str, data: dict[str, Any]) -> Document:
    return Document(
        sleutel=sleutel, bestand=bestand, titel=data["titel"], ondertitel=data["ondertitel"],
        koptekst=data["koptekst"], artikelenkop=data.get("artikelenkop", ""),
        preambule=[_read_block(b) for b in data["preambule"]],
        artikelen=[Artikel(a["nummer"], a["titel"], a["clausule"], tuple(_read_lid(x) for x in a["leden"]))
                   for a in data["artikelen"]],
        slot=[_read_block(b) for b in data["slot"]],
        ondertekenaars=[Ondertekenaar(o["partij"], _read_runs(o["namens"]), _read_runs(o["plaats_datum"]))
                        for o in data["ondertekenaars"]],
    )


def _runs(paragraph: Paragraph) -> str | list[str | dict[str, str]]:
    """A paragraph of plain text as one string; with open points as a list in which an open
    point is {"open": text} (kept short: verantwoording.json holds every paragraph)."""
    if all(not r.open for r in paragraph):
        return "".join(r.tekst for r in paragraph)
    return [{"open": r.tekst} if r.open else r.tekst for r in paragraph]


def _read_runs(data: str | list[str | dict[str, str]]) -> Paragraph:
    if isinstance(data, str):
        return (Run(data),) if data else ()
    return tuple(Run(item["open"], True) if isinstance(item, dict) else Run(item) for item in data)


def _lid(lid: Lid) -> dict[str, Any]:
    return {"tekst": _runs(lid.tekst), "subs": [_runs(s) for s in lid.subs]}


def _read_lid(data: dict[str, Any]) -> Lid:
    return Lid(_read_runs(data["tekst"]), tuple(_read_runs(s) for s in data["subs"]))


def _block(blok: Blok) -> dict[str, Any]:
    return {"titel": blok.titel, "nummering": blok.nummering, "clausule": blok.clause_id,
            "leden": [_lid(lid) for lid in blok.leden]}


def _read_block(data: dict[str, Any]) -> Blok:
    return Blok(data["titel"], data["nummering"], tuple(_read_lid(x) for x in data["leden"]), data["clausule"])
