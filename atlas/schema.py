"""Tables of the store, written with SQLAlchemy Core so that SQLite and PostgreSQL share one definition.

Places keep a copy of their gazetteer geometry (and a lighter one for drawing) so that serving and exporting never
open the gazetteer. Room is left for the `events` and `claims` tables of a later stage: they will reference
`articles.id` and `places.id` the same way `mentions` does.
"""

from __future__ import annotations

import sqlalchemy as sa

from atlas.spatial import Footprint

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
    sa.Column("source", sa.Text, nullable=False),  # file (and line) the article came from, for provenance
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
    sa.Column("size_class", sa.SmallInteger, nullable=False),  # see atlas.geojson.size_class: the bbox index
    sa.Column("approximate", sa.Boolean, nullable=False, default=False),
    sa.Column("source", sa.Text),
    sa.Column("licence", sa.Text),
    sa.Column("geometry", sa.Text, nullable=False),  # RFC 7946 geometry, JSON text, as in the gazetteer
    sa.Column("display_geometry", sa.Text, nullable=False),  # simplified copy for the map; == geometry for points
    sa.Column("footprint", Footprint()),  # PostGIS geometry on PostgreSQL (see atlas.spatial); empty on SQLite
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
