"""Study files (`format: wargame-study/1`): a base scenario, cases (overrides and bots) x replications.

Validated like every data file: each problem names the file, line, column and field, and all are
reported at once (DataError; the CLI prints them and exits 2). A study file cannot name code: bots
are built-in names only, their settings are plain values checked against the bot's own knobs, and
the overrides are the data operations of `wargame.study.overrides`.

    study = load_study("studies/sensitivity-incursion-2016.yaml")
    study.cases[0].scenario      # the base scenario with the case's overrides applied
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from wargame.data import paths
from wargame.data.schema import (
    Bool,
    Context,
    DataError,
    F,
    Int,
    MapOf,
    Num,
    Record,
    Seq,
    Spec,
    Str,
    _describe,
    compose_text,
)
from wargame.model.scenario import Scenario
from wargame.study import overrides as ov

FORMAT = "wargame-study/1"
ID = r"[a-z0-9][a-z0-9\-_.]*"
BOT_NAMES = ("passive", "random", "operational", "search")
MEASURES = ("measure_hours", "aim_hours", "tallinn_hours", "riga_hours", "objective_hours")
SIDE = Str(choices=("red", "blue"))
# The search bot's knobs a study may set (its constructor's plain-valued arguments).
SEARCH_KNOBS = {"rollouts": int, "rounds": int, "horizon_turns": int, "replan": int, "material": float,
                "margin": float, "budget": float}


class Scalar(Spec):
    """One plain value: a number, true/false, or text (a table value, a bot setting)."""

    description = "a number, true/false or text"

    def validate(self, node, ctx, path):
        if not isinstance(node, yaml.ScalarNode) or node.tag.rsplit(":", 1)[-1] not in ("int", "float", "bool", "str"):
            ctx.error(node, path, f"expected a number, true/false or text, got {_describe(node)}")
            return None
        return yaml.constructor.SafeConstructor().construct_object(node)

    def json_schema(self):
        return self._js({"type": ["number", "boolean", "string"]})


class ScalarOrList(Scalar):
    def validate(self, node, ctx, path):
        if isinstance(node, yaml.SequenceNode):
            return Seq(Scalar()).validate(node, ctx, path)
        return super().validate(node, ctx, path)


class Partial(Spec):
    """Some fields of a record, each validated by its own spec; no defaults filled in."""

    def __init__(self, record: Record, description: str = ""):
        self.record, self.description = record, description

    def validate(self, node, ctx, path):
        out = MapOf(Scalar()).validate(node, ctx, path)
        if out is None:
            return None
        checked = {}
        for (k, _v), (_, vnode) in zip(out.items(), ((k.value, v) for k, v in node.value)):
            f = self.record.fields.get(k)
            if f is None:
                ctx.error(
                    vnode, path + (k,), f"unknown parameter {k!r}; expected one of {', '.join(self.record.fields)}"
                )
                continue
            checked[k] = f.spec.validate(vnode, ctx, path + (k,))
        return checked

    def json_schema(self):
        d = self.record.json_schema()
        d.pop("required", None)
        return self._js(d)


def _override_specs() -> dict[str, Spec]:
    from wargame.crisis.tables import settings_spec as crisis_settings_spec
    from wargame.data.scenario import parameters_spec

    names = Seq(Str(min_len=1), min_items=1)
    return {
        "remove_units": Record(
            {
                "side": F(SIDE),
                "formation": F(Str(min_len=1), required=False, doc="glob on the formation path"),
                "nations": F(names, required=False),
                "categories": F(names, required=False),
                "ids": F(names, required=False),
            }
        ),
        "keep_nations": Record({"side": F(SIDE), "nations": F(names)}),
        "add_brigades": Record(
            {
                "oob": F(Str(min_len=1), doc="OOB id, or a path relative to the study file"),
                "count": F(Int(min=0)),
                "order": F(names, required=False),
                "root": F(Str(min_len=1), required=False, doc="only brigades under this formation root"),
                "replace": F(Bool(), required=False, default=False, doc="a unit id already present is replaced"),
            }
        ),
        "add_units": Record(
            {
                "oob": F(Str(min_len=1)),
                "formation": F(Str(min_len=1), required=False),
                "replace": F(Bool(), required=False, default=False),
            }
        ),
        "scale_air": Record({"side": F(SIDE), "factor": F(Num(min=0, max=100))}),
        "remove_air_defence": Record({"side": F(SIDE)}),
        "shift_arrivals": Record({"side": F(SIDE), "turns": F(Int(min=-100, max=100))}),
        "scale_manoeuvre": Record(
            {
                "side": F(SIDE),
                "keep": F(Num(min=0.01, max=1)),
                "mode": F(Str(choices=("units", "steps")), required=False, default="units"),
            }
        ),
        "set_parameters": Partial(parameters_spec()),
        "set_crisis": Partial(crisis_settings_spec()),
        "set_table": Record(
            {
                "path": F(Str(pattern=r"[A-Za-z0-9_\-]+(\.[A-Za-z0-9_\-]+)*", pattern_hint="a dotted path")),
                "value": F(Scalar()),
            }
        ),
    }


class OverrideSpec(Spec):
    """`{kind: {...}}`: exactly one key, one of the override kinds."""

    description = "one override: a mapping with one key, the kind"

    def __init__(self) -> None:
        self.kinds = _override_specs()

    def validate(self, node, ctx, path):
        if not isinstance(node, yaml.MappingNode) or len(node.value) != 1:
            ctx.error(
                node, path, f"expected a mapping with one key, one of {', '.join(self.kinds)}; got {_describe(node)}"
            )
            return None
        k, v = node.value[0]
        kind = getattr(k, "value", None)
        if kind not in self.kinds:
            ctx.error(k, path, f"unknown override {kind!r}; expected one of {', '.join(self.kinds)}")
            return None
        value = self.kinds[kind].validate(v, ctx, path + (kind,))
        return None if value is None else (kind, value)

    def json_schema(self):
        return self._js(
            {
                "oneOf": [
                    {
                        "type": "object",
                        "properties": {k: s.json_schema()},
                        "required": [k],
                        "additionalProperties": False,
                    }
                    for k, s in self.kinds.items()
                ]
            }
        )


class BotSpec(Spec):
    """A bot: a built-in name, or `{name: NAME, settings: {knob: value}}`."""

    description = "a built-in bot name, or {name, settings}"

    def validate(self, node, ctx, path):
        if isinstance(node, yaml.ScalarNode):
            name = Str(choices=BOT_NAMES).validate(node, ctx, path)
            return None if name is None else {"name": name, "settings": {}}
        d = Record(
            {"name": F(Str(choices=BOT_NAMES)), "settings": F(MapOf(ScalarOrList()), required=False, default={})}
        ).validate(node, ctx, path)
        if d is None or d["name"] is None:
            return None
        for k, v in (d["settings"] or {}).items():
            problem = _check_setting(d["name"], k, v)
            if problem:
                ctx.error_at(path + ("settings", k), problem)
        return d

    def json_schema(self):
        return self._js({"oneOf": [{"enum": list(BOT_NAMES)}, {"type": "object"}]})


def _check_setting(bot: str, key: str, value: Any) -> str | None:
    from wargame.bots.operational import Doctrine

    if bot == "operational":
        kinds = {f.name: str(f.type) for f in dataclasses.fields(Doctrine) if f.name != "name"}
    elif bot == "search":
        kinds = {k: t.__name__ for k, t in SEARCH_KNOBS.items()}
    else:
        return f"the {bot} bot has no settings"
    kind = kinds.get(key)
    if kind is None:
        return f"unknown setting {key!r} of the {bot} bot; expected one of {', '.join(kinds)}"
    if isinstance(value, list):
        return None if "tuple" in kind else f"expected one value for {key}, got a list"
    if "bool" in kind:
        return None if isinstance(value, bool) else f"expected true or false, got {value!r}"
    if "int" in kind and "float" not in kind and "str" not in kind:
        return (
            None
            if isinstance(value, int) and not isinstance(value, bool)
            else f"expected a whole number, got {value!r}"
        )
    if "float" in kind:
        return (
            None
            if isinstance(value, (int, float)) and not isinstance(value, bool)
            else f"expected a number, got {value!r}"
        )
    return None if isinstance(value, str) else f"expected text, got {value!r}"


def study_spec() -> Record:
    case = Record(
        {
            "id": F(Str(pattern=ID, pattern_hint="a lower-case id")),
            "title": F(Str(), required=False, default=""),
            "group": F(Str(), required=False, default="", doc="cases of one factor share a group (the tornado chart)"),
            "bots": F(
                Record({"red": F(BotSpec(), required=False), "blue": F(BotSpec(), required=False)}),
                required=False,
                default={},
            ),
            "overrides": F(Seq(OverrideSpec()), required=False, default=[]),
            "replications": F(
                Int(min=1, max=1_000_000),
                required=False,
                default=None,
                doc="play at most this many of the study's replications (a slow case); paired on those",
            ),
        }
    )
    return Record(
        {
            "format": F(Str(choices=(FORMAT,))),
            "id": F(Str(pattern=ID, pattern_hint="a lower-case id")),
            "title": F(Str(min_len=1)),
            "description": F(Str(), required=False, default=""),
            "scenario": F(Str(min_len=1), doc="scenario id, or a path relative to the study file"),
            "replications": F(Int(min=1, max=1_000_000)),
            "seed": F(
                Int(min=0),
                required=False,
                default=1,
                doc="replication r plays game seed game_seed(seed, r) in every case",
            ),
            "measure": F(Str(choices=MEASURES), required=False, default="measure_hours"),
            "baseline": F(Str(pattern=ID), required=False, default=None, doc="case id (default: the first case)"),
            "bots": F(
                Record(
                    {
                        "red": F(BotSpec(), required=False, default={"name": "operational", "settings": {}}),
                        "blue": F(BotSpec(), required=False, default={"name": "operational", "settings": {}}),
                    }
                ),
                required=False,
                default=None,
            ),
            "cases": F(Seq(case, min_items=1)),
        },
        description="A study (wargame-study/1). See docs/studies.md.",
    )


@dataclass
class Case:
    id: str
    title: str
    group: str
    bots: dict[str, dict[str, Any]]  # side -> {"name", "settings"}
    overrides: list[tuple[str, dict[str, Any]]]
    scenario: Scenario | None = None  # the base with the overrides applied
    sha: str = ""  # of this case's definition (bots and overrides)
    cap: int | None = None  # at most this many of the study's replications (a slow case)

    def replications(self, study_replications: int) -> int:
        return study_replications if self.cap is None else min(self.cap, study_replications)


@dataclass
class Study:
    id: str
    title: str
    description: str
    scenario_ref: str
    replications: int
    seed: int
    measure: str
    baseline: str
    cases: list[Case]
    path: Path
    text: str  # the file as read: what a cluster worker rebuilds from
    data_sha: str = ""  # of every data file the study reads
    files: list[Path] = field(default_factory=list)

    def case(self, cid: str) -> Case:
        return next(c for c in self.cases if c.id == cid)


def _resolve(base: Path, kind: str, ref: str) -> Path:
    p = paths.resolve(kind, ref)
    if p.parent != paths.data_dir(kind) and not p.is_absolute():
        return base.parent / p
    return p


def _scenario_files(path: Path) -> list[Path]:
    """The files a scenario reads (itself, map, unit types, tables, orders of battle)."""
    from wargame.data.scenario import _relative

    d = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = [
        path,
        _relative(path, "maps", d["map"]),
        _relative(path, "orders_of_battle", d.get("unit_types") or "unit_types"),
        _relative(path, "tables", d.get("tables") or "standard"),
    ]
    if isinstance(d.get("crisis"), dict):  # a crisis phase reads its own tables (docs/crisis.md)
        out.append(_relative(path, "tables", d["crisis"].get("tables") or "crisis"))
    return out + [_relative(path, "orders_of_battle", o) for o in d["orders_of_battle"]]


def sha_of_files(files: list[Path]) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def load_study(
    path: str | Path, text: str | None = None, display: str | None = None, only: tuple[str, ...] | None = None
) -> Study:
    """Read, validate and prepare a study: every case's scenario is built (with `only`, only those
    cases are kept: a worker of a `--case` run; the data hash still covers every file the study names).
    DataError lists every problem."""
    from wargame.data.scenario import load_scenario

    path = Path(path)
    shown = display or paths.display(path)
    ctx = Context(shown)
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as e:
            raise DataError(
                [ov.Problem(shown, 0, 0, "(file)", f"cannot read the study file: {e.strerror or e}")]
            ) from None
    ctx.lines = text.splitlines()
    node = compose_text(text, ctx)
    ctx.raise_if_problems()
    ctx.marks[()] = (1, 1)
    d = study_spec().validate(node, ctx, ())
    ctx.raise_if_problems()
    ids = [c["id"] for c in d["cases"]]
    for i, cid in enumerate(ids):
        if cid in ids[:i]:
            ctx.error_at(("cases", i, "id"), f"duplicate case id {cid!r}")
    baseline = d["baseline"] or ids[0]
    if baseline not in ids:
        ctx.error_at(("baseline",), f"{baseline!r} is not a case id ({', '.join(ids)})")
    ctx.raise_if_problems()

    scen_path = _resolve(path, "scenarios", d["scenario"])
    try:
        base = load_scenario(scen_path)
    except DataError as e:
        ctx.error_at(
            ("scenario",), f"the scenario {d['scenario']!r} does not load: " + "; ".join(str(p) for p in e.problems[:3])
        )
        ctx.raise_if_problems()
    files = _scenario_files(scen_path)
    bots = d["bots"] or {}
    default = {s: bots.get(s) or {"name": "operational", "settings": {}} for s in ("red", "blue")}
    cases = []
    for i, c in enumerate(d["cases"]):
        overrides = []
        for kind, params in c["overrides"]:
            if "oob" in params:
                ref = _resolve(path, "orders_of_battle", params["oob"])
                params = {**params, "oob": str(ref)}
                if ref.exists():
                    files.append(ref)
            overrides.append((kind, params))
        case = Case(
            c["id"], c["title"], c["group"], {s: (c["bots"].get(s) or default[s]) for s in ("red", "blue")}, overrides,
            cap=c["replications"],
        )
        if only is not None and case.id not in only:
            continue
        try:
            case.scenario = ov.apply(base, overrides)
        except ov.OverrideError as e:
            ctx.error_at(("cases", i, "overrides"), str(e))
        except DataError as e:
            ctx.problems.extend(e.problems)
        defn = {"bots": case.bots, "overrides": [(k, {a: b for a, b in p.items() if a != "oob"}) for k, p in overrides]}
        case.sha = hashlib.sha256(json.dumps(defn, sort_keys=True, default=str).encode()).hexdigest()[:16]
        cases.append(case)
    ctx.raise_if_problems()
    files = list(dict.fromkeys(files))
    return Study(
        d["id"],
        d["title"],
        d["description"],
        d["scenario"],
        d["replications"],
        d["seed"],
        d["measure"],
        baseline,
        cases,
        path,
        text,
        sha_of_files(files),
        files,
    )


__all__ = ["Study", "Case", "load_study", "study_spec", "FORMAT", "Bool"]
