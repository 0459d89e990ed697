"""Statistics of a study: a summary per case and paired differences against the baseline case.

A game in which Red never reaches its aim has no hour; it counts as the game's length (`cap`, e.g.
240 h), which makes every mean and difference that includes such games a bound, not an estimate
(docs/studies.md says so). Quantiles are the inclusive method (`statistics.quantiles`).
"""

from __future__ import annotations

import collections
import math
import statistics
from typing import Any

THRESHOLDS = (36, 48, 60, 72)


def t_quantile(p: float, df: int) -> float:
    """The p-quantile of Student's t with `df` degrees of freedom (bisection on its CDF; no SciPy)."""
    if df <= 0:
        return math.nan
    if df > 200:
        return statistics.NormalDist().inv_cdf(p)
    c = math.exp(math.lgamma((df + 1) / 2) - math.lgamma(df / 2)) / math.sqrt(df * math.pi)

    def cdf(x: float) -> float:  # 1/2 + integral 0..x of the density (Simpson's rule)
        n = 400
        h = x / n
        f = [c * (1 + (i * h) ** 2 / df) ** (-(df + 1) / 2) for i in range(n + 1)]
        return 0.5 + h / 3 * (f[0] + f[-1] + 4 * sum(f[1:-1:2]) + 2 * sum(f[2:-1:2]))

    lo, hi = 0.0, 700.0
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if cdf(mid) < p else (lo, mid)
    return (lo + hi) / 2


def mean_ci(xs: list[float]) -> tuple[float, float]:
    """Mean and the half-width of its 95% interval (t; 0 for fewer than two values)."""
    m = statistics.fmean(xs) if xs else math.nan
    if len(xs) < 2:
        return m, math.nan
    return m, t_quantile(0.975, len(xs) - 1) * statistics.stdev(xs) / math.sqrt(len(xs))


def sign_test(better: int, worse: int) -> float:
    """Two-sided exact binomial p-value of `better` against `worse` (ties left out)."""
    n = better + worse
    if n == 0:
        return 1.0
    k = min(better, worse)
    p = sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n
    return min(1.0, 2 * p)


def values(rows: list[dict[str, Any]], cap: float) -> list[float]:
    return [cap if r["measure"] in (None, "") else float(r["measure"]) for r in rows]


def summarise(rows: list[dict[str, Any]], cap: float) -> dict[str, Any]:
    """Distribution of the measure over a case's games (not reached = `cap`)."""
    xs = sorted(values(rows, cap))
    n = len(xs)
    s: dict[str, Any] = {"games": n, "reached": sum(1 for x in xs if x < cap)}
    if not xs:
        return s
    q = statistics.quantiles(xs, n=4, method="inclusive") if n > 1 else [xs[0]] * 3
    m, hw = mean_ci(xs)
    s.update(min=xs[0], q1=q[0], median=statistics.median(xs), q3=q[2], max=xs[-1], mean=m, ci=hw)
    for t in THRESHOLDS:
        s[f"by_{t}"] = sum(1 for x in xs if x <= t) / n
    s.update(concentration(xs))
    return s


def concentration(hours: list[float]) -> dict[str, Any]:
    """How concentrated the hours are (a non-empty list): `distinct` hours, the commonest `mode`
    (the earlier on a tie) and its `mode_games`. A case whose games nearly all end at one hour is a
    figure to explain before reading it (one mechanism deciding every game), not a precise one."""
    counts = collections.Counter(hours)
    top = max(counts.values())
    return {"distinct": len(counts), "mode": min(x for x, c in counts.items() if c == top), "mode_games": top}


def paired(case_rows: list[dict[str, Any]], base_rows: list[dict[str, Any]], cap: float) -> dict[str, Any]:
    """Case minus baseline on the games with the same seed. `better` = Red later (better for Blue)."""
    base = {int(r["seed"]): r for r in base_rows}
    pairs = [(a, base[int(a["seed"])]) for a in case_rows if int(a["seed"]) in base]
    d = [x - y for x, y in zip(values([a for a, _ in pairs], cap), values([b for _, b in pairs], cap))]
    m, hw = mean_ci(d)
    better, equal, worse = sum(x > 0 for x in d), sum(x == 0 for x in d), sum(x < 0 for x in d)
    return {"pairs": len(d), "mean_diff": m, "ci": hw, "better": better, "equal": equal, "worse": worse,
            "sign_p": sign_test(better, worse), "diffs": d}


def fmt_h(x: float | None, cap: float) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    return f">{cap:g}" if x >= cap else f"{x:g}"
