"""The arithmetic behind every claim: exact binomial tails, Holm's correction, a slope's interval.

Standard library only (`math`, `statistics`), and fast: a tail is summed from the
observed count outwards and stops when the terms no longer matter, so a tag rated
five thousand times costs a few dozen steps, not five thousand.

`ALPHA` is the error rate aimed for: of the claims of one kind in one analysis
(the tags' energy, the tags put off, the reasons, the weekdays, the chronic items,
the trends), the chance that any is made on pure chance is at most `ALPHA`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from statistics import NormalDist

ALPHA = 0.005


def upper_tail(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p): how surprising k or more successes are.

    Exact, summed from k upwards; 1.0 when k is at or below the mean (such a count
    is never evidence of "more"), which is all a one-sided test needs.
    """
    if k <= 0:
        return 1.0
    if k > n:
        return 0.0
    if p <= 0.0:
        return 0.0
    if p >= 1.0:
        return 1.0
    if k <= n * p:
        return 1.0
    log_term = (
        math.lgamma(n + 1)
        - math.lgamma(k + 1)
        - math.lgamma(n - k + 1)
        + k * math.log(p)
        + (n - k) * math.log1p(-p)
    )
    term = math.exp(log_term)
    total = term
    odds = p / (1.0 - p)
    i = k
    while i < n and term > total * 1e-12:
        term *= (n - i) / (i + 1) * odds
        total += term
        i += 1
    return min(1.0, total)


def fisher_upper(k: int, n: int, hits: int, total: int) -> float:
    """Fisher's exact test, one-sided: P(X >= k) when `n` of `total` things are drawn
    at random and `hits` of all of them are hits (X hypergeometric).

    How surprising it is that a group of n (a tag's ratings) holds k or more of the
    hits (pluses) if it were no different from the rest. Summed from k upwards like
    `upper_tail`; 1.0 at or below the mean.
    """
    rest = total - hits
    if k <= 0 or n <= 0 or total <= 0:
        return 1.0
    if k > min(n, hits):
        return 0.0
    if k <= n * hits / total:
        return 1.0
    if n - k > rest:  # impossible to have so few misses: not a count this test sees
        return 0.0

    def log_comb(a: int, b: int) -> float:
        return math.lgamma(a + 1) - math.lgamma(b + 1) - math.lgamma(a - b + 1)

    term = math.exp(log_comb(hits, k) + log_comb(rest, n - k) - log_comb(total, n))
    sum_ = term
    i = k
    while i < min(n, hits) and term > sum_ * 1e-12:
        term *= (hits - i) * (n - i) / ((i + 1) * (rest - n + i + 1))
        sum_ += term
        i += 1
    return min(1.0, sum_)


def holm(p_values: Sequence[float], alpha: float = ALPHA) -> list[bool]:
    """Which hypotheses Holm's step-down procedure rejects, in the order given.

    The smallest p-value is held to alpha/m, the next to alpha/(m-1), and so on,
    stopping at the first that misses: the chance of any false claim among the m
    stays at most alpha, whatever the tests' dependence.
    """
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    rejected = [False] * m
    for rank, i in enumerate(order):
        if p_values[i] > alpha / (m - rank):
            break
        rejected[i] = True
    return rejected


def wilson(k: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """The Wilson score interval of a share k/n (0–1 on both ends for n = 0)."""
    if n <= 0:
        return 0.0, 1.0
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    share = k / n
    centre = (share + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def t_within(t: float, df: int) -> float:
    """P(|T| < t) for Student's T with `df` degrees of freedom (the finite sums of
    Abramowitz & Stegun 26.7.3 and 26.7.4, exact for whole degrees of freedom)."""
    theta = math.atan(t / math.sqrt(df))
    c2 = math.cos(theta) ** 2
    if df % 2:
        if df == 1:
            return 2 * theta / math.pi
        term = total = 1.0
        for k in range(1, (df - 3) // 2 + 1):
            term *= c2 * (2 * k) / (2 * k + 1)
            total += term
        return 2 / math.pi * (theta + math.sin(theta) * math.cos(theta) * total)
    term = total = 1.0
    for k in range(1, (df - 2) // 2 + 1):
        term *= c2 * (2 * k - 1) / (2 * k)
        total += term
    return math.sin(theta) * total


@lru_cache(maxsize=512)
def t_quantile(q: float, df: int) -> float:
    """Student's t quantile (q above one half), by bisection on `t_within`; past 200
    degrees of freedom by the Cornish–Fisher expansion, there within 0.01%."""
    if q >= 1.0:
        return math.inf
    z = NormalDist().inv_cdf(q)
    if df > 200:
        return (
            z
            + (z**3 + z) / (4 * df)
            + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
            + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3)
        )
    within = 2 * q - 1
    low, high = z, 1e4
    for _step in range(80):
        middle = (low + high) / 2
        if t_within(middle, df) < within:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def slope_interval(
    points: Sequence[tuple[float, float, float]], confidence: float
) -> tuple[float, float, float] | None:
    """The weighted least-squares slope of (x, y, weight) points and its interval.

    Returns (slope, low, high), or None with fewer than four points or no spread in x.
    `confidence` above one half.
    The residual variance is estimated from the points themselves, so noise between
    them widens the interval as it should.
    """
    n = len(points)
    if n < 4:
        return None
    weight = sum(w for _x, _y, w in points)
    if weight <= 0:
        return None
    mean_x = sum(x * w for x, _y, w in points) / weight
    mean_y = sum(y * w for _x, y, w in points) / weight
    sxx = sum(w * (x - mean_x) ** 2 for x, _y, w in points)
    if sxx <= 0:
        return None
    sxy = sum(w * (x - mean_x) * (y - mean_y) for x, y, w in points)
    slope = sxy / sxx
    # Weights are inverse variances up to one factor (a week of five days counts
    # five times a day), which the residuals estimate.
    residual = sum(w * (y - mean_y - slope * (x - mean_x)) ** 2 for x, y, w in points)
    se = math.sqrt(residual / (n - 2) / sxx)
    half = t_quantile(0.5 + confidence / 2, n - 2) * se if se else 0.0
    return slope, slope - half, slope + half
