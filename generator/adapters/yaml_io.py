"""YAML adapter: the only module that imports PyYAML.

Reads plain YAML only (a SafeLoader subclass) and closes PyYAML's 1.1 pitfalls:
`no`/`on` stay text, numbers with a leading zero (KvK `01234567`) stay text, and
sexagesimal and octal integers do not exist. Aliases are capped against alias bombs.
"""

from __future__ import annotations

import math
import os
import re
import stat
from pathlib import Path
from typing import Any, NoReturn

import yaml

from generator.errors import UnreadableFile

MAX_BYTES = 2_000_000
MAX_ALIASES = 50


MAX_DIGITS = 15  # an integer with more digits is a typo (amounts stop at 10^12) and slows int()
SMALLEST_FLOAT, LARGEST_FLOAT = 1e-6, 1e15  # outside this a number cannot be written in the documents
_STRICT_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")
_STRICT_FLOAT = re.compile(r"[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)?"
                           r"|[-+]?[0-9]+[eE][-+]?[0-9]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class BadValue(yaml.MarkedYAMLError):
    """A scalar PyYAML would construct wrongly or crash on: the Dutch problem and where it is."""

    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(problem=problem, problem_mark=mark)


class _PlainLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-like scalars and a bounded number of aliases."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._aliases = 0

    def scan_flow_scalar_non_spaces(self, double: bool, start_mark: Any) -> Any:
        r"""An escape outside Unicode (`\\U00110000`) makes PyYAML's scanner call chr() and crash."""
        try:
            return super().scan_flow_scalar_non_spaces(double, start_mark)
        except ValueError:
            raise BadValue("een escape-reeks tussen aanhalingstekens valt buiten Unicode",
                           self.get_mark()) from None

    def construct_scalar(self, node: Any) -> Any:
        value = super().construct_scalar(node)
        if isinstance(value, str) and _SURROGATE.search(value):
            raise BadValue("een escape-reeks tussen aanhalingstekens geeft een los surrogaatteken "
                           "(\\ud800-\\udfff), dat geen teken is", node.start_mark)
        return value

    def construct_yaml_int(self, node: Any) -> int:
        text = str(self.construct_scalar(node))
        if not _STRICT_INT.fullmatch(text):
            raise BadValue(f"'{shown(text)}' is geen geheel getal (alleen cijfers, zonder voorloopnul)",
                           node.start_mark)
        digits = text.lstrip("+-").replace("_", "")
        if len(digits) > MAX_DIGITS:
            raise BadValue(f"een getal van {len(digits)} cijfers is te groot (hoogstens {MAX_DIGITS}); "
                           "zet het tussen aanhalingstekens als het tekst is", node.start_mark)
        return int(text.replace("_", ""))

    def construct_yaml_float(self, node: Any) -> float:
        text = str(self.construct_scalar(node))
        if text.lower().lstrip("+-") in (".inf", ".nan"):
            raise BadValue("oneindig (.inf) en NaN (.nan) zijn geen getallen die de documenten kunnen "
                           "noemen; schrijf een gewoon getal", node.start_mark)
        if not _STRICT_FLOAT.fullmatch(text):
            raise BadValue(f"'{shown(text)}' is geen getal; schrijf bijvoorbeeld 3.5", node.start_mark)
        value = float(text.replace("_", ""))
        if not math.isfinite(value) or abs(value) > LARGEST_FLOAT or 0 < abs(value) < SMALLEST_FLOAT:
            raise BadValue(f"het getal {shown(text)} ligt buiten het bereik dat de documenten kunnen "
                           "noemen; controleer het getal", node.start_mark)
        return value

    def construct_yaml_bool(self, node: Any) -> bool:
        text = str(self.construct_scalar(node))
        if text.lower() not in self.bool_values:
            raise BadValue(f"'{shown(text)}' is geen ja/nee-waarde; schrijf true of false", node.start_mark)
        return bool(self.bool_values[text.lower()])

    def construct_undefined(self, node: Any) -> Any:
        raise yaml.constructor.ConstructorError(None, None, f"tag '{node.tag}'", node.start_mark)

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise yaml.composer.ComposerError(
                    None, None, "te veel verwijzingen (aliassen)", event.start_mark
                )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        """Refuse a key that appears twice: PyYAML would silently keep only the last value."""
        if not isinstance(node, yaml.MappingNode):
            raise BadValue("de tag '!!map' staat bij een waarde die geen sleutels met waarden is",
                           node.start_mark)
        seen: dict[Any, Any] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                first = seen.get(key)
            except TypeError:
                raise DuplicateKey(f"een sleutel moet tekst zijn, niet {key_node.tag.rsplit(':', 1)[-1]}",
                                   key_node.start_mark) from None
            if first is not None:
                raise DuplicateKey(f"de sleutel '{key}' staat twee keer in dezelfde groep (eerder op regel "
                                   f"{first.line + 1}); verwijder er één", key_node.start_mark)
            seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)


