"""Reading the YAML files of a library folder: every problem collected, with its place.

The bundled library is also kept as read, in `bundled.json` beside this module (written with
the precompiled texts by `consortium clauses check --vernieuw-slot`). A run takes a file's data
from there when the library folder holds exactly the bytes the snapshot was taken of; any other
folder, or any change, is read from its YAML.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic_core import ErrorDetails

from generator.adapters import yaml_io
from generator.errors import ConsortiumError, Problem

SNAPSHOT_PATH = Path(__file__).with_name("bundled.json")


def read_yaml(path: Path, problems: list[Problem]) -> Any:
    known = _snapshot().get(path)
    if known is not None:
        return known
    try:
        return yaml_io.read_file(path, trusted=True)
    except ConsortiumError as exc:
        problems.append(Problem(path.name, exc.bericht))
        return None


def yaml_files(folder: Path) -> list[Path]:
    """Every YAML file of a library folder, in a fixed order."""
    return sorted([*folder.rglob("*.yaml"), *folder.rglob("*.yml")])


def digest(folder: Path) -> str:
    """A hash of the names and bytes of every YAML file in `folder`."""
    total = hashlib.sha256()
    for path in yaml_files(folder):
        total.update(path.relative_to(folder).as_posix().encode() + b"\0")
        total.update(hashlib.sha256(path.read_bytes()).digest())
    return total.hexdigest()


def snapshot_text(folder: Path) -> str:
    """The snapshot of the library in `folder`: its digest and every file's data as read."""
    files = {p.relative_to(folder).as_posix(): yaml_io.read_file(p, trusted=True) for p in yaml_files(folder)}
    return json.dumps({"digest": digest(folder), "files": files}, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


@functools.cache
def _snapshot() -> dict[Path, Any]:
    """{path: data} of the bundled library's files, or {} when the folder is not what was snapshotted."""
    from generator.resources import data_dir, overridden

    if overridden("clauses"):
        return {}
    try:
        folder = data_dir("clauses")
        snapshot = json.loads(SNAPSHOT_PATH.read_text(encoding="utf-8"))
        if snapshot["digest"] != digest(folder):
            return {}
        return {folder / name: data for name, data in snapshot["files"].items()}
    except (OSError, ValueError, KeyError, TypeError, ConsortiumError):
        return {}  # a missing or damaged snapshot only means reading the YAML


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
