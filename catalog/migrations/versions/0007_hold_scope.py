"""hold case and scope (rows, subjects)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 22:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("hold", schema=None) as batch_op:
        batch_op.add_column(sa.Column("case_ref", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("scope", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("hold", schema=None) as batch_op:
        batch_op.drop_column("scope")
        batch_op.drop_column("case_ref")
