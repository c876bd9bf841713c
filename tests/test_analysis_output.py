"""The analysis as JSON, as terminal text, through the CLI, as document blocks and as a chart."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from test_analysis_support import analysed, answers, raw, shares

from generator.analysis.chart import draw_position_chart
from generator.analysis.document import analysis_blocks
from generator.analysis.report import to_json
from generator.analysis.text import render_analysis
from generator.blocks import Afbeelding, Alinea, Kop, Opsomming, Tabel
from generator.cli import main

WORKED = {"consortium.opdrachtwaarde_per_jaar": 26_100_000,
          "partners": [{"naam": "Rivierzorg", "aandeel": 45, "omzet": 60_000_000},
                       {"naam": "GGZ Betuwe", "rechtsvorm": "bv", "aandeel": 40, "omzet": 250_000_000},
                       {"naam": "Gezinshuizen", "rechtsvorm": "vereniging", "aandeel": 15, "omzet": 9_000_000}],
          "stemrecht": {"model": "naar_aandeel", "gekwalificeerd": 67}}


@pytest.fixture
def answers_file(tmp_path):
    from generator.adapters import yaml_io

    def write(data: dict) -> str:
        path = tmp_path / "antwoorden.yaml"
        path.write_text(yaml_io.dump(data), encoding="utf-8")
        return str(path)

    return write


def test_json_has_the_contract_fields():
    data = json.loads(json.dumps(to_json(analysed(WORKED))))
    assert data["geldig"] is True
    first = data["partners"][0]
    assert set(first) >= {"naam", "aandeel", "afhankelijkheid", "stemgewicht", "macht", "veto", "rol"}
    assert first["macht"] == {"meerderheid": 0.3333, "gekwalificeerd": 0.5}
    assert [p["rol"] for p in data["partners"]] == ["kartrekker", "kruimelkoning", "gegijzeld"]
    assert len(data["lumpsum"]["jaren"]) == 3
    assert data["lumpsum"]["jaren"][0] == {"jaar": 1, "kalenderjaar": 2027, "behoefte": 9_180_000.0,
                                           "beschikbaar": 26_100_000.0, "verschil": 16_920_000.0}
    for w in data["waarschuwingen"]:
        assert set(w) >= {"code", "ernst", "bericht", "bron"}


def test_json_unknown_turnover_is_null():
    data = to_json(analysed({"partners": shares(50, 50)}))
    assert data["partners"][0]["afhankelijkheid"] is None and data["partners"][0]["rol"] is None


def test_cli_json_valid(answers_file, capsys):
    assert main(["check", "--json", answers_file(raw(WORKED))]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["geldig"] is True
    assert [p["veto"] for p in data["partners"]] == [True, True, False]
    assert data["waarschuwingen"][0]["code"] == "R4"


def test_cli_json_invalid_exits_2_with_problems_on_stdout_and_dutch_on_stderr(answers_file, capsys):
    data = raw({"stemrecht.modle": "gelijk"})
    data["partners"][2]["aandeel"] = 5
    assert main(["check", "--json", answers_file(data)]) == 2
    out, err = capsys.readouterr()
    result = json.loads(out)
    assert result["geldig"] is False
    paden = {p["pad"] for p in result["problemen"]}
    assert {"stemrecht.modle", "partners[].aandeel"} <= paden
    assert all(p["bericht"] for p in result["problemen"])
    assert "is ongeldig" in err and "de aandelen tellen op tot 90" in err


def test_cli_json_missing_file(tmp_path, capsys):
    assert main(["check", "--json", str(tmp_path / "weg.yaml")]) == 2
    out, err = capsys.readouterr()
    result = json.loads(out)
    assert result["geldig"] is False and result["problemen"][0]["bericht"]
    assert "bestaat niet" in err


def test_cli_text_shows_tables_and_warnings_and_exits_0(answers_file, capsys):
    assert main(["check", answers_file(raw({**WORKED, "consortium.toegang": True}))]) == 0
    out = capsys.readouterr().out
    for heading in ("is geldig", "Posities van de partners", "Lumpsum per contractjaar", "Waarschuwingen",
                    "[hoog]   W10", "Grondslag: Jeugdwet art. 2.3", "geen juridisch"):
        assert heading in out


def test_terminal_tables_are_aligned():
    lines = render_analysis(analysed(WORKED)).splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("Partner "))
    header, rule, *rows = lines[start:start + 5]
    end_of_share = header.index("Aandeel") + len("Aandeel")
    assert [row[end_of_share - 3:end_of_share] for row in rows[:3]] == ["45%", "40%", "15%"]
    dash_starts = [i for i, ch in enumerate(rule) if ch == "-" and rule[i - 1] == " "]
    assert dash_starts == [header.index(name) for name in ("Partner", "Aandeel")[:1]] + dash_starts[1:]
    assert header.index("Veto") in dash_starts and header.index("Rol") in dash_starts
    assert "Gezinshuizen" in rows[2] and rows[2].rstrip().endswith("gegijzeld")


@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_check_imports_no_heavy_libraries(answers_file, extra):
    args = [*extra, answers_file(raw(WORKED))]
    code = (f"import sys; from generator.cli import main; main(['check', *{args!r}]); "
            "print('HEAVY', [m for m in ('docxtpl', 'docx', 'questionary', 'PIL') if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr


def test_document_blocks_are_a_complete_board_document():
    a = answers(WORKED)
    ana = analysed(WORKED)
    blocks = analysis_blocks(a, ana, b"\x89PNG fake")
    assert isinstance(blocks[0], Kop) and blocks[0].niveau == 1
    headings = [b.tekst for b in blocks if isinstance(b, Kop)]
    assert {"Wie ben jij in het consortium?", "Posities van de partners", "Lumpsum per contractjaar",
            "Waarschuwingen", "Tot slot"} <= set(headings)
    tables = [b for b in blocks if isinstance(b, Tabel)]
    assert tables[0].kolommen[0] == "Partner" and len(tables[0].rijen) == 3
    assert tables[1].kolommen == ("Partner", "Stemgewicht", "Macht gewone besluiten",
                                  "Macht gekwalificeerde besluiten", "Veto")
    assert all(len(t.kolommen) <= 5 for t in tables)  # room for every header on a portrait page
    assert tables[2].kolommen[0] == "Jaar" and tables[2].rijen[-1][0] == "Totaal"
    picture = next(b for b in blocks if isinstance(b, Afbeelding))
    assert picture.png == b"\x89PNG fake" and picture.bijschrift.startswith("Figuur 1.")
    text = " ".join(b.tekst if isinstance(b, Alinea | Kop) else " ".join(getattr(b, "items", ())) for b in blocks)
    assert "15%" in text and "kruimelkoning" in text and "gegijzeld" in text
    for w in ana.waarschuwingen:
        assert Alinea(f"{w.code} · {w.titel} (ernst: {w.ernst})", nadruk=True) in blocks
        assert Alinea(f"Grondslag: {w.bron}") in blocks
    assert any(isinstance(b, Opsomming) and any(i.startswith("W16") for i in b.items) for b in blocks)
    assert "geen juridisch" in blocks[-1].tekst


def test_document_without_chart_has_no_picture():
    blocks = analysis_blocks(answers(), analysed(), None)
    assert not any(isinstance(b, Afbeelding) for b in blocks)


def test_caption_names_partners_that_cannot_be_placed():
    changes = {"partners": [{"naam": "A", "aandeel": 60, "omzet": 20_000_000}, {"naam": "B", "aandeel": 40}]}
    picture = next(b for b in analysis_blocks(answers(changes), analysed(changes), b"png")
                   if isinstance(b, Afbeelding))
    assert "Niet geplaatst omdat de omzet onbekend is: B." in picture.bijschrift


def test_chart_is_a_deterministic_png():
    ana = analysed(WORKED)
    png = draw_position_chart(ana)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 20_000
    assert draw_position_chart(ana) == png


def test_chart_puts_each_bubble_in_its_role_colour_where_dependency_and_power_place_it():
    import io

    from PIL import Image

    from generator.analysis.chart import KLEUREN, Scale, plotted

    ana = analysed(WORKED)
    image = Image.open(io.BytesIO(draw_position_chart(ana))).convert("RGB")
    scale = Scale(max([100.0, *((p.afhankelijkheid or 0) * 1.3 for p in plotted(ana))]))
    assert {p.rol for p in plotted(ana)} >= {"kruimelkoning", "gegijzeld"}
    for p in plotted(ana):
        centre = image.getpixel((round(scale.x(max(p.afhankelijkheid or 0, 1.0))), round(scale.y(p.invloed * 100))))
        role = KLEUREN[p.rol or "volger"]
        wanted = tuple(int(role[i:i + 2], 16) for i in (1, 3, 5))
        # 55% of the role colour over the white (or lightly tinted) plot: the nearest of the four colours
        nearest = min(KLEUREN.values(), key=lambda c: sum(
            abs(255 - (255 - int(c[i:i + 2], 16)) * 0.55 - v) for i, v in zip((1, 3, 5), centre, strict=True)))
        assert sum(centre) < 600 and nearest == role, (p.naam, centre, wanted)


@pytest.mark.parametrize("changes", [{"partners": shares(50, 50)}, {"stemrecht.model": "consent"}])
def test_chart_copes_with_unknown_turnover_and_consent(changes):
    assert draw_position_chart(analysed(changes)).startswith(b"\x89PNG")


def test_the_house_style_has_one_font_family_and_a_spaced_header():
    """Headings use the text font (no theme font that would win over it), and CONCEPT sits at
    the right margin: the Header style's centre tab stop is cleared."""
    from docx import Document
    from docx.oxml.ns import qn

    from generator.assemble.package import master_template

    doc = Document(str(master_template()))
    for level in (1, 2):
        fonts = doc.styles[f"Heading {level}"].element.rPr.rFonts
        assert fonts.get(qn("w:ascii")) == "Arial" and fonts.get(qn("w:asciiTheme")) is None
    header = doc.sections[0].header.paragraphs[0]
    stops = {(round(t.position.cm, 1), t.alignment) for t in header.paragraph_format.tab_stops}
    from docx.enum.text import WD_TAB_ALIGNMENT

    assert (16.0, WD_TAB_ALIGNMENT.RIGHT) in stops and (8.3, WD_TAB_ALIGNMENT.CLEAR) in stops
