"""Round-trip YAML adapter: the only module that imports ruamel.yaml.

The interview edits a file a person may also edit by hand. Only the values that changed are
replaced in the parsed document, so comments, key order, quoting and layout of everything
else survive. The file is replaced atomically through a temporary file with a fixed name
beside the real file: a symlinked path stays a symlink (its target is written), the file
keeps its mode, and a temporary file left by a killed run is removed on the next open.

Values are read for validation by `yaml_io` (PyYAML, the contract's reader); this module
never interprets values, it only keeps the text of the nodes the interview did not change.
"""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.errors import output_error


def _null(representer: Any, _value: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def _yaml(indent: tuple[int, int, int] = (2, 2, 0)) -> YAML:
    """The round-trip parser, writing with the file's own indentation (mapping, sequence,
    dash offset) and `null` spelled out, as the contract's examples do."""
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    y.width = 100
    y.representer.add_representer(type(None), _null)
    return y


def _guess_indent(text: str) -> tuple[int, int, int]:
    """(mapping, sequence, offset) as the file uses them; the defaults where it shows none."""
    from ruamel.yaml.util import load_yaml_guess_indent

    try:
        _, sequence, offset = load_yaml_guess_indent(text)
    except Exception:  # a guess only; the real parse reports real errors
        return (2, 2, 0)
    mapping = _mapping_indent(text)
    sequence = sequence or mapping
    return (mapping, sequence, offset or 0) if sequence >= (offset or 0) + 2 else (mapping, mapping, 0)


def _mapping_indent(text: str) -> int:
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if line.startswith(" ") and stripped and not stripped.startswith(("#", "-")):
            return len(line) - len(stripped)
    return 2


def target(path: Path) -> Path:
    """The file actually written: the end of a symlink chain, or `path` itself."""
    return Path(os.path.realpath(path))


def temporary(path: Path) -> Path:
    real = target(path)
    return real.with_name(f".{real.name}.consortium-tmp")


def remove_stale_temporary(path: Path) -> None:
    """A temporary file from a run that was killed mid-save (never a user's file: fixed name)."""
    with contextlib.suppress(OSError):
        temporary(path).unlink(missing_ok=True)


class Document:
    """One YAML file kept for round-trip editing."""

    def __init__(self, text: str | None, header: str):
        self.header = header
        self.indent = _guess_indent(text) if text else (2, 2, 0)
        self.root: Any = _yaml().load(text) if text and text.strip() else None
        self.fresh = not isinstance(self.root, CommentedMap)
        if self.fresh:
            self.root = CommentedMap()
        self._writer = _yaml(self.indent)  # one for every save: setting one up is a fifth of a dump
        # The interview saves after every answer, and an answer changes one section: each
        # top-level key is written on its own and kept until it changes. None: write the whole
        # document each time (a file whose sections do not write the same text on their own).
        self._sections: dict[tuple[Any, bool], str] | None = {}
        self._checked = False

    @classmethod
    def open(cls, path: Path, header: str) -> Document:
        text = path.read_text(encoding="utf-8-sig") if path.exists() else None
        return cls(text, header)

    def update(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        """Make the document hold `new`, touching only what differs from `old` (its last contents)."""
        _merge(self.root, old, new)
        if self._sections is not None:
            changed = {k for k in {*old, *new} if k not in old or k not in new or old[k] != new[k]}
            self._sections = {place: text for place, text in self._sections.items() if place[0] not in changed}

    def text(self) -> str:
        body = self._body()
        return self.header + body if self.fresh else body

    @property
    def by_section(self) -> bool:
        """Whether saves write only the sections that changed (see `_body`)."""
        return self._sections is not None

    def _body(self) -> str:
        if self._sections is None:
            return self._dump(self.root)
        if not self._checked:
            # Anchors, or comments ruamel keeps at the end of the document, only come out right
            # when the whole document is written: check once that the sections add up to it.
            self._checked = True
            whole = self._dump(self.root)
            if self._by_section() != whole:
                self._sections = None
            return whole
        return self._by_section()

    def _by_section(self) -> str:
        assert self._sections is not None
        parts = []
        for index, key in enumerate(self.root):
            place = (key, index == 0)
            if place not in self._sections:
                self._sections[place] = self._dump(self._section(key, first=index == 0))
            parts.append(self._sections[place])
        return "".join(parts)

    def _section(self, key: Any, *, first: bool) -> CommentedMap:
        """A document of the one key, with the comments the whole document keeps for it."""
        section = CommentedMap()
        section[key] = self.root[key]
        if key in self.root.ca.items:
            section.ca.items[key] = self.root.ca.items[key]
        if first and self.root.ca.comment is not None:
            section.ca.comment = self.root.ca.comment
        return section

    def _dump(self, node: CommentedMap) -> str:
        stream = io.StringIO()
        self._writer.dump(node, stream)
        return stream.getvalue()


def _merge(node: CommentedMap, old: dict[str, Any], new: dict[str, Any]) -> None:
    for key in [k for k in node if k not in new]:
        del node[key]
    order = list(new)
    for key, value in new.items():
        before = old.get(key, _MISSING) if isinstance(old, dict) else _MISSING
        if key in node and before == value:
            continue
        current = node.get(key)
        if isinstance(value, dict) and isinstance(current, CommentedMap) and isinstance(before, dict):
            _merge(current, before, value)
        elif isinstance(value, list) and isinstance(current, CommentedSeq) and isinstance(before, list):
            _merge_list(current, before, value)
        elif key in node:
            node[key] = value
        else:
            node.insert(_position(node, order, key), key, value)


def _merge_list(node: CommentedSeq, old: list[Any], new: list[Any]) -> None:
    while len(node) > len(new):
        del node[len(node) - 1]
    for i, value in enumerate(new):
        before = old[i] if i < len(old) else _MISSING
        if i >= len(node):
            node.append(value)
        elif before == value:
            continue
        elif isinstance(value, dict) and isinstance(node[i], CommentedMap) and isinstance(before, dict):
            _merge(node[i], before, value)
        else:
            node[i] = value


def _position(node: CommentedMap, order: list[str], key: Any) -> int:
    """Where a new key goes: after the keys that come before it in the contract's order."""
    earlier = set(order[:order.index(key)])
    return max((i + 1 for i, k in enumerate(node) if k in earlier), default=0)


class _Missing:
    def __eq__(self, other: object) -> bool:
        return False

    __hash__ = object.__hash__


_MISSING: Any = _Missing()


def write_keeping(path: Path, text: str) -> None:
    """Replace the file at `path` (or the file it links to) with `text`, atomically, keeping
    its mode. A new file gets the usual mode for new files (0666 less the umask)."""
    real = target(path)
    tmp = temporary(path)
    try:
        mode = real.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)  # a stale temporary, or a symlink planted at the fixed name
        # Exclusive and not following links: whatever appears at the name meanwhile is refused.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, mode)
            os.replace(tmp, real)
        finally:
            tmp.unlink(missing_ok=True)  # also on Ctrl-C: never a stale temporary file
    except OSError as exc:
        named = OSError(exc.errno, exc.strerror, str(path))  # never the temporary name
        raise output_error(named, "het antwoordenbestand") from None
