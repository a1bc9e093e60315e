"""finding share, subject tokens

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 21:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("finding", schema=None) as batch_op:
        batch_op.add_column(sa.Column("share", sa.Float(), nullable=True))
    op.create_table(
        "subject_token",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("entity_type", sa.String(length=60), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["item.id"], name=op.f("fk_subject_token_item_id_item"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subject_token")),
        sa.UniqueConstraint("item_id", "token", name=op.f("uq_subject_token_item_id")),
    )
    with op.batch_alter_table("subject_token", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_subject_token_item_id"), ["item_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_subject_token_token"), ["token"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("subject_token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_subject_token_token"))
        batch_op.drop_index(batch_op.f("ix_subject_token_item_id"))
    op.drop_table("subject_token")
    with op.batch_alter_table("finding", schema=None) as batch_op:
        batch_op.drop_column("share")
