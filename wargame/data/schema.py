"""A small declarative schema for the YAML files, that validates *nodes* so every error has a place.

One spec serves twice: `validate()` walks the composed YAML node tree (so each problem carries the
file, line and column) and returns plain Python values; `json_schema()` turns the same spec into a
JSON Schema for editors (`wargame schema KIND`). Unknown keys are errors: a typo must not pass.
Only safe YAML is read (`CSafeLoader` where libyaml is present).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

MAGNITUDE = 1e9         # no number in the data is this big unless its field says so


def _construct(node: yaml.ScalarNode) -> Any:
    """The Python value of a scalar node. A fresh constructor each time: a shared one keeps a
    reference to every node it ever built (2 MB per scenario load). ValueError if the text does
    not fit its tag."""
    c = yaml.constructor.SafeConstructor()
    try:
        return c.construct_object(node)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as e:
        raise ValueError(str(e).split("\n")[0]) from None

PathT = tuple[Any, ...]


def format_path(path: PathT) -> str:
    out = ""
    for p in path:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            out += f".{p}" if out else str(p)
    return out or "(top)"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, at one place."""

    file: str
    line: int          # 1-based; 0 if unknown
    column: int        # 1-based; 0 if unknown
    path: str          # field path, e.g. units[3].hex
    message: str       # what is wrong and what was expected

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}"


class DataError(Exception):
    """One or more problems in data files. `str()` lists one per line."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class Context:
    """Collects problems and remembers where each value stood (path -> (line, column))."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    marks: dict[PathT, tuple[int, int]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)  # the file's text, for places inside block strings

    def error(self, node: yaml.Node | None, path: PathT, message: str) -> None:
        line, col = (
            (node.start_mark.line + 1, node.start_mark.column + 1) if node is not None else self.marks.get(path, (0, 0))
        )
        self.problems.append(Problem(self.file, line, col, format_path(path), message))

    def error_at(self, path: PathT, message: str) -> None:
        """A problem found after validation (e.g. a hex off the board), placed by its path."""
        line, col = self._nearest_mark(path)
        self.problems.append(Problem(self.file, line, col, format_path(path), message))

    def _nearest_mark(self, path: PathT) -> tuple[int, int]:
        p = tuple(path)
        while p:
            if p in self.marks:
                return self.marks[p]
            p = p[:-1]
        return self.marks.get((), (0, 0))

    def raise_if_problems(self) -> None:
        if self.problems:
            raise DataError(self.problems)


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    tag = node.tag.rsplit(":", 1)[-1]
    value = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    names = {
        "str": "text",
        "int": "a whole number",
        "float": "a number",
        "bool": "true/false",
        "null": "nothing (null)",
    }
    return f"{names.get(tag, tag)} {value!r}" if tag != "null" else "nothing (null)"


class Spec:
    description: str = ""

    def validate(self, node: yaml.Node, ctx: Context, path: PathT) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _js(self, d: dict[str, Any]) -> dict[str, Any]:
        if self.description:
            d["description"] = self.description
        return d


def _scalar(node: yaml.Node, ctx: Context, path: PathT, tags: tuple[str, ...], expected: str) -> Any:
    if not isinstance(node, yaml.ScalarNode) or node.tag.rsplit(":", 1)[-1] not in tags:
        ctx.error(node, path, f"expected {expected}, got {_describe(node)}")
        return None
    try:
        return _construct(node)
    except ValueError as e:
        ctx.error(node, path, f"expected {expected}, got {node.value[:40]!r} ({e})")
        return None


@dataclass
class Str(Spec):
    choices: tuple[str, ...] | None = None
    pattern: str | None = None
    pattern_hint: str = ""
    min_len: int = 0
    description: str = ""

    def validate(self, node, ctx, path):
        if (
            isinstance(node, yaml.ScalarNode)
            and node.tag.endswith((":int", ":float", ":bool"))
            and self.choices is None
        ):
            # A number or boolean where text is wanted: accept its text but say nothing only when
            # it cannot change meaning. 0101 (octal!) and yes/no can: ask for quotes.
            ctx.error(node, path, f"expected text, got {_describe(node)}; put it in quotes")
            return None
        v = _scalar(node, ctx, path, ("str",), "text")
        if v is None:
            return None
        if self.choices is not None and v not in self.choices:
            ctx.error(node, path, f"expected one of {', '.join(self.choices)}; got {v!r}")
            return None
        if self.pattern is not None and not re.fullmatch(self.pattern, v):
            ctx.error(node, path, f"expected {self.pattern_hint or 'text matching ' + self.pattern}; got {v!r}")
            return None
        if len(v) < self.min_len:
            ctx.error(node, path, "expected non-empty text")
            return None
        return v

    def json_schema(self):
        d: dict[str, Any] = {"type": "string"}
        if self.choices is not None:
            d["enum"] = list(self.choices)
        if self.pattern is not None:
            d["pattern"] = f"^(?:{self.pattern})$"
        if self.min_len:
            d["minLength"] = self.min_len
        return self._js(d)


