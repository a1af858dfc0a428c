"""Plain-data snapshots of registry records, as the audit log stores them in `before`/`after`.

A snapshot has the shape of the input record (registry/records.py), with organisations named by
their canonical names and sources by URL with the fields they support, so that an entry reads
like the file a person would have written. The same record gives the same snapshot whether it
was built from the ORM objects or from a validated input record (the bulk-insert path).
"""

from __future__ import annotations

from typing import Any

from oversight.registry.records import DeploymentIn
from oversight.store.models import Deployment, Listing, Organisation

DEPLOYMENT_FIELDS = ("country", "city", "region", "status", "announced", "started", "ended", "year",
                     "contract_value", "currency", "contract_value_scope", "financing",
                     "description", "disputes", "confidence", "review_state", "single_source")


def deployment_state(dep: Deployment) -> dict[str, Any]:
    return {
        "id": dep.id,
        **{name: getattr(dep, name) for name in DEPLOYMENT_FIELDS},
        "buyer": dep.buyer.name if dep.buyer is not None else None,
        "technologies": sorted(t.technology for t in dep.technologies),
        "suppliers": [{"organisation": s.organisation.name, "role": s.role} for s in dep.suppliers],
        "sources": [{"url": link.source.url, "supports": sorted(link.supports or [])}
                    for link in dep.sources],
    }


def new_deployment_state(record: DeploymentIn, buyer: str | None,
                         suppliers: list[tuple[str, str]],
                         sources: dict[str, set[str]]) -> dict[str, Any]:
    """The snapshot of a deployment about to be bulk-inserted, from what the insert writes:
    `suppliers` as (canonical name, role) pairs, `sources` as URL -> supported fields."""
    return {
        "id": record.id,
        **{name: getattr(record, name) for name in DEPLOYMENT_FIELDS},
        "buyer": buyer,
        "technologies": sorted(record.technologies),
        "suppliers": [{"organisation": name, "role": role} for name, role in suppliers],
        "sources": [{"url": url, "supports": sorted(fields)} for url, fields in sources.items()],
    }


def organisation_state(org: Organisation) -> dict[str, Any]:
    return {
        "name": org.name,
        "key": org.key,
        "legal_name": org.legal_name,
        "kind": org.kind,
        "country": org.country,
        "parent": org.parent.name if org.parent is not None else None,
        "website": org.website,
        "description": org.description,
        "aliases": [alias.alias for alias in org.aliases],
        "sources": [{"url": link.source.url, "supports": sorted(link.supports or [])}
                    for link in org.sources],
    }


def listing_key(listing: Listing) -> str:
    return f"{listing.list_id}:{listing.organisation.key}:{listing.listed_name}"


def listing_state(listing: Listing) -> dict[str, Any]:
    return {
        "list": listing.list_id,
        "organisation": listing.organisation.name,
        "listed_name": listing.listed_name,
        "aliases": list(listing.aliases or []),
        "address": listing.address,
        "listed": listing.listed,
        "citation": listing.citation,
        "source": listing.source.url if listing.source is not None else None,
    }
