"""FollowTheMoney entities for the registry, so that Aleph, OpenSanctions tooling and other
FtM consumers can read Oversight: Project (deployment), ProjectParticipant (supplier role or
buyer), Company / PublicBody (organisations), Article + Documentation (sources) and Sanction
(restriction-list entries)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pycountry
from followthemoney import model
from followthemoney.proxy import EntityProxy

from oversight.vocab import VOCAB

PREFIX = "oversight"
TECH_LABELS = {term.id: term.label for term in VOCAB.technologies}
LIST_LABELS = {term.id: (term.label, term.covers) for term in VOCAB.restriction_lists}


def _entity(schema: str, *key: str, **properties: Any) -> EntityProxy:
    entity = model.make_entity(schema)
    entity.make_id(PREFIX, schema, *key)
    for prop, value in properties.items():
        if value in (None, "", []):
            continue
        for item in value if isinstance(value, list) else [value]:
            entity.add(prop, str(item))
    return entity


def _org_id(name: str) -> str:
    return _entity("LegalEntity", "org", name).id or ""


def _language(code: str | None) -> str | None:
    language = pycountry.languages.get(alpha_2=code) if code and len(code) == 2 else None
    return getattr(language, "alpha_3", None)


def _checked(entity: EntityProxy) -> dict[str, Any]:
    data = entity.to_dict()
    entity.schema.validate(data)  # raises followthemoney.exc.InvalidData
    return data


def organisation_entity(org: dict[str, Any]) -> EntityProxy:
    schema = "PublicBody" if org["kind"] == "buyer_agency" else "Company"
    entity = _entity(schema, "org", org["name"])
    entity.id = _org_id(org["name"])
    for prop, value in (
        ("name", org["name"]),
        ("alias", org.get("aliases") or []),
        ("country", org.get("country")),
        ("website", org.get("website")),
        ("description", org.get("description")),
        ("sector", org["kind"]),
    ):
        for item in value if isinstance(value, list) else [value]:
            if item:
                entity.add(prop, item)
    if org.get("parent"):
        entity.add("parent", _org_id(org["parent"]))
    return entity


def deployment_entities(dep: dict[str, Any]) -> Iterator[EntityProxy]:
    techs = ", ".join(TECH_LABELS[t] for t in dep["technologies"])
    place = ", ".join(p for p in (dep["city"], dep["country_name"]) if p)
    project = _entity(
        "Project", "deployment", dep["id"],
        name=f"{techs} in {place}",
        projectId=dep["id"],
        country=dep["country"],
        status=dep["status"],
        date=dep["announced"],
        startDate=dep["started"],
        endDate=dep["ended"],
        amount=dep["contract_value"],
        currency=dep["currency"],
        description=dep["description"],
        notes=[dep["financing"], dep["disputes"]],
        keywords=dep["technologies"],
        sourceUrl=[s["url"] for s in dep["sources"]],
    )
    yield project
    participants = [(s["name"], s["role"]) for s in dep["suppliers"]]
    if dep["buyer"]:
        participants.append((dep["buyer"], "buyer"))
    for name, role in participants:
        link = _entity("ProjectParticipant", dep["id"], name, role, role=role)
        link.add("project", project.id)
        link.add("participant", _org_id(name))
        yield link
    for source in dep["sources"]:
        article = _entity(
            "Article", "source", source["url"],
            title=source["title"] or source["url"],
            publisher=source["publisher"],
            publishedAt=source["published"],
            language=_language(source["language"]),
            sourceUrl=source["url"],
        )
        yield article
        documentation = _entity(
            "Documentation", dep["id"], source["url"],
            role="source", summary=", ".join(source.get("supports") or []),
        )
        documentation.add("document", article.id)
        documentation.add("entity", project.id)
        yield documentation


def listing_entity(listing: dict[str, Any]) -> EntityProxy:
    label, authority = LIST_LABELS[listing["list"]]
    sanction = _entity(
        "Sanction", "listing", listing["list"], listing["organisation"], listing["listed_name"],
        program=label,
        authority=authority,
        listingDate=listing["listed"],
        startDate=listing["listed"],
        reason=listing["citation"],
        sourceUrl=listing["url"],
    )
    sanction.add("entity", _org_id(listing["organisation"]))
    return sanction


def ftm_entities(
    deployments: Iterable[dict[str, Any]],
    organisations: Iterable[dict[str, Any]] = (),
    listings: Iterable[dict[str, Any]] = (),
) -> Iterator[dict[str, Any]]:
    """Every entity as a FtM dict, each validated against its schema by the library."""
    seen: set[str] = set()
    for org in organisations:
        yield _checked(organisation_entity(org))
    for dep in deployments:
        for entity in deployment_entities(dep):
            if entity.id not in seen:  # an article cited by many deployments is written once
                seen.add(entity.id or "")
                yield _checked(entity)
    for listing in listings:
        yield _checked(listing_entity(listing))
