"""The OpenAPI 3.1 description of the JSON API and the exports, written by hand to match `atlas.api`."""

from __future__ import annotations

from typing import Any

from atlas.web.params import MAX_LIMIT
from extract.vocabulary import EventType, Stance


def _query(name: str, description: str, schema: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema, **extra}


BBOX = _query(
    "bbox",
    "Visible area as west,south,east,north in degrees (WGS84). west > east means the area crosses 180°.",
    {"type": "string", "pattern": r"^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$"},
    example="44.0,38.5,47.5,41.5",
)
# `from` and `to` bound a different date on each layer; every operation says which.
PLACE_DATES = "Places: the publication dates of the articles that mention them (undated articles are left out)."
EVENT_DATES = ("Events: the event's own date or period, which must overlap the range; for an event without a date, "
               "the publication dates of its reports.")
CLAIM_DATES = "Claims: the publication dates of their reports (undated reports are left out)."
OUTLET = _query("outlet", "Only articles from these outlets; repeat the parameter or separate names by commas.",
                {"type": "array", "items": {"type": "string"}}, style="form", explode=True)
LIMIT = _query("limit", "At most this many places, most mentioned first.",
               {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT})

TYPE = _query("type", "Only events of these PLOVER categories (the ones the extractor produces); repeat or separate by "
              "commas.", {"type": "array", "items": {"type": "string", "enum": sorted(t.value for t in EventType)}},
              style="form", explode=True)
ACTOR = _query("actor", "Only events with this actor (surname of a person, or full name).", {"type": "string"})
STANCE = _query("stance", "Only claims with these stances; repeat or separate by commas.",
                {"type": "array", "items": {"type": "string", "enum": [s.value for s in Stance]}}, style="form",
                explode=True)
SPEAKER = _query("speaker", "Only claims by this speaker (surname of a person, or full name).", {"type": "string"})
MIN_CONFIDENCE = _query(
    "min_confidence", "Only items whose confidence (the fitted probability that the extractor got them right) is at "
    "least this, or `default`: each layer's default threshold (what the map shows unless 'Show uncertain' is ticked). "
    "Without it every item is given.",
    {"oneOf": [{"type": "number", "minimum": 0, "maximum": 1}, {"type": "string", "enum": ["default"]}]}, example=0.5)
UNPLACED = _query("unplaced", "`true`: only the items with no place (which no bbox holds), under the other filters; it "
                  "cannot come with a bbox.", {"type": "boolean", "default": False})
EXPORT_ITEMS = ("type and actor narrow the events, stance and speaker the claims, min_confidence both, with the values "
                "and errors of /api/events and /api/claims; places are never narrowed by them, as on the map.")
PUBLISHED_INFERRED = {"type": "boolean", "description": "the input gave no publication date: `published` is the "
                      "latest date the text mentions, so the article was published on or after it"}
ITEM_LIMIT = _query("limit", "At most this many items.", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT})
SOURCE = {
    "type": "object",
    "description": "One report of the item: the sentence (excerpt) at start..end of the article text",
    "properties": {"article_id": {"type": "integer"}, "title": {"type": "string"}, "outlet": {"type": "string"},
                   "url": {"type": ["string", "null"]}, "published": {"type": ["string", "null"], "format": "date"},
                   "published_inferred": PUBLISHED_INFERRED, "excerpt": {"type": "string"},
                   "start": {"type": "integer"}, "end": {"type": "integer"}},
}
REASON = {"type": "object", "description": "Why the extractor is as sure as it is: a stable code and what it means",
          "properties": {"code": {"type": "string"}, "text": {"type": "string"}}}
ITEMS = {"application/geo+json": {"schema": {
    "type": "object", "description": "RFC 7946 FeatureCollection of events or claims",
    "properties": {"features": {"type": "array", "items": {"$ref": "#/components/schemas/ItemFeature"}}}}}}

ERROR = {"$ref": "#/components/schemas/Error"}
ERRORS = {
    "400": {"description": "A bad parameter", "content": {"application/json": {"schema": ERROR}}},
}
NOT_FOUND = {"description": "Nothing with this id", "content": {"application/json": {"schema": ERROR}}}
GEOJSON_COLLECTION = {"application/geo+json": {"schema": {"$ref": "#/components/schemas/PlaceCollection"}}}
EXPORT_COLLECTION = {"application/geo+json": {"schema": {
    "type": "object",
    "description": "RFC 7946 FeatureCollection: the places (with every mention), then the events and the claims",
    "properties": {"type": {"const": "FeatureCollection"}, "features": {"type": "array", "items": {"anyOf": [
        {"$ref": "#/components/schemas/PlaceFeature"}, {"$ref": "#/components/schemas/ItemFeature"}]}}}}}}

SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["ok", "error", "status"],
        "properties": {"ok": {"const": False}, "error": {"type": "string"}, "status": {"type": "integer"}},
    },
    "Mention": {
        "type": "object",
        "properties": {
            "article_id": {"type": "integer"},
            "title": {"type": "string"},
            "outlet": {"type": "string"},
            "published": {"type": ["string", "null"], "format": "date"},
            "published_inferred": PUBLISHED_INFERRED,
            "url": {"type": ["string", "null"]},
            "start": {"type": "integer", "description": "character offset of the mention in the article text"},
            "end": {"type": "integer"},
            "text": {"type": "string", "description": "the mention as written"},
            "excerpt": {"type": "string", "description": "the sentence holding the mention"},
            "excerpt_start": {"type": "integer", "description": "offset of the excerpt in the article text"},
        },
    },
    "PlaceProperties": {
        "type": "object",
        "properties": {
            "layer": {"const": "place"},
            "name": {"type": "string"},
            "gazetteer_id": {"type": "string"},
            "kind": {"type": "string"},
            "mention_count": {"type": "integer"},
            "article_count": {"type": "integer"},
            "approximate": {"type": "boolean", "description": "geometry drawn from a few cited facts, or a place "
                            "the gazetteer lacks shown at the known place an article ties it to"},
            "source": {"type": ["string", "null"],
                       "description": "where the record comes from; for an approximate place, how it was placed"},
            "lat": {"type": "number"},
            "lon": {"type": "number"},
            "mentions": {"type": "array", "items": {"$ref": "#/components/schemas/Mention"},
                         "description": "present with include=mentions, on one place, and in the export"},
        },
    },
    "PlaceFeature": {
        "type": "object",
        "properties": {
            "type": {"const": "Feature"},
            "id": {"type": "string"},
            "geometry": {"type": "object"},
            "properties": {"$ref": "#/components/schemas/PlaceProperties"},
        },
    },
    "PlaceCollection": {
        "type": "object",
        "description": "RFC 7946 FeatureCollection (lon/lat, counter-clockwise outer rings, no crs)",
        "properties": {
            "type": {"const": "FeatureCollection"},
            "features": {"type": "array", "items": {"$ref": "#/components/schemas/PlaceFeature"}},
        },
    },
    "ItemFeature": {
        "type": "object",
        "description": (
            "A Point at the item's place (lon, lat), or a null geometry; properties.layer is 'event' (type, label, "
            "date, date_precision, actors, geo_precision as UCDP where_prec, place_id, sources) or 'claim' (speaker, "
            "verb, stance, text, quote, place_ids, contested_with, sources); both carry confidence and reasons"),
        "properties": {
            "type": {"const": "Feature"},
            "id": {"type": "string"},
            "geometry": {"type": ["object", "null"]},
            "properties": {"type": "object", "properties": {
                "layer": {"enum": ["event", "claim"]},
                "confidence": {"type": "number", "minimum": 0, "maximum": 1,
                               "description": "the fitted probability that the extractor got the item right; an item "
                                              "several reports confirm keeps the highest"},
                "reasons": {"type": "array", "items": REASON,
                            "description": "every reason the item's reports gave, in the order first given"},
                "sources": {"type": "array", "items": SOURCE}}},
        },
    },
}


LAYER_COUNTS = {"type": "object", "properties": {"events": {"type": "integer"}, "claims": {"type": "integer"},
                                                "articles": {"type": "integer"}}}
TIMELINE = {"application/json": {"schema": {
    "type": "object",
    "description": "Counts per bin of what each map layer shows for the same view and filters: an event at the first "
                   "day of its date or period (else its earliest report), a claim at its earliest report, an article "
                   "naming a place in view at its publication date. Bins run from the first to the last dated item "
                   "without a gap: days over a span of up to 120 days, else Monday-first weeks up to 104 weeks, then "
                   "months, then years.",
    "properties": {
        "unit": {"enum": ["day", "week", "month", "year"]},
        "bins": {"type": "array", "items": {"allOf": [LAYER_COUNTS, {"type": "object", "properties": {
            "start": {"type": "string", "format": "date"},
            "end": {"type": "string", "format": "date", "description": "the bin's last day"}}}]}},
        "undated": {**LAYER_COUNTS, "description": "items with no date at all, in no bin"},
        "totals": {**LAYER_COUNTS, "description": "every item counted, the undated included"}}}}}


def _dates(*meanings: str) -> list[dict[str, Any]]:
    said = " ".join(meanings)
    return [_query("from", f"Earliest date, inclusive. {said}", {"type": "string", "format": "date"}),
            _query("to", f"Latest date, inclusive. {said}", {"type": "string", "format": "date"})]


