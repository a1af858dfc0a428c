"""The server-side map: TopoJSON decoding, the projection, the antimeridian and the shaded paths."""

from __future__ import annotations

import re

import pytest

from oversight.portal import worldmap
from tests.portal.markup import Page

# A hand-made topology: two squares sharing one edge (arc 1), quantised on a 10x10 grid.
TOPOLOGY = {
    "transform": {"scale": [1.0, 1.0], "translate": [-5.0, -5.0]},
    "arcs": [
        [[5, 0], [-5, 0], [0, 5], [5, 0]],  # (0,-5) -> (-5,-5) -> (-5,0) -> (0,0)
        [[5, 5], [0, -5]],  # (0,0) -> (0,-5): the shared edge
        [[5, 5], [5, 0], [0, -5], [-5, 0]],  # (0,0) -> (5,0) -> (5,-5) -> (0,-5)
    ],
}


def test_arcs_are_delta_decoded_and_dequantised() -> None:
    arcs = worldmap.decode_arcs(TOPOLOGY)
    assert arcs[0] == [(0.0, -5.0), (-5.0, -5.0), (-5.0, 0.0), (0.0, 0.0)]
    assert arcs[1] == [(0.0, 0.0), (0.0, -5.0)]


def test_rings_join_arcs_and_reverse_negative_indices() -> None:
    arcs = worldmap.decode_arcs(TOPOLOGY)
    west = worldmap.ring(arcs, [0, 1])
    assert west == [(0.0, -5.0), (-5.0, -5.0), (-5.0, 0.0), (0.0, 0.0), (0.0, -5.0)]  # closed
    east = worldmap.ring(arcs, [2, ~1])  # ~1 == -2: arc 1 walked backwards
    assert east[0] == east[-1] == (0.0, 0.0)
    multi = {"type": "MultiPolygon", "arcs": [[[0, 1]], [[2, ~1]]]}
    assert worldmap.polygons(multi, arcs) == [[west], [east]]


def test_natural_earth_projection_extent() -> None:
    # The projection's extent: 0.8707 * pi at the equator's ends, 1.4224 at the pole.
    assert worldmap.natural_earth(0, 0) == (0.0, 0.0)
    assert worldmap.natural_earth(180, 0)[0] == pytest.approx(2.7354, abs=1e-4)
    assert worldmap.natural_earth(0, 90)[1] == pytest.approx(1.4224, abs=1e-4)


def test_rings_across_the_antimeridian_are_split() -> None:
    ring = [(170.0, 60.0), (-170.0, 60.0), (-170.0, 70.0), (170.0, 70.0), (170.0, 60.0)]
    pieces = worldmap.split_at_antimeridian(ring)
    assert len(pieces) == 2
    for piece in pieces:
        lons = [lon for lon, _ in piece]
        assert max(lons) - min(lons) <= 10.0 + 1e-9  # no stripe across the whole map
    assert worldmap.split_at_antimeridian(TOPOLOGY["arcs"][0]) == [TOPOLOGY["arcs"][0]]


def test_every_country_shape_is_drawn_inside_the_canvas() -> None:
    shapes, height = worldmap.shapes()
    codes = {shape.iso3 for shape in shapes}
    assert {"KEN", "CHN", "USA", "RUS", "FJI", "XKX", "BRA"} <= codes and "ATA" not in codes
    numbers = [float(n) for shape in shapes for n in re.findall(r"-?\d+\.?\d*", shape.d)]
    assert min(numbers) >= 0 and max(numbers) <= worldmap.WIDTH


@pytest.mark.parametrize(("score", "fill"), [(None, worldmap.NO_DATA), (0, "#ffffb2"), (59.9, "#fd8d3c"),
                                             (100, "#bd0026")])
def test_fill_classes(score: float | None, fill: str) -> None:
    assert worldmap.fill(score) == fill


