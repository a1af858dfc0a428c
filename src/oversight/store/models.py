"""Tables of the registry. Schema changes go through Alembic migrations beside this file.

Vocabulary values (technologies, statuses, roles, ...) are checked by the loader against
schema.yaml rather than by CHECK constraints, so that adding a term needs no migration.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)



class Base(DeclarativeBase):
    pass


class Source(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(String(300))
    published: Mapped[str | None] = mapped_column(String(10))
    undated_reason: Mapped[str | None] = mapped_column(Text)
    date_from: Mapped[str | None] = mapped_column(String(10))
    language: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Organisation(Base):
    __tablename__ = "organisations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), unique=True)
    legal_name: Mapped[str | None] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(20))
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    website: Mapped[str | None] = mapped_column(String(500))
    description: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    parent: Mapped[Organisation | None] = relationship(remote_side=[id])
    aliases: Mapped[list[OrganisationAlias]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan", order_by="OrganisationAlias.id"
    )
    sources: Mapped[list[OrganisationSource]] = relationship(
        cascade="all, delete-orphan", order_by="OrganisationSource.source_id"
    )


class OrganisationAlias(Base):
    __tablename__ = "organisation_aliases"
    __table_args__ = (UniqueConstraint("organisation_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    alias: Mapped[str] = mapped_column(String(500))
    key: Mapped[str] = mapped_column(String(500), index=True)

    organisation: Mapped[Organisation] = relationship(back_populates="aliases")


class OrganisationSource(Base):
    __tablename__ = "organisation_sources"

    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), primary_key=True)
    supports: Mapped[list[str]] = mapped_column(JSON, default=list)

    source: Mapped[Source] = relationship()


class Deployment(Base):
    __tablename__ = "deployments"
    __table_args__ = (
        CheckConstraint("confidence >= 0 AND confidence <= 1", name="ck_confidence_range"),
        Index("ix_deployments_country_year", "country", "year"),
    )

    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    country: Mapped[str] = mapped_column(String(3))
    city: Mapped[str | None] = mapped_column(String(300))
    region: Mapped[str | None] = mapped_column(String(300))
    buyer_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    status: Mapped[str] = mapped_column(String(20), index=True)
    announced: Mapped[str | None] = mapped_column(String(10))
    started: Mapped[str | None] = mapped_column(String(10))
    ended: Mapped[str | None] = mapped_column(String(10))
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    contract_value: Mapped[float | None] = mapped_column(Float)
    currency: Mapped[str | None] = mapped_column(String(3))
    contract_value_scope: Mapped[str] = mapped_column(String(20), default="deployment")
    financing: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    disputes: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float, default=0.8)
    review_state: Mapped[str] = mapped_column(String(20), default="accepted", index=True)
    single_source: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    buyer: Mapped[Organisation | None] = relationship()
    technologies: Mapped[list[DeploymentTechnology]] = relationship(
        cascade="all, delete-orphan", order_by="DeploymentTechnology.technology"
    )
    suppliers: Mapped[list[DeploymentSupplier]] = relationship(
        cascade="all, delete-orphan", order_by="DeploymentSupplier.position"
    )
    sources: Mapped[list[DeploymentSource]] = relationship(
        cascade="all, delete-orphan", order_by="DeploymentSource.position"
    )


class DeploymentTechnology(Base):
    __tablename__ = "deployment_technologies"
    deployment_id: Mapped[str] = mapped_column(
        ForeignKey("deployments.id", ondelete="CASCADE"), primary_key=True
    )
    technology: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class DeploymentSupplier(Base):
    __tablename__ = "deployment_suppliers"
    deployment_id: Mapped[str] = mapped_column(
        ForeignKey("deployments.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(String(20), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    organisation: Mapped[Organisation] = relationship()


class DeploymentSource(Base):
    __tablename__ = "deployment_sources"

    deployment_id: Mapped[str] = mapped_column(
        ForeignKey("deployments.id", ondelete="CASCADE"), primary_key=True
    )
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), primary_key=True, index=True)
    supports: Mapped[list[str]] = mapped_column(JSON, default=list)
    position: Mapped[int] = mapped_column(Integer, default=0)

    source: Mapped[Source] = relationship()


class Listing(Base):
    """One entry of a restriction list, resolved to the organisation it names."""

    __tablename__ = "listings"
    __table_args__ = (
        UniqueConstraint("list_id", "organisation_id", "listed_name"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_id: Mapped[str] = mapped_column(String(40), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    listed_name: Mapped[str] = mapped_column(String(500))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    address: Mapped[str | None] = mapped_column(Text)
    listed: Mapped[str | None] = mapped_column(String(10))
    citation: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))

    organisation: Mapped[Organisation] = relationship()
    source: Mapped[Source | None] = relationship()


class Document(Base):
    """A document read by extraction, identified by the hash of its text."""

    __tablename__ = "documents"

    hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(1000))
    url: Mapped[str | None] = mapped_column(String(2000))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10))
    language: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Claim(Base):
    """A candidate claim found by extraction, with the evidence span that supports it."""

    __tablename__ = "claims"
    __table_args__ = (
        UniqueConstraint("document_hash", "country", "vendor_key", "technology", "evidence_start"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_hash: Mapped[str] = mapped_column(ForeignKey("documents.hash"), index=True)
    group_key: Mapped[str] = mapped_column(String(400), index=True)
    country: Mapped[str] = mapped_column(String(3))
    vendor: Mapped[str | None] = mapped_column(String(300))
    vendor_key: Mapped[str] = mapped_column(String(300), default="")
    technology: Mapped[str] = mapped_column(String(40))
    status: Mapped[str | None] = mapped_column(String(20))
    year: Mapped[int | None] = mapped_column(Integer)
    city: Mapped[str | None] = mapped_column(String(300))
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    evidence_text: Mapped[str] = mapped_column(Text)
    extractor: Mapped[str | None] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    document: Mapped[Document] = relationship()


class ReviewDecision(Base):
    """A person's judgement on a proposed deployment (a group of claims). Kept apart from the
    claims, so that re-running extraction never overwrites what a person decided."""

    __tablename__ = "review_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_key: Mapped[str] = mapped_column(String(400), index=True)
    decision: Mapped[str] = mapped_column(String(20))
    deployment_id: Mapped[str | None] = mapped_column(ForeignKey("deployments.id"))
    edits: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    note: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(200))
    decided_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Assessment(Base):
    """A saved safeguards scorecard and AI Act classification of a registry deployment."""

    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deployment_id: Mapped[str] = mapped_column(
        ForeignKey("deployments.id", ondelete="CASCADE"), index=True
    )
    card: Mapped[dict[str, object]] = mapped_column(JSON)
    assessed_by: Mapped[str] = mapped_column(String(200))
    assessed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AuditEntry(Base):
    """One change to the registry: who, when, what, before and after. Append-only (database
    triggers refuse UPDATE and DELETE) and chained: `hash` covers this entry and `prev_hash`,
    so editing, removing or re-ordering any entry breaks every hash after it (store/audit.py)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)

    # seq is assigned by store/audit.py from the chain head, not by the database, so that
    # it has no gaps and a missing entry shows as a missing number.
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(300))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The one row naming the last audit entry. Appenders lock it, so concurrent writers queue
    instead of forking the chain, and `audit verify` notices entries cut from the end."""

    __tablename__ = "audit_head"
    __table_args__ = (CheckConstraint("id = 1", name="ck_audit_head_single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


# --- accounts and contributions (migration 0005_accounts) ----------------------------------


class User(Base):
    """An account. Readers need none; the role (schema.yaml `roles`) says what else it may do."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))  # argon2id, with its parameters
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)