@dataclass
class HexId(Str):
    """A hex id `CCRR` as text. Unquoted 0101 would be read by YAML as a number, so ask for quotes."""

    description: str = "hex id CCRR (column, row; 1-based), in quotes"

    def __post_init__(self) -> None:
        self.pattern = r"\d{4}|\d{6}"
        self.pattern_hint = "a hex id CCRR such as '3736'"

    def validate(self, node, ctx, path):
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":int"):
            ctx.error(
                node,
                path,
                f"expected a hex id in quotes, e.g. '{node.value.zfill(4)}'; unquoted, YAML reads {node.value} as a "
                "number",
            )
            return None
        return super().validate(node, ctx, path)


@dataclass
class _Bounded(Spec):
    """A number within optional bounds; subclasses say which YAML tags count and how to name it."""

    min: float | None = None
    max: float | None = None
    description: str = ""
    TAGS: tuple[str, ...] = ("int", "float")
    NAME, JSON_TYPE = "a number", "number"

    def validate(self, node, ctx, path):
        v = _scalar(node, ctx, path, self.TAGS, self.NAME)
        if v is None:
            return None
        if v != v or v in (float("inf"), float("-inf")):
            ctx.error(node, path, f"expected a finite number, got {node.value!r}")
            return None
        if (self.max is None and v > MAGNITUDE) or (self.min is None and v < -MAGNITUDE):
            ctx.error(
                node,
                path,
                f"expected {self.NAME} of sane size (at most {MAGNITUDE:g} in magnitude); got {node.value[:40]}",
            )
            return None
        if (self.min is not None and v < self.min) or (self.max is not None and v > self.max):
            ctx.error(node, path, f"expected {self.NAME} {_range(self.min, self.max)}; got {v}")
            return None
        return v

    def json_schema(self):
        d: dict[str, Any] = {"type": self.JSON_TYPE}
        if self.min is not None:
            d["minimum"] = self.min
        if self.max is not None:
            d["maximum"] = self.max
        return self._js(d)


@dataclass
class Int(_Bounded):
    TAGS = ("int",)
    NAME, JSON_TYPE = "a whole number", "integer"


@dataclass
class Num(_Bounded):
    pass


@dataclass
class Bool(Spec):
    description: str = ""

    def validate(self, node, ctx, path):
        return _scalar(node, ctx, path, ("bool",), "true or false")

    def json_schema(self):
        return self._js({"type": "boolean"})


@dataclass
class Seq(Spec):
    item: Spec
    min_items: int = 0
    description: str = ""

    def validate(self, node, ctx, path):
        if not isinstance(node, yaml.SequenceNode):
            ctx.error(node, path, f"expected a list, got {_describe(node)}")
            return None
        if len(node.value) < self.min_items:
            ctx.error(node, path, f"expected a list of at least {self.min_items} item(s), got {len(node.value)}")
        out = []
        for i, child in enumerate(node.value):
            p = path + (i,)
            ctx.marks[p] = (child.start_mark.line + 1, child.start_mark.column + 1)
            out.append(self.item.validate(child, ctx, p))
        return out

    def json_schema(self):
        d: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            d["minItems"] = self.min_items
        return self._js(d)


@dataclass
class F:
    """A field of a Record."""

    spec: Spec
    required: bool = True
    default: Any = None
    doc: str = ""


def _mapping_pairs(node: yaml.Node, ctx: Context, path: PathT) -> list[tuple[str, yaml.Node, yaml.Node]] | None:
    if not isinstance(node, yaml.MappingNode):
        ctx.error(node, path, f"expected a mapping (key: value), got {_describe(node)}")
        return None
    seen: dict[str, yaml.Node] = {}
    pairs: list[tuple[str, yaml.Node, yaml.Node]] = []
    for knode, vnode in node.value:
        if not isinstance(knode, yaml.ScalarNode):
            ctx.error(knode, path, "expected a plain key")
            continue
        try:
            key = str(_construct(knode))
        except ValueError as e:
            ctx.error(knode, path, f"expected a plain key, got {knode.value[:40]!r} ({e})")
            continue
        if key in seen:
            ctx.error(knode, path + (key,), f"duplicate key {key!r} (first at line {seen[key].start_mark.line + 1})")
            continue
        seen[key] = knode
        pairs.append((key, knode, vnode))
    return pairs


