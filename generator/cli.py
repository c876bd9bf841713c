"""The `consortium` command: parses arguments, calls the façade, maps errors to Dutch and exit codes."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import __version__
from generator.errors import EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK, ConsortiumError

if TYPE_CHECKING:
    from generator.assemble.package import PackageReport

_ARGPARSE_DUTCH = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "expected one argument": "verwacht één waarde",
    "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
}


def _dutch(message: str) -> str:
    return _ARGPARSE_DUTCH.get(message, message)


argparse._ = _dutch  # type: ignore[attr-defined]  # argparse looks its messages up through this alias


class _Parser(argparse.ArgumentParser):
    """A parser whose -h/--help is explained in Dutch."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="consortium",
        description="Stelt de oprichtingsdocumenten van een jeugdhulpconsortium op "
        "(samenwerkingsovereenkomst, statuten, huishoudelijk reglement) met een governance-analyse.",
        epilog="Exitcodes: 0 gelukt, 2 ongeldige invoer, 130 onderbroken.",
    )
    parser.add_argument("--version", action="version", version=f"consortium {__version__}",
                        help="toon het versienummer en stop")
    commands = parser.add_subparsers(dest="command", title="opdrachten", metavar="OPDRACHT",
                                     parser_class=_Parser)

    check = commands.add_parser("check", help="controleer een antwoordenbestand en toon de analyse",
                                description="Controleert ANTWOORDEN tegen het contract en toont de "
                                "keuzes per leidend principe. Exitcode 0 als het bestand geldig is "
                                "(ook met waarschuwingen), 2 als het ongeldig is.")
    check.add_argument("antwoorden", metavar="ANTWOORDEN", type=Path, help="het antwoordenbestand (YAML)")
    check.add_argument("--json", action="store_true",
                       help="toon de uitkomst als één JSON-object (ook bij een ongeldig bestand, met exitcode 2)")
    _tender_option(check, "toets het bod ook aan dit aanbestedingsprofiel (exitcode 2 bij een afwijking)")
    _library_option(check)

    generate = commands.add_parser("generate", help="stel de documenten op uit een antwoordenbestand",
                                   description="Stelt de Word-documenten op in map DIR.")
    generate.add_argument("antwoorden", metavar="ANTWOORDEN", type=Path, help="het antwoordenbestand (YAML)")
    generate.add_argument("--out", metavar="DIR", type=Path, default=Path("uitvoer"),
                          help="de map voor de documenten (standaard: uitvoer/)")
    generate.add_argument("--force", action="store_true",
                          help="vervang bestaande documenten in DIR")
    _tender_option(generate, "het bod hoort bij dit aanbestedingsprofiel: eerst getoetst, en "
                   "afwijkingen.docx erbij")
    _add_pdf_option(generate)
    _library_option(generate)

    interview = commands.add_parser("interview", help="beantwoord de vragenlijst in de terminal",
                                    description="Loopt de leidende principes met u door, bewaart elk "
                                    "antwoord direct in ANTWOORDEN en stelt daarna de documenten op.")
    interview.add_argument("antwoorden", metavar="ANTWOORDEN", type=Path, nargs="?",
                           default=Path("antwoorden.yaml"),
                           help="het antwoordenbestand (standaard: antwoorden.yaml)")
    interview.add_argument("--out", metavar="DIR", type=Path, default=Path("uitvoer"),
                           help="de map voor de documenten (standaard: uitvoer/)")
    interview.add_argument("--force", action="store_true", help="vervang bestaande documenten in DIR")
    _tender_option(interview, "vul de vaste antwoorden van dit aanbestedingsprofiel in en bied alleen de "
                   "toegestane keuzes aan")
    _library_option(interview)

    model = commands.add_parser("model", help="schrijf de modeldocumenten bij een aanbesteding",
                                description="Schrijft uit een aanbestedingsprofiel de modeldocumenten "
                                "(per toegestane rechtsvorm) en een startbestand voor inschrijvers.")
    model.add_argument("profiel", metavar="PROFIEL", type=Path, help="het aanbestedingsprofiel (YAML)")
    model.add_argument("--out", metavar="DIR", type=Path, default=Path("model"),
                       help="de map voor de modeldocumenten (standaard: model/)")
    model.add_argument("--force", action="store_true", help="vervang bestaande documenten in DIR")
    _add_pdf_option(model)
    _library_option(model)

    vergelijk = commands.add_parser(
        "vergelijk", help="toon de verschillen tussen twee antwoordenbestanden als Word-revisies",
        description="Stelt de documenten op voor OUD en NIEUW en schrijft per document "
        "<document>-wijzigingen.docx: het NIEUWE document met bijgehouden wijzigingen (revisies) "
        "ten opzichte van het OUDE, per artikel en binnen een lid woord voor woord. Alles "
        "accepteren geeft NIEUW, alles weigeren OUD. wijzigingen.md zegt welke antwoorden "
        "veranderden en welke artikelen dat raakte.")
    vergelijk.add_argument("oud", metavar="OUD", type=Path, help="het oude antwoordenbestand (YAML)")
    vergelijk.add_argument("nieuw", metavar="NIEUW", type=Path, help="het nieuwe antwoordenbestand (YAML)")
    vergelijk.add_argument("--out", metavar="DIR", type=Path, default=Path("vergelijking"),
                           help="de map voor de vergelijking (standaard: vergelijking/)")
    vergelijk.add_argument("--force", action="store_true", help="vervang een eerdere vergelijking in DIR")
    _add_pdf_option(vergelijk)

    _add_clauses_commands(commands)
    _add_update_command(commands)
    return parser


