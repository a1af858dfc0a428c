"""The filter form of the pages: GET parameters -> DeploymentFilter, checked against the vocabulary.

An HTML form sends "" for an "any" choice, so empty values mean "no filter" here (the JSON
API rejects them). Anything else that is wrong is a PageError naming the field, shown as a
422 page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

from oversight import vocab
from oversight.api.deps import ApiError
from oversight.registry.records import country_name
from oversight.store.queries import SORTABLE, DeploymentFilter

PAGE_SIZE = 50
MAX_QUERY = 200
FILTER_KEYS = ("country", "technology", "vendor_country", "vendor", "status", "since", "until", "q")


class PageError(ApiError):
    """A request a page refuses. The API's handler answers it; for page paths it becomes an
    HTML error page with the field named (portal.errors.for_pages)."""


@dataclass
class FilterForm:
    """What the user asked for, as parsed values and as the query string to repeat it."""

    filters: DeploymentFilter
    params: dict[str, list[str]] = field(default_factory=dict)

    def query(self, **changes: Any) -> str:
        """The query string of these filters with some parameters changed (None drops one)."""
        params: dict[str, Any] = {k: v for k, v in self.params.items() if v}
        for key, value in changes.items():
            if value is None:
                params.pop(key, None)
            else:
                params[key] = value
        return urlencode(params, doseq=True)

    def first(self, key: str) -> str:
        values = self.params.get(key) or [""]
        return values[0]


def _values(params: QueryParams, key: str) -> list[str]:
    return [value.strip() for value in params.getlist(key) if value.strip()]


def _choices(values: list[str], allowed: tuple[str, ...], key: str) -> list[str]:
    for value in values:
        if value not in allowed:
            raise PageError(422, f"{key}: {value!r} is not one of {', '.join(allowed)}", key)
    return values


def _countries(values: list[str], key: str) -> list[str]:
    codes = [value.upper() for value in values]
    for value, code in zip(values, codes, strict=True):
        if country_name(code) is None:
            raise PageError(422, f"{key}: {value!r} is not an ISO 3166-1 alpha-3 country code", key)
    return codes


def _year(values: list[str], key: str) -> int | None:
    if not values:
        return None
    if not values[0].isdigit() or len(values[0]) > 4:
        raise PageError(422, f"{key}: {values[0]!r} is not a year (four digits)", key)
    return int(values[0])


def search_text(q: str) -> str:
    if len(q) > MAX_QUERY:
        raise PageError(422, f"q: the search text is longer than {MAX_QUERY} characters", "q")
    return q


def parse_filters(params: QueryParams) -> FilterForm:
    """The filters of `oversight deployments`, from a page's query string."""
    raw = {key: _values(params, key) for key in FILTER_KEYS}
    q = search_text(raw["q"][0]) if raw["q"] else None
    filters = DeploymentFilter(
        country=_countries(raw["country"], "country"),
        technology=_choices(raw["technology"], vocab.TECHNOLOGIES, "technology"),
        vendor_country=_countries(raw["vendor_country"], "vendor_country"),
        vendor=raw["vendor"],
        status=_choices(raw["status"], vocab.STATUSES, "status"),
        since=_year(raw["since"], "since"),
        until=_year(raw["until"], "until"),
        q=q,
    )
    if filters.since is not None and filters.until is not None and filters.since > filters.until:
        raise PageError(422, f"until: {filters.until} is before since ({filters.since})", "until")
    raw["country"], raw["vendor_country"] = filters.country, filters.vendor_country  # as the form shows them
    return FilterForm(filters, {k: v for k, v in raw.items() if v})


def parse_sort(params: QueryParams, default: str = "id") -> str:
    sort = params.get("sort") or default
    if sort.lstrip("-") not in SORTABLE:
        raise PageError(422, f"sort: {sort!r} is not one of {', '.join(SORTABLE)} (with '-' to reverse)",
                        "sort")
    return sort


def parse_page(params: QueryParams) -> int:
    page = params.get("page") or "1"
    if not page.isdigit() or int(page) < 1 or len(page) > 6:
        raise PageError(422, f"page: {page!r} is not a page number (1 or more)", "page")
    return int(page)


def sort_links(form: FilterForm, sort: str, columns: tuple[str, ...], base: str) -> dict[str, dict[str, str]]:
    """For each sortable column header: the URL that sorts by it (reversing the current order
    when it is already the sort column) and its aria-sort state."""
    links = {}
    for column in columns:
        current = sort.lstrip("-") == column
        descending = sort.startswith("-")
        target = f"-{column}" if current and not descending else column
        state = ("descending" if descending else "ascending") if current else "none"
        links[column] = {"url": f"{base}?{form.query(sort=target, page=None)}", "state": state}
    return links


def api_query(form: FilterForm, **extra: Any) -> str:
    """The same filters as a query string of the JSON API (which has no 'page' but offsets)."""
    return form.query(page=None, **extra)


def filter_options(organisations: list[dict[str, Any]], countries: list[dict[str, Any]]) -> dict[str, Any]:
    """The choices of the filter form: vocabularies from schema.yaml, vendors and countries that
    occur in the registry (from queries.organisations and queries.countries)."""
    active = [org for org in organisations if org["deployments"] and org["kind"] != "financier"]
    homes = sorted({org["country"] for org in active if org["country"]})
    return {
        "technologies": [(t.id, t.label) for t in vocab.VOCAB.technologies],
        "statuses": [(s.id, s.label) for s in vocab.VOCAB.statuses],
        "vendors": [(org["name"], org["name"]) for org in active],
        "vendor_countries": [(code, country_name(code) or code) for code in homes],
        "countries": sorted(((c["country"], c["name"] or c["country"]) for c in countries),
                            key=lambda pair: pair[1]),
    }


@dataclass
class Page:
    number: int
    pages: int
    previous: str | None
    next: str | None
    offset: int


def paginate(form: FilterForm, sort: str, number: int, total: int, base: str,
             size: int = PAGE_SIZE) -> Page:
    pages = max(1, -(-total // size))
    if number > pages:
        raise PageError(422, f"page: {number} is past the last page ({pages})", "page")

    def link(n: int) -> str:
        return f"{base}?{form.query(sort=sort, page=n)}"

    return Page(number, pages, link(number - 1) if number > 1 else None,
                link(number + 1) if number < pages else None, (number - 1) * size)