def _map_layer_paths() -> dict[str, Any]:
    """/api/labels and /api/counts (atlas.web.maplayers): the map's basemap names and its counts by area."""
    basemap_missing = {"description": "The offline basemap has not been built (flask --app app build-basemap)",
                       "content": {"application/json": {"schema": ERROR}}}
    area = {"type": "object", "description": "an RFC 7946 Feature: the area's simplified outline", "properties": {
        "properties": {"type": "object", "properties": {
            "id": {"type": "string", "description": "ne0:<ISO alpha-3> for a country, the unit's gazetteer id "
                                                    "(ne1:<ISO 3166-2>, ...) for a first-level unit"},
            "name": {"type": "string"}, "country": {"type": "string", "description": "units: the country's code"},
            "count": {"type": "integer", "minimum": 1}}}}}
    return {
        "/api/labels": {"get": {
            "summary": "The offline basemap's names in the view for a zoom, in the order the map places them",
            "description": "Countries, capitals, towns (by population), seas and first-level units from the zoom "
                           "each is worth writing at; the countries, units and capitals the store holds come first, "
                           "at any zoom. The map writes each name where it overlaps none placed before it.",
            "parameters": [{**BBOX, "required": True},
                           _query("z", "The map's zoom", {"type": "integer", "minimum": 0, "maximum": 18},
                                  required=True)],
            "responses": {"200": {"description": "Names", "content": {"application/json": {"schema": {
                "type": "object", "properties": {"labels": {"type": "array", "items": {
                    "type": "object", "properties": {
                        "name": {"type": "string"},
                        "kind": {"enum": ["country", "capital", "water", "city", "admin1"]},
                        "lon": {"type": "number"}, "lat": {"type": "number"},
                        "id": {"type": "string", "description": "the gazetteer id"},
                        "stored": {"type": "boolean", "description": "a country, unit or capital the store holds"},
                    }}}}}}}},
                "404": basemap_missing, **ERRORS},
        }},
        "/api/counts": {"get": {
            "summary": "Events, claims or mentions per country or first-level unit, with the map's filters",
            "description": "Each place counts in the area its map point lies in; places larger than the areas (a "
                           "sea, a region across borders; a country when counting units) and items with no place "
                           "are not counted. Item filters narrow events and claims.",
            "parameters": [
                _query("by", "The areas counted in (default country)", {"enum": ["country", "admin1"]}),
                _query("layer", "What is counted (default events)", {"enum": ["events", "claims", "mentions"]}),
                *_dates(EVENT_DATES, CLAIM_DATES, "Mentions: the publication dates of their articles."), OUTLET,
                TYPE, ACTOR, STANCE, SPEAKER, MIN_CONFIDENCE],
            "responses": {"200": {"description": "The areas holding any, most first", "content": {
                "application/geo+json": {"schema": {"type": "object", "properties": {
                    "type": {"const": "FeatureCollection"}, "by": {"type": "string"}, "layer": {"type": "string"},
                    "features": {"type": "array", "items": area},
                    "classes": {"type": "array", "description": "the legend: at most five ranges of counts, lowest "
                                "first, each with how many areas it holds", "items": {"type": "object", "properties": {
                                    "from": {"type": "integer"}, "to": {"type": "integer"},
                                    "areas": {"type": "integer"}}}},
                    "counted": {"type": "integer"},
                    "not_counted": {"type": "integer"}}}}}},
                "404": basemap_missing, **ERRORS},
        }},
    }


