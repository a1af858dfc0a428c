"""the search index: documents, names and words of deployments and organisations, indexed by
SQLite FTS5 (bm25, trigram) or PostgreSQL full text (tsvector, GIN) and pg_trgm

Revision ID: 0009_search_index
Revises: 0008_list_imports
Create Date: 2026-12-03 09:50:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from oversight.store import search_index

revision = "0009_search_index"
down_revision = "0008_list_imports"
branch_labels = None
depends_on = None

SQLITE = (
    # unicode61 splits on the spaces search_terms.words left; remove_diacritics folds what
    # a query typed straight into SQL might still carry.
    "CREATE VIRTUAL TABLE search_documents USING fts5(names, places, labels, body, "
    "content='search_records', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_records_ai AFTER INSERT ON search_records BEGIN "
    "INSERT INTO search_documents(rowid, names, places, labels, body) "
    "VALUES (new.id, new.names, new.places, new.labels, new.body); END",
    "CREATE TRIGGER search_records_ad AFTER DELETE ON search_records BEGIN "
    "INSERT INTO search_documents(search_documents, rowid, names, places, labels, body) "
    "VALUES ('delete', old.id, old.names, old.places, old.labels, old.body); END",
    "CREATE TRIGGER search_records_au AFTER UPDATE ON search_records BEGIN "
    "INSERT INTO search_documents(search_documents, rowid, names, places, labels, body) "
    "VALUES ('delete', old.id, old.names, old.places, old.labels, old.body); "
    "INSERT INTO search_documents(rowid, names, places, labels, body) "
    "VALUES (new.id, new.names, new.places, new.labels, new.body); END",
    "CREATE VIRTUAL TABLE search_words_trigram USING fts5(word, content='search_words', "
    "content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER search_words_ai AFTER INSERT ON search_words BEGIN "
    "INSERT INTO search_words_trigram(rowid, word) VALUES (new.id, new.word); END",
    "CREATE TRIGGER search_words_ad AFTER DELETE ON search_words BEGIN "
    "INSERT INTO search_words_trigram(search_words_trigram, rowid, word) "
    "VALUES ('delete', old.id, old.word); END",
)
POSTGRES = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE search_records ADD COLUMN tsv tsvector NOT NULL",
    "CREATE INDEX ix_search_records_tsv ON search_records USING gin (tsv)",
    "CREATE INDEX ix_search_words_trigram ON search_words USING gin (word gin_trgm_ops)",
)


def upgrade() -> None:
    op.create_table(
        "search_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("ref", sa.String(length=300), nullable=False),
        sa.Column("names", sa.Text(), nullable=False),
        sa.Column("places", sa.Text(), nullable=False),
        sa.Column("labels", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("entity", "ref"),
    )
    op.create_table(
        "search_words",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("word", sa.String(length=300), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("word"),
    )
    op.create_table(
        "search_names",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("phrase", sa.String(length=1000), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("value", sa.String(length=1000), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("ref", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_search_names_phrase", "search_names", ["phrase"])
    op.create_index("ix_search_names_record", "search_names", ["entity", "ref"])
    bind = op.get_bind()
    for statement in POSTGRES if bind.dialect.name == "postgresql" else SQLITE:
        op.execute(statement)
    # Fill the index from the registry as it stands (the current models read it).
    with Session(bind=bind) as session:
        search_index.rebuild(session)
        session.flush()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("search_records_ai", "search_records_ad", "search_records_au",
                     "search_words_ai", "search_words_ad"):
            op.execute(f"DROP TRIGGER {name}")
        op.execute("DROP TABLE search_words_trigram")
        op.execute("DROP TABLE search_documents")
    op.drop_index("ix_search_names_record", table_name="search_names")
    op.drop_index("ix_search_names_phrase", table_name="search_names")
    op.drop_table("search_names")
    op.drop_table("search_words")
    op.drop_table("search_records")
