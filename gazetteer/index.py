"""Read side of the gazetteer: ranked look-ups against the SQLite index built by `python -m gazetteer build`.

The index is opened read-only, one connection per thread and process, so a Flask server, a worker pool and the CLI
can all share one file without locks.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from gazetteer import fuzzy as typos
from gazetteer.anchored import anchored_place, anchoring
from gazetteer.borders import border_countries, border_id, border_line, border_place
from gazetteer.geojson import feature as geojson_feature
from gazetteer.model import Candidate, Kind, Place
from gazetteer.normalize import ARABIC_ARTICLE_COUNTRIES, normalize, without_arabic_article
from gazetteer.schema import PLACE_COLUMNS
from gazetteer.sources.paths import PROJECT_ROOT
from gazetteer.sources.record import NameType

DEFAULT_INDEX = PROJECT_ROOT / "build" / "gazetteer.sqlite"
MAX_QUERY_CHARS = 200  # no place name is longer; longer input is not a name and is answered with no candidates

# How much a match counts before prominence: a spelling or an alias is weaker evidence than the preferred name.
_PREFIXED_COLUMNS = ", ".join("p." + column.strip() for column in PLACE_COLUMNS.split(","))
ACRONYM_MISMATCH = 0.7  # an all-capitals query matching an ordinary name ("WA" -> Wa, Ghana) is weak evidence
REASON_WEIGHT = {"exact": 1.0, "normalized": 0.95, "abbreviation": 0.9, "alternate": 0.85, "demonym": 0.8, "fuzzy": 0.6}
_AFTER_EVERY_KEY = "\U0010ffff"  # sorts after any text that can follow a prefix in SQLite's binary collation
_forks = 0  # processes forked from this one so far, counted in the child: connections do not survive a fork


def _count_fork() -> None:
    global _forks
    _forks += 1


os.register_at_fork(after_in_child=_count_fork)


class GazetteerMissing(RuntimeError):
    """The index file does not exist yet."""


def default_index_path() -> Path:
    return Path(os.environ.get("CONFLICT_ATLAS_GAZETTEER", DEFAULT_INDEX))


def _place(row: tuple) -> Place:
    (pid, name, kind, countries, population, lat, lon, geometry_type, source, licence, approximate, located_in,
     admin1, feature_code, label_lat, label_lon) = row
    return Place(pid, name, kind, tuple(countries.split(",")) if countries else (), population, lat, lon,
                 geometry_type, source, licence, bool(approximate), located_in, admin1, feature_code,
                 (label_lat, label_lon) if label_lat is not None else None)


def _reason(surface: str, key: str, stored_name: str, name_type: int) -> str:
    if name_type == NameType.ABBREVIATION:
        return "abbreviation"
    if name_type == NameType.DEMONYM:
        return "demonym"
    if name_type == NameType.PREFERRED:
        return "exact" if surface.strip() == stored_name else "normalized"
    return "alternate"


class Gazetteer:
    def __init__(self, path: str | os.PathLike | None = None) -> None:
        self.path = Path(path) if path is not None else default_index_path()
        if not self.path.exists():
            raise GazetteerMissing(f"no gazetteer index at {self.path}: run `python -m gazetteer build`")
        self._local = threading.local()
        self._cached_lookup = lru_cache(maxsize=100_000)(self._lookup)
        self._cached_is_known = lru_cache(maxsize=500_000)(self._is_known)
        self._cached_runs_on = lru_cache(maxsize=500_000)(self._runs_on)
        self._cached_border = lru_cache(maxsize=1_000)(self._build_border)

    @property
    def _db(self) -> sqlite3.Connection:
        """This thread's connection. A forked worker must not reuse its parent's; a fork counter, not os.getpid(),
        tells them apart, because a system call on every query was a fifth of the geoparser's own time."""
        local = self._local
        if getattr(local, "forks", None) != _forks:
            local.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            local.forks = _forks
        return local.db

    def meta(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT key, value FROM meta"))

    def lookup(self, name: str, limit: int = 10, fuzzy: bool = True) -> list[Candidate]:
        """Ranked candidates for a name as written; [] when nothing matches. Cached: callers must not mutate."""
        return self._cached_lookup(name, limit, fuzzy)

    def _lookup(self, name: str, limit: int = 10, fuzzy: bool = True) -> list[Candidate]:
        if not isinstance(name, str) or len(name) > MAX_QUERY_CHARS:
            return []
        key = normalize(name)
        if not key:
            return []
        best: dict[str, Candidate] = {}
        for candidate in self._exact_candidates(name, key):
            self._keep_best(best, candidate)
        if not best:
            for candidate in self._without_article(name):
                self._keep_best(best, candidate)
        if not best and fuzzy:
            for candidate in self._fuzzy_candidates(key):
                self._keep_best(best, candidate)
        ranked = sorted(best.values(), key=lambda c: (-c.score, -(c.place.population or 0), c.place.id))
        return ranked[:limit]

    @staticmethod
    def _keep_best(best: dict[str, Candidate], candidate: Candidate) -> None:
        current = best.get(candidate.place.id)
        if current is None or candidate.score > current.score:
            best[candidate.place.id] = candidate

    def _rows_for_key(self, key: str) -> list[tuple]:
        return self._db.execute(
            f"SELECT n.name, n.type, n.case_sensitive, p.prominence, p.namesake_of, {_PREFIXED_COLUMNS} "
            "FROM names n JOIN places p ON p.pk = n.pk WHERE n.key = ?",
            (key,),
        ).fetchall()

    def _exact_candidates(self, surface: str, key: str) -> list[Candidate]:
        candidates, namesakes = [], {}
        written = surface.strip()
        acronym = _is_acronym(written)
        for stored, name_type, case_sensitive, prominence, namesake_of, *place_row in self._rows_for_key(key):
            if name_type == NameType.ABBREVIATION and not _abbreviation_matches(written, stored, case_sensitive):
                continue
            reason = _reason(surface, key, stored, name_type)
            score = _score(reason, prominence)
            if acronym and name_type != NameType.ABBREVIATION and not _is_acronym(stored):
                score = round(score * ACRONYM_MISMATCH, 4)  # "WA" is the state's code before it is the town of Wa
            candidate = Candidate(_place(tuple(place_row)), score, reason, stored)
            candidates.append(candidate)
            if namesake_of:
                namesakes[candidate.place.id] = namesake_of
        return _cities_above_their_namesake_units(candidates, namesakes)

    def _without_article(self, name: str) -> list[Candidate]:
        """ "Al Gezira" for the Sudanese state the gazetteer knows as "Gezira" or "Al Jazirah": news writes Arab
        place names with and without the article, and a source may store only one of the two."""
        bare = without_arabic_article(name.strip())
        if bare is None or not (key := normalize(bare)):
            return []
        return [c for c in self._exact_candidates(bare, key)
                if set(c.place.country_codes) & ARABIC_ARTICLE_COUNTRIES]

    def _fuzzy_candidates(self, key: str):
        if len(key) < typos.MIN_LENGTH:
            return
        deletions = sorted(typos.deletions(key))
        marks = ",".join("?" * len(deletions))
        query = f"SELECT DISTINCT key FROM fuzzy_keys WHERE deletion IN ({marks})"
        keys = {k for (k,) in self._db.execute(query, deletions)}
        for near_key in sorted(keys):  # in a fixed order, so that ties between equal spellings always go one way
            if near_key == key or not typos.within_reach(key, near_key):
                continue
            closeness = typos.similarity(key, near_key)
            for stored, name_type, _case, prominence, _namesake, *place_row in self._rows_for_key(near_key):
                if name_type in (NameType.PREFERRED, NameType.ALTERNATE):
                    yield Candidate(_place(tuple(place_row)), _score("fuzzy", prominence) * closeness, "fuzzy", stored)

    def is_known(self, normalized: str) -> bool:
        """Whether any record answers to this normalized name (for phrase matching in running text)."""
        return self._cached_is_known(normalized)

    def _is_known(self, normalized: str) -> bool:
        found = self._db.execute("SELECT 1 FROM names WHERE key = ? LIMIT 1", (normalized,)).fetchone() is not None
        return found or bool(self._without_article(normalized))

    def runs_on(self, normalized: str) -> bool:
        """Whether a known name starts with this normalized text and is longer ("baja" -> "baja california"), so
        that phrase matching can stop growing a phrase no known name continues."""
        return self._cached_runs_on(normalized)

    def _runs_on(self, normalized: str) -> bool:
        row = self._db.execute("SELECT 1 FROM names WHERE key > ? AND key < ? LIMIT 1",
                               (normalized, normalized + _AFTER_EVERY_KEY)).fetchone()
        return row is not None

    def get(self, place_id: str) -> Place | None:
        """The record of an id, also of a place anchored at a record (gazetteer.anchored)."""
        parts = anchoring(place_id)
        if parts is not None:
            anchor = self.get(parts.anchor_id)
            return anchored_place(place_id, anchor) if anchor is not None else None
        if border_countries(place_id) is not None:
            found = self._border(place_id)
            return found[0] if found is not None else None
        row = self._db.execute(f"SELECT {PLACE_COLUMNS} FROM places WHERE id = ?", (place_id,)).fetchone()
        return _place(row) if row else None

    def border(self, one: Place, other: Place) -> Place | None:
        """The border of two neighbouring countries (gazetteer.borders), or None when they share no edge."""
        found = self._border(border_id(one, other))
        return found[0] if found is not None else None

    def _border(self, place_id: str) -> tuple[Place, BaseGeometry] | None:
        return self._cached_border(place_id)

    def _build_border(self, place_id: str) -> tuple[Place, BaseGeometry] | None:
        countries = border_countries(place_id)
        places = [self.get(country) for country in countries] if countries else []
        if len(places) != 2 or any(p is None or p.kind != Kind.COUNTRY for p in places):
            return None
        outlines = [self.geometry(p.id) for p in places]
        if any(outline is None for outline in outlines):
            return None
        line = border_line(*outlines)
        return None if line is None else (border_place(place_id, *places, line), line)

    def places_of_kind(self, kinds: tuple[str, ...], min_population: int = 0) -> list[Place]:
        """Every record of these kinds with at least this population (0: also those of unknown population), most
        populous first: the names the offline basemap writes on the map (atlas.web.basemap)."""
        marks = ",".join("?" * len(kinds))
        rows = self._db.execute(
            f"SELECT {PLACE_COLUMNS} FROM places WHERE kind IN ({marks}) AND COALESCE(population, 0) >= ? "
            "ORDER BY population DESC, id", (*kinds, min_population)).fetchall()
        return [_place(row) for row in rows]

    def geometry(self, place_id: str) -> BaseGeometry | None:
        if anchoring(place_id) is not None:
            place = self.get(place_id)
            return None if place is None else Point(place.map_point[1], place.map_point[0])
        if border_countries(place_id) is not None:
            found = self._border(place_id)
            return found[1] if found is not None else None
        row = self._db.execute(
            "SELECT p.lon, p.lat, g.wkb FROM places p LEFT JOIN geometries g ON g.pk = p.pk WHERE p.id = ?",
            (place_id,),
        ).fetchone()
        if row is None:
            return None
        lon, lat, wkb = row
        return shapely.from_wkb(wkb) if wkb is not None else Point(lon, lat)

    def feature(self, place_id: str, properties: dict | None = None) -> dict | None:
        """The record as an RFC 7946 Feature with its full geometry, or None for an unknown id."""
        place = self.get(place_id)
        if place is None:
            return None
        props = {
            "id": place.id, "name": place.name, "kind": place.kind, "country_codes": list(place.country_codes),
            "population": place.population, "lat": place.lat, "lon": place.lon, "source": place.source,
            "licence": place.licence, "approximate": place.approximate, "located_in": place.located_in,
        }
        props.update(properties or {})
        return geojson_feature(self.geometry(place_id), props, place.id)


def _cities_above_their_namesake_units(candidates: list[Candidate], namesakes: dict[str, str]) -> list[Candidate]:
    """A city inside a same-named admin-1 unit trades places with that unit ("Baku" means the city, not Baku City
    district); the pair keeps its two scores, so the trade never lifts the city over a third, unrelated place."""
    best: dict[str, float] = {}
    for candidate in candidates:
        best[candidate.place.id] = max(candidate.score, best.get(candidate.place.id, 0.0))
    new_score: dict[str, float] = {}
    for city_id, unit_id in namesakes.items():
        city, unit = best.get(city_id), best.get(unit_id)
        if city is not None and unit is not None and unit >= city:
            new_score[city_id], new_score[unit_id] = round(unit - 0.0001, 4), round(city - 0.0001, 4)
    return [replace(c, score=new_score[c.place.id]) if c.place.id in new_score else c for c in candidates]


def _is_acronym(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return 0 < len(letters) <= 4 and all(char.isupper() for char in letters)


def _abbreviation_matches(written: str, stored: str, case_sensitive: bool) -> bool:
    """Codes match as written ("US", not "us"); dotted forms ignore case but keep their dots ("U.S.", "Ky.")."""
    return written == stored if case_sensitive else written.casefold() == stored.casefold()


def _score(reason: str, prominence: float) -> float:
    return round(REASON_WEIGHT[reason] * (0.4 + 0.6 * prominence), 4)
