"""A YAML loader that is safe on hostile input and remembers where every key stood.

PyYAML's safe loader still keeps the last of two duplicate keys silently, expands
aliases without bound ("billion laughs") and recurses without a depth limit.  Here
the text is composed into nodes, then built into plain Python values by a walker
that rejects duplicate keys, tags, too many alias uses, too many nodes and too
deep nesting, and records the line of every mapping key and sequence item so that
later validation errors can point at a line.

PyYAML is imported on first use, not with this module: a run whose plan comes from
the cache and whose logs are CSV never needs it (about 8 ms of start-up).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import Issue
from .i18n import Msg, msg

if TYPE_CHECKING:
    import yaml

Loc = tuple[str | int, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


@dataclass(frozen=True)
class YamlLimits:
    """Bounds that keep a hostile YAML file from exhausting memory or the stack."""

    max_aliases: int = 100
    max_depth: int = 64
    max_nodes: int = 2_000_000


@dataclass
class LoadedYaml:
    """A parsed document plus the line (1-based) of each key/item, by location path."""

    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """Line of the deepest known prefix of `loc` (None if nothing matches)."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None


@dataclass(frozen=True, slots=True)
class YamlFault:
    """One thing that makes a YAML text unusable: its line, its key path, and what."""

    line: int | None
    key: str | None
    message: Msg


class YamlLoadError(Exception):
    """Raised with the faults that made a YAML text unusable."""

    def __init__(self, filename: str, faults: list[YamlFault]) -> None:
        self.filename = filename
        self.faults = faults
        super().__init__("\n".join(str(i) for i in self.issues))

    @property
    def issues(self) -> list[Issue]:
        """The faults as plan issues, '<file>:<line>: <key>: <message>'."""
        return [Issue(self.filename, f.line, f.key, f.message) for f in self.faults]


class _Builder:
    def __init__(self, filename: str, limits: YamlLimits) -> None:
        self.filename = filename
        self.limits = limits
        self.lines: dict[Loc, int] = {}
        self.faults: list[YamlFault] = []
        self.seen: set[int] = set()
        self.aliases = 0
        self.nodes = 0
        import yaml

        self.yaml = yaml
        self.scalar = yaml.SafeLoader("")  # only its scalar constructors are used

    def fail(self, node: yaml.Node, key: str | None, message: Msg) -> None:
        self.faults.append(YamlFault(node.start_mark.line + 1, key, message))

    def build(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        yaml = self.yaml
        self.nodes += 1
        if self.nodes > self.limits.max_nodes:
            raise _error(self.filename, node.start_mark.line + 1,
                         msg("yaml.too_many_nodes", limit=self.limits.max_nodes))
        if id(node) in self.seen and isinstance(node, yaml.CollectionNode):
            # A collection reached twice is an alias use; bounding them stops "billion laughs".
            self.aliases += 1
            if self.aliases > self.limits.max_aliases:
                # The node's own mark is the anchor's; the key holding the alias is where it's used.
                line = self.lines.get(loc, node.start_mark.line + 1)
                raise _error(self.filename, line,
                             msg("yaml.aliases", limit=self.limits.max_aliases))
        self.seen.add(id(node))
        if depth > self.limits.max_depth:
            raise _error(self.filename, node.start_mark.line + 1,
                         msg("yaml.too_deep", limit=self.limits.max_depth))
        if node.tag not in _PLAIN_TAGS:
            self.fail(node, _dotted(loc), msg("yaml.tag", tag=repr(node.tag)))
            return None
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self.fail(key_node, _dotted(loc), msg("yaml.key_not_plain"))
                    continue
                if key_node.tag == "tag:yaml.org,2002:merge" or key_node.value == "<<":
                    self.fail(key_node, _dotted(loc), msg("yaml.merge_key"))
                    continue
                key = self.build(key_node, loc, depth + 1)
                if not isinstance(key, str | int):
                    key = str(key)
                if key in out:
                    first = self.lines.get((*loc, key))
                    self.fail(key_node, _dotted((*loc, key)),
                              msg("yaml.duplicate_key", name=repr(key), line=str(first)))
                    continue
                self.lines[(*loc, key)] = key_node.start_mark.line + 1
                out[key] = self.build(value_node, (*loc, key), depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.lines[(*loc, index)] = item.start_mark.line + 1
                items.append(self.build(item, (*loc, index), depth + 1))
            return items
        assert isinstance(node, yaml.ScalarNode)
        return self.scalar.construct_object(node, deep=True)


def _error(filename: str, line: int | None, message: Msg) -> YamlLoadError:
    return YamlLoadError(filename, [YamlFault(line, None, message)])


def _dotted(loc: Loc) -> str | None:
    return ".".join(str(p) for p in loc) if loc else None


def load_yaml(text: str, filename: str, limits: YamlLimits | None = None) -> LoadedYaml:
    """Parse one YAML document safely; raise YamlLoadError listing every problem."""
    import yaml

    limits = limits or YamlLimits()
    loader_cls: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    old_limit = sys.getrecursionlimit()
    try:
        # The composer recurses once per nesting level; a bounded stack turns
        # "deeply nested" into a RecursionError we report instead of a crash.
        sys.setrecursionlimit(max(old_limit, 3000))
        parser_cls = yaml.SafeLoader if _too_nested(text, limits) else loader_cls
        _count_nodes(parser_cls(text), filename, limits)
        loader = parser_cls(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except RecursionError:
        raise _error(filename, None, msg("yaml.too_deep", limit=limits.max_depth)) from None
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise _error(filename, line,
                     msg("yaml.invalid", reason=str(exc.problem or exc))) from None
    except yaml.YAMLError as exc:
        raise _error(filename, None, msg("yaml.invalid", reason=str(exc))) from None
    finally:
        sys.setrecursionlimit(old_limit)
    if node is None:
        return LoadedYaml(None, {})
    builder = _Builder(filename, limits)
    data = builder.build(node, (), 0)
    if builder.faults:
        raise YamlLoadError(filename, builder.faults)
    return LoadedYaml(data, builder.lines)


def _count_nodes(loader: Any, filename: str, limits: YamlLimits) -> None:
    """Stream the parser's events; stop at the node or depth limit before any tree is built.

    Composing first would hold every node of a 20 MB list in memory (2 GB) before the
    builder could count them.
    """
    import yaml

    opening = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
    closing = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    leaves = (yaml.ScalarEvent, yaml.AliasEvent)
    nodes = depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, closing):
                depth -= 1
                continue
            if isinstance(event, opening):
                depth += 1
                if depth > limits.max_depth:
                    raise RecursionError  # reported as too deeply nested, as before
            elif not isinstance(event, leaves):
                continue
            nodes += 1
            if nodes > limits.max_nodes:
                line = event.start_mark.line + 1 if event.start_mark else None
                raise _error(filename, line, msg("yaml.too_many_nodes", limit=limits.max_nodes))
    finally:
        loader.dispose()


def _too_nested(text: str, limits: YamlLimits) -> bool:
    """Cheap pre-scan: True when flow brackets or indentation nest beyond the limit.

    The C composer recurses on the C stack, where Python cannot catch an overflow,
    so suspiciously deep documents go to the pure-Python composer instead.
    """
    depth = 0
    deepest = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
        elif ch in "]}":
            depth -= 1
    if deepest > limits.max_depth:
        return True
    longest_indent = max((len(line) - len(line.lstrip(" -")) for line in text.splitlines()),
                         default=0)
    return longest_indent > 2 * limits.max_depth
