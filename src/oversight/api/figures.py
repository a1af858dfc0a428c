"""The registry-wide figures pages and API answers share, kept per registry version
(store.derived.DerivedCache on Registry.derived). Only unfiltered views are kept: a filtered one
is computed for its request."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from oversight.analytics.index import stats_with_index
from oversight.app import Registry
from oversight.store import queries


def every_deployment(registry: Registry, session: Session) -> list[dict[str, Any]]:
    return registry.derived.get(session, ("deployments",), lambda: queries.deployments(session))


def statistics(registry: Registry, session: Session) -> dict[str, Any]:
    """stats_with_index over every deployment: counts, shares and each country's index."""
    return registry.derived.get(session, ("stats",),
                                lambda: stats_with_index(every_deployment(registry, session)))


def countries(registry: Registry, session: Session) -> list[dict[str, Any]]:
    return registry.derived.get(session, ("countries",), lambda: queries.countries(session))


def organisations(registry: Registry, session: Session) -> list[dict[str, Any]]:
    return registry.derived.get(session, ("organisations",), lambda: queries.organisations(session))


def country(registry: Registry, session: Session, code: str) -> dict[str, Any]:
    """queries.country (NotFound for a code that is not ISO 3166-1 alpha-3, never kept)."""
    code = code.upper()
    return registry.derived.get(session, ("country", code), lambda: queries.country(session, code))
