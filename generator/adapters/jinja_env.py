"""Jinja adapter: the one place that builds Jinja environments.

Clause text is rendered to plain strings with a sandboxed, strict environment; values are data
and never become template source, so `{{ }}` inside an answer is printed, not evaluated.
"""

from __future__ import annotations

import functools
import marshal
import re
import sys
from collections import ChainMap
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, StrictUndefined, Template, UndefinedError, nodes
from jinja2 import TemplateSyntaxError as TemplateSyntaxError  # re-exported: a condition that does not parse
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

    Templates are named by the hash of their text. The bundled library's texts come precompiled
    with the package (see `precompiled_module`); any other text is compiled here, and Jinja's
    bytecode cache skips that work for text it has seen on an earlier run.
    """
    name = _name_of(source)
    root = _precompiled().get(name)
    if root is not None:
        namespace = {"name": name, "__file__": PRECOMPILED, "blocks": {}, "root": root, "debug_info": ""}
        return _ENV.template_class.from_module_dict(_ENV, namespace, _ENV.make_globals(None))
    _SOURCES[name] = source
    return _ENV.get_template(name)


def render(template: Compiled, ns: Mapping[str, Any], extra: Mapping[str, Any] | None = None) -> str:
    """The text of `template` for the names in `ns` (and `extra`, which win).

    The names are shared with the template, not copied: Jinja's own `render` copies every name
    into a new dict for each text, which for ~1300 short texts a run costs more than rendering."""
    names = ChainMap(dict(extra), ns, template.globals) if extra else ChainMap(ns, template.globals)  # type: ignore[arg-type]
    return template.environment.concat(template.root_render_func(template.new_context(names, shared=True)))  # type: ignore[arg-type]


def _name_of(source: str) -> str:
    import hashlib

    return hashlib.sha1(source.encode()).hexdigest()


# The module beside this one that holds the bundled library's texts as compiled Python. It is
# generated (`consortium clauses check --vernieuw-slot`) and, like the rest of the package,
# byte-compiled by Python itself; a text it lacks is simply compiled at run time.
PRECOMPILED = "clause_code"
PRECOMPILED_PATH = Path(__file__).with_name(f"{PRECOMPILED}.py")


def _fingerprint() -> str:
    """What the generated code depends on besides the text: Jinja's version and our settings."""
    import jinja2

    settings = (type(_ENV).__name__, _ENV.trim_blocks, _ENV.lstrip_blocks, _ENV.keep_trailing_newline,
                _ENV.autoescape, _ENV.optimized, _ENV.finalize is not None)
    return f"jinja2 {jinja2.__version__} {settings}"


@functools.cache
def _precompiled() -> dict[str, Callable[..., Iterator[str]]]:
    """Text hash -> compiled render function, from the generated module (empty when it is
    missing or was generated for another Jinja version or other settings)."""
    import importlib

    try:
        module = importlib.import_module(f"{__package__}.{PRECOMPILED}")
    except ImportError:
        return {}
    if getattr(module, "FINGERPRINT", None) != _fingerprint():
        return {}
    setattr(module, "environment", _ENV)  # noqa: B010 - the generated functions read it as a global
    return {name[2:]: value for name, value in vars(module).items() if name.startswith("t_")}


def precompiled_module(sources: Iterable[str]) -> str:
    """The Python source of the generated module for `sources` (clause texts and conditions)."""
    functions = [f for source in sorted(set(sources)) if (f := _render_function(source))]
    header = (f'"""Generated by `consortium clauses check --vernieuw-slot` from the bundled clause library: '
              f'every text\nand condition compiled by Jinja. Do not edit; a text missing here is compiled '
              f'at run time."""\n\n{_RUNTIME_IMPORT}\n\nFINGERPRINT = {_fingerprint()!r}\n')
    return header + "".join(f"\n\n{f}" for f in functions)


_RUNTIME_IMPORT = ("from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, "
                   "TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, "
                   "markup_join, missing, str_join  # noqa")
