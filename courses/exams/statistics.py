"""Classical item analysis, pure: scores in, figures out. No database.

Facility (难度系数, P) is the mean fraction of the item's points earned. Discrimination is
given two ways: the correlation of the item's fraction with the rest-of-paper fraction (the
item itself is left out, so it does not correlate with itself), and the classical upper-lower
index: facility among the top 27% of candidates by total score minus that among the bottom 27%.
"""

import math
from decimal import Decimal

GROUP_SHARE = 0.27


def _pearson(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    var_x = sum((x - mean_x) ** 2 for x in xs)
    var_y = sum((y - mean_y) ** 2 for y in ys)
    if var_x == 0 or var_y == 0:
        return None  # everyone scored the same: the index is undefined, not zero
    return cov / math.sqrt(var_x * var_y)


def _fraction(score: Decimal, points: Decimal) -> float:
    return float(score / points) if points else 0.0


def item_statistics(scores: dict[int, dict[int, tuple[Decimal, Decimal]]]) -> list[dict]:
    """``scores`` maps attempt → question → (score, points). Returns one dict per question, sorted by id."""
    totals = {
        attempt: (sum(s for s, _ in items.values()), sum(p for _, p in items.values()))
        for attempt, items in scores.items()
    }
    questions = sorted({question for items in scores.values() for question in items})
    result = []
    for question in questions:
        sitting = [attempt for attempt, items in scores.items() if question in items]
        item = []
        rest = []
        for attempt in sitting:
            score, points = scores[attempt][question]
            total_score, total_points = totals[attempt]
            item.append(_fraction(score, points))
            rest.append(_fraction(total_score - score, total_points - points))
        facility = sum(item) / len(item)
        correlation = _pearson(item, rest)

        ranked = sorted(sitting, key=lambda a: _fraction(*totals[a]), reverse=True)
        group = max(1, round(len(ranked) * GROUP_SHARE))
        upper_lower = None
        if len(ranked) >= 2 * group:
            upper, lower = ranked[:group], ranked[-group:]
            upper_p = sum(_fraction(*scores[a][question]) for a in upper) / group
            lower_p = sum(_fraction(*scores[a][question]) for a in lower) / group
            upper_lower = upper_p - lower_p
        result.append(
            {
                "question_id": question,
                "count": len(item),
                "facility": round(facility, 3),
                "discrimination": None if correlation is None else round(correlation, 3),
                "upper_lower": None if upper_lower is None else round(upper_lower, 3),
            }
        )
    return result
