"""claims, documents and review decisions

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 04:00:27.715551
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("doc_id", sa.String(length=1000), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.String(length=10), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("hash"),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_hash", sa.String(length=64), nullable=False),
        sa.Column("group_key", sa.String(length=400), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=False),
        sa.Column("vendor", sa.String(length=300), nullable=True),
        sa.Column("vendor_key", sa.String(length=300), nullable=False),
        sa.Column("technology", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("city", sa.String(length=300), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("evidence_text", sa.Text(), nullable=False),
        sa.Column("extractor", sa.String(length=60), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_hash"],
            ["documents.hash"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_hash", "country", "vendor_key", "technology", "evidence_start"),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claims_document_hash"), ["document_hash"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_group_key"), ["group_key"], unique=False)

    op.create_table(
        "review_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_key", sa.String(length=400), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("deployment_id", sa.String(length=120), nullable=True),
        sa.Column("edits", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.String(length=200), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["deployment_id"],
            ["deployments.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("review_decisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_decisions_group_key"), ["group_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("review_decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_decisions_group_key"))

    op.drop_table("review_decisions")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_group_key"))
        batch_op.drop_index(batch_op.f("ix_claims_document_hash"))

    op.drop_table("claims")
    op.drop_table("documents")
