"""Tables of the store, written with SQLAlchemy Core so that SQLite and PostgreSQL share one definition.

Places keep a copy of their gazetteer geometry (and a lighter one for drawing) so that serving and exporting never
open the gazetteer. Events and claims are merged across articles: one row each, whose sources (`event_sources`,
`claim_sources`) point at every article and sentence that reports it, so a second outlet's report of the same event
adds a source rather than a second event.
"""

from __future__ import annotations

import sqlalchemy as sa

from atlas.store.spatial import Footprint

metadata = sa.MetaData()

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("outlet", sa.String(200), nullable=False, index=True),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.Date, index=True),
    sa.Column("published_inferred", sa.Boolean, nullable=False, default=False),
    sa.Column("original_text", sa.Text, nullable=False),
    sa.Column("cleaned_text", sa.Text, nullable=False),
    sa.Column("source", sa.Text, nullable=False),  # file (and line) or address the article came from, for provenance
    sa.Column("author", sa.String(300)),
    sa.Column("language", sa.String(35)),  # BCP 47 tag, as the page declared it
    # The (normalised, ASCII) address the page was fetched from, so a feed's next poll does not fetch it again.
    sa.Column("fetched_url", sa.String(2000), index=True),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

places = sa.Table(
    "places",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),  # the gazetteer id
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("search_key", sa.Text, nullable=False, index=True),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("lat", sa.Float, nullable=False),
    sa.Column("lon", sa.Float, nullable=False),
    sa.Column("minx", sa.Float, nullable=False),
    sa.Column("miny", sa.Float, nullable=False),
    sa.Column("maxx", sa.Float, nullable=False),
    sa.Column("maxy", sa.Float, nullable=False),
    sa.Column("size_class", sa.SmallInteger, nullable=False),  # see atlas.store.geometry.size_class: the bbox index
    sa.Column("approximate", sa.Boolean, nullable=False, default=False),
    sa.Column("source", sa.Text),
    sa.Column("licence", sa.Text),
    sa.Column("geometry", sa.Text, nullable=False),  # RFC 7946 geometry, JSON text, as in the gazetteer
    sa.Column("display_geometry", sa.Text, nullable=False),  # simplified copy for the map; == geometry for points
    sa.Column("footprint", Footprint()),  # PostGIS geometry on PostgreSQL (see atlas.store.spatial); empty on SQLite
    sa.Index("ix_places_size_minx", "size_class", "minx"),
    sa.Index("ix_places_footprint", "footprint", postgresql_using="gist").ddl_if(dialect="postgresql"),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("place_id", sa.String(200), sa.ForeignKey("places.id"), nullable=False, index=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("demonym", sa.Boolean, nullable=False, default=False),
    sa.Column("metonym", sa.Boolean, nullable=False, default=False),
    sa.Column("excerpt", sa.Text, nullable=False),  # the sentence around the mention, cut from the original text
    sa.Column("excerpt_start", sa.Integer, nullable=False),  # where the excerpt begins in the article
)

# Events and claims (the extract stage). One row per real-world event or claim; each report of it is a source row,
# so an event two outlets report is one event with two sources. Dates are ISO text cut to their precision, with the
# period they cover kept as two dates for range filters. Each keeps the extractor's confidence and the codes of its
# reasons (extract.confidence, a JSON list), so a reader can see why an item is shown as sure or uncertain.
events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("type", sa.String(20), nullable=False, index=True),  # PLOVER category
    sa.Column("label", sa.String(60), nullable=False),
    sa.Column("date", sa.String(10)),
    sa.Column("date_precision", sa.String(10)),
    sa.Column("date_first", sa.Date, index=True),
    sa.Column("date_last", sa.Date),
    sa.Column("place_id", sa.String(200), sa.ForeignKey("places.id"), index=True),
    sa.Column("geo_precision", sa.SmallInteger),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("reasons", sa.Text, nullable=False),
)

event_actors = sa.Table(
    "event_actors",
    metadata,
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("actor_key", sa.String(200), primary_key=True),  # surname for people, full name otherwise
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("country", sa.String(200)),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("speaker", sa.Text, nullable=False),
    sa.Column("speaker_key", sa.String(200), nullable=False, index=True),
    # the key without the words naming the organisation's country ("state department"): how another outlet's report
    # of the same body finds it (extract.model.same_speaker)
    sa.Column("speaker_core", sa.String(200), nullable=False, index=True),
    sa.Column("speaker_kind", sa.String(20), nullable=False),
    sa.Column("speaker_country", sa.String(200)),
    sa.Column("verb", sa.String(60), nullable=False),
    sa.Column("stance", sa.String(20), nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("quote", sa.Boolean, nullable=False),
    sa.Column("place_id", sa.String(200), sa.ForeignKey("places.id"), index=True),  # where the map shows it
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("reasons", sa.Text, nullable=False),
)

claim_places = sa.Table(
    "claim_places",
    metadata,
    sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("place_id", sa.String(200), sa.ForeignKey("places.id"), primary_key=True),
    sa.Column("position", sa.SmallInteger, nullable=False),
)

contested = sa.Table(
    "contested",
    metadata,
    sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("other_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
)


def _sources(name: str, owner: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(f"{owner}_id", sa.Integer, sa.ForeignKey(f"{owner}s.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("excerpt", sa.Text, nullable=False),
    )


event_sources = _sources("event_sources", "event")
claim_sources = _sources("claim_sources", "claim")

# Articles added through the web form wait here for the background worker (atlas.ingest.jobs), so the request that
# uploads them returns at once and a restart loses nothing: the upload itself is kept until the job has run.
jobs = sa.Table(
    "jobs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(300), nullable=False),  # what the user uploaded or pasted, for the job page
    sa.Column("suffix", sa.String(10), nullable=False),  # the file type, which chooses the reader
    sa.Column("payload", sa.LargeBinary),  # the upload; emptied once the job has run
    sa.Column("status", sa.String(10), nullable=False, index=True),  # queued, running, done, failed
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("started_at", sa.DateTime(timezone=True)),
    sa.Column("heartbeat_at", sa.DateTime(timezone=True)),  # a running job whose worker stopped beating is re-queued
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.Column("stored", sa.Integer, nullable=False, default=0),
    sa.Column("duplicates", sa.Integer, nullable=False, default=0),
    sa.Column("mentions", sa.Integer, nullable=False, default=0),
    sa.Column("article_id", sa.Integer),
    sa.Column("problems", sa.Text, nullable=False, default=""),  # one reason per line
)

# Feeds the analysts follow (`flask feeds add`), polled by `flask feeds poll` (from cron, say). Each keeps the
# outcome of its last poll for the feeds page, and the validators its server gave so the next poll can ask for
# the feed only if it changed.
feeds = sa.Table(
    "feeds",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("url", sa.String(2000), nullable=False, unique=True),  # normalised, ASCII
    sa.Column("title", sa.Text),
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("polled_at", sa.DateTime(timezone=True)),
    sa.Column("ok", sa.Boolean),  # None: never polled
    sa.Column("outcome", sa.Text),  # what the last poll did, in words
    sa.Column("stored_total", sa.Integer, nullable=False, default=0),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
)
