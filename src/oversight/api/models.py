"""Response and request models of the JSON API.

They describe the plain dictionaries that `oversight.store.queries`, `oversight.analytics` and
`oversight.screening` return, so the OpenAPI page documents the API (STYLE.md item 7). Every
vocabulary enum is built from schema.yaml through `oversight.vocab` (STYLE.md item 1): adding a
technology there adds it here.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from oversight import vocab
from oversight.publish.exports import FORMATS
from oversight.screening import DEFAULT_THRESHOLD, MATCHER_VERSION
from oversight.store.queries import SORTABLE

MAX_SCREEN_NAMES = 1000
MAX_NAME_LENGTH = 1000


def _enum(name: str, ids: tuple[str, ...], doc: str) -> type[StrEnum]:
    enum = StrEnum(name, {value: value for value in ids})  # type: ignore[misc]
    enum.__doc__ = doc
    return enum


Technology = _enum("Technology", vocab.TECHNOLOGIES, "Technology category (schema.yaml `technologies`).")
Status = _enum("Status", vocab.STATUSES, "Deployment status (schema.yaml `statuses`).")
SupplierRole = _enum("SupplierRole", vocab.SUPPLIER_ROLES, "Role of an organisation in a deployment.")
OrganisationKind = _enum("OrganisationKind", vocab.ORGANISATION_KINDS, "Kind of organisation.")
ReviewState = _enum("ReviewState", vocab.REVIEW_STATES, "Review state of a deployment.")
RestrictionList = _enum("RestrictionList", vocab.RESTRICTION_LISTS, "Restriction list id.")
SourceSupport = _enum("SourceSupport", vocab.SOURCE_SUPPORTS, "A field that a source supports.")
ContractValueScope = _enum("ContractValueScope", vocab.CONTRACT_VALUE_SCOPES,
                           "Whose contract value it is (schema.yaml `contract_value_scopes`).")
DateOrigin = _enum("DateOrigin", vocab.DATE_ORIGINS,
                   "Where a source's date was read (schema.yaml `date_origins`).")
AigsIndex = _enum("AigsIndex", tuple(vocab.AIGS_INDEXES), "AIGS edition (schema.yaml `aigs_indexes`).")
FindingStateId = _enum("FindingState", vocab.FINDING_STATES,
                       "Where an AIGS finding stands (schema.yaml `finding_states`).")
LeadResult = _enum("LeadResult", vocab.LEAD_RESULTS, "How a searched lead ended.")
ExportFormat = _enum("ExportFormat", FORMATS, "Export format.")
DeploymentSort = _enum(
    "DeploymentSort", tuple(f"{sign}{column}" for column in SORTABLE for sign in ("", "-")),
    "Sort column; a leading '-' sorts descending. Ties are broken by id.",
)


class GeoLevel(StrEnum):
    """GeoJSON export: one point per deployment, or one per country with totals."""

    deployment = "deployment"
    country = "country"


# --- errors --------------------------------------------------------------------------------


class ErrorDetail(BaseModel):
    message: str = Field(description="What went wrong, in words.")
    field: str | None = Field(None, description="The parameter or body field at fault, if any.")


class ErrorResponse(BaseModel):
    """Every 4xx answer has this shape."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"error": {"message": "technology: Input should be 'facial_recognition', ... (got 'lasers')",
                   "field": "technology"}},
    ]})

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "Not found"},
    422: {"model": ErrorResponse, "description": "Invalid parameter"},
}
# What any operation may answer, whatever it does: a body that cannot be parsed (400), a bad or
# revoked API token (401), a body over the limit (413), a query parameter the operation does not
# take (422) and sign-ins from a client with too many failures (429, with Retry-After).
COMMON_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "The request body cannot be parsed"},
    401: {"model": ErrorResponse, "description": "The API token is malformed, unknown or revoked"},
    413: {"model": ErrorResponse, "description": "Request body over the size limit"},
    422: {"model": ErrorResponse, "description": "Invalid or unknown parameter"},
    429: {"model": ErrorResponse, "description": "Too many failed sign-ins; see Retry-After"},
}


