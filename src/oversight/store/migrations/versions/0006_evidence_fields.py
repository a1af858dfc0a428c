"""evidence fields: source undated_reason and date_from; deployment contract_value_scope and
single_source

Revision ID: 0006_evidence_fields
Revises: 0005_accounts
Create Date: 2026-12-03 06:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_evidence_fields"
down_revision = "0005_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sources") as table:
        table.add_column(sa.Column("undated_reason", sa.Text(), nullable=True))
        table.add_column(sa.Column("date_from", sa.String(length=10), nullable=True))
    with op.batch_alter_table("deployments") as table:
        table.add_column(sa.Column("contract_value_scope", sa.String(length=20), nullable=False,
                                   server_default="deployment"))
        table.add_column(sa.Column("single_source", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("deployments") as table:
        table.drop_column("single_source")
        table.drop_column("contract_value_scope")
    with op.batch_alter_table("sources") as table:
        table.drop_column("date_from")
        table.drop_column("undated_reason")
