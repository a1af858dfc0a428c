"""The search index, kept by the database's own full-text features.

Each deployment and each supplier organisation has one row in `search_records` (its words, by
field) and its names in `search_names`; every word of the index is in `search_words`.
- SQLite: the FTS5 table `search_documents` indexes search_records (external content, kept by
  triggers) and ranks with bm25; the FTS5 trigram table `search_words_trigram` finds the words
  that share letters with a misspelt one.
- PostgreSQL: search_records.tsv is a weighted tsvector under a GIN index, ranked with ts_rank;
  pg_trgm's GIN index on search_words.word finds the words similar to a misspelt one.
Words are split here (search_terms.words), not by either database's parser, so that both hold
the same words and find the same records. `refresh` runs in the writer's transaction: the loader
(which review acceptance, contributions and admin edits go through) and deletion call it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Float, Row, String, delete, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql import Subquery

from oversight.store.models import (
    Deployment,
    DeploymentSupplier,
    DeploymentTechnology,
    Organisation,
    OrganisationAlias,
    SearchName,
    SearchRecord,
    SearchWord,
)
from oversight.store.search_terms import country_names, term_phrases, words

FIELDS = ("names", "places", "labels", "body")
TSVECTOR_WEIGHTS = dict(zip(FIELDS, "ABCD", strict=True))
BM25_WEIGHTS = "8.0, 4.0, 2.0, 1.0"  # names, places, labels, body: a name weighs most, as tsvector's A
MAX_POSITION = 16383  # PostgreSQL's largest tsvector position
CANDIDATES = 100  # similar words read per misspelt word
CHUNK = 500
# Objects of the index that models.py cannot describe (virtual tables and their shadow tables,
# PostgreSQL-only columns and indexes); the schema comparison of the migration tests skips them.
INDEX_ONLY = ("search_documents", "search_words_trigram", "tsv", "ix_search_records_tsv",
              "ix_search_words_trigram")


def index_only(name: str | None) -> bool:
    return bool(name) and any(name == n or name.startswith(f"{n}_") for n in INDEX_ONLY)


@dataclass(frozen=True)
class Document:
    """What the index holds for one record: words by field, and the names a query may use whole."""

    entity: str
    ref: str
    fields: dict[str, list[str]]
    names: list[tuple[str, str, str]]  # (normalised phrase, "vendor" or "place", as written)

    def words(self) -> set[str]:
        return {word for field in self.fields.values() for word in field}

    def row(self) -> dict[str, str]:
        return {"entity": self.entity, "ref": self.ref,
                **{name: " ".join(self.fields[name]) for name in FIELDS}}

    def tsvector(self) -> str:
        """The tsvector literal of the document: each word with its positions and the weight of
        its field, so PostgreSQL neither parses nor stems what search_terms.words split."""
        positions: dict[str, list[str]] = {}
        position = 0
        for name in FIELDS:
            for word in self.fields[name]:
                position = min(position + 1, MAX_POSITION)
                positions.setdefault(word, []).append(f"{position}{TSVECTOR_WEIGHTS[name]}")
        return " ".join(f"{_quoted(word)}:{','.join(marks)}" for word, marks in positions.items())


def _quoted(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _organisation_names(session: Session, ids: set[int]) -> dict[int, list[str]]:
    """Name, legal name and aliases of each organisation (as written)."""
    names: dict[int, list[str]] = {}
    for chunk in _chunks(sorted(ids)):
        own = (select(Organisation.id, Organisation.name, Organisation.legal_name)
               .where(Organisation.id.in_(chunk)))
        for org_id, name, legal_name in session.execute(own):
            names[org_id] = [n for n in (name, legal_name) if n]
        aliases = (select(OrganisationAlias.organisation_id, OrganisationAlias.alias)
                   .where(OrganisationAlias.organisation_id.in_(chunk)).order_by(OrganisationAlias.id))
        for org_id, alias in session.execute(aliases):
            names[org_id].append(alias)
    return names


def _deployment_documents(session: Session, ids: Sequence[str]) -> list[Document]:
    """Read with plain queries, not the ORM: a load of 100,000 deployments indexes them all."""
    documents: list[Document] = []
    for chunk in _chunks(ids):
        rows = session.execute(select(
            Deployment.id, Deployment.country, Deployment.city, Deployment.region, Deployment.status,
            Deployment.description, Deployment.financing, Deployment.disputes, Deployment.buyer_id,
        ).where(Deployment.id.in_(chunk))).all()
        technologies: dict[str, list[str]] = defaultdict(list)
        for dep_id, technology in session.execute(select(
                DeploymentTechnology.deployment_id, DeploymentTechnology.technology)
                .where(DeploymentTechnology.deployment_id.in_(chunk))):
            technologies[dep_id].append(technology)
        orgs: dict[str, list[int]] = defaultdict(list)
        for dep_id, org_id in session.execute(select(
                DeploymentSupplier.deployment_id, DeploymentSupplier.organisation_id)
                .where(DeploymentSupplier.deployment_id.in_(chunk)).order_by(DeploymentSupplier.position)):
            orgs[dep_id].append(org_id)
        for row in rows:
            if row.buyer_id is not None:
                orgs[row.id].append(row.buyer_id)
        names = _organisation_names(session, {org_id for found in orgs.values() for org_id in found})
        # split each organisation's names once, not once per deployment it took part in
        org_words = {org_id: [w for name in found for w in words(name)] for org_id, found in names.items()}
        documents += [_deployment_document(row, sorted(technologies[row.id]),
                                           [w for org_id in orgs[row.id] for w in org_words[org_id]])
                      for row in rows]
    return documents


def _deployment_document(dep: Row[Any], technologies: list[str], org_words: list[str]) -> Document:
    places = [p.strip() for value in (dep.city, dep.region) if value for p in value.split(";") if p.strip()]
    labels = [*(p for t in technologies for p in term_phrases("technology", t)),
              *term_phrases("status", dep.status)]
    return Document("deployment", dep.id, {
        "names": org_words,
        "places": [w for p in places for w in words(p)] + [w for p in country_names(dep.country)
                                                            for w in p.split()],
        "labels": [w for phrase in labels for w in phrase.split()],
        "body": [w for value in (dep.id, dep.description, dep.financing, dep.disputes) if value
                 for w in words(value)],
    }, [(" ".join(words(p)), "place", p) for p in places if words(p)])


def _organisation_documents(session: Session, keys: Sequence[str]) -> list[Document]:
    """Suppliers only: buyer agencies are found through their deployments."""
    documents: list[Document] = []
    for chunk in _chunks(keys):
        rows = session.execute(select(
            Organisation.id, Organisation.key, Organisation.name, Organisation.kind, Organisation.country,
            Organisation.description, Organisation.website,
        ).where(Organisation.key.in_(chunk), Organisation.kind != "buyer_agency")).all()
        names = _organisation_names(session, {row.id for row in rows})
        documents += [Document("organisation", row.key, {
            "names": [w for name in names[row.id] for w in words(name)],
            "places": [w for p in (country_names(row.country) if row.country else ()) for w in p.split()],
            "labels": words(row.kind),
            "body": [w for value in (row.description, row.website) if value for w in words(value)],
        }, [(" ".join(words(n)), "vendor", row.name) for n in names[row.id] if words(n)]) for row in rows]
    return documents


def refresh(session: Session, *, deployments: Iterable[str] = (), organisations: Iterable[str] = ()) -> None:
    """Bring the index in step with these deployments (ids) and organisations (keys), in the
    caller's transaction. An organisation's deployments are refreshed with it, since their
    documents hold its names; records that no longer exist leave the index."""
    session.flush()
    org_keys = sorted(set(organisations))
    dep_ids = set(deployments)
    for chunk in _chunks(org_keys):
        ids = select(Organisation.id).where(Organisation.key.in_(chunk))
        dep_ids |= set(session.scalars(select(DeploymentSupplier.deployment_id)
                                       .where(DeploymentSupplier.organisation_id.in_(ids))))
        dep_ids |= set(session.scalars(select(Deployment.id).where(Deployment.buyer_id.in_(ids))))
    documents = _organisation_documents(session, org_keys) + _deployment_documents(session, sorted(dep_ids))
    _replace(session, [("organisation", org_keys), ("deployment", sorted(dep_ids))], documents)


def rebuild(session: Session) -> None:
    """Index every deployment and organisation afresh."""
    session.execute(delete(SearchRecord))
    session.execute(delete(SearchName))
    session.execute(delete(SearchWord))
    refresh(session, deployments=session.scalars(select(Deployment.id)).all(),
            organisations=session.scalars(select(Organisation.key)).all())


def _replace(session: Session, records: list[tuple[str, Sequence[str]]], documents: list[Document]) -> None:
    """Swap the stored documents of these records for `documents`, and count the words in and
    out of the lexicon."""
    counts: Counter[str] = Counter()
    for entity, refs in records:
        for chunk in _chunks(refs):
            where = (SearchRecord.entity == entity, SearchRecord.ref.in_(chunk))
            for row in session.execute(select(*(getattr(SearchRecord, f) for f in FIELDS)).where(*where)):
                counts.subtract(_lexicon({w for value in row for w in value.split()}))
            session.execute(delete(SearchRecord).where(*where))
            session.execute(delete(SearchName).where(SearchName.entity == entity, SearchName.ref.in_(chunk)))
    postgres = session.get_bind().dialect.name == "postgresql"
    columns = ", ".join(("entity", "ref", *FIELDS, *(("tsv",) if postgres else ())))
    values = ", ".join((":entity", ":ref", *(f":{f}" for f in FIELDS),
                        *(("CAST(:tsv AS tsvector)",) if postgres else ())))
    rows = [{**doc.row(), **({"tsv": doc.tsvector()} if postgres else {})} for doc in documents]
    if rows:
        session.execute(text(f"INSERT INTO search_records ({columns}) VALUES ({values})"), rows)
    names = [{"phrase": phrase, "kind": kind, "value": value, "entity": doc.entity, "ref": doc.ref}
             for doc in documents for phrase, kind, value in dict.fromkeys(doc.names)]
    if names:
        session.execute(SearchName.__table__.insert(), names)
    for doc in documents:
        counts.update(_lexicon(doc.words()))
    _count_words(session, counts)


def _lexicon(found: set[str]) -> set[str]:
    """The words a misspelling may be corrected to: not numbers, ids or codes with digits (a
    mistyped number is another number, not a typo), which would also make most of the lexicon."""
    return {word for word in found if not any(ch.isdigit() for ch in word)}


def _count_words(session: Session, counts: Counter[str]) -> None:
    more = [{"word": w, "documents": n} for w, n in sorted(counts.items()) if n > 0]
    fewer = [(w, -n) for w, n in sorted(counts.items()) if n < 0]
    if more:
        dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
        insert = dialect.insert(SearchWord)
        session.execute(insert.on_conflict_do_update(
            index_elements=[SearchWord.word],
            set_={"documents": SearchWord.documents + insert.excluded.documents}), more)
    for word, n in fewer:
        session.execute(update(SearchWord).where(SearchWord.word == word)
                        .values(documents=SearchWord.documents - n))
    if fewer:
        session.execute(delete(SearchWord).where(SearchWord.documents <= 0))


# --- reading --------------------------------------------------------------------------------


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _match_expression(session: Session, terms: list[str]) -> str:
    """A query in the database's own syntax: every term must begin a word of the document
    ("camera" finds "cameras")."""
    if _postgres(session):
        return " & ".join(f"{_quoted(term)}:*" for term in terms)
    return " AND ".join('"' + term.replace('"', '""') + '"*' for term in terms)


def ranked(session: Session, entity: str, terms: list[str]) -> Subquery:
    """The records of `entity` whose documents match every term, as (ref, score), a higher
    score for a better match: bm25 on SQLite, ts_rank on PostgreSQL."""
    expression = _match_expression(session, terms)
    if _postgres(session):
        sql = ("SELECT ref, ts_rank(tsv, CAST(:expression AS tsquery)) AS score FROM search_records "
               "WHERE entity = :entity AND tsv @@ CAST(:expression AS tsquery)")
    else:
        sql = (f"SELECT r.ref AS ref, -bm25(search_documents, {BM25_WEIGHTS}) AS score "
               "FROM search_documents JOIN search_records AS r ON r.id = search_documents.rowid "
               "WHERE search_documents MATCH :expression AND r.entity = :entity")
    return (text(sql).bindparams(expression=expression, entity=entity)
            .columns(ref=String, score=Float).subquery(f"ranked_{entity}"))


def begins_a_word(session: Session, word: str) -> bool:
    """Whether some indexed document has a word that starts with `word`."""
    expression = _match_expression(session, [word])
    sql = ("SELECT 1 FROM search_records WHERE tsv @@ CAST(:expression AS tsquery) LIMIT 1"
           if _postgres(session) else
           "SELECT 1 FROM search_documents WHERE search_documents MATCH :expression LIMIT 1")
    return session.execute(text(sql), {"expression": expression}).first() is not None


def similar_words(session: Session, word: str) -> list[tuple[str, int]]:
    """Words of the lexicon that share letter trigrams with `word`, with the number of documents
    that hold them: the candidates among which a misspelling's correction is chosen."""
    if _postgres(session):
        sql = ("SELECT word, documents FROM search_words WHERE word % :word "
               "ORDER BY similarity(word, :word) DESC, word LIMIT :limit")
        return [tuple(row) for row in session.execute(text(sql), {"word": word, "limit": CANDIDATES})]
    trigrams = sorted({word[i : i + 3] for i in range(len(word) - 2)})
    if not trigrams:
        return []
    sql = ("SELECT w.word, w.documents FROM search_words_trigram "
           "JOIN search_words AS w ON w.id = search_words_trigram.rowid "
           "WHERE search_words_trigram MATCH :expression ORDER BY rank, w.word LIMIT :limit")
    expression = " OR ".join(f'"{t}"' for t in trigrams if '"' not in t)
    return [tuple(row) for row in session.execute(text(sql), {"expression": expression, "limit": CANDIDATES})]


def names(session: Session, phrases: Iterable[str]) -> dict[str, tuple[str, str]]:
    """The registry names among `phrases`: phrase -> ("vendor", organisation) or ("place", as
    written); an organisation wins over a place of the same name."""
    found: dict[str, tuple[str, str]] = {}
    wanted = sorted(set(phrases))
    for chunk in _chunks(wanted):
        rows = session.execute(select(SearchName.phrase, SearchName.kind, SearchName.value)
                               .where(SearchName.phrase.in_(chunk))
                               .order_by(SearchName.kind.desc(), SearchName.value))
        for phrase, kind, value in rows:
            found.setdefault(phrase, (kind, value))
    return found