# --- deployments ---------------------------------------------------------------------------


class SourceRef(BaseModel):
    url: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = Field(None, description="Partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD.")
    undated_reason: str | None = Field(
        None, description="Why the page shows no publication date (when `published` is absent).")
    date_from: DateOrigin | None = Field(
        None, description="Where `published` was read when the page text showed none "
                          "(schema.yaml `date_origins`; `url`: from the page's own URL path).")
    language: str | None = None
    supports: list[SourceSupport] | None = Field(
        None, description="The fields of the record that this source supports.")


class Supplier(BaseModel):
    name: str
    role: SupplierRole
    country: str | None = Field(None, description="Home country, ISO 3166-1 alpha-3.")
    lists: list[RestrictionList] = Field(
        default_factory=list, description="Restriction lists naming it or one of its parents.")


DEPLOYMENT_EXAMPLE: dict[str, Any] = {
    "id": "ken-nairobi-safe-city", "country": "KEN", "country_name": "Kenya", "city": "Nairobi",
    "region": None, "buyer": "National Police Service", "status": "operational",
    "announced": "2014-05", "started": "2015", "ended": None, "year": 2015,
    "contract_value": 100000000.0, "currency": "USD", "contract_value_scope": "deployment",
    "financing": None,
    "description": "A city camera network with a police command centre.", "disputes": None,
    "confidence": 0.9, "review_state": "accepted", "single_source": None,
    "suppliers": [{"name": "Huawei", "role": "supplier", "country": "CHN", "lists": ["us_entity_list"]},
                  {"name": "Safaricom", "role": "integrator", "country": "KEN", "lists": []}],
    "technologies": ["safe_city", "video_surveillance"],
    "sources": [{"url": "https://news.example.org/2015/nairobi-cameras",
                 "title": "Nairobi switches on its camera network", "publisher": "Example News",
                 "published": "2015-06-01", "language": "en",
                 "supports": ["country", "city", "suppliers", "technologies", "status", "started"]}],
    "status_as_of": "2015-06-01",
    "created_at": "2026-11-22T10:00:00", "updated_at": "2026-11-22T10:00:00",
}


class Deployment(BaseModel):
    """One deployment with its suppliers, technologies and every source."""

    model_config = ConfigDict(json_schema_extra={"examples": [DEPLOYMENT_EXAMPLE]})

    id: str
    country: str = Field(description="Where the system is used, ISO 3166-1 alpha-3.")
    country_name: str | None = None
    city: str | None = None
    region: str | None = None
    buyer: str | None = None
    status: Status
    announced: str | None = None
    started: str | None = None
    ended: str | None = None
    year: int | None = None
    contract_value: float | None = None
    currency: str | None = None
    contract_value_scope: ContractValueScope = Field(
        ContractValueScope("deployment"),
        description="Whose contract value it is: this deployment's, or a wider programme's "
                    "(schema.yaml `contract_value_scopes`).")
    financing: str | None = None
    description: str | None = None
    disputes: str | None = None
    confidence: float | None = None
    review_state: ReviewState
    single_source: str | None = Field(
        None, description="Why one source suffices, for an operational deployment with one source.")
    suppliers: list[Supplier]
    technologies: list[Technology]
    sources: list[SourceRef]
    status_as_of: str | None = Field(
        None, description="Computed: the latest publication date among the sources supporting "
                          "the status, else the latest date of any source.")
    created_at: str
    updated_at: str


class AssessmentSummary(BaseModel):
    assessed_by: str | None = None
    assessed_at: str
    ai_act: str | None = None
    card: dict[str, Any]


class ReviewEntry(BaseModel):
    decision: str
    decided_by: str | None = None
    decided_at: str
    note: str | None = None
    contribution: int | None = Field(None, description="The contribution decided, when the deployment "
                                     "came from (or was corrected by) one; null for an extracted proposal.")


AuditAction = _enum("AuditAction", vocab.AUDIT_ACTIONS, "What an audit-log entry records.")


