"""Command line: `python -m gazetteer build [--if-stale]` and `python -m gazetteer lookup NAME [--geojson]`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from gazetteer.index import Gazetteer, GazetteerMissing, default_index_path


def _candidate_json(candidate) -> dict:
    place = candidate.place
    return {
        "id": place.id, "name": place.name, "kind": place.kind, "country": ",".join(place.country_codes),
        "lat": place.lat, "lon": place.lon, "geometry_type": place.geometry_type, "score": candidate.score,
        "reason": candidate.reason, "matched_name": candidate.matched_name,
    }


def _is_text(value: str) -> bool:
    """argv holds undecodable bytes as lone surrogates; those are not a name."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def cmd_build(args: argparse.Namespace) -> int:
    from gazetteer.build import build
    from gazetteer.freshness import is_stale
    from gazetteer.sources.curated_checks import CuratedDataError

    if args.if_stale and not is_stale(args.output):
        print(f"{args.output} is up to date")
        return 0
    try:
        report = build(args.output)
    except CuratedDataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    size_mb = args.output.stat().st_size / 1e6
    print(f"built {report.output}: {report.records} records, {report.names} names, {size_mb:.0f} MB, "
          f"{report.seconds:.0f} s, {len(report.warnings)} warnings")
    return 0


def cmd_lookup(args: argparse.Namespace) -> int:
    if not _is_text(args.name):
        print("error: the name is not valid UTF-8 text", file=sys.stderr)
        return 2
    try:
        gazetteer = Gazetteer(args.index)
    except GazetteerMissing as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    candidates = gazetteer.lookup(args.name, limit=args.limit, fuzzy=not args.no_fuzzy)
    if args.geojson:
        if not candidates:
            print(f"error: no place found for {args.name[:80]!r}", file=sys.stderr)
            return 1
        best = candidates[0]
        feature = gazetteer.feature(best.place.id, {"score": best.score, "reason": best.reason})
        print(json.dumps(feature, ensure_ascii=False))
        return 0
    print(json.dumps([_candidate_json(c) for c in candidates], ensure_ascii=False, indent=1))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gazetteer", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build the index from the installed packages and gazetteer/data")
    build.add_argument("--output", type=Path, default=default_index_path())
    build.add_argument("--if-stale", action="store_true", help="do nothing when the index matches its inputs")
    build.set_defaults(run=cmd_build)
    lookup = commands.add_parser("lookup", help="ranked candidates for a name, as JSON")
    lookup.add_argument("name")
    lookup.add_argument("--geojson", action="store_true", help="print the best candidate as a GeoJSON Feature")
    lookup.add_argument("--limit", type=int, default=10)
    lookup.add_argument("--no-fuzzy", action="store_true", help="no typo-tolerant matching")
    lookup.add_argument("--index", type=Path, default=None, help="index file (default: build/gazetteer.sqlite)")
    lookup.set_defaults(run=cmd_lookup)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
