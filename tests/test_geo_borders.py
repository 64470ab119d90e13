"""Borders between neighbouring countries (gazetteer.borders, geo.borders), on texts written for these tests, with the
real spaCy pipeline and gazetteer index."""

from __future__ import annotations

import pytest
from shapely.geometry import shape

from atlas.ingest.analysis import PlaceCatalog
from extract.pipeline import extract_article
from gazetteer import Kind
from gazetteer.borders import border_countries
from geo.parser import Geoparser
from tests.geo_helpers import mentions_of, only


@pytest.fixture(scope="module")
def parser() -> Geoparser:
    return Geoparser()


@pytest.mark.parametrize("text", [
    "Clashes broke out on the Armenia-Azerbaijan border on Tuesday.",
    "Fighting erupted along the Armenian-Azerbaijani border.",
    "Shelling hit the border between Azerbaijan and Armenia.",
    "Armenia's border with Azerbaijan was closed.",
])
def test_each_way_of_naming_a_border_is_the_one_border_line(parser, text):
    border = only(parser.parse(text), "border")
    assert border.kind == Kind.BORDER and border.place_name == "Armenia\u2013Azerbaijan border"
    assert border_countries(border.place_id) == ("ne0:ARM", "ne0:AZE")
    feature = parser.gaz.feature(border.place_id)
    assert feature["geometry"]["type"] in ("LineString", "MultiLineString")
    line = shape(feature["geometry"])
    # the line runs between the two countries: it touches both outlines
    for country in ("ne0:ARM", "ne0:AZE"):
        assert line.distance(parser.gaz.geometry(country)) < 0.05


@pytest.mark.parametrize("text", [
    "Four Azerbaijani soldiers died in clashes with Armenian troops on the countries' shared border.",
    "Armenia and Azerbaijan traded fire across their common border on Monday.",
    "Armenian units shelled Azerbaijani positions along the two nations\u2019 border.",
])
def test_a_shared_border_is_the_border_of_the_two_countries_the_sentence_named(parser, text):
    border = only(parser.parse(text), "border")
    assert border_countries(border.place_id) == ("ne0:ARM", "ne0:AZE")


@pytest.mark.parametrize("text", [
    "Troops massed on the shared border. Armenia and Azerbaijan said nothing.",  # named after it, in another sentence
    "Armenia, Azerbaijan and Georgia met near the shared border.",  # three countries: whose border?
    "Armenian troops returned to their border.",  # one country's own border
    "Armenia and the US discussed the countries' border.",  # no common border
])
def test_a_shared_border_without_exactly_two_neighbours_named_before_it_is_no_place(parser, text):
    assert not mentions_of(parser.parse(text), "border")


def test_countries_that_are_no_neighbours_have_no_border(parser):
    assert not mentions_of(parser.parse("Trade on the US-Iran border stopped."), "border")
    assert parser.gaz.get("border:ne0:ARM|ne0:USA") is None and parser.gaz.get("border:ne0:ARM|ne0:ARM") is None


def test_an_event_on_a_border_is_placed_on_it_and_the_countries_stay_mentions(parser):
    text = "Thirteen soldiers were captured on the Armenian-Azerbaijani border on 16 November 2021."
    mentions = parser.parse(text)
    assert {m.text for m in mentions} == {"Armenian", "Azerbaijani", "border"}
    (capture,) = extract_article(text, mentions, None).events
    assert capture.place.name == "Armenia\u2013Azerbaijan border" and capture.geo_precision == 4


def test_an_act_named_as_the_topic_of_a_statement_is_no_event(parser):
    text = ("With respect to setting up the checkpoint on the Azerbaijan-Armenia border, Aliyev said on 3 May 2023 "
            "that it followed the rules.")
    assert extract_article(text, parser.parse(text), None).events == []


def test_the_store_gets_the_border_line_back(parser):
    border = only(parser.parse("Clashes broke out on the Armenia-Azerbaijan border."), "border")
    record = PlaceCatalog()[border.place_id]
    assert record.kind == Kind.BORDER and record.geometry["type"] == "MultiLineString"
    assert "Natural Earth" in record.source
