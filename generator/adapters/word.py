"""Word adapter: the only module that imports docxtpl and python-docx.

Documents are rendered from the house-style master (templates/huisstijl.docx): styles carry
the numbering, so this module only assigns styles and never types a number.
"""

from __future__ import annotations

import copy
import io
from html import escape as _html_escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm
from docx.text.paragraph import Paragraph as DocxParagraph
from docxtpl import DocxTemplate, RichText, RichTextParagraph

from generator.adapters.jinja_env import docx_environment
from generator.blocks import Afbeelding, Alinea, Block, Kop, Opsomming, Tabel
from generator.document import Artikel, Blok, Document, Ondertekenaar, Paragraph

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

    # the comparison model is plain data; this adapter only reads its attributes
    from generator.comparison import DocumentComparison, ParagraphChange, PartComparison, Piece

OPEN_POINT_STYLE = "Openpunt"
_BLOCK_STYLES = {"cijfer": "Partij", "letter": "Overweging", "geen": "Tekst"}


def _rich(paragraph: Paragraph) -> RichText:
    rich = RichText()
    for run in paragraph:
        if run.open:
            rich.add(run.tekst, style=OPEN_POINT_STYLE)
        else:
            rich.add(run.tekst)
    return rich


def _para(paragraph: Paragraph, style: str) -> RichTextParagraph:
    rtp = RichTextParagraph()
    rtp.add(_rich(paragraph), parastyle=style)
    return rtp


def _article_paragraphs(art: Artikel) -> list[RichTextParagraph]:
    single = len(art.leden) == 1
    result = []
    for lid in art.leden:
        result.append(_para(lid.tekst, "Artikeltekst" if single else "Lid"))
        result += [_para(sub, "Sublid") for sub in lid.subs]
    return result


def _block_paragraphs(blok: Blok) -> list[RichTextParagraph]:
    style = _BLOCK_STYLES[blok.nummering]
    result = []
    for lid in blok.leden:
        result.append(_para(lid.tekst, style))
        result += [_para(sub, "Artikeltekst") for sub in lid.subs]
    return result


def _context(doc: Document) -> dict[str, Any]:
    return {
        "titel": doc.titel,
        "ondertitel": doc.ondertitel,
        "koptekst": doc.koptekst,
        "preambule": [{"titel": b.titel, "alineas": _block_paragraphs(b)} for b in doc.preambule],
        "artikelenkop": doc.artikelenkop,
        "artikelen": [{"titel": a.titel, "alineas": _article_paragraphs(a)} for a in doc.artikelen],
        "slot": [{"titel": b.titel, "alineas": _block_paragraphs(b)} for b in doc.slot],
        "ondertekenaars": [
            {"partij": o.partij, "namens": _rich(o.namens), "plaats_datum": _rich(o.plaats_datum)}
            for o in doc.ondertekenaars
        ],
    }


def _render(template: Path, context: dict[str, Any]) -> DocxTemplate:
    tpl = DocxTemplate(str(template))
    tpl.render(context, jinja_env=docx_environment())
    return tpl


MAX_CORE_PROPERTY = 255  # Word's limit for a document property; python-docx refuses longer text


def core_property(text: str) -> str:
    """Text that fits a Word document property: a long title is shortened with an ellipsis."""
    return text if len(text) <= MAX_CORE_PROPERTY else text[: MAX_CORE_PROPERTY - 1] + "…"


def _save(tpl: DocxTemplate, target: Path, title: str, subject: str) -> None:
    props = tpl.docx.core_properties
    props.title = core_property(title)
    props.subject = core_property(subject)
    props.author = "consortium"
    props.comments = "Concept, opgesteld met consortium. Geen juridisch advies."
    tpl.save(str(target))


def write_document(doc: Document, template: Path, target: Path) -> None:
    tpl = _render(template, _context(doc))
    _save(tpl, target, doc.titel, doc.ondertitel)


