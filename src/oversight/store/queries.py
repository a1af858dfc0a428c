"""Read the registry into plain dictionaries: the shapes that the CLI prints as JSON,
the Python API turns into DataFrames and the exports write."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, Subquery, and_, func, or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from oversight.errors import NotFound
from oversight.registry.citations import official_links
from oversight.registry.leads import bundled_leads_version
from oversight.registry.records import country_name, normalise_name
from oversight.store import audit, listimports
from oversight.store.judgements import decisions_for, evidence_for
from oversight.store.models import (
    AigsFinding,
    Assessment,
    AuditHead,
    Deployment,
    DeploymentSource,
    DeploymentSupplier,
    DeploymentTechnology,
    ListImport,
    Listing,
    Organisation,
    OrganisationAlias,
    OrganisationSource,
    Source,
)

SORTABLE = ("id", "country", "year", "status", "updated_at", "confidence")


@dataclass
class DeploymentFilter:
    """The filters of `oversight deployments` (and, later, of the API)."""

    country: list[str] = field(default_factory=list)
    vendor: list[str] = field(default_factory=list)
    vendor_country: list[str] = field(default_factory=list)
    buyer: list[str] = field(default_factory=list)
    technology: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    since: int | None = None
    until: int | None = None
    q: str | None = None
    review_state: list[str] = field(default_factory=lambda: ["accepted"])


def organisation_ids_named(session: Session, names: list[str]) -> list[int]:
    keys = [normalise_name(name) for name in names]
    # Buyer agencies created from deployments are keyed "name@country".
    by_name = select(Organisation.id).where(
        or_(Organisation.key.in_(keys), *(Organisation.key.like(f"{key}@%") for key in keys))
    )
    by_alias = select(OrganisationAlias.organisation_id).where(OrganisationAlias.key.in_(keys))
    return sorted(set(session.scalars(by_name)) | set(session.scalars(by_alias)))


def _filtered(session: Session, filters: DeploymentFilter) -> Select[tuple[Deployment]]:
    query = select(Deployment)
    conditions = []
    if filters.review_state:
        conditions.append(Deployment.review_state.in_(filters.review_state))
    if filters.country:
        conditions.append(Deployment.country.in_([c.upper() for c in filters.country]))
    if filters.status:
        conditions.append(Deployment.status.in_(filters.status))
    if filters.since is not None:
        conditions.append(Deployment.year >= filters.since)
    if filters.until is not None:
        conditions.append(Deployment.year <= filters.until)
    # Uncorrelated IN (subquery) rather than EXISTS: the subquery runs once through its index,
    # instead of once per candidate deployment.
    if filters.technology:
        conditions.append(Deployment.id.in_(
            select(DeploymentTechnology.deployment_id)
            .where(DeploymentTechnology.technology.in_(filters.technology))
        ))
    if filters.vendor:
        ids = organisation_ids_named(session, filters.vendor)
        conditions.append(Deployment.id.in_(
            select(DeploymentSupplier.deployment_id)
            .where(DeploymentSupplier.organisation_id.in_(ids or [-1]))
        ))
    if filters.buyer:
        conditions.append(Deployment.buyer_id.in_(organisation_ids_named(session, filters.buyer)))
    if filters.vendor_country:
        conditions.append(Deployment.id.in_(
            select(DeploymentSupplier.deployment_id)
            .join(Organisation, Organisation.id == DeploymentSupplier.organisation_id)
            .where(
                DeploymentSupplier.role != "financier",
                Organisation.country.in_([c.upper() for c in filters.vendor_country]),
            )
        ))
    # every word of the text must appear somewhere: "nairobi police" finds Nairobi's police cameras
    for word in (filters.q or "").lower().split():
        pattern = f"%{word}%"
        named = select(Organisation.id).where(func.lower(Organisation.name).like(pattern))
        conditions.append(or_(
            func.lower(Deployment.id).like(pattern),
            func.lower(Deployment.description).like(pattern),
            func.lower(Deployment.city).like(pattern),
            func.lower(Deployment.region).like(pattern),
            func.lower(Deployment.financing).like(pattern),
            Deployment.buyer_id.in_(named),
            Deployment.id.in_(
                select(DeploymentSupplier.deployment_id)
                .where(DeploymentSupplier.organisation_id.in_(named))
            ),
        ))
    return query.where(and_(*conditions)) if conditions else query


def source_view(source: Source, supports: list[str] | None = None) -> dict[str, Any]:
    view = {
        "url": source.url,
        "title": source.title,
        "publisher": source.publisher,
        "published": source.published,
        "undated_reason": source.undated_reason,
        "date_from": source.date_from,
        "language": source.language,
    }
    if supports is not None:
        view["supports"] = list(supports)
    return view


DEPLOYMENT_COLUMNS = (
    "id", "country", "city", "region", "status", "announced", "started", "ended", "year",
    "contract_value", "currency", "contract_value_scope", "financing", "description", "disputes",
    "confidence", "review_state", "single_source",
)


def status_as_of(sources: list[dict[str, Any]]) -> str | None:
    """The date a deployment's status was last reported: the latest publication date among
    the sources that support its status, else the latest date of any of its sources.

    Partial dates compare as text ("2019" < "2019-05" < "2019-05-02"), which orders a year
    before the months within it."""
    supporting = [s["published"] for s in sources if s["published"] and "status" in s["supports"]]
    dated = supporting or [s["published"] for s in sources if s["published"]]
    return max(dated, default=None)


def _views(session: Session, rows: list[Any]) -> list[dict[str, Any]]:
    """Deployment rows (with their buyer's name) as views, in three queries per 500 rows.

    Plain Core selects rather than ORM objects: building a page of views is then dominated
    by the database, not by object bookkeeping."""
    technologies: dict[str, list[str]] = defaultdict(list)
    suppliers: dict[str, list[dict[str, Any]]] = defaultdict(list)
    sources: dict[str, list[dict[str, Any]]] = defaultdict(list)
    ids = [row.id for row in rows]
    lists_reaching = restriction_lists_by_organisation(session) if rows else {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for dep_id, technology in session.execute(
            select(DeploymentTechnology.deployment_id, DeploymentTechnology.technology)
            .where(DeploymentTechnology.deployment_id.in_(chunk))
            .order_by(DeploymentTechnology.technology)
        ):
            technologies[dep_id].append(technology)
        for dep_id, org_id, name, role, home in session.execute(
            select(DeploymentSupplier.deployment_id, Organisation.id, Organisation.name,
                   DeploymentSupplier.role, Organisation.country)
            .join(Organisation, Organisation.id == DeploymentSupplier.organisation_id)
            .where(DeploymentSupplier.deployment_id.in_(chunk))
            .order_by(DeploymentSupplier.position)
        ):
            suppliers[dep_id].append({"name": name, "role": role, "country": home,
                                      "lists": lists_reaching.get(org_id, [])})
        for row in session.execute(
            select(DeploymentSource.deployment_id, DeploymentSource.supports, Source.url,
                   Source.title, Source.publisher, Source.published, Source.undated_reason,
                   Source.date_from, Source.language)
            .join(Source, Source.id == DeploymentSource.source_id)
            .where(DeploymentSource.deployment_id.in_(chunk))
            .order_by(DeploymentSource.position)
        ):
            sources[row.deployment_id].append({
                "url": row.url, "title": row.title, "publisher": row.publisher,
                "published": row.published, "undated_reason": row.undated_reason,
                "date_from": row.date_from, "language": row.language,
                "supports": list(row.supports or []),
            })
    views = []
    for row in rows:
        fields = {name: getattr(row, name) for name in DEPLOYMENT_COLUMNS}
        views.append({
            **fields,
            "country_name": country_name(row.country),
            "buyer": row.buyer,
            "suppliers": suppliers[row.id],
            "technologies": technologies[row.id],
            "sources": sources[row.id],
            "status_as_of": status_as_of(sources[row.id]),
            "created_at": row.created_at.isoformat(timespec="seconds"),
            "updated_at": row.updated_at.isoformat(timespec="seconds"),
        })
    return views


def restriction_lists_by_organisation(session: Session) -> dict[int, list[str]]:
    """Organisation id -> ids of the restriction lists that name it or any of its parents,
    so that a deployment with a listed supplier (or a listed parent's subsidiary) is flagged."""
    own: dict[int, set[str]] = defaultdict(set)
    for org_id, list_id in session.execute(select(Listing.organisation_id, Listing.list_id)):
        own[org_id].add(list_id)
    if not own:
        return {}
    parents = dict(session.execute(
        select(Organisation.id, Organisation.parent_id).where(Organisation.parent_id.is_not(None))
    ).all())
    reaching: dict[int, list[str]] = {}
    for org_id in set(own) | set(parents):
        found: set[str] = set()
        current: int | None = org_id
        for _ in range(10):  # parent chains are short; the bound guards against cycles
            if current is None:
                break
            found |= own.get(current, set())
            current = parents.get(current)
        if found:
            reaching[org_id] = sorted(found)
    return reaching


def _rows(query: Select[Any]) -> Select[Any]:
    buyer = aliased(Organisation)
    columns = [getattr(Deployment, name) for name in DEPLOYMENT_COLUMNS]
    return (
        query.with_only_columns(*columns, Deployment.created_at, Deployment.updated_at,
                                buyer.name.label("buyer"))
        .outerjoin(buyer, buyer.id == Deployment.buyer_id)
    )


def count_deployments(session: Session, filters: DeploymentFilter, *, ranked: Subquery | None = None) -> int:
    query = _filtered(session, filters).with_only_columns(Deployment.id)
    if ranked is not None:
        query = query.join(ranked, ranked.c.ref == Deployment.id)
    return session.scalar(select(func.count()).select_from(query.subquery())) or 0


def deployments(
    session: Session,
    filters: DeploymentFilter | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
    sort: str = "id",
    ranked: Subquery | None = None,
) -> list[dict[str, Any]]:
    """A page of deployments; with `ranked` (ref, score: a search index match, see
    store/search_index.py) only those it holds, the highest score first."""
    descending = sort.startswith("-")
    column_name = sort.lstrip("-")
    if column_name not in SORTABLE:
        raise ValueError(f"cannot sort by {column_name!r}; choose one of {', '.join(SORTABLE)}")
    column = getattr(Deployment, column_name)
    direction = column.desc() if descending else column.asc()
    # NULLS LAST only where nulls exist: it keeps SQLite and PostgreSQL in the same order, but
    # on a NOT NULL column it would stop SQLite from reading rows in index order.
    order = [direction.nulls_last() if column.nullable else direction, Deployment.id.asc()]
    query = _rows(_filtered(session, filters or DeploymentFilter()))
    if ranked is not None:
        query = query.join(ranked, ranked.c.ref == Deployment.id)
        order = [ranked.c.score.desc(), Deployment.id.asc()]
    query = query.order_by(*order)
    rows = session.execute(query.offset(offset).limit(limit)).all()
    return _views(session, rows)


def deployment(session: Session, deployment_id: str) -> dict[str, Any]:
    """One deployment, with its review decisions, saved assessments, audit history and the
    evidence spans of the extracted claims accepted into it."""
    rows = session.execute(_rows(select(Deployment).where(Deployment.id == deployment_id))).all()
    if not rows:
        raise NotFound(f"no deployment with id {deployment_id!r}")
    view = _views(session, rows)[0]
    view["assessments"] = [
        {"assessed_by": a.assessed_by, "assessed_at": a.assessed_at.isoformat(timespec="seconds"),
         "ai_act": a.card.get("ai_act", {}).get("class"), "card": a.card}
        for a in session.scalars(
            select(Assessment).where(Assessment.deployment_id == deployment_id).order_by(Assessment.id))
    ]
    view["review"] = decisions_for(session, deployment_id)
    view["history"] = [{**entry, "at": entry["at"].isoformat(timespec="seconds")}
                       for entry in audit.history(session, "deployment", deployment_id)]
    view["evidence"] = evidence_for(session, deployment_id)
    return view


def _listing_view(listing: Listing) -> dict[str, Any]:
    return {
        "list": listing.list_id,
        "listed_name": listing.listed_name,
        "aliases": listing.aliases or [],
        "listed": listing.listed,
        "citation": listing.citation,
        "url": listing.source.url if listing.source else None,
        "official": [link.as_dict() for link in official_links(listing.citation)],
    }


def organisations(session: Session, *, include_buyers: bool = False,
                  only: Sequence[int] | None = None) -> list[dict[str, Any]]:
    """Organisations with how many deployments they took part in and where; with `only`, just
    the organisations of these ids, in that order."""
    reach: dict[int, set[str]] = defaultdict(set)
    counts: Counter[int] = Counter()
    supplied = (select(DeploymentSupplier.organisation_id, Deployment.id, Deployment.country)
                .join(Deployment, Deployment.id == DeploymentSupplier.deployment_id)
                .where(Deployment.review_state == "accepted"))
    if only is not None:
        supplied = supplied.where(DeploymentSupplier.organisation_id.in_(only))
    rows = session.execute(supplied)
    seen: set[tuple[int, str]] = set()
    for org_id, dep_id, country in rows:
        if (org_id, dep_id) not in seen:
            seen.add((org_id, dep_id))
            counts[org_id] += 1
            reach[org_id].add(country)
    listed: dict[int, list[str]] = defaultdict(list)
    for org_id, list_id in session.execute(select(Listing.organisation_id, Listing.list_id)):
        if list_id not in listed[org_id]:
            listed[org_id].append(list_id)
    query = select(Organisation).options(
        selectinload(Organisation.aliases), selectinload(Organisation.parent)
    ).order_by(Organisation.name)
    if not include_buyers:
        query = query.where(Organisation.kind != "buyer_agency")
    if only is not None:
        query = query.where(Organisation.id.in_(only))
    found = session.scalars(query).all()
    if only is not None:
        position = {org_id: i for i, org_id in enumerate(only)}
        found = sorted(found, key=lambda org: position[org.id])
    return [
        {
            "name": org.name,
            "legal_name": org.legal_name,
            "kind": org.kind,
            "country": org.country,
            "parent": org.parent.name if org.parent else None,
            "aliases": [a.alias for a in org.aliases],
            "website": org.website,
            "description": org.description,
            "deployments": counts[org.id],
            "countries_reached": sorted(reach[org.id]),
            "lists": sorted(listed[org.id]),
        }
        for org in found
    ]


def find_organisation(session: Session, name: str) -> Organisation:
    ids = organisation_ids_named(session, [name])
    if not ids:
        raise NotFound(f"no organisation named {name!r}")
    org = session.get(Organisation, ids[0])
    assert org is not None
    return org


def organisation(session: Session, name: str) -> dict[str, Any]:
    org = find_organisation(session, name)
    subsidiaries = session.scalars(
        select(Organisation.name).where(Organisation.parent_id == org.id).order_by(Organisation.name)
    ).all()
    listings = session.scalars(
        select(Listing).where(Listing.organisation_id == org.id)
        .options(selectinload(Listing.source)).order_by(Listing.list_id, Listing.listed)
    ).all()
    sources = session.scalars(
        select(OrganisationSource).where(OrganisationSource.organisation_id == org.id)
        .options(selectinload(OrganisationSource.source))
    ).all()
    by_role = {"buyer": [org.name]} if org.kind == "buyer_agency" else {"vendor": [org.name]}
    deps = deployments(session, DeploymentFilter(**by_role))
    return {
        "name": org.name,
        "legal_name": org.legal_name,
        "kind": org.kind,
        "country": org.country,
        "country_name": country_name(org.country) if org.country else None,
        "parent": org.parent.name if org.parent else None,
        "subsidiaries": list(subsidiaries),
        "aliases": [a.alias for a in org.aliases],
        "website": org.website,
        "description": org.description,
        "lists": [_listing_view(listing) for listing in listings],
        "countries_reached": sorted({d["country"] for d in deps}),
        "technologies": sorted({t for d in deps for t in d["technologies"]}),
        "deployments": deps,
        "sources": [source_view(link.source, link.supports) for link in sources],
    }


def listings(session: Session) -> list[dict[str, Any]]:
    query = select(Listing).options(selectinload(Listing.organisation), selectinload(Listing.source))
    return [
        {"organisation": listing.organisation.name, **_listing_view(listing)}
        for listing in session.scalars(query.order_by(Listing.list_id, Listing.listed_name))
    ]


def sources(session: Session) -> list[dict[str, Any]]:
    cited: Counter[int] = Counter(
        dict(session.execute(
            select(DeploymentSource.source_id, func.count()).group_by(DeploymentSource.source_id)
        ).all())
    )
    return [
        {**source_view(source), "deployments": cited[source.id]}
        for source in session.scalars(select(Source).order_by(Source.url))
    ]


def countries(session: Session) -> list[dict[str, Any]]:
    """Countries with accepted deployments: counts, technologies and supplier home countries."""
    accepted = Deployment.review_state == "accepted"
    totals = dict(session.execute(
        select(Deployment.country, func.count()).where(accepted).group_by(Deployment.country)
    ).all())
    technologies: dict[str, set[str]] = defaultdict(set)
    for country, technology in session.execute(
        select(Deployment.country, DeploymentTechnology.technology)
        .join(DeploymentTechnology, DeploymentTechnology.deployment_id == Deployment.id)
        .where(accepted).distinct()
    ):
        technologies[country].add(technology)
    suppliers: dict[str, set[str]] = defaultdict(set)
    supplier_countries: dict[str, set[str]] = defaultdict(set)
    chinese: Counter[str] = Counter()
    counted: set[str] = set()
    for dep_id, country, name, home in session.execute(
        select(Deployment.id, Deployment.country, Organisation.name, Organisation.country)
        .join(DeploymentSupplier, DeploymentSupplier.deployment_id == Deployment.id)
        .join(Organisation, Organisation.id == DeploymentSupplier.organisation_id)
        .where(accepted, DeploymentSupplier.role != "financier")
    ):
        suppliers[country].add(name)
        if home:
            supplier_countries[country].add(home)
        if home == "CHN" and dep_id not in counted:
            counted.add(dep_id)
            chinese[country] += 1
    return [
        {
            "country": code,
            "name": country_name(code),
            "deployments": totals[code],
            "with_chinese_supplier": chinese[code],
            "technologies": sorted(technologies[code]),
            "suppliers": sorted(suppliers[code]),
            "supplier_countries": sorted(supplier_countries[code]),
        }
        for code in sorted(totals)
    ]


def country(session: Session, code: str) -> dict[str, Any]:
    code = code.upper()
    name = country_name(code)
    if name is None:
        raise NotFound(f"{code!r} is not an ISO 3166-1 alpha-3 country code")
    deps = deployments(session, DeploymentFilter(country=[code]), sort="year")
    seen_urls: dict[str, dict[str, Any]] = {}
    for dep in deps:
        for source in dep["sources"]:
            seen_urls.setdefault(source["url"], {k: v for k, v in source.items() if k != "supports"})
    suppliers: dict[str, dict[str, Any]] = {}
    for dep in deps:
        for s in dep["suppliers"]:
            entry = suppliers.setdefault(s["name"], {"name": s["name"], "country": s["country"],
                                                     "roles": [], "deployments": 0})
            entry["deployments"] += 1
            if s["role"] not in entry["roles"]:
                entry["roles"].append(s["role"])
    return {
        "country": code,
        "name": name,
        "deployments": deps,
        "technologies": sorted({t for d in deps for t in d["technologies"]}),
        "suppliers": sorted(suppliers.values(), key=lambda s: (-s["deployments"], s["name"])),
        "financing": [d["financing"] for d in deps if d["financing"]],
        "sources": sorted(seen_urls.values(), key=lambda s: (s["published"] or "", s["url"])),
    }


def screening_entities(session: Session) -> list[dict[str, Any]]:
    """Every organisation with its names and the listings that reach it: its own, and those of
    its parents (a listing of a company covers its subsidiaries and brands)."""
    orgs = session.scalars(
        select(Organisation).options(selectinload(Organisation.aliases))
        .where(Organisation.kind != "buyer_agency").order_by(Organisation.name)
    ).all()
    own: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for listing in session.scalars(select(Listing).options(selectinload(Listing.source))):
        own[listing.organisation_id].append(_listing_view(listing))
    by_id = {org.id: org for org in orgs}
    imported_only = _attach_imported(session, orgs, own)
    entities = []
    for org in orgs:
        lists = [dict(entry, via=None) for entry in own[org.id]]
        names = {listing["listed_name"] for listing in own[org.id]}
        names |= {alias for listing in own[org.id] for alias in listing["aliases"]}
        parent_id, hops = org.parent_id, 0
        while parent_id is not None and hops < 10:
            parent = by_id.get(parent_id) or session.get(Organisation, parent_id)
            if parent is None:
                break
            lists += [dict(entry, via=parent.name) for entry in own[parent.id]]
            parent_id, hops = parent.parent_id, hops + 1
        entities.append({
            "name": org.name,
            "legal_name": org.legal_name,
            "aliases": sorted({a.alias for a in org.aliases} | names - {org.name}),
            "country": org.country,
            "kind": org.kind,
            "parent": by_id[org.parent_id].name if org.parent_id in by_id else None,
            "lists": lists,
        })
    return entities + imported_only


def _attach_imported(session: Session, orgs: Sequence[Organisation],
                     own: dict[int, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Imported listings join the registry organisation of the same name or alias (so they
    reach its subsidiaries too); the others become entities of their own, one per name."""
    by_key = {org.key: org.id for org in orgs}
    for org in orgs:
        for alias in org.aliases:
            by_key.setdefault(alias.key, org.id)
    others: dict[str, dict[str, Any]] = {}
    for listing in listimports.screening_listings(session):
        key = normalise_name(listing["listed_name"])
        if key in by_key:
            own[by_key[key]].append(listing)
            continue
        entity = others.setdefault(key, {
            "name": listing["listed_name"], "legal_name": None, "aliases": [], "country": None,
            "kind": "listed", "parent": None, "lists": []})
        entity["aliases"] = sorted(set(entity["aliases"]) | set(listing["aliases"]))
        entity["lists"].append(dict(listing, via=None))
    return list(others.values())


def list_versions(session: Session, source: str = "registry") -> list[dict[str, Any]]:
    """Which restriction lists screening would use, as of when, with how many entries:
    every screening answer states them, so "no match" always says against what. Curated
    listings are dated by their latest listing; imported editions by their publication."""
    rows = session.execute(
        select(Listing.list_id, func.count(Listing.id), func.max(Listing.listed))
        .group_by(Listing.list_id).order_by(Listing.list_id))
    curated = [{"list": list_id, "source": source, "as_of": latest, "entries": count,
                "sha256": None} for list_id, count, latest in rows]
    return curated + listimports.versions(session)


def screening_fingerprint(session: Session) -> tuple[Any, ...]:
    """Changes whenever an organisation, alias or listing is added, removed or updated.

    Organisation updates bump updated_at and aliases are rewritten as new rows, so counts and
    maxima see them. Listings are updated in place with no timestamp, so their screening
    fields are hashed (a few hundred short rows: about a millisecond)."""
    orgs = session.execute(select(func.count(Organisation.id), func.max(Organisation.updated_at))).one()
    aliases = session.execute(select(func.count(OrganisationAlias.id), func.max(OrganisationAlias.id))).one()
    digest = hashlib.blake2b(digest_size=16)
    for row in session.execute(
        select(Listing.id, Listing.organisation_id, Listing.list_id, Listing.listed_name,
               Listing.aliases, Listing.listed, Listing.citation, Listing.source_id).order_by(Listing.id)
    ):
        digest.update(repr(tuple(row)).encode("utf-8"))
    editions = session.scalar(select(func.max(ListImport.id)))
    return (*orgs, *aliases, digest.hexdigest(), editions)


def registry_version(session: Session) -> tuple[Any, ...]:
    """Changes whenever anything a public page or API answer shows changes.

    Every change to deployments, organisations, listings, review decisions, contributions and
    accounts appends to the audit log, so its head moves; saved assessments are not audited and
    are counted apart, and so are the AIGS findings (replaced on init) and the searched-lead
    files. Each part is an indexed lookup or a stat of a few files: well under a millisecond."""
    head = session.scalar(select(AuditHead.seq).where(AuditHead.id == 1))
    assessments = session.scalar(select(func.max(Assessment.id)))
    findings = session.execute(select(func.count(AigsFinding.id), func.max(AigsFinding.id))).one()
    return (head, assessments, *findings, bundled_leads_version())