def _add_clauses_commands(commands: Any) -> None:
    """Consortium clauses list | show | check | export | migreer."""
    clauses = commands.add_parser("clauses", help="blader door de clausulebibliotheek",
                                  description="Toont de clausules waaruit de documenten worden opgebouwd.")
    clause_commands = clauses.add_subparsers(dest="clauses_command", title="opdrachten",
                                             metavar="OPDRACHT", parser_class=_Parser)
    listed = clause_commands.add_parser("list", help="toon alle clausules", description="Toont alle clausules.")
    _library_option(listed)
    show = clause_commands.add_parser("show", help="toon één clausule volledig",
                                      description="Toont tekst, voorwaarde, versie, grondslag en toelichting.")
    show.add_argument("id", metavar="ID", help="de id van de clausule, zie 'consortium clauses list'")
    _library_option(show)
    checked = clause_commands.add_parser(
        "check", help="controleer de bibliotheek of een eigen bibliotheek",
        description="Controleert de meegeleverde bibliotheek, of de map DIR: een eigen bibliotheek (zonder "
        "bibliotheek.yaml, over de meegeleverde heen gelegd) of een volledige bibliotheek. Gemeld wordt elk "
        "probleem met bestand, clausule en lid: voorwaarden en teksten die niet compileren, onbekende namen, "
        "verwijzingen naar een onbekende clausule of rol, dubbele ids, varianten die elkaar overlappen of een "
        "gat laten, het sjabloonbudget, ontbrekende verplichte onderdelen, en een tekst die veranderde "
        "zonder hogere versie (versies.lock). Exitcode 0 als alles klopt, 2 anders.")
    checked.add_argument("map", metavar="DIR", type=Path, nargs="?",
                         help="de map van de bibliotheek (standaard: de meegeleverde)")
    checked.add_argument("--vernieuw-slot", action="store_true", dest="vernieuw_slot",
                         help="leg de huidige versies vast in versies.lock van de map (geweigerd als een tekst "
                         "veranderde zonder hogere versie)")
    export = clause_commands.add_parser("export", help="schrijf de hele bibliotheek als één .docx",
                                        description="Schrijft de bibliotheek als leesbaar Word-document.")
    export.add_argument("--out", metavar="BESTAND", type=Path, default=Path("clausulebibliotheek.docx"),
                        help="het doelbestand (standaard: clausulebibliotheek.docx)")
    export.add_argument("--force", action="store_true", help="vervang een bestaand bestand")
    _library_option(export)
    migrated = clause_commands.add_parser(
        "migreer", help="zet clausulebestanden in het oude formaat om naar formaat 2",
        description="Zet de clausulebestanden zonder 'formaat: 2' in de map DIR om (standaard de meegeleverde "
        "bibliotheek); omgezette bestanden blijven ongemoeid, dus dit kan opnieuw. Een bestand met "
        "opmerkingen (#) wordt eerst bewaard als <naam>.voor-formaat-2, want opmerkingen gaan niet mee.")
    migrated.add_argument("map", metavar="DIR", type=Path, nargs="?",
                          help="de map van de bibliotheek (standaard: de meegeleverde)")


def _add_update_command(commands: Any) -> None:
    """Consortium bijwerken UITVOER."""
    update = commands.add_parser(
        "bijwerken", help="werk een eerder pakket bij naar de huidige clausulebibliotheek",
        description="Leest verantwoording.json in UITVOER (een map van 'consortium generate'), toont de "
        "clausules waarvan de huidige bibliotheek een andere versie heeft, en schrijft de documenten opnieuw "
        "met die wijzigingen als bijgehouden wijzigingen (revisies): <document>-wijzigingen.docx en "
        "wijzigingen.md. De eigen bibliotheek van het pakket wordt weer gebruikt als die er nog is.")
    update.add_argument("uitvoer", metavar="UITVOER", type=Path, help="de map van het eerdere pakket")
    update.add_argument("--out", metavar="DIR", type=Path,
                        help="de map voor de bijgewerkte documenten (standaard: UITVOER-bijgewerkt)")
    update.add_argument("--force", action="store_true", help="vervang eerdere bijgewerkte documenten in DIR")
    _library_option(update)