def write_blocks(titel: str, ondertitel: str, koptekst: str, blocks: list[Block],
                 template: Path, target: Path) -> None:
    """A report (analysis, clause export) in the house style: title, header, footer, then blocks."""
    empty = Document(sleutel="", bestand="", titel=titel, ondertitel=ondertitel, koptekst=koptekst)
    tpl = _render(template, _context(empty))
    body = tpl.docx
    for block in blocks:
        _add_block(body, block)
    _save(tpl, target, titel, ondertitel)


def _paragraph(body: DocxDocument, style_id: str, text: str = "") -> DocxParagraph:
    """A paragraph with its style set by id: python-docx's lookup by name scans every style."""
    paragraph = body.add_paragraph()
    paragraph._p.style = style_id
    if text:
        paragraph.add_run(text)
    return paragraph


def _add_block(body: DocxDocument, block: Block) -> None:
    if isinstance(block, Kop):
        _paragraph(body, f"Heading{block.niveau}", block.tekst)
    elif isinstance(block, Alinea):
        _paragraph(body, "Tekst").add_run(block.tekst).bold = block.nadruk
    elif isinstance(block, Opsomming):
        for item in block.items:
            _paragraph(body, "ListBullet", item)
    elif isinstance(block, Tabel):
        _add_table(body, block)
    elif isinstance(block, Afbeelding):
        body.add_picture(io.BytesIO(block.png), width=Cm(block.breedte_cm))
        _paragraph(body, "Opmerking", block.bijschrift).alignment = WD_ALIGN_PARAGRAPH.CENTER


TEXT_WIDTH_CM = 16.0


def _column_widths(block: Tabel) -> list[float]:
    """Widths in proportion to each column's longest word, so that no word is broken; the first
    column (names, labels) also gets room for its phrases."""
    columns = list(zip(block.kolommen, *block.rijen, strict=True))
    weights = []
    for index, cells in enumerate(columns):
        header, *body = cells
        bold_header = max(len(word) * 1.25 for word in (header.split() or [""]))
        longest_word = max([bold_header, *(len(word) for cell in body for word in (cell.split() or [""]))])
        longest_cell = max(len(cell) for cell in cells)
        weights.append(max(longest_word + 2, 11) + (min(longest_cell, 40) / 3 if index == 0 else 0))
    total = sum(weights)
    return [TEXT_WIDTH_CM * w / total for w in weights]


TWIPS_PER_CM = 1440 / 2.54


def _add_table(body: DocxDocument, block: Tabel) -> None:
    """A centred table in the grid style with fixed column widths and 8-point text, the header
    row bold. Written as one piece of XML: python-docx's cell-by-cell calls cost more than all
    the rest of the analysis document."""
    widths = [round(w * TWIPS_PER_CM) for w in _column_widths(block)]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    rows = [_row(block.kolommen, widths, block.rechts_uitlijnen, bold=True)]
    rows += [_row(row, widths, block.rechts_uitlijnen) for row in block.rijen]
    table = parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:type="auto" w:w="0"/>'
        '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" '
        'w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr>'
        f'<w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')
    body.element.body.sectPr.addprevious(table)
    _paragraph(body, "Tekst")


def _row(cells: tuple[str, ...], widths: list[int], right: tuple[int, ...], *, bold: bool = False) -> str:
    return "<w:tr>" + "".join(_cell(text, width, bold=bold, right=index in right)
                              for index, (text, width) in enumerate(zip(cells, widths, strict=True))) + "</w:tr>"


def _escape(text: str) -> str:
    """&, < and > as XML text needs them (html's escape: xml.sax.saxutils imports urllib and ssl)."""
    return _html_escape(text, quote=False)


