"""imported editions of published restriction lists, and their entries with from/to dates

Revision ID: 0008_list_imports
Revises: 0007_aigs_findings
Create Date: 2026-12-03 06:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_list_imports"
down_revision = "0007_aigs_findings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "list_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.String(length=40), nullable=False),
        sa.Column("feed", sa.String(length=40), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("published", sa.String(length=10), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.String(length=200), nullable=True),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("removed", sa.Integer(), nullable=False),
        sa.Column("changed", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("list_id", "feed", "sha256"),
    )
    op.create_index("ix_list_imports_list_id", "list_imports", ["list_id"])
    op.create_table(
        "list_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.String(length=40), nullable=False),
        sa.Column("feed", sa.String(length=40), nullable=False),
        sa.Column("entry_key", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=1000), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("programs", sa.JSON(), nullable=False),
        sa.Column("countries", sa.JSON(), nullable=False),
        sa.Column("from_date", sa.String(length=10), nullable=True),
        sa.Column("to_date", sa.String(length=10), nullable=True),
        sa.Column("first_import_id", sa.Integer(), nullable=False),
        sa.Column("last_import_id", sa.Integer(), nullable=False),
        sa.Column("removed_import_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["first_import_id"], ["list_imports.id"]),
        sa.ForeignKeyConstraint(["last_import_id"], ["list_imports.id"]),
        sa.ForeignKeyConstraint(["removed_import_id"], ["list_imports.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_list_entries_feed", "list_entries", ["list_id", "feed", "to_date"])


def downgrade() -> None:
    op.drop_index("ix_list_entries_feed", table_name="list_entries")
    op.drop_table("list_entries")
    op.drop_index("ix_list_imports_list_id", table_name="list_imports")
    op.drop_table("list_imports")
