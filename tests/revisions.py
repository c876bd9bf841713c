"""Test helpers: read a .docx body as (style, text) lines, and accept or reject every revision on
the XML, the way Word's "accept all" and "reject all" do."""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def body_of(path: Path):
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return root.find("w:body", NS)


def _style(p) -> str:
    style = p.find("w:pPr/w:pStyle", NS)
    return style.get(q("val")) if style is not None else ""


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(q("t"), q("delText")))


def lines(body) -> list[tuple[str, str]]:
    """Every paragraph of the body in reading order (table cells included) as (style id, text)."""
    return [(_style(p), _text(p)) for p in body.iter(q("p"))]


def revision_texts(body, tag: str) -> list[str]:
    """The text inside each w:ins or w:del of the body's runs (not paragraph marks)."""
    return ["".join(t.text or "" for t in e.iter(q("t"), q("delText"))) for e in body.iter(q(tag))
            if e.getparent().tag != q("rPr") and e.getparent().tag != q("trPr")]


def _drop(element) -> None:
    element.getparent().remove(element)


def _unwrap(element) -> None:
    parent, index = element.getparent(), element.getparent().index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def _resolve(body, keep: str, drop: str):
    body = copy.deepcopy(body)
    for row in [r for r in body.iter(q("tr")) if r.find(f"w:trPr/w:{drop}", NS) is not None]:
        _drop(row)
    for mark in list(body.iter(q(f"{keep}"))):
        if mark.getparent().tag == q("trPr"):
            _drop(mark)
    for p in [p for p in body.iter(q("p")) if p.find(f"w:pPr/w:rPr/w:{drop}", NS) is not None]:
        # The paragraph mark goes: what is left of the paragraph joins the next one.
        following = p.getnext()
        rest = [c for c in p if c.tag != q("pPr")]
        if following is not None and following.tag == q("p"):
            for child in reversed(rest):
                following.insert(1 if following.find("w:pPr", NS) is not None else 0, child)
        _drop(p)
    for element in list(body.iter(q(drop))):
        if element.getparent() is not None and element.getparent().tag not in (q("rPr"), q("trPr")):
            _drop(element)
    for element in list(body.iter(q(keep))):
        if element.getparent().tag == q("rPr"):
            _drop(element)
        else:
            _unwrap(element)
    for text in list(body.iter(q("delText"))):
        text.tag = q("t")
    return body


def accept_all(body):
    body = _resolve(body, "ins", "del")
    for change in list(body.iter(q("pPrChange"))):
        _drop(change)
    return body


def reject_all(body):
    for change in list(body.iter(q("pPrChange"))):
        ppr = change.getparent()
        old = change.find("w:pPr", NS)
        for child in [c for c in ppr if c.tag == q("pStyle")]:
            ppr.remove(child)
        for index, child in enumerate(old):
            ppr.insert(index, child)
        ppr.remove(change)
    return _resolve(body, "del", "ins")