def _library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bibliotheek", metavar="DIR", type=Path,
                        help="een eigen clausulebibliotheek: voegt clausules toe en vervangt meegeleverde "
                        "met dezelfde id")


def _tender_option(parser: argparse.ArgumentParser, text: str) -> None:
    parser.add_argument("--aanbesteding", metavar="PROFIEL", type=Path, help=text)


def _add_pdf_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pdf", action="store_true",
                        help="schrijf naast elk .docx ook een PDF (met LibreOffice, als dat is geïnstalleerd)")


def _run_check(args: argparse.Namespace) -> int:
    from generator import api

    if args.aanbesteding is not None:
        return _run_tender_check(args)
    if args.json:

        from generator.analysis.report import invalid_json, to_json
        from generator.terminal import strict_json

        try:
            result = api.check(args.antwoorden, bibliotheek=args.bibliotheek)
        except ConsortiumError as exc:
            print(strict_json(invalid_json(exc.bericht, exc.problemen)))
            raise
        print(strict_json(to_json(result.analyse)))
        return EXIT_OK
    from generator.analysis.text import render_analysis
    from generator.summary import render_summary

    result = api.check(args.antwoorden, bibliotheek=args.bibliotheek)
    print(f"{args.antwoorden} is geldig.\n")
    print(render_summary(result.answers))
    print()
    print(render_analysis(result.analyse))
    return EXIT_OK


def _run_tender_check(args: argparse.Namespace) -> int:

    from generator import api
    from generator.analysis.report import to_json
    from generator.tender.conformity import NotConforming, statement
    from generator.tender.conformity import to_json as tender_json

    result, toets = api.tender_check(args.antwoorden, args.aanbesteding)
    if args.json:
        from generator.terminal import strict_json

        print(strict_json({**to_json(result.analyse), "aanbesteding": tender_json(toets)}))
    else:
        from generator.analysis.text import render_analysis
        from generator.summary import render_summary

        print(f"{args.antwoorden} is geldig.\n")
        print(render_summary(result.answers))
        print()
        print(render_analysis(result.analyse))
        print()
        print(statement(toets))
    if not toets.conform:
        raise NotConforming(f"{args.antwoorden} voldoet niet aan de aanbesteding '{toets.profiel.naam}':",
                            toets.fouten)
    return EXIT_OK


def _run_generate(args: argparse.Namespace) -> int:
    from generator import api

    report = api.generate(args.antwoorden, args.out, force=args.force, pdf=args.pdf,
                          aanbesteding=args.aanbesteding, bibliotheek=args.bibliotheek)
    _print_written(args.out, report)
    print(api.warnings_summary(report, args.antwoorden, args.out))
    _print_pdf_hint(args.pdf)
    return EXIT_OK


def _run_model(args: argparse.Namespace) -> int:
    from generator import api

    written = api.model(args.profiel, args.out, force=args.force, pdf=args.pdf, bibliotheek=args.bibliotheek)
    print(f"Geschreven in {args.out}/:")
    for path in written:
        print(f"  {path.name}")
    _print_pdf_hint(args.pdf)
    return EXIT_OK


def _print_pdf_hint(pdf: bool) -> None:
    from generator import api

    hint = api.pdf_hint(pdf)
    if hint:
        print(hint, file=sys.stderr)


def _run_vergelijk(args: argparse.Namespace) -> int:
    from generator import api

    written = api.vergelijk(args.oud, args.nieuw, args.out, force=args.force, pdf=args.pdf)
    print(f"Geschreven in {args.out}/:")
    for path in written:
        print(f"  {path.name}")
    print("Open een *-wijzigingen.docx in Word of LibreOffice om de revisies te zien; "
          "wijzigingen.md zegt per antwoord welke artikelen het raakte.")
    _print_pdf_hint(args.pdf)
    return EXIT_OK


def _print_written(out: Path, report: PackageReport) -> None:
    from generator import api

    print(f"Geschreven in {out}/:")
    for path in report.files:
        print(f"  {path.name}")
    print(api.open_points_summary(report))


