"""The feeds the analysts follow, with what their last poll did."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from atlas.store.schema import feeds


@dataclass(frozen=True, slots=True)
class FollowedFeed:
    id: int
    url: str
    title: str | None
    added_at: datetime
    polled_at: datetime | None
    ok: bool | None  # None: never polled
    outcome: str | None
    stored_total: int
    etag: str | None
    last_modified: str | None


def follow(engine: sa.Engine, url: str) -> tuple[int, bool]:
    """The feed's id, and whether it is new (a feed followed twice is kept once)."""
    with engine.begin() as conn:
        existing = conn.execute(sa.select(feeds.c.id).where(feeds.c.url == url)).scalar()
        if existing is not None:
            return existing, False
        new = conn.execute(feeds.insert().values(url=url, added_at=_now(), stored_total=0)).inserted_primary_key[0]
        return new, True


def unfollow(engine: sa.Engine, url: str) -> bool:
    with engine.begin() as conn:
        return conn.execute(feeds.delete().where(feeds.c.url == url)).rowcount > 0


def followed(conn: sa.Connection) -> list[FollowedFeed]:
    return [FollowedFeed(**row._mapping) for row in conn.execute(sa.select(feeds).order_by(feeds.c.id))]


def record_poll(engine: sa.Engine, feed_id: int, ok: bool, outcome: str, stored: int, title: str | None = None,
                etag: str | None = None, last_modified: str | None = None) -> None:
    """What a poll did; validators and title are kept from before when this poll did not give new ones."""
    values = {"polled_at": _now(), "ok": ok, "outcome": outcome[:2000],
              "stored_total": feeds.c.stored_total + stored}
    values |= {name: value for name, value in (("title", title), ("etag", etag), ("last_modified", last_modified))
               if value}
    with engine.begin() as conn:
        conn.execute(feeds.update().where(feeds.c.id == feed_id).values(**values))


def _now() -> datetime:
    return datetime.now(UTC)