def document() -> dict[str, Any]:
    export = [BBOX, *_dates(PLACE_DATES, EVENT_DATES, CLAIM_DATES), OUTLET, TYPE, ACTOR, STANCE, SPEAKER,
              MIN_CONFIDENCE, UNPLACED, LIMIT]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Conflict Atlas API",
            "version": "1",
            "description": "Places named in news articles, with the excerpts that name them. Every error is "
            '{"ok": false, "error": "...", "status": N}. Unknown parameters are errors. A store made by an earlier '
            "version of the app answers every request with 503 and what to do.",
        },
        "paths": {
            **_map_layer_paths(),
            "/api/places": {
                "get": {
                    "summary": "Places mentioned in the view, drawing geometry, most mentioned first",
                    "parameters": [BBOX, *_dates(PLACE_DATES), OUTLET, LIMIT,
                                   _query("include", "'mentions' adds every excerpt and the full geometry",
                                          {"enum": ["mentions"]})],
                    "responses": {"200": {"description": "Places", "content": GEOJSON_COLLECTION}, **ERRORS},
                }
            },
            "/api/places/{place_id}": {
                "get": {
                    "summary": "One place with every mention that passes the filters",
                    "parameters": [
                        {"name": "place_id", "in": "path", "required": True, "schema": {"type": "string"},
                         "description": "gazetteer id, e.g. geonames:616052"},
                        *_dates(PLACE_DATES), OUTLET,
                    ],
                    "responses": {"200": {"description": "A collection of one place", "content": GEOJSON_COLLECTION},
                                  "404": NOT_FOUND, **ERRORS},
                }
            },
            "/api/events": {
                "get": {
                    "summary": "Events in the view, placed where they happened, one per real event with all sources",
                    "parameters": [BBOX, *_dates(EVENT_DATES), OUTLET, TYPE, ACTOR, MIN_CONFIDENCE, UNPLACED,
                                   ITEM_LIMIT],
                    "responses": {"200": {"description": "Events", "content": ITEMS}, **ERRORS},
                }
            },
            "/api/claims": {
                "get": {
                    "summary": "Claims (who said what, with which stance, about which places), contested links",
                    "parameters": [BBOX, *_dates(CLAIM_DATES), OUTLET, STANCE, SPEAKER, MIN_CONFIDENCE,
                                   UNPLACED, ITEM_LIMIT],
                    "responses": {"200": {"description": "Claims", "content": ITEMS}, **ERRORS},
                }
            },
            "/api/timeline": {
                "get": {
                    "summary": "Events, claims and articles of the view per day or week: the timeline under the map",
                    "description": "The filters of /api/places, /api/events and /api/claims, each on its layers "
                                   "(type and actor narrow the events, stance and speaker the claims); a date range "
                                   "counts an event whose period began before it at its start. No limit: every "
                                   "item is counted.",
                    "parameters": [BBOX, *_dates(PLACE_DATES, EVENT_DATES, CLAIM_DATES), OUTLET, TYPE, ACTOR, STANCE,
                                   SPEAKER, MIN_CONFIDENCE, UNPLACED],
                    "responses": {"200": {"description": "Counts per bin", "content": TIMELINE}, **ERRORS},
                }
            },
            "/api/articles/{article_id}": {
                "get": {
                    "summary": ("One article: text, metadata (outlet, author, language, dates, URLs) and mentions "
                                "(offsets into the text)"),
                    "parameters": [{"name": "article_id", "in": "path", "required": True,
                                    "schema": {"type": "integer", "minimum": 0, "maximum": 2147483647}}],
                    "responses": {"200": {"description": "The article", "content": {"application/json": {}}},
                                  "404": NOT_FOUND},
                }
            },
            "/api/jobs/{job_id}": {
                "get": {
                    "summary": "An article added through the form: queued, running, done or failed, and what it stored",
                    "description": "status, ahead (queued uploads before it), created_at, started_at, finished_at, "
                                   "stored, duplicates, mentions, article_id, problems (the reasons, one per item).",
                    "parameters": [{"name": "job_id", "in": "path", "required": True,
                                    "schema": {"type": "integer", "minimum": 0, "maximum": 2147483647}}],
                    "responses": {"200": {"description": "The job", "content": {"application/json": {}}},
                                  "404": NOT_FOUND},
                }
            },
            "/api/outlets": {
                "get": {"summary": "Outlets with their article counts",
                        "responses": {"200": {"description": "Outlets", "content": {"application/json": {}}}}}
            },
            "/api/search": {
                "get": {
                    "summary": "Places in the store whose name starts with (or contains) q",
                    "parameters": [{**_query("q", "Name or start of a name", {"type": "string"}), "required": True}],
                    "responses": {"200": {"description": "Matches", "content": {"application/json": {}}}, **ERRORS},
                }
            },
            "/export.geojson": {
                "get": {
                    "summary": "Download what the map shows: places (every mention, full geometry), events and claims",
                    "description": EXPORT_ITEMS,
                    "parameters": export,
                    "responses": {"200": {"description": "RFC 7946 GeoJSON", "content": EXPORT_COLLECTION},
                                  **ERRORS},
                }
            },
            "/export.csv": {
                "get": {
                    "summary": "Download one row per mention and one per source of each event and claim in the view",
                    "description": EXPORT_ITEMS,
                    "parameters": export,
                    "responses": {"200": {"description": "CSV", "content": {"text/csv": {}}}, **ERRORS},
                }
            },
            "/export.gpkg": {
                "get": {
                    "summary": "Download the view as a GeoPackage: layers places, events and claims (EPSG:4326)",
                    "description": EXPORT_ITEMS + " Properties that are lists or objects are JSON text.",
                    "parameters": export,
                    "responses": {"200": {"description": "GeoPackage (SQLite)",
                                          "content": {"application/geopackage+sqlite3": {}}}, **ERRORS},
                }
            },
            "/api/openapi.json": {
                "get": {"summary": "This document",
                        "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {}}}}}
            },
        },
        "components": {"schemas": SCHEMAS},
    }
