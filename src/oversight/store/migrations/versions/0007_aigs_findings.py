"""AIGS findings: Carnegie's AI Global Surveillance index as a cited layer

Revision ID: 0007_aigs_findings
Revises: 0006_evidence_fields
Create Date: 2026-12-03 06:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_aigs_findings"
down_revision = "0006_evidence_fields"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "aigs_findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("index_id", sa.String(length=20), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=False),
        sa.Column("finding", sa.String(length=300), nullable=False),
        sa.Column("category", sa.String(length=60), nullable=True),
        sa.Column("company", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("index_id", "country", "finding"),
    )
    op.create_index("ix_aigs_findings_index_id", "aigs_findings", ["index_id"])
    op.create_index("ix_aigs_findings_country", "aigs_findings", ["country"])


def downgrade() -> None:
    op.drop_table("aigs_findings")