def _cell(text: str, width: int, *, bold: bool, right: bool) -> str:
    alignment = '<w:pPr><w:jc w:val="right"/></w:pPr>' if right else ""
    lines = '<w:br/>'.join(f'<w:t xml:space="preserve">{_escape(line)}</w:t>' for line in text.split("\n"))
    style = f'<w:rPr>{"<w:b/>" if bold else ""}<w:sz w:val="{TABLE_HALF_POINTS}"/></w:rPr>'
    run = f"<w:r>{style}{lines}</w:r>" if text else ""
    return f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr><w:p>{alignment}{run}</w:p></w:tc>'


TABLE_HALF_POINTS = 16  # 8-point table text


# Notes in a model document (see generator.tender.model): shaded so that they stand apart from
# the legal text, and in their own style so that a lawyer can find, restyle or delete them.
NOTE_STYLE = "Opmerking"
_NOTE_FILLS = {"vast": "D9D9D9", "keuze": "DEEAF6", "info": "FFF2CC"}


def add_notes(path: Path, preface: list[tuple[str, str, str]],
              notes: dict[int, list[tuple[str, str, str]]]) -> None:
    """Insert (kind, heading, text) notes into a written document: `preface` before the first
    block after the title, `notes[n]` right under the heading of the n-th article."""
    from docx import Document as open_docx

    document = open_docx(str(path))
    paragraphs = document.paragraphs
    first = next((p for p in paragraphs if p.style is not None
                  and p.style.style_id not in ("Documenttitel", "Ondertitel")), None)
    for note in preface:
        if first is not None:
            _shade(first.insert_paragraph_before(), *note)
    headings = [p for p in paragraphs if p.style is not None and p.style.style_id == "Artikelkop"]
    for number, items in notes.items():
        if not 1 <= number <= len(headings):
            continue
        anchor = headings[number - 1]
        for note in reversed(items):
            _shade(_insert_after(anchor), *note)
    document.save(str(path))


def _insert_after(paragraph: DocxParagraph) -> DocxParagraph:

    new = OxmlElement("w:p")
    paragraph._p.addnext(new)
    return DocxParagraph(new, paragraph._parent)


def _shade(paragraph: DocxParagraph, kind: str, heading: str, text: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph._p.style = NOTE_STYLE
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), _NOTE_FILLS.get(kind, "FFFFFF"))
    paragraph._p.get_or_add_pPr().append(shading)
    paragraph.add_run(f"{heading}: ").bold = True
    paragraph.add_run(text)


def insert_blocks_first(path: Path, blocks: list[Block]) -> None:
    """Put report blocks at the start of a written document's body (before its own text)."""
    from docx import Document as open_docx

    document = open_docx(str(path))
    body = document.element.body
    original = list(body)  # held, so that lxml keeps these element objects (and their identity)
    for block in blocks:
        _add_block(document, block)
    added = [child for child in body if not any(child is o for o in original)]
    if original:
        for child in added:
            original[0].addprevious(child)
    document.save(str(path))


# --- Comparisons: the NIEUW document with Word revisions (w:ins / w:del) against the OUD one ---

_SIGNATORY = "ondertekenaar"


class _Revisions:
    """Attributes of one author's revisions, with the unique w:id Word wants on each."""

    def __init__(self, auteur: str, datum: str):
        self.auteur, self.datum, self.next_id = auteur, datum, 1

    def mark(self, tag: str) -> BaseOxmlElement:
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(self.next_id))
        element.set(qn("w:author"), self.auteur)
        element.set(qn("w:date"), self.datum)
        self.next_id += 1
        return element


_MARK = {"inserted": "w:ins", "deleted": "w:del"}


def _revision_run(piece: Piece, vet: bool) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    if piece.open or vet:
        rpr = OxmlElement("w:rPr")
        if piece.open:
            style = OxmlElement("w:rStyle")
            style.set(qn("w:val"), OPEN_POINT_STYLE)
            rpr.append(style)
        if vet:
            rpr.append(OxmlElement("w:b"))
        run.append(rpr)
    text = OxmlElement("w:delText" if piece.change == "deleted" else "w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = piece.tekst
    run.append(text)
    return run


def _style_properties(style_id: str) -> BaseOxmlElement:
    ppr = OxmlElement("w:pPr")
    if style_id:
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), style_id)
        ppr.append(style)
    return ppr