@dataclass
class Record(Spec):
    fields: dict[str, F]
    description: str = ""
    check: Callable[[dict[str, Any], Context, PathT, yaml.Node], None] | None = None

    def validate(self, node, ctx, path):
        before = len(ctx.problems)
        pairs = _mapping_pairs(node, ctx, path)
        if pairs is None:
            return None
        out: dict[str, Any] = {}
        for key, knode, vnode in pairs:
            p = path + (key,)
            ctx.marks[p] = (vnode.start_mark.line + 1, vnode.start_mark.column + 1)
            f = self.fields.get(key)
            if f is None:
                hint = _close_match(key, self.fields)
                ctx.error(
                    knode,
                    p,
                    f"unknown key {key!r}"
                    + (f"; did you mean {hint!r}?" if hint else f"; expected one of {', '.join(self.fields)}"),
                )
                continue
            out[key] = f.spec.validate(vnode, ctx, p)
        for name, f in self.fields.items():
            if name not in out:
                if f.required:
                    ctx.error(node, path + (name,), f"missing required key {name!r}" + (f" ({f.doc})" if f.doc else ""))
                    out[name] = None  # reported; present as nothing, so partial readers never meet a KeyError
                else:
                    out[name] = f.default
        if self.check is not None and len(ctx.problems) == before:
            self.check(out, ctx, path, node)  # whole-record checks only when its fields are sound
        return out

    def defaults(self) -> dict[str, Any]:
        """The value of an absent record: every field's default (only for records with no required field)."""
        return {name: f.default for name, f in self.fields.items()}

    def json_schema(self):
        props = {}
        for name, f in self.fields.items():
            js = f.spec.json_schema()
            if f.doc and "description" not in js:
                js["description"] = f.doc
            if f.default is not None:
                js["default"] = f.default
            props[name] = js
        d: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
        req = [n for n, f in self.fields.items() if f.required]
        if req:
            d["required"] = req
        return self._js(d)


@dataclass
class MapOf(Spec):
    """A mapping with free keys (matching `key_pattern`) and values of one spec."""

    value: Spec
    key_pattern: str = r".+"
    key_hint: str = "a key"
    description: str = ""

    def validate(self, node, ctx, path):
        pairs = _mapping_pairs(node, ctx, path)
        if pairs is None:
            return None
        out = {}
        for key, knode, vnode in pairs:
            p = path + (key,)
            ctx.marks[p] = (vnode.start_mark.line + 1, vnode.start_mark.column + 1)
            if not re.fullmatch(self.key_pattern, key):
                ctx.error(knode, p, f"expected {self.key_hint}; got {key!r}")
                continue
            out[key] = self.value.validate(vnode, ctx, p)
        return out

    def json_schema(self):
        return self._js(
            {
                "type": "object",
                "additionalProperties": self.value.json_schema(),
                "propertyNames": {"pattern": f"^(?:{self.key_pattern})$"},
            }
        )


def _range(lo: Any, hi: Any) -> str:
    if lo is not None and hi is not None:
        return f"from {lo} to {hi}"
    if lo is not None:
        return f">= {lo}"
    return f"<= {hi}"


def _close_match(key: str, names: Any) -> str | None:
    import difflib

    m = difflib.get_close_matches(key, list(names), n=1, cutoff=0.75)
    return m[0] if m else None


# --- reading files (wargame.data.yamlread; re-exported here) -------------------------------------


def compose_file(path: Path, ctx: Context) -> yaml.Node | None:
    """Read and compose one YAML file safely; every problem placed (see wargame.data.yamlread)."""
    from wargame.data.yamlread import compose_file as compose

    return compose(path, ctx)


def compose_text(text: str, ctx: Context) -> yaml.Node | None:
    from wargame.data.yamlread import compose_text as compose

    return compose(text, ctx)


def load_validated(path: Path, spec: Spec, display: str | None = None, partial: bool = False) -> tuple[Any, Context]:
    """Compose + validate one file. Raises DataError if it is malformed or does not fit the spec.

    With `partial`, a file that parses but breaks the spec is returned anyway (bad values are None,
    the problems are in the context), so callers can go on to find the problems only the whole
    picture shows (a hex off the board, an unknown unit type) and report everything at once.
    """
    ctx = Context(display or str(path))
    node = compose_file(Path(path), ctx)
    ctx.raise_if_problems()
    assert node is not None  # compose_file reported why there is no document, and we raised
    ctx.marks[()] = (1, 1)
    value = spec.validate(node, ctx, ())
    if value is None or not partial:
        ctx.raise_if_problems()
    return value, ctx
