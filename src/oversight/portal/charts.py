"""Timeline charts as geometry for an inline SVG: bars per year, stacked by status.

The template draws the rectangles (and escapes every label); this module only does arithmetic,
so a chart reads without JavaScript and prints as it looks on screen.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from oversight import vocab

WIDTH, HEIGHT = 640.0, 220.0
LEFT, RIGHT, TOP, BOTTOM = 40.0, 10.0, 12.0, 36.0
# One colour per status, in the order of schema.yaml; distinguishable in greyscale too.
STATUS_COLOURS = ("#c6dbef", "#9ecae1", "#6baed6", "#2171b5", "#969696", "#525252")


def status_colours() -> dict[str, str]:
    statuses = vocab.STATUSES
    return {status: STATUS_COLOURS[i % len(STATUS_COLOURS)] for i, status in enumerate(statuses)}


def _ticks(top: int) -> list[int]:
    """At most five round values from 0 to `top` for the count axis."""
    step = 1
    while top / step > 4:
        step = step * 5 // 2 if str(step).startswith("2") else step * 2
    upper = -(-top // step) * step  # round up, so the tallest bar stays inside the axis
    return list(range(0, upper + 1, step))


def timeline(deployments: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Bars of deployments per year (their `year`: start, else announcement), stacked by status.
    None when no deployment has a year."""
    counts: Counter[tuple[int, str]] = Counter(
        (d["year"], d["status"]) for d in deployments if d.get("year") is not None
    )
    if not counts:
        return None
    years = sorted({year for year, _ in counts})
    first, last = years[0], years[-1]
    span = list(range(first, last + 1))
    totals = {year: sum(n for (y, _), n in counts.items() if y == year) for year in span}
    ticks = _ticks(max(totals.values()))
    top = max(ticks[-1], 1)
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_width / len(span)
    bar_width = min(max(slot * 0.8, 1.0), 36.0)
    colours = status_colours()
    label_every = max(1, round(len(span) / 12))
    bars = []
    for i, year in enumerate(span):
        x = LEFT + i * slot + (slot - bar_width) / 2
        base = TOP + plot_height
        segments = []
        for status in vocab.STATUSES:
            n = counts.get((year, status), 0)
            if not n:
                continue
            height = n / top * plot_height
            base -= height
            segments.append({"x": round(x, 1), "y": round(base, 1), "width": round(bar_width, 1),
                             "height": round(height, 1), "fill": colours[status],
                             "title": f"{year}: {n} {status}"})
        bars.append({"year": year, "total": totals[year], "segments": segments,
                     "label_x": round(LEFT + i * slot + slot / 2, 1),
                     "show_label": i % label_every == 0 or year == last})
    return {
        "width": WIDTH, "height": HEIGHT, "left": LEFT, "top": TOP,
        "bottom": TOP + plot_height, "right": WIDTH - RIGHT,
        "bars": bars,
        "ticks": [{"value": t, "y": round(TOP + plot_height - t / top * plot_height, 1)} for t in ticks],
        "legend": [{"status": s, "fill": colours[s]} for s in vocab.STATUSES
                   if any(st == s for _, st in counts)],
        "first": first, "last": last,
        "rows": [{"year": year, "total": totals[year],
                  "by_status": {s: counts[(year, s)] for s in vocab.STATUSES if counts[(year, s)]}}
                 for year in span if totals[year]],
    }
