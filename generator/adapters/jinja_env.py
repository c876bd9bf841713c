"""Jinja adapter: the one place that builds Jinja environments.

Clause text is rendered to plain strings with a sandboxed, strict environment; values are data
and never become template source, so `{{ }}` inside an answer is printed, not evaluated.
"""

from __future__ import annotations

import marshal
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import BytecodeCache, StrictUndefined, Template, TemplateSyntaxError, UndefinedError, nodes
from jinja2.bccache import Bucket
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from generator import cache

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")

TemplateError = (TemplateSyntaxError, UndefinedError, SecurityError, TypeError, ValueError)


class Marked(str):
    """A string the engine produced itself (e.g. a placeholder marker): exempt from sanitising."""


def _finalize(value: Any) -> Any:
    if isinstance(value, Marked):
        return value
    if isinstance(value, str):
        return _CONTROL.sub("", value).replace("\ue000", "").replace("\ue001", "")
    return value


_SOURCES: dict[str, str] = {}


def _source_of(name: str) -> tuple[str, None, Callable[[], bool]]:
    source = _SOURCES[name]
    return source, None, lambda: True


class _CacheFolder(BytecodeCache):
    """Compiled clause texts in the consortium cache (generator.cache), as marshal data.

    Jinja's own FileSystemBytecodeCache unpickles a checksum from each file; this one stores the
    code object alone, checked by the cache's digest, so no pickle is ever read. A missing or
    damaged entry is compiled again and a failed write is skipped: the cache never fails a run.
    """

    _VERSION = f"{sys.version_info.major}{sys.version_info.minor}"

    def _name(self, bucket: Bucket) -> str:
        return f"jinja-{self._VERSION}-{bucket.key}-{bucket.checksum}.bc"

    def load_bytecode(self, bucket: Bucket) -> None:
        data = cache.read(self._name(bucket))
        if data is None:
            return
        try:
            bucket.code = marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            cache.write(self._name(bucket), marshal.dumps(bucket.code))


def _environment() -> SandboxedEnvironment:
    from jinja2 import FunctionLoader

    env = SandboxedEnvironment(
        loader=FunctionLoader(_source_of),
        bytecode_cache=_CacheFolder(),
        autoescape=False,
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    return env


_ENV = _environment()


def is_template(text: str) -> bool:
    """Static legal text (about half of all fragments) needs no Jinja at all."""
    return "{" in text


# What the clause language hands back, named here so that no other module imports Jinja.
Compiled = Template
Tree = nodes.Template


def compile_text(source: str) -> Compiled:
    """Compile clause text; raises TemplateSyntaxError on a broken template.

    Templates are named by the hash of their text so that Jinja's bytecode cache can skip the
    compilation of text it has seen before (the clause library rarely changes between runs).
    """
    import hashlib

    name = hashlib.sha1(source.encode()).hexdigest()
    _SOURCES[name] = source
    return _ENV.get_template(name)



def parse(source: str) -> nodes.Template:
    return _ENV.parse(source)


def parse_expression(source: str) -> nodes.Template:
    return _ENV.parse("{{ " + source + " }}")


def attribute_chains(tree: nodes.Node) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Yield (name, attributes) for every `name.attr.attr` read in the tree."""
    for node in tree.find_all(nodes.Getattr):
        chain: list[str] = []
        current: nodes.Node = node
        while isinstance(current, nodes.Getattr):
            chain.append(current.attr)
            current = current.node
        if isinstance(current, nodes.Name):
            yield current.name, tuple(reversed(chain))


def names_read(tree: nodes.Node) -> set[str]:
    return {n.name for n in tree.find_all(nodes.Name) if n.ctx == "load"}


def names_bound(tree: nodes.Node) -> set[str]:
    bound: set[str] = set()
    for node in tree.find_all((nodes.For, nodes.Assign)):
        assert isinstance(node, nodes.For | nodes.Assign)
        target = node.target
        for name in target.find_all(nodes.Name) if not isinstance(target, nodes.Name) else [target]:
            bound.add(name.name)
    return bound


def loops(tree: nodes.Node) -> Iterator[tuple[str, nodes.Node]]:
    """Yield (loop variable, iterated expression) for each simple `for x in expr`."""
    for node in tree.find_all(nodes.For):
        if isinstance(node.target, nodes.Name):
            yield node.target.name, node.iter


def calls(tree: nodes.Node) -> Iterator[tuple[str, list[Any]]]:
    """Yield (function name, constant arguments) for each call of a plain name."""
    for node in tree.find_all(nodes.Call):
        if isinstance(node.node, nodes.Name):
            args = [a.value if isinstance(a, nodes.Const) else None for a in node.args]
            yield node.node.name, args


def dotted(node: nodes.Node) -> str:
    """'a.b.c' for a plain name or attribute chain, '' for anything else."""
    parts: list[str] = []
    while isinstance(node, nodes.Getattr):
        parts.append(node.attr)
        node = node.node
    if not isinstance(node, nodes.Name):
        return ""
    return ".".join([node.name, *reversed(parts)])


def docx_environment() -> SandboxedEnvironment:
    """The environment docxtpl renders the master template with: sandboxed, escaping, strict."""
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined, finalize=_finalize)