class HistoryEntry(BaseModel):
    """One audit-log entry about a deployment: who changed it, when, and what it was before and after."""

    seq: int = Field(description="Position in the hash-chained audit log.")
    at: str = Field(description="When (UTC).")
    actor: str = Field(description="Who made the change.")
    action: AuditAction  # type: ignore[valid-type]
    before: dict[str, Any] | None = Field(None, description="The record before; null when created.")
    after: dict[str, Any] | None = Field(None, description="The record after; null when deleted.")
    note: str | None = None


class EvidenceSpan(BaseModel):
    """A sentence from a document, found by extraction, that a reviewer accepted as support."""

    start: int = Field(description="Offset of the span in the document text as read.")
    end: int
    text: str
    technology: Technology  # type: ignore[valid-type]
    vendor: str | None
    status: str | None
    year: int | None
    doc_id: str
    url: str | None
    title: str | None
    published: str | None
    extractor: str | None


class DeploymentDetail(Deployment):
    """A deployment with its saved assessments, review decisions and audit history."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {**DEPLOYMENT_EXAMPLE, "assessments": [], "review": [], "history": [
            {"seq": 12, "at": "2026-11-30T15:02:11", "actor": "ana", "action": "create", "before": None,
             "after": {"id": DEPLOYMENT_EXAMPLE["id"], "status": "operational"},
             "note": "load deployments.yaml"}]}]})

    assessments: list[AssessmentSummary] = Field(default_factory=list)
    review: list[ReviewEntry] = Field(default_factory=list)
    history: list[HistoryEntry] = Field(default_factory=list)
    evidence: list[EvidenceSpan] = Field(
        default_factory=list, description="Evidence spans of the extracted claims accepted into it.")


class Deleted(BaseModel):
    """What DELETE returns: the audit entry that keeps the deleted record."""

    deleted: str = Field(description="Id of the deleted record.")
    entry: HistoryEntry


class DeploymentPage(BaseModel):
    """One page of deployments; follow `next` until it is null."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "total": 120, "limit": 50, "offset": 0, "items": [DEPLOYMENT_EXAMPLE],
        "next": "/api/v1/deployments?country=KEN&offset=50",
    }]})

    total: int = Field(description="Deployments matching the filters, on every page.")
    limit: int
    offset: int
    items: list[Deployment]
    next: str | None = Field(None, description="Relative URL of the next page, null on the last one.")


# --- organisations -------------------------------------------------------------------------


class OrganisationSummary(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "name": "Hikvision", "kind": "vendor", "country": "CHN", "parent": "CETC",
        "aliases": ["海康威视", "HIKVISION"], "deployments": 12,
        "countries_reached": ["ECU", "KEN"], "lists": ["us_entity_list", "ndaa_889"],
    }]})

    name: str
    kind: OrganisationKind
    country: str | None = None
    parent: str | None = None
    aliases: list[str]
    deployments: int = Field(description="Accepted deployments it took part in.")
    countries_reached: list[str]
    lists: list[RestrictionList] = Field(description="Lists naming it directly.")


class OfficialLink(BaseModel):
    """The official publication of an act a citation names, at its publisher's own address."""

    label: str = Field(description="The act as cited, e.g. '84 FR 54002'.")
    url: str


OFFICIAL_DESCRIPTION = ("Official publications of the acts the citation names (GovInfo, "
                        "federalregister.gov, the Treasury), built from the citation.")


class ListingView(BaseModel):
    list: RestrictionList
    listed_name: str
    aliases: list[str] = Field(default_factory=list)
    listed: str | None = Field(None, description="Date of listing.")
    citation: str | None = None
    url: str | None = Field(None, description="The page the listing was read on.")
    official: list[OfficialLink] = Field(default_factory=list, description=OFFICIAL_DESCRIPTION)