def _revision_paragraph(paragraph: ParagraphChange, revisions: _Revisions) -> BaseOxmlElement:
    """One paragraph; a wholly inserted or deleted paragraph has its mark marked too (w:pPr/w:rPr),
    so that accepting or rejecting every change leaves no empty paragraph behind."""
    p = OxmlElement("w:p")
    ppr = _style_properties(paragraph.stijl)
    if paragraph.change != "same":
        mark = OxmlElement("w:rPr")
        mark.append(revisions.mark(_MARK[paragraph.change]))
        ppr.append(mark)
    if paragraph.oude_stijl is not None:
        change = revisions.mark("w:pPrChange")
        change.append(_style_properties(paragraph.oude_stijl))
        ppr.append(change)
    if len(ppr):
        p.append(ppr)
    for piece in paragraph.pieces:
        run = _revision_run(piece, paragraph.vet)
        if piece.change == "same":
            p.append(run)
        else:
            wrapper = revisions.mark(_MARK[piece.change])
            wrapper.append(run)
            p.append(wrapper)
    return p


def _signature_row(part: PartComparison, prototype: BaseOxmlElement, revisions: _Revisions) -> BaseOxmlElement:
    """One row of the signature table; an inserted or deleted signatory is a tracked row."""
    row = OxmlElement("w:tr")
    change = {"inserted": "inserted", "moved_to": "inserted", "deleted": "deleted", "moved_from": "deleted"}
    if part.status in change:
        trpr = OxmlElement("w:trPr")
        trpr.append(revisions.mark(_MARK[change[part.status]]))
        row.append(trpr)
    cell = OxmlElement("w:tc")
    tcpr = prototype.find(qn("w:tcPr")) if prototype is not None else None
    if tcpr is not None:
        cell.append(copy.deepcopy(tcpr))
    for paragraph in part.paragraphs:
        cell.append(_revision_paragraph(paragraph, revisions))
    row.append(cell)
    return row


def _empty_signatory() -> list[Ondertekenaar]:
    return [Ondertekenaar("", (), ())]


def write_comparison(comparison: DocumentComparison, template: Path, target: Path, *, auteur: str,
                     datum: str) -> None:
    """Write a `generator.compare.DocumentComparison` as the NIEUW document in the house style,
    with every difference from OUD as a Word revision by `auteur` at `datum` (ISO 8601, UTC).
    The body holds only the document and its revisions: accepting all gives the NIEUW text,
    rejecting all the OUD text."""
    signed = any(p.soort == _SIGNATORY for p in comparison.parts)
    frame = Document(sleutel="", bestand="", titel=comparison.titel, ondertitel=comparison.ondertitel,
                     koptekst=comparison.koptekst, ondertekenaars=_empty_signatory() if signed else [])
    tpl = _render(template, _context(frame))
    body = tpl.docx.element.body
    table = body.find(qn("w:tbl"))
    prototype = table.find(f"{qn('w:tr')}/{qn('w:tc')}") if table is not None else None
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    if table is not None:
        for row in table.findall(qn("w:tr")):
            table.remove(row)
    revisions = _Revisions(auteur, datum)
    section = body.find(qn("w:sectPr"))
    for part in comparison.parts:
        if part.soort == _SIGNATORY and table is not None and prototype is not None:
            if table.getparent() is None:
                section.addprevious(table)
            table.append(_signature_row(part, prototype, revisions))
            continue
        for paragraph in part.paragraphs:
            section.addprevious(_revision_paragraph(paragraph, revisions))
    _save(tpl, target, comparison.titel, f"Wijzigingen: {comparison.ondertitel}".strip())
