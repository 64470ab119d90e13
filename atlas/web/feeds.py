"""Feeds the analysts follow: `flask --app app feeds add|list|remove|poll` and the page that lists them.

Polling is a command (run it from cron) rather than a button: the page only reads the store, so nothing a browser
does makes the server fetch anything.
"""

from __future__ import annotations

import click
from flask import Blueprint, current_app, render_template
from flask.cli import AppGroup, with_appcontext

from atlas.ingest import parallel
from atlas.ingest.fetch import Fetcher, FetchError, normalise_url
from atlas.ingest.following import poll_all
from atlas.store import feeds
from atlas.web import db, fetching

bp = Blueprint("feeds", __name__)
feeds_group = AppGroup("feeds", help="Follow RSS/Atom feeds and ingest their new items.")


@bp.get("/feeds")
def feeds_page():
    return render_template("feeds.html", feeds=feeds.followed(db.connection()))


@feeds_group.command("add")
@click.argument("urls", nargs=-1, required=True)
@with_appcontext
def add_command(urls: tuple[str, ...]) -> None:
    """Follow feeds (their items are ingested by `feeds poll`)."""
    for url in urls:
        try:
            address = normalise_url(url)
        except FetchError as error:
            raise click.BadParameter(str(error)) from None
        _id, new = feeds.follow(db.engine(), address)
        click.echo(f"{'following' if new else 'already following'} {address}")


@feeds_group.command("remove")
@click.argument("url")
@with_appcontext
def remove_command(url: str) -> None:
    """Stop following a feed (what it brought stays in the store)."""
    if not feeds.unfollow(db.engine(), normalise_url(url)):
        raise click.ClickException(f"not following {url}")
    click.echo(f"no longer following {url}")


@feeds_group.command("list")
@with_appcontext
def list_command() -> None:
    """The followed feeds, with the time and outcome of their last poll."""
    for feed in feeds.followed(db.connection()):
        when = feed.polled_at.strftime("%Y-%m-%d %H:%M UTC") if feed.polled_at else "never polled"
        state = "" if feed.ok is None else ("ok" if feed.ok else "FAILED")
        click.echo(f"{feed.url}\t{feed.title or ''}\t{when}\t{state}\t{feed.outcome or ''}\t"
                   f"{feed.stored_total} stored in all")


@feeds_group.command("poll")
@click.option("--workers", type=click.IntRange(1, 64), default=1, help="Analyse in N worker processes.")
@with_appcontext
def poll_command(workers: int) -> None:
    """Fetch every followed feed and ingest its new items. Exit status 1 if any feed or item failed."""
    writer_engine = db.engine()
    fetcher = Fetcher(fetching.policy(current_app, from_browser=False))
    analysis = parallel.backend(workers, None, current_app.config["INGEST_TIME_BUDGET"])
    try:
        results = poll_all(writer_engine, fetcher, analysis)
    finally:
        analysis.close()
    for result in results:
        click.echo(f"{'ok' if result.ok else 'FAILED'} {result.url}: {result.outcome}", err=not result.ok)
    if not results:
        click.echo("no feeds followed; add one with `flask --app app feeds add URL`")
    if not all(result.ok for result in results):
        raise SystemExit(1)