def test_home_map_has_shaded_country_paths_that_link_to_country_pages(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/").text
    doc = Page(html)
    scored = [p for p in doc.tags("path") if "data-score" in p.attrs]
    assert {p.attrs["data-country"] for p in scored} == {"KEN", "UGA", "GBR", "ECU"}
    for path in scored:
        assert path.attrs["fill"] == worldmap.fill(float(path.attrs["data-score"]))
        assert path.attrs["d"].startswith("M")
    assert re.search(r'<a href="/countries/KEN" aria-label="Kenya: index [\d.]+, 2 deployments"><path', html)
    unshaded = [p for p in doc.tags("path") if p.attrs.get("data-country") == "FRA"]
    assert unshaded and unshaded[0].attrs["fill"] == worldmap.NO_DATA
    # The legend and a table with the same figures, for readers who cannot see the map.
    assert "no recorded deployment" in html
    assert doc.by_id("index-table")


def test_countries_too_small_to_draw_get_a_marker_at_their_capital() -> None:
    points = worldmap.small_countries()
    assert {"SGP", "MDV", "MUS", "CPV", "HKG"} <= set(points)
    drawn = {shape.iso3 for shape in worldmap.shapes()[0]}
    assert not drawn & set(points)
    x, y = points["SGP"]
    # Singapore sits just south-east of the Malay peninsula: east of centre, a little above the equator.
    equator = worldmap.place(103.8, 0.0)[1]
    assert worldmap.WIDTH * 0.75 < x < worldmap.WIDTH * 0.85 and y < equator
    marked = worldmap.index_map([{"country": "SGP", "score": 55.0, "deployments": 2}])["markers"]
    assert marked == [{"iso3": "SGP", "name": "Singapore", "x": x, "y": y, "score": 55.0,
                       "fill": worldmap.fill(55.0), "title": "Singapore: index 55, 2 deployments"}]


def test_a_region_view_crops_the_canvas_around_its_countries() -> None:
    africa = worldmap.region_view("africa")
    world = worldmap.world_view()
    assert africa.width < world.width / 3 and africa.height < world.height
    kenya = worldmap.place(*worldmap.places()["KEN"])
    assert africa.x < kenya[0] < africa.x + africa.width and africa.y < kenya[1] < africa.y + africa.height
    france = worldmap.places()["FRA"]
    assert 40 < france[1] < 52 and -5 < france[0] < 10, "France's largest ring, not French Guiana"


def test_each_country_is_listed_under_one_region() -> None:
    expected = {"KEN": "africa", "EGY": "africa", "SAU": "middle-east", "TUR": "middle-east",
                "IRN": "middle-east", "GEO": "middle-east", "BHR": "middle-east", "RUS": "europe",
                "FRA": "europe", "CHN": "asia-pacific", "SGP": "asia-pacific", "AUS": "asia-pacific",
                "BRA": "americas", "USA": "americas"}
    assert {code: worldmap.region_of(code) for code in expected} == expected


def test_the_list_under_a_region_holds_its_countries_highest_index_first() -> None:
    rows = [{"country": code, "score": score, "deployments": 1}
            for code, score in (("KEN", 40.0), ("UGA", 60.0), ("GBR", 90.0), ("MUS", 10.0))]
    listed = worldmap.index_map(rows, "africa")["listed"]
    assert [row["country"] for row in listed] == ["UGA", "KEN", "MUS"]  # Mauritius by its capital
    assert len(worldmap.index_map(rows)["listed"]) == 4


def test_small_countries_are_tap_sized_on_a_phone_in_a_region() -> None:
    """In a region the invisible target around a dot is 44 px across on a 360 px wide map."""
    shown = worldmap.index_map([{"country": "SGP", "score": 55.0, "deployments": 2}], "asia-pacific")
    px_per_unit = worldmap.PHONE_PX / shown["view"].width
    assert 2 * shown["hit_r"] * px_per_unit == pytest.approx(worldmap.TAP_PX, abs=0.1)
    assert shown["marker_r"] < shown["hit_r"]
