"""Write a validated batch into the registry: upserts keyed on natural keys, so that loading
the same records again changes nothing. Evidence is only ever added, never dropped."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from oversight.registry.load import Batch, Known
from oversight.registry.records import (
    SOURCE_METADATA,
    DeploymentIn,
    OrganisationIn,
    SourceIn,
    normalise_name,
)
from oversight.store import audit, search_index
from oversight.store.audit import Change
from oversight.store.models import (
    Deployment,
    DeploymentSource,
    DeploymentSupplier,
    DeploymentTechnology,
    Listing,
    Organisation,
    OrganisationAlias,
    OrganisationSource,
    Source,
    utcnow,
)
from oversight.store.snapshots import (
    DEPLOYMENT_FIELDS,
    deployment_state,
    listing_key,
    listing_state,
    new_deployment_state,
    organisation_state,
)

CHUNK = 500


@dataclass
class LoadReport:
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    duplicates: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "created": dict(self.created),
            "updated": dict(self.updated),
            "unchanged": dict(self.unchanged),
            "duplicates_in_input": self.duplicates,
        }


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def known_for(session: Session, batch_ids: Iterable[str] = ()) -> Known:
    """What validation needs from the store: organisation names/aliases and deployment ids."""
    known = Known()
    keys_by_id: dict[int, str] = {i: k for i, k in session.execute(select(Organisation.id, Organisation.key))}
    known.organisation_keys.update({key: key for key in keys_by_id.values()})
    for org_id, alias_key in session.execute(
        select(OrganisationAlias.organisation_id, OrganisationAlias.key)
    ):
        known.organisation_keys.setdefault(alias_key, keys_by_id[org_id])
    ids = sorted(set(batch_ids))
    for chunk in _chunks(ids):
        known.deployment_ids.update(
            session.scalars(select(Deployment.id).where(Deployment.id.in_(chunk)))
        )
        known.deployments_with_sources.update(
            session.scalars(
                select(DeploymentSource.deployment_id).where(DeploymentSource.deployment_id.in_(chunk))
            )
        )
    return known


class _Writer:
    def __init__(self, session: Session, report: LoadReport):
        self.session = session
        self.report = report
        self.orgs: dict[str, Organisation] = {}
        self.sources: dict[str, Source] = {}
        self.new_organisations: set[str] = set()
        self.changes: list[Change] = []  # for the audit log, in the order they happened
        for org in session.scalars(select(Organisation).options(selectinload(Organisation.aliases))):
            self.orgs[org.key] = org
            for alias in org.aliases:
                self.orgs.setdefault(alias.key, org)

    def organisation(self, name: str) -> Organisation:
        return self.orgs[normalise_name(name)]

    def load_sources(self, urls: set[str]) -> None:
        for chunk in _chunks(sorted(urls - self.sources.keys())):
            for source in self.session.scalars(select(Source).where(Source.url.in_(chunk))):
                self.sources[source.url] = source

    def source(self, given: SourceIn) -> Source:
        source = self.sources.get(given.url)
        if source is None:
            source = Source(url=given.url)
            self.session.add(source)
            self.sources[given.url] = source
            self.report.created["source"] += 1
        changed = False
        for name in SOURCE_METADATA:
            value = getattr(given, name)
            if value is not None and getattr(source, name) != value:
                setattr(source, name, value)
                changed = True
        if changed and source.id is not None:
            self.report.updated["source"] += 1
        return source

    def create_missing_organisation(self, record: OrganisationIn) -> None:
        if record.key not in self.orgs:
            org = Organisation(name=record.name, key=record.key, kind=record.kind)
            self.session.add(org)
            self.orgs[record.key] = org
            self.new_organisations.add(record.key)

    def upsert_organisation(self, record: OrganisationIn) -> None:
        org = self.orgs[record.key]
        created = record.key in self.new_organisations
        before = None if created else organisation_state(org)
        fields = {
            "name": record.name,
            "parent": self.organisation(record.parent) if record.parent else None,
            "legal_name": record.legal_name,
            "kind": record.kind,
            "country": record.country,
            "website": record.website,
            "description": record.description,
        }
        changed = {k: v for k, v in fields.items() if getattr(org, k) != v}
        for key, value in changed.items():
            setattr(org, key, value)
        have = {alias.key for alias in org.aliases} | {record.key}
        for alias in record.aliases:
            alias_key = normalise_name(alias)
            if alias_key not in have:
                org.aliases.append(OrganisationAlias(alias=alias, key=alias_key))
                self.orgs.setdefault(alias_key, org)
                have.add(alias_key)
                changed["aliases"] = True
        if self.link_sources(org.sources, record.sources, OrganisationSource):
            changed["sources"] = True
        self._count("organisation", created, bool(changed), org)
        if created or changed:
            self.changes.append(Change("create" if created else "edit", "organisation", org.key,
                                       before, organisation_state(org)))

    def link_sources(self, links: list, given: list[SourceIn], link_type: type) -> bool:  # type: ignore[type-arg]
        changed = False
        by_url = {link.source.url: link for link in links}
        for source_in in given:
            link = by_url.get(source_in.url)
            supports = sorted(set(source_in.supports))
            if link is None:
                link = link_type(source=self.source(source_in), supports=supports)
                if hasattr(link, "position"):
                    link.position = len(links)
                links.append(link)
                by_url[source_in.url] = link
                changed = True
            else:
                self.source(source_in)
                if sorted(set(link.supports or []) | set(supports)) != sorted(link.supports or []):
                    link.supports = sorted(set(link.supports or []) | set(supports))
                    changed = True
        return changed

    def _count(self, kind: str, created: bool, changed: bool, row: object) -> None:
        if created:
            self.report.created[kind] += 1
        elif changed:
            self.report.updated[kind] += 1
            row.updated_at = utcnow()  # type: ignore[attr-defined]
        else:
            self.report.unchanged[kind] += 1

    def buyer(self, name: str, country: str) -> Organisation:
        key = normalise_name(name)
        org = self.orgs.get(key)
        if org is not None and org.country in (None, country):
            return org
        qualified = f"{key}@{country.lower()}"
        org = self.orgs.get(qualified)
        if org is None:
            org = Organisation(name=name, key=qualified, kind="buyer_agency", country=country)
            self.session.add(org)
            self.orgs[qualified] = org
            self.report.created["organisation"] += 1
            self.changes.append(Change("create", "organisation", qualified, None, organisation_state(org)))
        return org

    def upsert_deployment(self, record: DeploymentIn, existing: Deployment | None) -> None:
        dep = existing or Deployment(id=record.id)
        before = deployment_state(existing) if existing is not None else None
        if existing is None:
            self.session.add(dep)
        fields = {
            name: getattr(record, name)
            for name in DEPLOYMENT_FIELDS if name != "year"
        }
        fields["year"] = record.year
        changed = False
        buyer = self.buyer(record.buyer, record.country) if record.buyer else None
        if (dep.buyer if existing else None) is not buyer:
            dep.buyer = buyer
            changed = True
        for key, value in fields.items():
            if getattr(dep, key) != value:
                setattr(dep, key, value)
                changed = True
        technologies = sorted(record.technologies)
        if [t.technology for t in dep.technologies] != technologies:
            dep.technologies = [DeploymentTechnology(technology=t) for t in technologies]
            changed = True
        suppliers = [(self.organisation(s.organisation), s.role) for s in record.suppliers]
        suppliers = list(dict.fromkeys(suppliers))
        if [(s.organisation, s.role) for s in dep.suppliers] != suppliers:
            dep.suppliers = [
                DeploymentSupplier(organisation=org, role=role, position=i)
                for i, (org, role) in enumerate(suppliers)
            ]
            changed = True
        if self.link_sources(dep.sources, record.sources, DeploymentSource):
            changed = True
        self._count("deployment", existing is None, changed, dep)
        if existing is None or changed:
            self.changes.append(Change("create" if existing is None else "edit", "deployment", dep.id,
                                       before, deployment_state(dep)))


def apply_batch(session: Session, batch: Batch, *, actor: str, note: str | None = None) -> LoadReport:
    """Write the batch and, in the same transaction, one audit entry per record created or
    changed (after one `load` entry with the counts); loading the same records again writes none."""
    report = LoadReport(duplicates=batch.duplicates)
    writer = _Writer(session, report)
    urls = {s.url for o in batch.organisations.values() for s in o.record.sources}
    urls |= {s.url for d in batch.deployments.values() for s in d.record.sources}
    urls |= {link.record.url for link in batch.source_links}
    urls |= {s.url for li in batch.listings for s in li.record.sources}
    writer.load_sources(urls)

    for org in batch.organisations.values():
        writer.create_missing_organisation(org.record)
    for org in batch.organisations.values():
        writer.upsert_organisation(org.record)

    existing = _load_deployments(session, batch.deployments)
    new = [dep.record for dep_id, dep in batch.deployments.items() if dep_id not in existing]
    for dep_id, dep in existing.items():
        writer.upsert_deployment(batch.deployments[dep_id].record, dep)
    _insert_new_deployments(session, writer, new)

    writer.load_sources(urls)
    # The deployments that source records attach to, loaded together (not one by one per record).
    linked = {link.record.deployment for link in batch.source_links if link.record.deployment}
    linked_deployments = {**existing, **_load_deployments(session, linked - existing.keys())}
    for link in batch.source_links:
        _attach_source(writer, link.record, linked_deployments)
    for listing in batch.listings:
        _upsert_listing(session, writer, listing.record, report)
    session.flush()
    search_index.refresh(
        session, deployments=[c.entity_id for c in writer.changes if c.entity == "deployment"],
        organisations=[c.entity_id for c in writer.changes if c.entity == "organisation"])
    if writer.changes:
        summary = Change("load", "registry", "load", None, report.as_dict())
        audit.record_many(session, actor, [summary, *writer.changes], note=note)
    return report


def _load_deployments(session: Session, ids: Iterable[str]) -> dict[str, Deployment]:
    """The deployments with these ids, with all that their audit snapshot reads, by chunks."""
    found: dict[str, Deployment] = {}
    for chunk in _chunks(sorted(ids)):
        query = select(Deployment).where(Deployment.id.in_(chunk)).options(
            selectinload(Deployment.technologies),
            selectinload(Deployment.suppliers).selectinload(DeploymentSupplier.organisation),
            selectinload(Deployment.sources).selectinload(DeploymentSource.source),
            selectinload(Deployment.buyer),
        )
        found.update({dep.id: dep for dep in session.scalars(query)})
    return found


def _insert_new_deployments(session: Session, writer: _Writer, records: list[DeploymentIn]) -> None:
    """New deployments go in with bulk INSERTs: for a corpus of 100,000 records the ORM's
    per-object bookkeeping costs far more than the database work."""
    if not records:
        return
    buyers = {r.id: writer.buyer(r.buyer, r.country) for r in records if r.buyer}
    new_sources: dict[str, dict[str, object]] = {}
    for record in records:
        for source in record.sources:
            if source.url in writer.sources:
                writer.source(source)
            elif source.url not in new_sources:
                new_sources[source.url] = source.model_dump(exclude={"supports"})
    session.flush()  # ids for new buyers and organisations
    for chunk in _chunks(list(new_sources)):
        session.execute(insert(Source), [new_sources[url] for url in chunk])
    source_ids = {url: source.id for url, source in writer.sources.items()}
    for chunk in _chunks(list(new_sources)):
        source_ids.update(session.execute(select(Source.url, Source.id).where(Source.url.in_(chunk))).all())
    writer.report.created["source"] += len(new_sources)

    now = utcnow()
    deployments, technologies, suppliers, links = [], [], [], []
    for record in records:
        row = record.model_dump(exclude={"buyer", "suppliers", "technologies", "sources"})
        buyer = buyers.get(record.id)
        deployments.append({**row, "year": record.year, "buyer_id": buyer.id if buyer else None,
                            "created_at": now, "updated_at": now})
        technologies += [{"deployment_id": record.id, "technology": t} for t in record.technologies]
        pairs = list(dict.fromkeys((writer.organisation(s.organisation), s.role) for s in record.suppliers))
        suppliers += [
            {"deployment_id": record.id, "organisation_id": org.id, "role": role, "position": i}
            for i, (org, role) in enumerate(pairs)
        ]
        supports: dict[str, set[str]] = {}
        for source in record.sources:
            supports.setdefault(source.url, set()).update(source.supports)
        links += [
            {"deployment_id": record.id, "source_id": source_ids[url], "supports": sorted(fields),
             "position": i}
            for i, (url, fields) in enumerate(supports.items())
        ]
        writer.changes.append(Change("create", "deployment", record.id, None, new_deployment_state(
            record, buyer.name if buyer else None, [(org.name, role) for org, role in pairs], supports)))
    for model, rows in ((Deployment, deployments), (DeploymentTechnology, technologies),
                        (DeploymentSupplier, suppliers), (DeploymentSource, links)):
        for start in range(0, len(rows), CHUNK * 10):
            session.execute(insert(model), rows[start : start + CHUNK * 10])
    writer.report.created["deployment"] += len(records)


def _attach_source(writer: _Writer, link, deployments) -> None:  # type: ignore[no-untyped-def]
    source_in = SourceIn.model_validate(link.model_dump(exclude={"deployment", "organisation"}))
    if link.deployment:
        dep = deployments.get(link.deployment)
        before = deployment_state(dep) if dep is not None else None
        if dep is not None and writer.link_sources(dep.sources, [source_in], DeploymentSource):
            dep.updated_at = utcnow()
            writer.changes.append(Change("edit", "deployment", dep.id, before, deployment_state(dep)))
    else:
        org = writer.organisation(link.organisation)
        before = organisation_state(org)
        if writer.link_sources(org.sources, [source_in], OrganisationSource):
            writer.changes.append(Change("edit", "organisation", org.key, before, organisation_state(org)))


def _upsert_listing(session: Session, writer: _Writer, record, report: LoadReport) -> None:  # type: ignore[no-untyped-def]
    org = writer.organisation(record.organisation)
    listing = None
    if org.id is not None:
        listing = session.scalars(
            select(Listing).where(
                Listing.list_id == record.list,
                Listing.organisation_id == org.id,
                Listing.listed_name == record.listed_name,
            )
        ).first()
    created = listing is None
    before = None if listing is None else listing_state(listing)
    if listing is None:
        listing = Listing(list_id=record.list, organisation=org, listed_name=record.listed_name)
        session.add(listing)
    source = writer.source(record.sources[0]) if record.sources else None
    fields = {
        "aliases": record.aliases,
        "address": record.address,
        "listed": record.listed,
        "citation": record.citation,
    }
    changed = {k: v for k, v in fields.items() if getattr(listing, k) != v}
    for key, value in changed.items():
        setattr(listing, key, value)
    if source is not None and listing.source is not source:
        listing.source = source
        changed["source"] = source
    if created or changed:
        writer.changes.append(Change("create" if created else "edit", "listing", listing_key(listing),
                                     before, listing_state(listing)))
    if created:
        report.created["listing"] += 1
    elif changed:
        report.updated["listing"] += 1
    else:
        report.unchanged["listing"] += 1