def _run_clauses(args: argparse.Namespace) -> int:
    from generator import api

    if args.clauses_command == "check":
        return _run_clauses_check(args)
    if args.clauses_command == "migreer":
        return _run_clauses_migrate(args)
    bibliotheek = getattr(args, "bibliotheek", None)
    if args.clauses_command == "show":
        print(api.clause_show(args.id, bibliotheek))
    elif args.clauses_command == "export":
        print(f"Geschreven: {api.clauses_export(args.out, force=args.force, bibliotheek=bibliotheek)}")
    else:
        print(api.clauses_list(bibliotheek))
    return EXIT_OK


def _run_clauses_check(args: argparse.Namespace) -> int:
    from generator import api

    report = api.clauses_check(args.map, vernieuw_slot=args.vernieuw_slot)
    kind = {"standaard": "De meegeleverde bibliotheek", "volledig": "De bibliotheek",
            "eigen": "De eigen bibliotheek"}[report.soort]
    print(f"{kind} {report.folder} is in orde: {report.clausules} clausules, {report.varianten} leden met "
          "varianten (telkens precies één van toepassing), verwijzingen en versies kloppen.")
    if report.slot_vernieuwd:
        print(f"versies.lock is bijgewerkt in {report.folder}.")
    if report.gecompileerd:
        print(f"De voorgecompileerde teksten zijn bijgewerkt: {report.gecompileerd}.")
    return EXIT_OK


def _run_clauses_migrate(args: argparse.Namespace) -> int:
    from generator import api

    folder, migrated, kept = api.clauses_migrate(args.map)
    print(f"Omgezet naar formaat 2: {len(migrated)} bestand(en) in {folder}.")
    for name in migrated:
        print(f"  {name}")
    for name in kept:
        print(f"Bewaard met de opmerkingen van vóór het omzetten: {name}")
    return EXIT_OK


def _run_bijwerken(args: argparse.Namespace) -> int:
    from generator import api

    result = api.bijwerken(args.uitvoer, args.out, force=args.force, bibliotheek=args.bibliotheek)
    if result.changes:
        print("Clausules met een nieuwe versie of uit een andere bibliotheek:")
        for change in result.changes:
            print(f"  {change.line()}")
    else:
        print("Alle clausules hebben nog dezelfde versie.")
    for kop, clauses in (("Nieuwe clausules (nu van toepassing, eerder niet):", result.added),
                         ("Vervallen clausules (nog in de bibliotheek, niet meer van toepassing):", result.dropped)):
        if clauses:
            print(kop)
            print("".join(f"  {c.line()}\n" for c in clauses), end="")
    out = result.files[0].parent if result.files else args.out
    print(f"Geschreven in {out}/:")
    for path in result.files:
        print(f"  {path.name}")
    return EXIT_OK


def _run_interview(args: argparse.Namespace) -> int:
    from generator import api

    report = api.interview(args.antwoorden, args.out, force=args.force, aanbesteding=args.aanbesteding,
                           bibliotheek=args.bibliotheek)
    if report is None:  # "Bewaar en stop": the interview said where the answers are
        return EXIT_OK
    print()
    _print_written(args.out, report)
    print(api.warnings_summary(report, args.antwoorden, args.out))
    return EXIT_OK


HANDLERS = {
    "check": _run_check,
    "generate": _run_generate,
    "interview": _run_interview,
    "vergelijk": _run_vergelijk,
    "clauses": _run_clauses,
    "model": _run_model,
    "bijwerken": _run_bijwerken,
}


def run() -> None:
    """The console command: `main()`, then end the process without tearing the interpreter down.

    Every file `main` writes is closed when it returns, and the streams are flushed here; what
    Python's teardown would still do (freeing the ~550 modules a `generate` loads) only adds
    about 60 ms to every run. Argument errors (SystemExit from argparse) end the normal way.

    A command other than the interview runs without Python's cycle collector: it builds its
    documents, writes them and ends, so collecting on the way only costs time (about 80 ms of a
    `generate`, for about 7 MB more memory at its peak). The interview waits for a person and keeps it."""
    if sys.argv[1:2] != ["interview"]:
        gc.disable()
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a reader that went away, or a closed stream
            if stream is not None:  # started with the stream closed (`>&-`)
                stream.flush()
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    from generator.terminal import guard_stdout, printable_streams

    printable_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    try:
        with guard_stdout(enabled=args.command != "interview"):
            return HANDLERS[args.command](args)
    except ConsortiumError as exc:
        print(exc.dutch_report(), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("\nOnderbroken.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK  # the reader (e.g. `| head`) stopped reading: not an error of ours
    except OSError as exc:
        from generator.errors import os_reason

        where = f" ({exc.filename})" if exc.filename else ""
        print(f"Een bestand kon niet worden gelezen of geschreven{where}: {os_reason(exc)}.", file=sys.stderr)
        return EXIT_INVALID
