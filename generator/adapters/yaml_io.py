"""YAML adapter: the only module that imports PyYAML.

Reads plain YAML only (a SafeLoader subclass) and closes PyYAML's 1.1 pitfalls:
`no`/`on` stay text, numbers with a leading zero (KvK `01234567`) stay text, and
sexagesimal and octal integers do not exist. Aliases are capped against alias bombs.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any, NoReturn

import yaml

from generator.errors import UnreadableFile

MAX_BYTES = 2_000_000
MAX_ALIASES = 50


class _PlainLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-like scalars and a bounded number of aliases."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self._aliases = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise yaml.composer.ComposerError(
                    None, None, "te veel verwijzingen (aliassen)", event.start_mark
                )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """Refuse a key that appears twice: PyYAML would silently keep only the last value."""
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


class _TrustedLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same plain scalars, parsed by libyaml when available: for the project's own data files."""


def _restrict_resolvers() -> None:
    resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items():
        # Dates stay text (and are checked by the answers model), so 2027-02-30 is a message, not a crash.
        kept = [
            (tag, rx)
            for tag, rx in entries
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:timestamp")
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
    try:
        return yaml.load(text, Loader=_TrustedLoader if trusted else _PlainLoader)
    except DuplicateKey as exc:
        mark = _mark(exc)
        raise UnreadableFile(f"{plaats}, regel {mark.line + 1}, kolom {mark.column + 1}: {exc.problem}.") from None
    except RecursionError:
        raise UnreadableFile(f"{plaats}: de YAML is te diep genest.") from None
    except yaml.constructor.ConstructorError as exc:
        mark = _mark(exc)
        raise UnreadableFile(
            f"{plaats}, regel {mark.line + 1}, kolom {mark.column + 1}: alleen gewone YAML is "
            f"toegestaan; de tag {_tag_of(exc)} wordt geweigerd."
        ) from None
    except yaml.MarkedYAMLError as exc:
        found = exc.problem_mark or exc.context_mark
        where = f"regel {found.line + 1}, kolom {found.column + 1}" if found else "onbekende plek"
        raise UnreadableFile(
            f"{plaats}, {where}: ongeldige YAML ({_dutch_problem(exc.problem)})."
        ) from None
    except yaml.YAMLError as exc:
        raise UnreadableFile(f"{plaats}: ongeldige YAML ({exc}).") from None


def _mark(exc: yaml.MarkedYAMLError) -> yaml.Mark:
    """Where the problem is; PyYAML always marks the errors this module raises or catches."""
    assert exc.problem_mark is not None
    return exc.problem_mark


def _tag_of(exc: yaml.constructor.ConstructorError) -> str:
    found = re.search(r"tag '([^']+)'", str(exc.problem or ""))
    return f"'{found.group(1)}'" if found else "(onbekend)"


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
}


def _dutch_problem(problem: str | None) -> str:
    if not problem:
        return "onbekende fout"
    for english, dutch in _PROBLEMS.items():
        if problem.startswith(english):
            return dutch
    return f"YAML meldt: {problem}"


def read_file(path: Path, *, trusted: bool = False) -> Any:
    """Read a YAML file as plain data, refusing anything that is not small, UTF-8, plain YAML."""
    plaats = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableFile(f"{plaats} is te groot ({size} bytes; maximaal {MAX_BYTES}).")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFile(f"{plaats} bestaat niet.") from None
    except IsADirectoryError:
        raise UnreadableFile(f"{plaats} is een map, geen bestand.") from None
    except PermissionError:
        raise UnreadableFile(f"{plaats} kan niet worden gelezen (geen toegang).") from None
    return parse(decode_utf8(raw, plaats), plaats, trusted=trusted)


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


def write_atomic(path: Path, text: str) -> None:
    """Write text so that readers see either the old file or the new one, never half."""
    from generator.errors import output_error

    try:
        _write_atomic(path, text)
    except OSError as exc:
        raise output_error(exc, str(path)) from None


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
