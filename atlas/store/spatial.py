"""The store's one dialect-specific piece: on PostgreSQL each place also gets a PostGIS geometry (GiST-indexed) and
bounding-box questions are answered by PostGIS; on SQLite the portable size-class index in atlas.store.queries
answers them.

Everything else (tables, writes, reads) is the same SQLAlchemy Core code on both engines.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator, UserDefinedType

SRID = 4326


class _PostGISGeometry(UserDefinedType):
    """The column type only: values are written with ST_GeomFromGeoJSON and never read back by the app."""

    cache_ok = True

    def get_col_spec(self, **_kw) -> str:
        return f"geometry(Geometry, {SRID})"


class Footprint(TypeDecorator):
    """A PostGIS geometry column on PostgreSQL; an always-empty text column elsewhere."""

    impl = sa.Text
    cache_ok = True

    def load_dialect_impl(self, dialect: sa.Dialect) -> sa.types.TypeEngine:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(_PostGISGeometry())
        return dialect.type_descriptor(sa.Text())


def uses_postgis(dialect_name: str) -> bool:
    return dialect_name == "postgresql"


def footprint_value(dialect_name: str, geometry_json: str) -> sa.ColumnElement | None:
    """What to write into `places.footprint` for a GeoJSON geometry."""
    if not uses_postgis(dialect_name):
        return None
    return sa.func.ST_SetSRID(sa.func.ST_GeomFromGeoJSON(geometry_json), SRID)


def meets_envelope(footprint: sa.ColumnElement, west, south, east, north) -> sa.ColumnElement[bool]:
    """`&&` is the GiST-indexed bounding-box overlap test; a place drawn in a view only needs its box to meet it."""
    return footprint.op("&&")(sa.func.ST_MakeEnvelope(west, south, east, north, SRID))