_ROOT = re.compile(r"\A[^\n]*\nname = None\n\n(def root\(context, missing=missing\):\n.*?)\nblocks = \{\}\n"
                   r"debug_info = '[^'\n]*'\Z", re.S)


def _render_function(source: str) -> str | None:
    """Jinja's code for one text as a function named after the text's hash, or None for a text
    that does not compile or whose code is more than one render function (it is compiled later)."""
    try:
        code = _ENV.compile(source, raw=True, defer_init=True)
    except TemplateSyntaxError:
        return None
    found = _ROOT.match(code)
    if found is None or not code.startswith(_RUNTIME_IMPORT.removesuffix("  # noqa")):
        return None
    return found.group(1).replace("def root(", f"def t_{_name_of(source)}(", 1).rstrip()


# The checks, the proof of the alternatives and a tender's model read the same texts and
# conditions again and again; their trees are only ever read, so one parse per text serves all.
@functools.lru_cache(maxsize=16384)
def parse(source: str) -> Tree:
    return _ENV.parse(source)


def parse_expression(source: str) -> Tree:
    return parse("{{ " + source + " }}")


# Conditions outside clause texts (interview questions, legal-form checks, migrations) are
# evaluated with Jinja's default settings in a sandbox: a name the caller does not pass is
# undefined and falsy, not an error.
_CONDITIONS = SandboxedEnvironment()


def compile_condition(source: str) -> Callable[..., Any]:
    """`source` as a function of the names it reads (`test(**names)`); raises TemplateSyntaxError."""
    return _CONDITIONS.compile_expression(source)


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


def names_in_order(tree: nodes.Node) -> Iterator[str]:
    """Every name the tree reads, in the order of the text (a name read twice comes twice)."""
    return (n.name for n in tree.find_all(nodes.Name) if n.ctx == "load")


def names_read(tree: nodes.Node) -> set[str]:
    return set(names_in_order(tree))


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


def constants(tree: nodes.Node) -> Iterator[Any]:
    """The value of every literal (string, number, true/false, none) in the tree."""
    return (node.value for node in tree.find_all(nodes.Const))


def tag_count(tree: nodes.Node) -> int:
    """Every {{ }}, {% if/elif/for/set %} and inline "x if c else y" counts as one tag."""
    tags = sum(1 for _ in tree.find_all((nodes.If, nodes.For, nodes.Assign, nodes.CondExpr)))
    return tags + sum(1 for o in tree.find_all(nodes.Output) for n in o.nodes if not isinstance(n, nodes.TemplateData))


def nesting_depth(tree: nodes.Node) -> int:
    """How deeply {% if %} and {% for %} nest (an elif is no deeper than its if)."""
    return _depth(tree, 0)


def _depth(node: nodes.Node, level: int) -> int:
    if isinstance(node, nodes.If | nodes.For):
        bodies = [*node.body, *node.else_]
        if isinstance(node, nodes.If):
            bodies += [child for branch in node.elif_ for child in branch.body]
        return max((_depth(child, level + 1) for child in bodies), default=level + 1)
    return max((_depth(child, level) for child in node.iter_child_nodes()), default=level)


def dotted(node: nodes.Node) -> str:
    """'a.b.c' for a plain name or attribute chain, '' for anything else."""
    parts: list[str] = []
    while isinstance(node, nodes.Getattr):
        parts.append(node.attr)
        node = node.node
    if not isinstance(node, nodes.Name):
        return ""
    return ".".join([node.name, *reversed(parts)])


class _MasterEnvironment(SandboxedEnvironment):
    """Compiles each part of the master template once per process: docxtpl asks for the same
    header, footer and body source for every document it renders from the master."""

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=StrictUndefined, finalize=_finalize)
        self._compiled: dict[str, Template] = {}

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        if source not in self._compiled:
            self._compiled[source] = super().from_string(source)
        return self._compiled[source]


_MASTER_ENV = _MasterEnvironment()


def docx_environment() -> SandboxedEnvironment:
    """The environment docxtpl renders the master template with: sandboxed, escaping, strict."""
    return _MASTER_ENV
