"""Reading the YAML files of a library folder: every problem collected, with its place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic_core import ErrorDetails

from generator.adapters import yaml_io
from generator.errors import ConsortiumError, Problem


def read_yaml(path: Path, problems: list[Problem]) -> Any:
    try:
        return yaml_io.read_file(path, trusted=True)
    except ConsortiumError as exc:
        problems.append(Problem(path.name, exc.bericht))
        return None


def schema_problem(where: str, error: ErrorDetails) -> Problem:
    """A schema error of a library file in Dutch, at a path a lawyer can follow (leden[3], counting
    from 1 as the documents do)."""
    path = ""
    for part in error["loc"]:
        path += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return Problem(f"{where} {path}".strip(), _dutch(error))


def _dutch(error: ErrorDetails) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    if kind == "literal_error":
        choices = str(ctx.get("expected", "")).replace(" or ", ", ")
        return f"'{error.get('input')}' is geen geldige waarde; kies uit: {choices}"
    if kind == "string_pattern_mismatch" and error["loc"][-1:] == ("id",):
        return ("een id bestaat uit kleine letters, cijfers en _, met punten ertussen "
                "(bijvoorbeeld so.kantoor_klachten)")
    return _DUTCH.get(kind, f"ongeldige waarde ({error['msg']})")


_DUTCH = {
    "missing": "ontbreekt; deze sleutel is verplicht",
    "extra_forbidden": "onbekende sleutel; controleer de spelling (zie clauses/README.md)",
    "model_type": "verwacht sleutels met waarden ('sleutel: waarde'-regels); controleer het inspringen",
    "model_attributes_type": "verwacht sleutels met waarden ('sleutel: waarde'-regels); controleer het inspringen",
    "dict_type": "verwacht sleutels met waarden ('sleutel: waarde'-regels); controleer het inspringen",
    "list_type": "verwacht een lijst (regels die met '- ' beginnen)",
    "tuple_type": "verwacht een lijst (regels die met '- ' beginnen)",
    "string_type": "verwacht tekst",
    "int_type": "verwacht een geheel getal",
    "int_parsing": "verwacht een geheel getal, in cijfers",
    "int_from_float": "verwacht een geheel getal",
    "bool_type": "verwacht true of false",
    "bool_parsing": "verwacht true of false",
    "string_pattern_mismatch": "heeft niet de vorm die hier nodig is",
    "too_short": "mag niet leeg zijn",
    "greater_than_equal": "is te klein",
}
