"""Validate raw records into a consistent batch, or say precisely what is wrong.

A plain function over data: what the store already knows comes in as `Known`, and the store
writes the returned batch only when there are no problems.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from pydantic import ValidationError

from oversight.errors import Problem
from oversight.registry.readers import RawRecord
from oversight.registry.records import (
    MODELS,
    SOURCE_METADATA,
    DeploymentIn,
    ListingIn,
    OrganisationIn,
    Record,
    SourceIn,
    SourceLink,
    from_csv_row,
    normalise_name,
)

T = TypeVar("T", bound=Record)


@dataclass
class Located(Generic[T]):
    record: T
    file: str
    line: int | None

    @property
    def where(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"


@dataclass
class Known:
    """What the registry already holds, as far as validation needs to know."""

    organisation_keys: dict[str, str] = field(default_factory=dict)  # name or alias key -> org key
    deployments_with_sources: set[str] = field(default_factory=set)
    deployment_ids: set[str] = field(default_factory=set)


@dataclass
class Batch:
    organisations: dict[str, Located[OrganisationIn]] = field(default_factory=dict)
    deployments: dict[str, Located[DeploymentIn]] = field(default_factory=dict)
    source_links: list[Located[SourceLink]] = field(default_factory=list)
    listings: list[Located[ListingIn]] = field(default_factory=list)
    duplicates: int = 0


def problems_from(error: ValidationError, raw: RawRecord) -> list[Problem]:
    problems = []
    for detail in error.errors():
        path = ".".join(
            f"[{part}]" if isinstance(part, int) else str(part) for part in detail["loc"]
        ).replace(".[", "[")
        reason = detail["msg"].removeprefix("Value error, ")
        if detail["type"] == "extra_forbidden":
            reason = "unknown field (see data/README.md for the fields of each record)"
        problems.append(Problem(raw.file, raw.line_of(path), path or None, reason))
    return problems


def parse_records(raws: Iterable[RawRecord]) -> tuple[list[Located[Record]], list[Problem]]:
    located: list[Located[Record]] = []
    problems: list[Problem] = []
    for raw in raws:
        data = dict(raw.data)
        if data.pop("__csv__", False):
            data = from_csv_row(raw.kind or "", data)
        try:
            record = MODELS[raw.kind or ""].model_validate(data)
        except ValidationError as error:
            problems.extend(problems_from(error, raw))
            continue
        located.append(Located(record, raw.file, raw.line))
    return located, problems


def _merge_organisation(
    first: Located[OrganisationIn], other: Located[OrganisationIn]
) -> tuple[Located[OrganisationIn], list[str]]:
    a, b = first.record, other.record
    conflicts = [
        name
        for name in ("legal_name", "kind", "country", "parent", "website", "description")
        if getattr(a, name) and getattr(b, name) and getattr(a, name) != getattr(b, name)
    ]
    merged = a.model_copy(
        update={
            **{n: getattr(a, n) or getattr(b, n) for n in ("legal_name", "country", "parent",
                                                        "website", "description")},
            "aliases": list(dict.fromkeys([*a.aliases, *b.aliases])),
            "sources": a.sources + [s for s in b.sources if s.url not in {x.url for x in a.sources}],
        }
    )
    return Located(merged, first.file, first.line), conflicts


def _check_sources(batch: Batch, problems: list[Problem]) -> None:
    seen: dict[str, tuple[SourceIn, str]] = {}

    def visit(source: SourceIn, where: Located) -> None:  # type: ignore[type-arg]
        if source.url in seen:
            earlier, place = seen[source.url]
            for name in SOURCE_METADATA:
                x, y = getattr(earlier, name), getattr(source, name)
                if x and y and x != y:
                    problems.append(Problem(
                        where.file, where.line, f"sources.{name}",
                        f"source {source.url} has {name} {y!r} here but {x!r} at {place}",
                    ))
        else:
            seen[source.url] = (source, where.where)

    for org in batch.organisations.values():
        for source in org.record.sources:
            visit(source, org)
    for dep in batch.deployments.values():
        for source in dep.record.sources:
            visit(source, dep)
    for link in batch.source_links:
        visit(link.record, link)
    for listing in batch.listings:
        for source in listing.record.sources:
            visit(source, listing)


def build_batch(located: list[Located[Record]], known: Known) -> tuple[Batch, list[Problem]]:
    batch = Batch()
    problems: list[Problem] = []

    for item in located:
        record = item.record
        if isinstance(record, OrganisationIn):
            earlier = batch.organisations.get(record.key)
            if earlier is None:
                batch.organisations[record.key] = item  # type: ignore[assignment]
                continue
            merged, conflicts = _merge_organisation(earlier, item)  # type: ignore[arg-type]
            for name in conflicts:
                problems.append(Problem(
                    item.file, item.line, name,
                    f"organisation {record.name!r} has {name} {getattr(record, name)!r} here but "
                    f"{getattr(earlier.record, name)!r} at {earlier.where}",
                ))
            batch.organisations[record.key] = merged
            batch.duplicates += 1
        elif isinstance(record, DeploymentIn):
            earlier_dep = batch.deployments.get(record.id)
            if earlier_dep is None:
                batch.deployments[record.id] = item  # type: ignore[assignment]
            elif earlier_dep.record == record:
                batch.duplicates += 1
            else:
                differing = [
                    name for name in DeploymentIn.model_fields
                    if getattr(record, name) != getattr(earlier_dep.record, name)
                ]
                problems.append(Problem(
                    item.file, item.line, differing[0],
                    f"deployment {record.id!r} is also defined at {earlier_dep.where} with a "
                    f"different {', '.join(differing)}",
                ))
        elif isinstance(record, SourceLink):
            batch.source_links.append(item)  # type: ignore[arg-type]
        elif isinstance(record, ListingIn):
            batch.listings.append(item)  # type: ignore[arg-type]

    names = _name_index(batch, known, problems)

    def resolve(name: str, item: Located, field_name: str) -> None:  # type: ignore[type-arg]
        if normalise_name(name) not in names:
            problems.append(Problem(
                item.file, item.line, field_name,
                f"unknown organisation {name!r}: add it to an organisations file or load one first",
            ))

    for org in batch.organisations.values():
        if org.record.parent:
            resolve(org.record.parent, org, "parent")
    for dep in batch.deployments.values():
        for index, supplier in enumerate(dep.record.suppliers):
            resolve(supplier.organisation, dep, f"suppliers[{index}].organisation")
    for listing in batch.listings:
        resolve(listing.record.organisation, listing, "organisation")

    linked = {link.record.deployment for link in batch.source_links if link.record.deployment}
    for link in batch.source_links:
        target = link.record.deployment
        if target and target not in batch.deployments and target not in known.deployment_ids:
            problems.append(Problem(link.file, link.line, "deployment", f"unknown deployment {target!r}"))
        if link.record.organisation:
            resolve(link.record.organisation, link, "organisation")
    for dep in batch.deployments.values():
        record = dep.record
        if not record.sources and record.id not in linked and record.id not in known.deployments_with_sources:
            problems.append(Problem(
                dep.file, dep.line, "sources",
                f"deployment {record.id!r} has no source; every deployment needs at least one",
            ))
    _check_sources(batch, problems)
    return batch, problems


def _name_index(batch: Batch, known: Known, problems: list[Problem]) -> dict[str, str]:
    """Every name and alias key -> organisation key; ambiguous aliases are problems."""
    index = dict(known.organisation_keys)
    for key in batch.organisations:
        index[key] = key
    for key, org in batch.organisations.items():
        for alias in org.record.aliases:
            alias_key = normalise_name(alias)
            owner = index.setdefault(alias_key, key)
            if owner != key:
                problems.append(Problem(
                    org.file, org.line, "aliases",
                    f"alias {alias!r} of {org.record.name!r} already names organisation {owner!r}",
                ))
    return index