class Organisation(BaseModel):
    """An organisation with its listings, sources and deployments."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "name": "Huawei", "legal_name": "Huawei Technologies Co., Ltd.", "kind": "vendor",
        "country": "CHN", "country_name": "China", "parent": None, "subsidiaries": [],
        "aliases": ["华为"], "website": "https://www.huawei.com", "description": None,
        "lists": [{"list": "us_entity_list", "listed_name": "Huawei Technologies Co., Ltd.",
                   "aliases": [], "listed": "2019-05-16", "citation": "84 FR 22961", "url": None}],
        "countries_reached": ["KEN"], "technologies": ["safe_city"],
        "deployments": [DEPLOYMENT_EXAMPLE], "sources": [],
    }]})

    name: str
    legal_name: str | None = None
    kind: OrganisationKind
    country: str | None = None
    country_name: str | None = None
    parent: str | None = None
    subsidiaries: list[str]
    aliases: list[str]
    website: str | None = None
    description: str | None = None
    lists: list[ListingView]
    countries_reached: list[str]
    technologies: list[Technology]
    deployments: list[Deployment]
    sources: list[SourceRef]


class Listing(ListingView):
    """A restriction-list entry, resolved to an organisation of the registry."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "organisation": "Huawei", "list": "us_entity_list",
        "listed_name": "Huawei Technologies Co., Ltd.", "aliases": [], "listed": "2019-05-16",
        "citation": "84 FR 22961", "url": "https://www.federalregister.gov/d/2019-10616",
    }]})

    organisation: str


# --- countries and sources -----------------------------------------------------------------


class CountrySummary(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "country": "KEN", "name": "Kenya", "deployments": 3, "with_chinese_supplier": 2,
        "technologies": ["safe_city", "video_surveillance"], "suppliers": ["Huawei", "Safaricom"],
        "supplier_countries": ["CHN", "KEN"],
    }]})

    country: str
    name: str | None = None
    deployments: int
    with_chinese_supplier: int
    technologies: list[Technology]
    suppliers: list[str]
    supplier_countries: list[str]


class CountrySupplier(BaseModel):
    name: str
    country: str | None = None
    roles: list[SupplierRole]
    deployments: int


class LeadSummary(BaseModel):
    searched: str = Field(description="The day of the search, YYYY-MM-DD.")
    result: LeadResult
    queries: list[str]
    notes: str | None = None
    sources: list[dict[str, Any]] = Field(default_factory=list,
                                          description="Pages looked at, in the source format.")


AIGS_FINDING_EXAMPLE: dict[str, Any] = {
    "index": "aigs2019", "country": "KEN", "finding": "company:Huawei", "category": None,
    "company": "Huawei", "technology": None, "state": "backed",
    "deployments": ["ken-nairobi-safe-city"], "lead": None,
}
AIGS_CITATIONS_EXAMPLE: dict[str, Any] = {
    "aigs2019": {"label": "AIGS 2019", "url": "https://doi.org/10.17632/386s7f9d25.1",
                 "citation": 'Steven Feldstein, "AI Global Surveillance Index", Carnegie Endowment '
                             "for International Peace, 2019 (Mendeley Data "
                             "doi:10.17632/386s7f9d25.1), CC BY 4.0"},
}


class AigsFinding(BaseModel):
    """What Carnegie's AI Global Surveillance index reports for a country (a category of
    technology, or a named company), and whether registry deployments back it."""

    model_config = ConfigDict(json_schema_extra={"examples": [AIGS_FINDING_EXAMPLE]})

    index: AigsIndex
    country: str = Field(description="ISO 3166-1 alpha-3.")
    finding: str = Field(description='An AIGS category id, or "company:<name>" (2019 only).')
    category: str | None = None
    company: str | None = None
    technology: Technology | None = Field(
        None, description="Our technology that backs a category finding (schema.yaml `aigs_indexes`).")
    state: FindingStateId = Field(description="backed: deployments back it; searched: a searched "
                                              "lead records the look for it; open: neither.")
    deployments: list[str] = Field(description="Ids of the accepted deployments that back it.")
    lead: LeadSummary | None = Field(None, description="The searched lead (data/leads/), if any.")


class Citation(BaseModel):
    label: str
    citation: str
    url: str


