"""Optional online fallback for names the offline gazetteer lacks, through geopy's Nominatim client.

Off by default: the geoparser never needs the network, and OpenStreetMap's Nominatim service allows one request per
second with an identifying user agent. When a Geoparser is given a NominatimFallback, a place name the gazetteer
does not know (geo.unknown_places) is looked up here once per process, before the text's own ties are tried
(geo.anchor); the answer becomes an ordinary candidate, marked as coming from OpenStreetMap so that the map can show
where it came from.
"""

from __future__ import annotations

from functools import lru_cache

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim

from gazetteer import Candidate, Kind, Place

SOURCE = "OpenStreetMap Nominatim (online fallback)"
LICENCE = "ODbL 1.0 (OpenStreetMap contributors)"
# Nominatim's place classes mapped onto the gazetteer's kinds; anything else is a landmark-like point.
_KINDS = {"country": Kind.COUNTRY, "state": Kind.ADMIN1, "county": Kind.ADMIN2, "city": Kind.POPULATED_PLACE,
          "town": Kind.POPULATED_PLACE, "village": Kind.POPULATED_PLACE, "hamlet": Kind.POPULATED_PLACE}


class NominatimFallback:
    def __init__(self, geocoder: Nominatim | None = None, user_agent: str = "conflict-atlas-geoparser",
                 timeout: float = 5.0, min_delay_seconds: float = 1.0) -> None:
        self.geocoder = geocoder if geocoder is not None else Nominatim(user_agent=user_agent, timeout=timeout)
        self._geocode = RateLimiter(self.geocoder.geocode, min_delay_seconds=min_delay_seconds, max_retries=1,
                                    swallow_exceptions=False)
        self.lookup = lru_cache(maxsize=10_000)(self._lookup)

    def _lookup(self, name: str) -> Candidate | None:
        """One candidate for `name`, or None when Nominatim has nothing or cannot be reached."""
        try:
            location = self._geocode(name, exactly_one=True, language="en", addressdetails=False)
        except (GeopyError, OSError, ValueError):
            return None
        if location is None:
            return None
        raw = location.raw or {}
        place = Place(
            id=f"osm:{raw.get('osm_type', 'node')}/{raw.get('osm_id', '?')}",
            name=str(raw.get("name") or location.address.split(",")[0] or name),
            kind=_KINDS.get(str(raw.get("addresstype") or raw.get("type")), Kind.LANDMARK),
            country_codes=(),
            population=None,
            lat=float(location.latitude),
            lon=float(location.longitude),
            geometry_type="Point",
            source=SOURCE,
            licence=LICENCE,
            approximate=True,
        )
        return Candidate(place=place, score=0.5, reason="fuzzy", matched_name=name)