class DuplicateKey(yaml.MarkedYAMLError):
    def __init__(self, problem: str, mark: yaml.Mark):
        super().__init__(problem=problem, problem_mark=mark)


def _refuse_tag(loader: yaml.SafeLoader, node: yaml.Node) -> NoReturn:
    raise yaml.constructor.ConstructorError(None, None, f"tag '{node.tag}'", node.start_mark)


for _tag in ("binary", "set", "omap", "pairs", "timestamp"):
    _PlainLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse_tag)
_PlainLoader.add_constructor("tag:yaml.org,2002:int", _PlainLoader.construct_yaml_int)
_PlainLoader.add_constructor("tag:yaml.org,2002:float", _PlainLoader.construct_yaml_float)
_PlainLoader.add_constructor("tag:yaml.org,2002:bool", _PlainLoader.construct_yaml_bool)
_PlainLoader.add_constructor(None, _PlainLoader.construct_undefined)


def shown(text: str, limit: int = 40) -> str:
    """User text as it may appear in a message: control characters escaped, long text shortened."""
    from generator.errors import escape_controls

    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return escape_controls(short)


class _TrustedLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same plain scalars, parsed by libyaml when available: for the project's own data files."""


def _restrict_resolvers() -> None:
    resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items():
        # Dates stay text (and are checked by the answers model), so 2027-02-30 is a message, not a crash.
        # Floats are re-added below without sexagesimal values (`1:30.0` is not 90).
        kept = [
            (tag, rx)
            for tag, rx in entries
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:timestamp",
                           "tag:yaml.org,2002:float")
        ]
        resolvers[first] = kept
    for loader in (_PlainLoader, _TrustedLoader):
        loader.yaml_implicit_resolvers = {key: list(value) for key, value in resolvers.items()}
        loader.add_implicit_resolver(
            "tag:yaml.org,2002:bool",
            re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
            list("tTfF"),
        )
        loader.add_implicit_resolver(
            "tag:yaml.org,2002:int",
            re.compile(r"^(?:[-+]?(?:0|[1-9][0-9_]*))$"),
            list("-+0123456789"),
        )
        loader.add_implicit_resolver(
            "tag:yaml.org,2002:float",
            re.compile(r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                       r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
            list("-+0123456789."),
        )


_restrict_resolvers()


def decode_utf8(raw: bytes, plaats: str) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            f"{plaats} is geen UTF-8-tekst (onleesbare byte op positie {exc.start + 1}). "
            "Sla het bestand op als UTF-8 en probeer het opnieuw."
        ) from None
    return text


def parse(text: str, plaats: str, *, trusted: bool = False) -> Any:
    """Parse YAML text; every failure becomes a Dutch UnreadableFile naming line and column.

    `trusted` is for the project's own data files (clause library, interview): libyaml's fast
    parser, without the alias cap that protects against hostile answers files.
    """
    if not trusted:
        _refuse_odd_line_breaks(text, plaats)
    try:
        return yaml.load(text, Loader=_TrustedLoader if trusted else _PlainLoader)
    except RecursionError:
        raise UnreadableFile(f"{plaats}: de YAML is te diep genest.") from None
    except yaml.YAMLError as exc:
        raise UnreadableFile(f"{plaats}{_where(exc, text)}: {_dutch_error(exc)}.") from None
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        # A constructor of PyYAML that this adapter did not anticipate: still Dutch, never a traceback.
        raise UnreadableFile(f"{plaats}: een waarde kan niet worden gelezen; controleer tags (!!) en "
                             "escape-reeksen tussen aanhalingstekens.") from None