class AigsLayer(BaseModel):
    """AIGS findings with the citation of each edition they come from. AIGS findings are never
    deployments: they are a cited country-level layer, reconciled with the registry."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "citations": AIGS_CITATIONS_EXAMPLE, "findings": [AIGS_FINDING_EXAMPLE]}]})

    citations: dict[str, Citation]
    findings: list[AigsFinding]


class Country(BaseModel):
    """A country's deployments (by year), suppliers, financing and sources."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "country": "KEN", "name": "Kenya", "deployments": [DEPLOYMENT_EXAMPLE],
        "technologies": ["safe_city", "video_surveillance"],
        "suppliers": [{"name": "Huawei", "country": "CHN", "roles": ["supplier"], "deployments": 1}],
        "financing": [], "sources": [{"url": "https://news.example.org/2015/nairobi-cameras",
                                      "title": None, "publisher": "Example News",
                                      "published": "2015-06-01", "language": "en"}],
        "aigs": {"citations": AIGS_CITATIONS_EXAMPLE, "findings": [AIGS_FINDING_EXAMPLE]},
    }]})

    country: str
    name: str
    deployments: list[Deployment]
    technologies: list[Technology]
    suppliers: list[CountrySupplier]
    financing: list[str]
    sources: list[SourceRef]
    aigs: AigsLayer = Field(description="What Carnegie's AIGS index reports for this country, "
                                        "beside our records.")


class SourceSummary(SourceRef):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "url": "https://news.example.org/2015/nairobi-cameras", "title": "Nairobi switches on",
        "publisher": "Example News", "published": "2015-06-01", "language": "en", "deployments": 1,
    }]})

    deployments: int = Field(description="Deployments citing this source.")


# --- stats -----------------------------------------------------------------------------------


class Stats(BaseModel):
    """The figures of `oversight stats` over the deployments matching the filters."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "deployments": 4, "countries": 4, "by_country": {"ECU": 1, "GBR": 1, "KEN": 1, "UGA": 1},
        "by_technology": {"video_surveillance": 3, "facial_recognition": 2, "safe_city": 2},
        "by_status": {"operational": 2, "cancelled": 1, "pilot": 1},
        "by_supplier_country": {"CHN": 3, "JPN": 1, "KEN": 1},
        "by_year": {"2011": 1, "2015": 1, "2016": 1, "2019": 1},
        "with_chinese_supplier": 3, "share_with_chinese_supplier": 0.75, "with_chinese_financing": 1,
        "countries_reached_by_vendor": {"Huawei": 2, "Hikvision": 1},
    }]})

    deployments: int
    countries: int
    by_country: dict[str, int]
    by_technology: dict[str, int]
    by_status: dict[str, int]
    by_supplier_country: dict[str, int]
    by_year: dict[str, int]
    with_chinese_supplier: int
    share_with_chinese_supplier: float
    with_chinese_financing: int
    countries_reached_by_vendor: dict[str, int]
    index: list[IndexRow] = Field(description="The Oversight index of each country (see GET /index).")


# --- screening -------------------------------------------------------------------------------


class ScreenRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "names": ["Hangzhou Hikvision Digital Technology Co., Ltd.",
                  "Huawei Technologies (Kenya) Co. Limited"],
        "threshold": DEFAULT_THRESHOLD,
    }]})

    names: list[str] = Field(min_length=1, max_length=MAX_SCREEN_NAMES,
                             description=f"Supplier names, at most {MAX_SCREEN_NAMES}.")
    threshold: float = Field(DEFAULT_THRESHOLD, gt=0.0, le=1.0,
                             description="Lowest score that counts as a match.")
    as_of: date | None = Field(None, description="Screen against the lists in force on this "
                               "date (was the name listed then?); default: today's lists.")


class ListHit(BaseModel):
    list: RestrictionList
    date: str | None = None
    citation: str | None = None
    listed_name: str | None = None
    url: str | None = None
    official: list[OfficialLink] = Field(default_factory=list, description=OFFICIAL_DESCRIPTION)
    via: str | None = Field(None, description="The listed parent through which the list reaches it.")
    until: str | None = Field(None, description="When the listing was removed (null: in force).")


class ScreenMatch(BaseModel):
    entity: str
    score: float
    lists: list[ListHit]
    explanation: str
    matched_name: str = Field(description="The entity's name or alias that matched, as written.")
    matched_field: str = Field(description="name, legal_name, listed_name or alias.")


class NearMiss(BaseModel):
    entity: str
    score: float
    reason: str


class ListVersion(BaseModel):
    list: RestrictionList
    source: str = Field(description="'registry', 'bundled', or the imported file's name.")
    as_of: str | None = Field(None, description="Publication date of the list file, else the "
                              "latest listing date it holds.")
    entries: int
    sha256: str | None = Field(None, description="SHA-256 of the imported list file.")


class ScreenResult(BaseModel):
    """DESIGN.md's screening contract: `match` is null when nothing passes the threshold."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "query": "Hangzhou Hikvision Digital Technology Co., Ltd.",
        "match": {"entity": "Hikvision", "score": 1.0,
                  "lists": [{"list": "us_entity_list", "date": "2019-10-09",
                             "citation": "84 FR 54002", "listed_name": "Hikvision", "url": None,
                             "via": None}],
                  "explanation": "matched legal name 'Hangzhou Hikvision Digital Technology Co., "
                                 "Ltd.' exactly"},
        "near_misses": [], "matcher": MATCHER_VERSION,
        "list_versions": [{"list": "us_entity_list", "source": "registry",
                           "as_of": "2025-01-16", "entries": 96, "sha256": None}],
    }]})

    query: str
    match: ScreenMatch | None
    near_misses: list[NearMiss] = Field(default_factory=list)
    matcher: str
    list_versions: list[ListVersion]
    as_of: str | None = Field(None, description="The date the lists were taken as of; null: "
                              "today's lists.")


