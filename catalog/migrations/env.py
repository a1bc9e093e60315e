"""Alembic environment: runs on the connection the catalog hands over."""

from __future__ import annotations

from alembic import context

from catalog.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the catalog runs migrations
    raise RuntimeError("catalog migrations run through catalog.store.migrate()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