_ODD_BREAK = re.compile("[\x85\u2028\u2029]")


def _refuse_odd_line_breaks(text: str, plaats: str) -> None:
    """NEL, LINE and PARAGRAPH SEPARATOR are line breaks to YAML 1.1 but invisible in an editor:
    PyYAML silently turns them into spaces inside a value, so they are refused instead."""
    found = _ODD_BREAK.search(text)
    if found:
        at = found.start()
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        raise UnreadableFile(f"{plaats}, regel {line}, kolom {column}: het onzichtbare regeleinde "
                             f"U+{ord(found.group()):04X} mag niet in het bestand staan; vervang het door een "
                             "spatie of een gewoon regeleinde.")


def _where(exc: yaml.YAMLError, text: str) -> str:
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        return f", regel {line}, kolom {column}"
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        if mark is not None:
            return f", regel {mark.line + 1}, kolom {mark.column + 1}"
    return ""


def _dutch_error(exc: yaml.YAMLError) -> str:
    if isinstance(exc, DuplicateKey | BadValue):
        return str(exc.problem)
    if isinstance(exc, yaml.reader.ReaderError):
        return (f"het teken U+{int(exc.character) if isinstance(exc.character, int) else 0:04X} is een "
                "stuurteken dat niet in een YAML-bestand mag staan; verwijder het")
    if isinstance(exc, yaml.constructor.ConstructorError):
        tag = _tag_of(exc)
        if tag:
            return f"alleen gewone YAML is toegestaan; de tag {tag} wordt geweigerd"
        return "een tag (!!) past niet bij de waarde erachter; laat de tag weg"
    if isinstance(exc, yaml.MarkedYAMLError):
        return f"ongeldige YAML ({_dutch_problem(exc.problem)})"
    return "ongeldige YAML"


def _mark(exc: yaml.MarkedYAMLError) -> yaml.Mark:
    """Where the problem is; PyYAML always marks the errors this module raises or catches."""
    assert exc.problem_mark is not None
    return exc.problem_mark


def _tag_of(exc: yaml.constructor.ConstructorError) -> str:
    found = re.search(r"tag '([^']+)'", str(exc.problem or ""))
    return f"'{shown(found.group(1), 80)}'" if found else ""


_PROBLEMS = {
    "mapping values are not allowed here": "een ':' staat op een plek waar dat niet mag",
    "could not find expected ':'": "een ':' ontbreekt",
    "did not find expected key": "een sleutel ontbreekt of het inspringen klopt niet",
    "found character '\\t' that cannot start any token": "tabs zijn niet toegestaan; gebruik spaties",
    "found undefined alias": "een verwijzing (alias) naar een onbekend anker",
    "did not find expected node content": "een waarde ontbreekt",
    "found unexpected end of stream": "het bestand houdt onverwacht op",
    "did not find expected ',' or ']'": "een ',' of ']' ontbreekt",
    "did not find expected ',' or '}'": "een ',' of '}' ontbreekt",
    "found duplicate anchor": "een anker komt twee keer voor",
    "second occurrence": "een anker komt twee keer voor",
    "expected ',' or ']'": "een ',' of ']' ontbreekt",
    "expected ',' or '}'": "een ',' of '}' ontbreekt",
    "expected <block end>": "het inspringen klopt niet",
    "found character": "een teken dat hier niet mag staan",
    "expected alphabetic or numeric character": "een anker- of aliasnaam ontbreekt",
    "found unknown escape character": "een onbekende escape-reeks tussen aanhalingstekens",
    "expected a single document": "het bestand bevat meer dan één YAML-document; laat '---' weg",
    "but found another document": "het bestand bevat meer dan één YAML-document; laat '---' weg",
    "te veel verwijzingen (aliassen)": "te veel verwijzingen (aliassen); schrijf de waarden uit",
    "expected '<document start>'": "er staat iets na het einde van de gegevens (een haakje of tag te veel?)",
    "expected ' '": "na dit teken hoort een spatie",
    "expected '!'": "een tag is onvolledig",
    "expected '>'": "een tag tussen < en > is niet afgesloten",
    "expected URI": "een tag is onvolledig of bevat een teken dat daar niet mag",
    "expected a comment or a line break": "na deze waarde mag alleen nog commentaar (#) op de regel staan",
    "expected a digit": "hier hoort een cijfer",
    "expected chomping or indentation indicators": "na '|' of '>' mag alleen '+', '-' of een cijfer staan",
    "expected escape sequence of": "een escape-reeks (\\x, \\u of \\U) heeft te weinig hexadecimale cijfers",
    "expected indentation indicator": "het inspringgetal na '|' of '>' moet 1 tot en met 9 zijn",
    "expected the node content": "een waarde ontbreekt",
    "found duplicate YAML directive": "de regel %YAML staat twee keer bovenaan",
    "found incompatible YAML document": "alleen YAML-versie 1 wordt gelezen",
    "found non-specific tag": "een losse '!' als tag is niet toegestaan",
    "found undefined tag handle": "een tag met een onbekend voorvoegsel",
    "found unexpected document separator": "een '---' of '...' midden in het bestand",
    "found duplicate key": "een sleutel staat twee keer in dezelfde groep",
    "mapping keys are not allowed here": "een sleutel ('?') staat op een plek waar dat niet mag",
}


