"""The vocabularies of schema.yaml, loaded once and shared by every layer."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class Term:
    id: str
    label: str
    covers: str
    search_terms: tuple[str, ...] = ()  # other words people search with (several languages)


@dataclass(frozen=True)
class AigsIndex:
    """One edition of Carnegie's AI Global Surveillance index and how it maps onto ours."""

    id: str
    label: str
    file: str
    citation: str
    url: str
    categories: dict[str, str]  # AIGS category column -> our technology id
    companies_column: str | None


@dataclass(frozen=True)
class SecondarySource:
    """A kind of site that may only be a second source (schema.yaml `secondary_sources`)."""

    id: str
    label: str
    covers: str
    domains: tuple[str, ...]
    copies_official_documents: bool


@dataclass(frozen=True)
class Vocabulary:
    technologies: tuple[Term, ...]
    statuses: tuple[Term, ...]
    supplier_roles: tuple[Term, ...]
    organisation_kinds: tuple[Term, ...]
    review_states: tuple[Term, ...]
    restriction_lists: tuple[Term, ...]
    source_supports: tuple[str, ...]
    audit_actions: tuple[Term, ...]
    roles: tuple[Term, ...]  # ordered from least to most trusted
    contract_value_scopes: tuple[Term, ...]
    date_origins: tuple[Term, ...]
    aigs_indexes: tuple[AigsIndex, ...]
    lead_results: tuple[Term, ...]
    finding_states: tuple[Term, ...]
    secondary_sources: tuple[SecondarySource, ...]
    official_publishers: tuple[str, ...]

    @staticmethod
    def ids(terms: tuple[Term, ...]) -> tuple[str, ...]:
        return tuple(term.id for term in terms)


def _terms(section: dict[str, dict[str, Any]]) -> tuple[Term, ...]:
    return tuple(
        Term(id=key, label=value["label"], covers=value.get("covers") or value.get("authority", ""),
             search_terms=tuple(value.get("search_terms", ())))
        for key, value in section.items()
    )


@cache
def vocabulary() -> Vocabulary:
    raw = yaml.safe_load(resources.files("oversight").joinpath("schema.yaml").read_text("utf-8"))
    return Vocabulary(
        technologies=_terms(raw["technologies"]),
        statuses=_terms(raw["statuses"]),
        supplier_roles=_terms(raw["supplier_roles"]),
        organisation_kinds=_terms(raw["organisation_kinds"]),
        review_states=_terms(raw["review_states"]),
        restriction_lists=_terms(raw["restriction_lists"]),
        source_supports=tuple(raw["source_supports"]),
        audit_actions=_terms(raw["audit_actions"]),
        roles=_terms(raw["roles"]),
        contract_value_scopes=_terms(raw["contract_value_scopes"]),
        date_origins=_terms(raw["date_origins"]),
        aigs_indexes=tuple(
            AigsIndex(id=key, label=value["label"], file=value["file"],
                      citation=" ".join(value["citation"].split()), url=value["url"],
                      categories=dict(value["categories"]),
                      companies_column=value.get("companies_column"))
            for key, value in raw["aigs_indexes"].items()
        ),
        lead_results=_terms(raw["lead_results"]),
        finding_states=_terms(raw["finding_states"]),
        secondary_sources=tuple(
            SecondarySource(id=key, label=value["label"], covers=value["covers"],
                            domains=tuple(value["domains"]),
                            copies_official_documents=bool(value.get("copies_official_documents")))
            for key, value in raw["secondary_sources"].items()
        ),
        official_publishers=tuple(raw["official_publishers"]),
    )


VOCAB = vocabulary()
TECHNOLOGIES = Vocabulary.ids(VOCAB.technologies)
STATUSES = Vocabulary.ids(VOCAB.statuses)
SUPPLIER_ROLES = Vocabulary.ids(VOCAB.supplier_roles)
ORGANISATION_KINDS = Vocabulary.ids(VOCAB.organisation_kinds)
REVIEW_STATES = Vocabulary.ids(VOCAB.review_states)
RESTRICTION_LISTS = Vocabulary.ids(VOCAB.restriction_lists)
SOURCE_SUPPORTS = VOCAB.source_supports
AUDIT_ACTIONS = Vocabulary.ids(VOCAB.audit_actions)
ROLES = Vocabulary.ids(VOCAB.roles)
CONTRACT_VALUE_SCOPES = Vocabulary.ids(VOCAB.contract_value_scopes)
DATE_ORIGINS = Vocabulary.ids(VOCAB.date_origins)
AIGS_INDEXES = {index.id: index for index in VOCAB.aigs_indexes}
LEAD_RESULTS = Vocabulary.ids(VOCAB.lead_results)
FINDING_STATES = Vocabulary.ids(VOCAB.finding_states)
