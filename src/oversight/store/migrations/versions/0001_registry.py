"""registry: organisations, deployments, sources, listings

Revision ID: 0001
Revises:
Create Date: 2026-11-22 03:20:31.998932
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("legal_name", sa.String(length=500), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("website", sa.String(length=500), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["organisations.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisations_country"), ["country"], unique=False)

    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("publisher", sa.String(length=300), nullable=True),
        sa.Column("published", sa.String(length=10), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("url"),
    )
    op.create_table(
        "deployments",
        sa.Column("id", sa.String(length=120), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=False),
        sa.Column("city", sa.String(length=300), nullable=True),
        sa.Column("region", sa.String(length=300), nullable=True),
        sa.Column("buyer_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("announced", sa.String(length=10), nullable=True),
        sa.Column("started", sa.String(length=10), nullable=True),
        sa.Column("ended", sa.String(length=10), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("contract_value", sa.Float(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("financing", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("disputes", sa.Text(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("review_state", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("confidence >= 0 AND confidence <= 1", name="ck_confidence_range"),
        sa.ForeignKeyConstraint(
            ["buyer_id"],
            ["organisations.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("deployments", schema=None) as batch_op:
        batch_op.create_index("ix_deployments_country_year", ["country", "year"], unique=False)
        batch_op.create_index(batch_op.f("ix_deployments_review_state"), ["review_state"], unique=False)
        batch_op.create_index(batch_op.f("ix_deployments_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_deployments_year"), ["year"], unique=False)

    op.create_table(
        "listings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.String(length=40), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("listed_name", sa.String(length=500), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("listed", sa.String(length=10), nullable=True),
        sa.Column("citation", sa.Text(), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("list_id", "organisation_id", "listed_name"),
    )
    with op.batch_alter_table("listings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_listings_list_id"), ["list_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_listings_organisation_id"), ["organisation_id"], unique=False)

    op.create_table(
        "organisation_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=500), nullable=False),
        sa.Column("key", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("organisation_id", "key"),
    )
    with op.batch_alter_table("organisation_aliases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisation_aliases_key"), ["key"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_organisation_aliases_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "organisation_sources",
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("supports", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
        ),
        sa.PrimaryKeyConstraint("organisation_id", "source_id"),
    )
    op.create_table(
        "deployment_sources",
        sa.Column("deployment_id", sa.String(length=120), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("supports", sa.JSON(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["deployment_id"], ["deployments.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
        ),
        sa.PrimaryKeyConstraint("deployment_id", "source_id"),
    )
    with op.batch_alter_table("deployment_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deployment_sources_source_id"), ["source_id"], unique=False)

    op.create_table(
        "deployment_suppliers",
        sa.Column("deployment_id", sa.String(length=120), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["deployment_id"], ["deployments.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
        ),
        sa.PrimaryKeyConstraint("deployment_id", "organisation_id", "role"),
    )
    with op.batch_alter_table("deployment_suppliers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_deployment_suppliers_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "deployment_technologies",
        sa.Column("deployment_id", sa.String(length=120), nullable=False),
        sa.Column("technology", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["deployment_id"], ["deployments.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("deployment_id", "technology"),
    )
    with op.batch_alter_table("deployment_technologies", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_deployment_technologies_technology"), ["technology"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("deployment_technologies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deployment_technologies_technology"))

    op.drop_table("deployment_technologies")
    with op.batch_alter_table("deployment_suppliers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deployment_suppliers_organisation_id"))

    op.drop_table("deployment_suppliers")
    with op.batch_alter_table("deployment_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deployment_sources_source_id"))

    op.drop_table("deployment_sources")
    op.drop_table("organisation_sources")
    with op.batch_alter_table("organisation_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_aliases_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_organisation_aliases_key"))

    op.drop_table("organisation_aliases")
    with op.batch_alter_table("listings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_listings_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_listings_list_id"))

    op.drop_table("listings")
    with op.batch_alter_table("deployments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deployments_year"))
        batch_op.drop_index(batch_op.f("ix_deployments_status"))
        batch_op.drop_index(batch_op.f("ix_deployments_review_state"))
        batch_op.drop_index("ix_deployments_country_year")

    op.drop_table("deployments")
    op.drop_table("sources")
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisations_country"))

    op.drop_table("organisations")