def _dutch_problem(problem: str | None) -> str:
    """PyYAML's English problem in Dutch; an unforeseen one gets a general Dutch hint instead of
    the English text."""
    for english, dutch in _PROBLEMS.items():
        if problem and problem.startswith(english):
            return dutch
    return "de opbouw klopt hier niet; controleer inspringen, dubbele punten, haakjes en aanhalingstekens"


def read_file(path: Path, *, trusted: bool = False) -> Any:
    """Read a YAML file as plain data, refusing anything that is not small, UTF-8, plain YAML."""
    plaats = str(path)
    return parse(decode_utf8(read_bounded(path, plaats), plaats), plaats, trusted=trusted)


def read_bounded(path: Path, plaats: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    Opened without blocking (a FIFO without a writer must not hang) and read with a cap, because a
    device or FIFO reports size 0 however much it delivers."""
    from generator.errors import read_error

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise UnreadableFile(f"{plaats} bestaat niet.") from None
    except IsADirectoryError:
        raise UnreadableFile(f"{plaats} is een map, geen bestand.") from None
    except PermissionError:
        raise UnreadableFile(f"{plaats} kan niet worden gelezen (geen toegang).") from None
    except OSError as exc:
        raise read_error(exc, plaats) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise UnreadableFile(f"{plaats} is een map, geen bestand.")
        if not stat.S_ISREG(mode):
            raise UnreadableFile(f"{plaats} is geen gewoon bestand (maar bijvoorbeeld een apparaat of een "
                                 "pijp); geef een YAML-bestand.")
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise read_error(exc, plaats) from None
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise UnreadableFile(f"{plaats} is te groot (meer dan {limit} bytes).")
    return raw


def dump(data: Any) -> str:
    """Serialise plain data as readable, key-ordered YAML that _PlainLoader reads back equally."""
    return yaml.dump(
        data,
        Dumper=_PlainDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )


class _PlainDumper(yaml.SafeDumper):
    """Quotes strings that PyYAML 1.1 readers would otherwise turn into bools or numbers."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    risky = re.fullmatch(r"(?i:y|n|yes|no|on|off|ja|nee)|0[0-9_]+|[-+]?[0-9][0-9_:.]*", value)
    style = "'" if risky else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_PlainDumper.add_representer(str, _represent_str)


def dump_authored(data: Any) -> str:
    """YAML for files people edit (the clause library): long single-line texts folded (`>`)."""
    return yaml.dump(data, Dumper=_AuthoredDumper, allow_unicode=True, sort_keys=False, width=110)


class _AuthoredDumper(yaml.SafeDumper):
    pass


def _represent_authored(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    body = value.removesuffix("\n")
    style = ">" if len(body) > 90 and "\n" not in body and body == body.strip() and "  " not in body else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_AuthoredDumper.add_representer(str, _represent_authored)