class ApiToken(Base):
    """A bearer token for scripts. Only its SHA-256 is stored: a copied database grants nothing."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)

    user: Mapped[User] = relationship()


class WebSession(Base):
    """A signed-in browser, by the SHA-256 of its cookie, with the CSRF token its forms carry."""

    __tablename__ = "sessions"

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime, index=True)

    user: Mapped[User] = relationship()


class Contribution(Base):
    """A deployment submitted by a contributor (a record in the registry's input format), kept as
    submitted; what a reviewer accepted, if edited, is kept beside it."""

    __tablename__ = "contributions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submitted_by: Mapped[str] = mapped_column(String(200))  # a name, so history outlives accounts
    submitted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    payload: Mapped[dict[str, object]] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    edited_payload: Mapped[dict[str, object] | None] = mapped_column(JSON)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    deployment_id: Mapped[str | None] = mapped_column(ForeignKey("deployments.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(Text)


# --- the AIGS layer (migration 0007_aigs_findings) ------------------------------------------


class AigsFinding(Base):
    """One finding of Carnegie's AI Global Surveillance index: a country × category, or a
    country × company. What AIGS says, cited, never a deployment (data/aigs/README.md)."""

    __tablename__ = "aigs_findings"
    __table_args__ = (UniqueConstraint("index_id", "country", "finding"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    index_id: Mapped[str] = mapped_column(String(20), index=True)
    country: Mapped[str] = mapped_column(String(3), index=True)
    finding: Mapped[str] = mapped_column(String(300))
    category: Mapped[str | None] = mapped_column(String(60))
    company: Mapped[str | None] = mapped_column(String(300))


class ListImport(Base):
    """One edition of a published list file, imported: which list, published when, which
    file (by SHA-256), and what changed against the previous edition of the same feed."""

    __tablename__ = "list_imports"
    __table_args__ = (UniqueConstraint("list_id", "feed", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_id: Mapped[str] = mapped_column(String(40), index=True)
    feed: Mapped[str] = mapped_column(String(40))  # the file format: one publication channel
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    published: Mapped[str] = mapped_column(String(10))
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    imported_by: Mapped[str | None] = mapped_column(String(200))
    entries: Mapped[int] = mapped_column(Integer)
    added: Mapped[int] = mapped_column(Integer)
    removed: Mapped[int] = mapped_column(Integer)
    changed: Mapped[int] = mapped_column(Integer)
    skipped: Mapped[int] = mapped_column(Integer)  # persons, vessels, aircraft: not suppliers


class ListEntryRow(Base):
    """One listing from an imported file, with the dates it was on the list: `from_date` is
    the designation date (or the first edition that had it), `to_date` the publication date
    of the first edition without it (null while listed)."""

    __tablename__ = "list_entries"
    __table_args__ = (Index("ix_list_entries_feed", "list_id", "feed", "to_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_id: Mapped[str] = mapped_column(String(40))
    feed: Mapped[str] = mapped_column(String(40))
    entry_key: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(1000))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    programs: Mapped[list[str]] = mapped_column(JSON, default=list)
    countries: Mapped[list[str]] = mapped_column(JSON, default=list)
    from_date: Mapped[str | None] = mapped_column(String(10))
    to_date: Mapped[str | None] = mapped_column(String(10))
    first_import_id: Mapped[int] = mapped_column(ForeignKey("list_imports.id"))
    last_import_id: Mapped[int] = mapped_column(ForeignKey("list_imports.id"))
    removed_import_id: Mapped[int | None] = mapped_column(ForeignKey("list_imports.id"))


class SearchRecord(Base):
    """The search index's document of one deployment or organisation: its words, folded by
    search_terms.words and kept apart by what they are, so that a name weighs more than a word
    of a description. SQLite indexes these rows in the FTS5 table `search_documents`, PostgreSQL
    in a weighted tsvector column `tsv` (both added by migration 0009, see store/search_index.py)."""

    __tablename__ = "search_records"
    __table_args__ = (UniqueConstraint("entity", "ref"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(20))  # "deployment" or "organisation"
    ref: Mapped[str] = mapped_column(String(300))  # deployment id or organisation key
    names: Mapped[str] = mapped_column(Text)  # organisations: names, legal names, aliases
    places: Mapped[str] = mapped_column(Text)  # city, region, country in four languages
    labels: Mapped[str] = mapped_column(Text)  # technologies and status, with their search terms
    body: Mapped[str] = mapped_column(Text)  # id, description, financing, disputes

class SearchWord(Base):
    """Every word of the search index without a digit, with the number of index documents that
    hold it: the lexicon that a misspelt query word is corrected against (through a trigram index, see
    store/search_index.py). Kept by search_index.refresh, never written elsewhere."""

    __tablename__ = "search_words"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # a stable rowid for SQLite's FTS5
    word: Mapped[str] = mapped_column(String(300), unique=True)
    documents: Mapped[int] = mapped_column(Integer)


class SearchName(Base):
    """A name a query may use whole: an organisation's name, legal name or alias (any script)
    and the places deployments name, normalised, with the record it came from."""

    __tablename__ = "search_names"
    __table_args__ = (Index("ix_search_names_record", "entity", "ref"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    phrase: Mapped[str] = mapped_column(String(1000), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # "vendor" or "place"
    value: Mapped[str] = mapped_column(String(1000))  # as the registry writes it
    entity: Mapped[str] = mapped_column(String(20))  # "deployment" or "organisation"
    ref: Mapped[str] = mapped_column(String(300))  # deployment id or organisation key
