"""Commands: `flask --app app ingest PATH|URL...`, `feeds add|list|remove|poll`, `export -o FILE`, `init-db`,
`build-basemap`."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from werkzeug.datastructures import MultiDict

from atlas.ingest import parallel
from atlas.ingest.batch import IngestReport, ingest_paths, ingest_urls
from atlas.ingest.fetch import Fetcher
from atlas.ingest.pages import Metadata
from atlas.store.write import StoreUnavailable, StoreWriter
from atlas.web import basemap, db, export, fetching
from atlas.web.db import OutdatedStore
from atlas.web.feeds import feeds_group
from atlas.web.params import ITEM_PARAMETERS, VIEW_PARAMETERS, BadParameter, parse_items, parse_limit, parse_view


def _on_current_store(command: Callable) -> Callable:
    """An outdated store ends the command with what to do, and exit status 2, as a store that cannot be written."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except OutdatedStore as error:
            click.echo(f"error: {error}", err=True)
            raise SystemExit(2) from None

    return run


@click.command("ingest")
@click.argument("sources", nargs=-1)
@click.option("--feed", "feeds", multiple=True, metavar="URL", help="Ingest every item of this RSS/Atom feed.")
@click.option("--outlet", help="The outlet of every article, whatever the input says.")
@click.option("--published", type=click.DateTime(["%Y-%m-%d"]), help="The publication date of every article.")
@click.option("--author", help="The author of every article.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: only on a terminal).")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Analyse articles in N worker processes (default: one per core for batches big enough).")
@click.option("--dask-scheduler", metavar="ADDRESS", help="Analyse on a Dask distributed cluster (tcp://host:port).")
@with_appcontext
@_on_current_store
def ingest_command(sources: tuple[str, ...], feeds: tuple[str, ...], outlet: str | None, published: date | None,
                   author: str | None, progress: bool | None, workers: int | None,
                   dask_scheduler: str | None) -> None:
    """Ingest articles from files and folders (.txt .md .html .json .jsonl .warc .warc.gz, recursively), from web
    pages (http:// or https:// addresses) and from the items of feeds (--feed)."""
    if not sources and not feeds:
        raise click.UsageError("give files, folders or web addresses to ingest, or --feed URL")
    overrides = Metadata(outlet=outlet, published=published.date() if published else None, author=author)
    if overrides == Metadata():
        overrides = None
    urls = [s for s in sources if s.lower().startswith(("http://", "https://"))]
    paths = [Path(s) for s in sources if s not in urls]
    writer = _writable_store()
    analysis = parallel.backend(workers, dask_scheduler, current_app.config["INGEST_TIME_BUDGET"])
    try:
        report = IngestReport()
        if paths:
            report = ingest_paths(paths, writer, analysis, current_app.config["INGEST_MAX_BYTES"], progress=progress,
                                  overrides=overrides)
        if urls or feeds:
            fetcher = Fetcher(fetching.policy(current_app, from_browser=False))
            report = _merged(report, ingest_urls(urls, fetcher, writer, analysis, overrides=overrides, feeds=feeds))
    finally:
        analysis.close()
    _print_report(report)
    if not report.ok:
        raise SystemExit(1)


def _writable_store() -> StoreWriter:
    writer = StoreWriter(db.engine())
    try:
        writer.check_writable()
    except StoreUnavailable as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(2) from None
    return writer


def _merged(first: IngestReport, second: IngestReport) -> IngestReport:
    return IngestReport(first.stored + second.stored, first.duplicates + second.duplicates,
                        first.mentions + second.mentions, first.problems + second.problems,
                        first.not_articles + second.not_articles, first.article_ids + second.article_ids)


def _print_report(report: IngestReport) -> None:
    for problem in report.problems:
        click.echo(f"FAILED {problem.source}: {problem.reason}", err=True)
    for passed in report.not_articles:
        click.echo(f"NOT AN ARTICLE {passed.source}: {passed.reason}", err=True)
    click.echo(
        f"stored {report.stored} article(s) with {report.mentions} mention(s); "
        f"{report.duplicates} already stored; {len(report.problems)} failed; {len(report.not_articles)} not articles"
    )


@click.command("export")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File to write; .csv gives one row per mention, .gpkg a GeoPackage, anything else GeoJSON.")
@click.option("--bbox", help="west,south,east,north")
@click.option("--from", "date_from", help="YYYY-MM-DD")
@click.option("--to", "date_to", help="YYYY-MM-DD")
@click.option("--outlet", multiple=True, help="Repeat for several outlets.")
@click.option("--limit", help="At most this many places, most mentioned first.")
@click.option("--type", "event_type", multiple=True, help="Only events of this PLOVER category (repeatable).")
@click.option("--actor", multiple=True, help="Only events with this actor (repeatable).")
@click.option("--stance", multiple=True, help="Only claims with this stance (repeatable).")
@click.option("--speaker", multiple=True, help="Only claims by this speaker (repeatable).")
@click.option("--min-confidence", help="Only events and claims at least this sure (0 to 1); default: all.")
@with_appcontext
@_on_current_store
def export_command(output: Path, bbox: str | None, date_from: str | None, date_to: str | None,
                   outlet: tuple[str, ...], limit: str | None, event_type: tuple[str, ...], actor: tuple[str, ...],
                   stance: tuple[str, ...], speaker: tuple[str, ...], min_confidence: str | None) -> None:
    """Export the places (with mentions), events and claims that the map would show with the same filters."""
    single = (("bbox", bbox), ("from", date_from), ("to", date_to), ("min_confidence", min_confidence))
    args = MultiDict([(k, v) for k, v in single if v])
    for name, values in (("outlet", outlet), ("type", event_type), ("actor", actor), ("stance", stance),
                         ("speaker", speaker)):
        args.setlist(name, list(values))
    try:
        view = parse_view(args, VIEW_PARAMETERS | ITEM_PARAMETERS)
        max_places = parse_limit(limit, None)
        items = parse_items(args)
    except BadParameter as error:
        raise click.BadParameter(str(error)) from None
    suffix = output.suffix.lower()
    if suffix == ".gpkg":
        output.write_bytes(export.export_gpkg(db.connection(), view, max_places, items))
    else:
        write = export.export_csv if suffix == ".csv" else export.export_geojson
        output.write_text(write(db.connection(), view, max_places, items), encoding="utf-8")
    click.echo(f"wrote {output}")


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Empty the store (drop and recreate every table)."""
    db.rebuild()
    click.echo("store emptied")


@click.command("build-basemap")
@with_appcontext
def build_basemap_command() -> None:
    """Write the offline basemap (simplified Natural Earth countries) to BASEMAP_PATH, its names and the first-level
    units beside it (needs the gazetteer index)."""
    for path, size in basemap.build(Path(current_app.config["BASEMAP_PATH"])).items():
        click.echo(f"wrote {path} ({size} bytes)")


def init_app(app: Flask) -> None:
    for command in (ingest_command, feeds_group, export_command, init_db_command, build_basemap_command):
        app.cli.add_command(command)