# --- vocabulary ------------------------------------------------------------------------------


class Term(BaseModel):
    id: str
    label: str
    covers: str


class Vocabulary(BaseModel):
    """The terms of schema.yaml: the ids that filters and records use."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "technologies": [{"id": "safe_city", "label": "Safe city",
                          "covers": "safe-city / smart-city public-security platforms"}],
        "statuses": [{"id": "operational", "label": "Operational", "covers": "in use"}],
        "supplier_roles": [], "organisation_kinds": [], "review_states": [],
        "restriction_lists": [], "source_supports": ["country", "city"],
    }]})

    technologies: list[Term]
    statuses: list[Term]
    supplier_roles: list[Term]
    organisation_kinds: list[Term]
    review_states: list[Term]
    restriction_lists: list[Term]
    source_supports: list[str]


class IndexComponents(BaseModel):
    breadth: float = Field(description="Technology categories present, as a share of all categories.")
    depth: float = Field(description="Status-weighted deployments, capped, as a share.")
    suppliers: float = Field(description="Distinct supplying organisations, capped, as a share.")


class IndexRow(BaseModel):
    """A country's Oversight index as of a year (null: everything known)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "country": "KEN", "name": "Kenya", "year": None, "score": 62.9,
        "components": {"breadth": 0.571, "depth": 0.625, "suppliers": 0.75},
        "technologies": ["facial_recognition", "safe_city", "video_surveillance"], "suppliers": 3,
        "supplier_countries": ["CHN", "KEN"], "deployments": 3, "operational": 2, "planned": 0, "ended": 0,
        "chinese_supplier_share": 0.667, "chinese_financed": 0,
    }]})

    country: str
    name: str
    year: int | None
    score: float = Field(ge=0, le=100)
    components: IndexComponents
    technologies: list[Technology]  # type: ignore[valid-type]
    suppliers: int
    supplier_countries: list[str]
    deployments: int
    operational: int
    planned: int = Field(description="Planned, contracted or pilot deployments.")
    ended: int = Field(description="Cancelled or denied deployments (not scored).")
    chinese_supplier_share: float
    chinese_financed: int


class IndexPoint(BaseModel):
    year: int
    score: float
    deployments: int
    chinese_supplier_share: float


class IndexTable(BaseModel):
    """The index of every country matching the filters, with the method that computed it."""

    definition: dict[str, Any] = Field(description="Components, weights and rules of the index.")
    countries: list[IndexRow]


class IndexSeries(BaseModel):
    country: str
    name: str
    series: list[IndexPoint]


Stats.model_rebuild()
