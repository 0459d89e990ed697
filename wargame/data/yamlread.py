"""Reading a YAML data file as plain data: the bytes through `readfile.read_text` (a regular file,
bounded, UTF-8, no control characters), composed to nodes with the safe loader, then every node
checked so the file holds nothing but plain values (no tags, merge keys, anchors or aliases, no
absurd nesting). Every refusal is a `Problem` with its line and column."""

from __future__ import annotations

from pathlib import Path

import yaml

from wargame.data.schema import Context, Problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_resolver = yaml.resolver.Resolver()
_T = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset(_T + t for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp"))
MAX_DEPTH = 64          # data files nest a few levels; a deeper file is an attack or an accident



def compose_file(path: Path, ctx: Context) -> yaml.Node | None:
    """Read and compose one YAML file; syntax errors become problems with their place."""
    from wargame.data.readfile import ReadError, read_text

    try:
        text = read_text(path)
    except ReadError as e:
        ctx.problems.append(Problem(ctx.file, e.line, e.column, "(file)", e.message))
        return None
    ctx.lines = text.split("\n")
    return compose_text(text, ctx)


def compose_text(text: str, ctx: Context) -> yaml.Node | None:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        msg = " ".join(x for x in (e.context, e.problem) if x)
        ctx.problems.append(Problem(ctx.file, line, col, "(syntax)", f"malformed YAML: {msg}"))
        return None
    except yaml.YAMLError as e:
        ctx.problems.append(Problem(ctx.file, 1, 1, "(syntax)", f"malformed YAML: {e}"))
        return None
    except RecursionError:
        ctx.problems.append(Problem(ctx.file, *_deepest(text), "(syntax)", f"nested more than {MAX_DEPTH} levels deep"))
        return None
    if node is None:
        ctx.problems.append(Problem(ctx.file, 1, 1, "(top)", "the file is empty"))
        return None
    before = len(ctx.problems)
    _plain_data_only(node, ctx)
    return node if len(ctx.problems) == before else None


def _deepest(text: str) -> tuple[int, int]:
    """Where flow nesting first goes past MAX_DEPTH (a rough place for a file too deep to parse)."""
    depth = 0
    for i, ch in enumerate(text):
        depth += 1 if ch in "[{" else -1 if ch in "]}" else 0
        if depth > MAX_DEPTH:
            line = text.count("\n", 0, i) + 1
            return line, i - (text.rfind("\n", 0, i) + 1) + 1
    return 1, 1


def _plain_data_only(root: yaml.Node, ctx: Context) -> None:
    """Refuse what makes YAML more than data: explicit tags (`!!python/...`, `!!int abc`), merge keys
    (`<<:`), anchors and aliases (`&a`, `*a`: also the "billion laughs" blow-up), and nesting deeper
    than MAX_DEPTH. Each refusal carries its line and column."""
    seen: set[int] = set()
    todo: list[tuple[yaml.Node, int]] = [(root, 0)]
    while todo:
        node, depth = todo.pop()
        where = (node.start_mark.line + 1, node.start_mark.column + 1)
        if id(node) in seen:
            ctx.problems.append(
                Problem(
                    ctx.file,
                    *where,
                    "(syntax)",
                    "anchors and aliases (&name, *name) are not allowed; write the value out",
                )
            )
            return
        seen.add(id(node))
        if depth > MAX_DEPTH:
            ctx.problems.append(Problem(ctx.file, *where, "(syntax)", f"nested more than {MAX_DEPTH} levels deep"))
            return
        if isinstance(node, yaml.ScalarNode):
            implicit = _resolver.resolve(yaml.ScalarNode, node.value, (True, False)) if not node.style else _T + "str"
        elif isinstance(node, yaml.SequenceNode):
            implicit = _T + "seq"
        else:
            implicit = _T + "map"
        if node.tag == _T + "merge":
            ctx.problems.append(
                Problem(ctx.file, *where, "(syntax)", "YAML merge keys (<<) are not allowed; write the keys out")
            )
        elif node.tag != implicit or node.tag not in _PLAIN_TAGS:
            ctx.problems.append(
                Problem(
                    ctx.file,
                    *where,
                    "(syntax)",
                    f"YAML tags ({node.tag.replace(_T, '!!')}) are not allowed: data files hold plain values",
                )
            )
        if isinstance(node, yaml.SequenceNode):
            todo.extend((c, depth + 1) for c in reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            for k, v in reversed(node.value):
                todo.append((v, depth + 1))
                todo.append((k, depth + 1))
