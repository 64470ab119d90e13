"""The web side of Conflict Atlas: the store, ingest, the map page, the JSON API and export."""
