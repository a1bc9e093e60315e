"""`expunge dashboard` and `expunge users`: the privacy officer's web interface and its users."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from catalog.store import Catalog
from expunge.app import open_app
from expunge.cli_common import FormatOption, err, fail_usage, state
from expunge.dashboard.users import Role, UserError, add_user, disable_user, list_users
from expunge.output import Format, emit

PASSWORD_ENV = "EXPUNGE_PASSWORD"
users_app = typer.Typer(help="Dashboard users and their roles.", no_args_is_help=True)


def register_dashboard(app: typer.Typer) -> None:
    """Attach these commands to the main application."""
    app.command()(dashboard)
    app.add_typer(users_app, name="users")


def dashboard(ctx: typer.Context,
              host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
              port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
              secure_cookies: Annotated[bool, typer.Option(
                  help="Mark cookies Secure even when the proxy does not say https.")] = False,
              ) -> None:
    """Serve the dashboard (put it behind a TLS reverse proxy; set EXPUNGE_SECRET_KEY)."""
    import uvicorn

    from expunge.dashboard.app import create_app
    from expunge.dashboard.settings import DashboardSettings

    settings = DashboardSettings(secure_cookies=secure_cookies)
    if settings.secret_is_ephemeral:
        err.print("[yellow]EXPUNGE_SECRET_KEY is not set: sessions end when this process "
                  "does, and several dashboard processes cannot share them[/yellow]")
    with open_app(state(ctx).config()) as app_:
        uvicorn.run(create_app(app_, settings), host=host, port=port, proxy_headers=True,
                    server_header=False, log_level="warning")


def _password() -> str:
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    return str(typer.prompt("password", hide_input=True, confirmation_prompt=True))


def _catalog(ctx: typer.Context) -> Catalog:
    return Catalog(state(ctx).config().catalog)


@users_app.command("add")
def users_add(ctx: typer.Context, name: Annotated[str, typer.Argument()],
              role: Annotated[Role, typer.Option(help="admin, officer, researcher or auditor.")],
              ) -> None:
    """Add a user; the password comes from $EXPUNGE_PASSWORD or a prompt."""
    catalog = _catalog(ctx)
    try:
        with catalog.session() as session:
            add_user(session, state(ctx).user, name, role.value, _password())
    except UserError as exc:
        fail_usage(str(exc))
    finally:
        catalog.close()
    err.print(f"user {name} added as {role.value}")


@users_app.command("list")
def users_list(ctx: typer.Context, fmt: FormatOption = Format.table) -> None:
    """List users (never their hashes)."""
    catalog = _catalog(ctx)
    try:
        with catalog.session() as session:
            rows = list_users(session)
    finally:
        catalog.close()
    emit(rows, fmt, title="users")


@users_app.command("disable")
def users_disable(ctx: typer.Context, name: Annotated[str, typer.Argument()]) -> None:
    """Disable a user; their sessions end at once."""
    catalog = _catalog(ctx)
    try:
        with catalog.session() as session:
            disable_user(session, state(ctx).user, name)
    except UserError as exc:
        fail_usage(str(exc))
    finally:
        catalog.close()
    err.print(f"user {name} disabled")
