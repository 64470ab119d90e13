"""CSV export, one row per mention; the GeoJSON export is `queries.places_with_mentions_geojson` itself."""

from __future__ import annotations

import csv
import io

from atlas.queries import MentionRow

CSV_COLUMNS = (
    "article_id", "title", "outlet", "published", "url", "place_id", "place_name", "kind", "lat", "lon",
    "start", "end", "text", "excerpt",
)


def mentions_csv(rows: list[MentionRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([_cell(getattr(row, column)) for column in CSV_COLUMNS])
    return buffer.getvalue()


def _cell(value: object) -> object:
    """Spreadsheets run cells that start with = + - @ as formulas; a leading apostrophe keeps article text inert."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value
