"""Matching for the search page over what store.queries returns (organisations, sources).

Deployments are searched by the store itself (DeploymentFilter.q); organisations and sources
are few enough to match here, on every name and alias, ignoring case and accents.
"""

from __future__ import annotations

from typing import Any

from oversight.registry.records import normalise_name


def _matches(key: str, *haystacks: str | None) -> bool:
    """Whether a haystack contains `key` (the query, already through normalise_name)."""
    return bool(key) and any(hay and key in normalise_name(hay) for hay in haystacks)


def organisations(orgs: list[dict[str, Any]], q: str) -> list[dict[str, Any]]:
    """Organisations whose name, legal name or an alias contains the query."""
    key = normalise_name(q)
    return [org for org in orgs if _matches(key, org["name"], org["legal_name"], *org["aliases"])]


def sources(all_sources: list[dict[str, Any]], q: str) -> list[dict[str, Any]]:
    """Sources whose title, publisher or address contains the query; the most cited first."""
    needle, key = q.casefold(), normalise_name(q)
    found = [s for s in all_sources
             if needle in (s["url"] or "").casefold() or _matches(key, s["title"], s["publisher"])]
    return sorted(found, key=lambda s: (-s["deployments"], s["url"]))
