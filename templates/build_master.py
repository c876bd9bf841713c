"""Build the house-style master template `templates/huisstijl.docx`, reproducibly.

Run: python templates/build_master.py. The result is committed; the test suite rebuilds it in a
temporary folder and checks that the committed file still carries the same styles and numbering.

Numbering is real Word multilevel numbering linked to paragraph styles, so no number is typed:
  Artikelkop  -> "Artikel 1"   (level 0)
  Lid         -> "1.1"         (level 1)
  Sublid      -> "a."          (level 2)
  Partij      -> "1."          (parties in the preamble)
  Overweging  -> "A."          (recitals)
Missing facts are set in the character style "Openpunt" (yellow highlight), so that a lawyer can
find every open point with Word's search by style.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor, Twips

FONT = "Arial"
OUTLINE = (
    ("Artikelkop", "decimal", "Artikel %1", 0, 0),
    ("Lid", "decimal", "%1.%2", 1, 850),
    ("Sublid", "lowerLetter", "%3.", 2, 1275),
)
SINGLE_LISTS = (("Partij", "decimal", "%1.", 0), ("Overweging", "upperLetter", "%1.", 0))


def _level(ilvl: int, fmt: str, text: str, style: str, indent: int, hanging: int) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:pStyle w:val="{style}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{indent}" w:hanging="{hanging}"/></w:pPr></w:lvl>'
    )


def _abstract(abstract_id: int, levels: str) -> str:
    return (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')


def _free_id(numbering, tag: str, attribute: str) -> int:
    """The first id above those the base template already uses (its list styles own 0..n)."""
    used = [int(e.get(qn(attribute))) for e in numbering.findall(qn(tag))]
    return max(used, default=0) + 1


def _add_numbering(doc) -> dict[str, int]:
    numbering = doc.part.numbering_part.element
    first_abstract = _free_id(numbering, "w:abstractNum", "w:abstractNumId")
    first_num = _free_id(numbering, "w:num", "w:numId")
    outline = "".join(
        _level(ilvl, fmt, text, style, indent if ilvl else 0, 425 if ilvl else 0)
        for style, fmt, text, ilvl, indent in OUTLINE
    )
    abstracts = [_abstract(first_abstract, outline)]
    abstracts += [_abstract(first_abstract + offset, _level(0, fmt, text, style, 567, 567))
                  for offset, (style, fmt, text, _) in enumerate(SINGLE_LISTS, 1)]
    existing_num = numbering.find(qn("w:num"))
    for xml in abstracts:
        element = parse_xml(xml)
        if existing_num is not None:
            existing_num.addprevious(element)
        else:
            numbering.append(element)
    groups = ([s[0] for s in OUTLINE], ["Partij"], ["Overweging"])
    ids: dict[str, int] = {}
    for offset, styles in enumerate(groups):
        num_id, abstract_id = first_num + offset, first_abstract + offset
        numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))
        ids |= dict.fromkeys(styles, num_id)
    return ids


def _paragraph_style(doc, name: str, *, size: float = 10, bold: bool = False, before: float = 0,
                     after: float = 6, keep_next: bool = False, left_cm: float | None = None):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.keep_with_next = keep_next
    if left_cm is not None:
        fmt.left_indent = Cm(left_cm)
    return style


def _link_numbering(style, num_id: int, ilvl: int, outline: int | None = None) -> None:
    ppr = style.element.get_or_add_pPr()
    numpr = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    keep = ppr.find(qn("w:keepNext"))
    if keep is not None:
        keep.addnext(numpr)
    else:
        ppr.insert(0, numpr)
    if outline is not None:
        ppr.append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{outline}"/>'))


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    ids = _add_numbering(doc)
    _paragraph_style(doc, "Documenttitel", size=16, bold=True, after=4).paragraph_format.alignment = (
        WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph_style(doc, "Ondertitel", size=11, after=18).paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph_style(doc, "Blokkop", bold=True, before=12, after=6, keep_next=True)
    # The heading of a part of the document, such as STATUTEN inside the deed of incorporation.
    _paragraph_style(doc, "Deelkop", size=12, bold=True, before=18, after=12,
                     keep_next=True).paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph_style(doc, "Tekst", after=6)
    _paragraph_style(doc, "Artikeltekst", after=6, left_cm=1.5)
    _paragraph_style(doc, "Opmerking", size=9, after=4).font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    kop = _paragraph_style(doc, "Artikelkop", bold=True, before=14, after=6, keep_next=True)
    _link_numbering(kop, ids["Artikelkop"], 0, outline=0)
    _link_numbering(_paragraph_style(doc, "Lid"), ids["Lid"], 1)
    _link_numbering(_paragraph_style(doc, "Sublid", after=3), ids["Sublid"], 2)
    _link_numbering(_paragraph_style(doc, "Partij"), ids["Partij"], 0)
    _link_numbering(_paragraph_style(doc, "Overweging"), ids["Overweging"], 0)
    marker = doc.styles.add_style("Openpunt", WD_STYLE_TYPE.CHARACTER)
    marker.font.highlight_color = WD_COLOR_INDEX.YELLOW
    marker.font.bold = True
    # LibreOffice ignores highlighting in character styles but shows shading; Word shows both.
    marker.element.get_or_add_rPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="FFFF00"/>'))
    for level in (1, 2):
        heading = doc.styles[f"Heading {level}"]
        heading.font.name = FONT
        heading.font.color.rgb = RGBColor(0, 0, 0)
        heading.paragraph_format.space_after = Pt(4)
        fonts = heading.element.rPr.rFonts  # a theme font would win over Arial: one family only
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)


def _field(paragraph, instruction: str, cached: str) -> None:
    def char(kind: str):
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    char("begin")
    instr = paragraph.add_run()._r
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    instr.append(text)
    char("separate")
    paragraph.add_run(cached)
    char("end")


def _header_footer(doc) -> None:
    section = doc.sections[0]
    section.left_margin = section.right_margin = Cm(2.5)
    header = section.header.paragraphs[0]
    stops = header.paragraph_format.tab_stops
    for inherited in (Twips(4680), Twips(9360)):  # the Header style's centre stop would catch CONCEPT
        stops.add_tab_stop(inherited, WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT)
    header.add_run("{{ koptekst }}").font.size = Pt(8)
    concept = header.add_run("\tCONCEPT")
    concept.font.size = Pt(8)
    concept.bold = True
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("pagina ").font.size = Pt(8)
    _field(footer, "PAGE", "1")
    footer.add_run(" van ")
    _field(footer, "NUMPAGES", "1")


def _body(doc) -> None:
    def p(text: str, style: str = "Tekst"):
        doc.add_paragraph(text, style=style)

    def loop(collection: str, item: str, heading: str, conditional: bool) -> None:
        p(f"{{%p for {item} in {collection} %}}")
        if conditional:
            p(f"{{%p if {item}.titel %}}")
        p(f"{{{{ {item}.titel }}}}", heading)
        if conditional:
            p("{%p endif %}")
        p(f"{{%p for alinea in {item}.alineas %}}")
        p("{{p alinea }}")
        p("{%p endfor %}")
        p("{%p endfor %}")

    p("{{ titel }}", "Documenttitel")
    p("{{ ondertitel }}", "Ondertitel")
    loop("preambule", "blok", "Blokkop", conditional=True)
    p("{%p if artikelenkop %}")
    p("{{ artikelenkop }}", "Deelkop")
    p("{%p endif %}")
    loop("artikelen", "art", "Artikelkop", conditional=False)
    loop("slot", "blok", "Blokkop", conditional=True)
    p("{%p if ondertekenaars %}")
    p("Ondertekening", "Blokkop")
    _signature_table(doc)
    p("{%p endif %}")


def _signature_table(doc) -> None:
    table = doc.add_table(rows=3, cols=1)
    table.rows[0].cells[0].text = "{%tr for o in ondertekenaars %}"
    cell = table.rows[1].cells[0]
    cell.paragraphs[0].add_run("{{ o.partij }}").bold = True
    cell.add_paragraph("namens deze: {{r o.namens }}")
    cell.add_paragraph("Plaats en datum: {{r o.plaats_datum }}")
    cell.add_paragraph("")
    cell.add_paragraph("handtekening: ______________________________")
    table.rows[2].cells[0].text = "{%tr endfor %}"


# Built-in styles the generator sets at run time (generator/adapters/word.py), beside the ones
# the master's own parts refer to.
RUN_TIME_STYLES = ("Heading1", "Heading2", "Heading3", "ListBullet", "TableGrid")
# python-docx's default template brings parts Word does not need: a copy of every style for
# Word 2010 and the thumbnail of python-docx's own sample document.
UNNEEDED_PARTS = ("/stylesWithEffects", "/thumbnail")


def _slim(doc) -> None:
    """Keep only the styles a document can use: the default template carries about 160 built-in
    styles (800 KB of XML) that every generated document would otherwise parse, render, scan
    for a default style and compress again."""
    styles = doc.styles.element
    kept = _kept_styles(doc)
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in kept:
            styles.remove(style)
    for rels in (doc.part.rels, doc.part.package.rels):
        for r_id in [r for r, rel in rels.items() if rel.reltype.endswith(UNNEEDED_PARTS)]:
            rels.pop(r_id)


def _kept_styles(doc) -> set[str]:
    """The master's own styles (custom ones without a linked twin: the default template's custom
    styles are the character halves of its built-in ones), the defaults, the run-time styles and
    those the master's parts use, with every style they are based on, linked to or followed by."""
    by_id = {s.get(qn("w:styleId")): s for s in doc.styles.element.findall(qn("w:style"))}
    kept = {i for i, s in by_id.items() if s.get(qn("w:default")) == "1"
            or (s.get(qn("w:customStyle")) == "1" and s.find(qn("w:link")) is None)}
    kept |= set(RUN_TIME_STYLES)
    parts = [doc.part, doc.part.numbering_part,
             *(rel.target_part for rel in doc.part.rels.values() if rel.reltype.endswith(("/header", "/footer")))]
    kept |= {e.get(qn("w:val")) for part in parts for tag in ("w:pStyle", "w:rStyle", "w:tblStyle")
             for e in part.element.iter(qn(tag))}
    pending = list(kept)
    while pending:
        style = by_id.get(pending.pop())
        for found in (style.find(qn(tag)) for tag in ("w:basedOn", "w:link", "w:next")) if style is not None else ():
            if found is not None and found.get(qn("w:val")) not in kept:
                kept.add(found.get(qn("w:val")))
                pending.append(found.get(qn("w:val")))
    return kept


def build(target: Path) -> Path:
    doc = Document()
    _styles(doc)
    _header_footer(doc)
    _body(doc)
    _slim(doc)
    doc.core_properties.author = "consortium"
    doc.core_properties.title = "Huisstijl consortium"
    target.parent.mkdir(parents=True, exist_ok=True)
    doc.save(target)
    return target


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("huisstijl.docx")
    print(build(out))
