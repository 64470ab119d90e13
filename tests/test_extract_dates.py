from datetime import date

from extract.articles import article_meta
from extract.dates import find_dates, infer_publication, period, resolve
from extract.pipeline import extract_article
from tests.extract_helpers import mentions_for


def _resolved(text: str, published: date | None, anchored: bool = True):
    return [resolve(d, published, anchored) for d in find_dates(text)]


def test_relative_dates_resolve_against_the_given_publication_date():
    # 2023-01-20 is a Friday
    text = "They met on Monday. Protests began last month. The talks were held yesterday."
    assert _resolved(text, date(2023, 1, 20)) == [("2023-01-16", "day"), ("2022-12", "month"), ("2023-01-19", "day")]


def test_relative_dates_stay_unresolved_against_an_inferred_publication_date():
    assert _resolved("They met on Monday.", date(2023, 1, 20), anchored=False) == [None]


def test_day_without_year_takes_the_latest_past_year():
    assert _resolved("He spoke on December 30.", date(2023, 1, 5)) == [("2022-12-30", "day")]
    assert _resolved("He spoke on January 3.", date(2023, 1, 5)) == [("2023-01-03", "day")]


def test_absolute_dates_keep_their_precision():
    text = "Fighting since May 2021, a truce on 9 November 2020, the war in 2020."
    assert _resolved(text, None) == [("2021-05", "month"), ("2020-11-09", "day"), ("2020", "year")]


def test_may_the_modal_is_not_a_month():
    assert find_dates("Talks may resume, officials said.") == []


def test_publication_date_is_inferred_from_the_latest_date_with_the_year_inferred():
    text = "Incursions since May 2021 continue. Lavrov spoke on January 18 in Moscow."
    assert infer_publication(text) == date(2022, 1, 18)  # January 18 after May 2021
    meta = article_meta(text, None)
    assert meta.published == date(2022, 1, 18) and meta.published_inferred
    given = article_meta(text, date(2023, 1, 19))
    assert given.published == date(2023, 1, 19) and not given.published_inferred


def test_period_covers_the_precision():
    assert period("2023-02", "month") == (date(2023, 2, 1), date(2023, 2, 28))
    assert period("2023-01-16", "week") == (date(2023, 1, 16), date(2023, 1, 22))


def test_event_date_resolved_against_publication_date():
    text = "Armenian Foreign Minister Ararat Mirzoyan held talks in Tbilisi on Monday with his counterpart."
    extraction = extract_article(text, mentions_for(text), date(2023, 1, 20))
    (talks,) = [e for e in extraction.events if e.label == "talks"]
    assert (talks.date, talks.date_precision) == ("2023-01-16", "day")
    assert talks.place is not None and talks.place.name == "Tbilisi"


def test_a_weekday_is_the_latest_such_day_on_or_before_publication():
    tuesday = date(2023, 3, 7)
    assert _resolved("They met on Tuesday.", tuesday) == [("2023-03-07", "day")]  # the day of publication itself
    assert _resolved("They met on Monday.", tuesday) == [("2023-03-06", "day")]
    assert _resolved("They met on Wednesday night.", tuesday) == [("2023-03-01", "day")]
    assert _resolved("They met last Tuesday.", tuesday) == [("2023-02-28", "day")]
    assert _resolved("They meet next Tuesday.", tuesday) == [("2023-03-14", "day")]


def test_an_explicit_date_beside_a_weekday_wins():
    tuesday = date(2023, 3, 7)
    for text in ("Talks on Friday (3 March) ended.", "Talks on Friday, March 3, ended.",
                 "Talks on Friday 3 March ended.", "Talks on March 3, a Friday, ended."):
        assert _resolved(text, tuesday) == [("2023-03-03", "day")], text
    assert _resolved("Talks on Friday ended; on March 1 they began.", tuesday) == [("2023-03-03", "day"),
                                                                                   ("2023-03-01", "day")]


def test_a_year_or_day_counted_from_one_stated_before():
    text = ("In 2014 the two states signed a deal. The following year the minister visited. On 3 March 2020 talks "
            "began; a day later they failed. A year earlier nothing happened.")
    counted = {d.text: (d.year, d.month, d.day) for d in find_dates(text) if d.counted}
    assert counted == {"The following year": (2015, None, None), "a day later": (2020, 3, 4),
                       "A year earlier": (2019, None, None)}


def test_nothing_is_counted_without_a_stated_date_or_across_a_weekday():
    assert not [d for d in find_dates("The following year the minister visited.") if d.counted]
    text = "Talks began on 3 March 2020. On Monday they failed. The next day they resumed."
    assert not [d for d in find_dates(text) if d.counted]
    (visit,) = [d for d in find_dates("On 28 February the envoy came, and the next day he left.") if d.counted]
    assert (visit.year, visit.month, visit.day) == (None, 2, 29)  # no year stated: a leap day stays possible


def test_days_and_weeks_ago_and_this_morning_count_back_from_publication():
    published = date(2024, 3, 13)  # a Wednesday
    assert _resolved("Troops left two days ago.", published) == [("2024-03-11", "day")]
    assert _resolved("The strike came this morning.", published) == [("2024-03-13", "day")]
    assert _resolved("The siege began three weeks ago.", published) == [("2024-02-19", "week")]  # the week it is in
    assert _resolved("A day later they left.", published) == []  # counted from a stated date, of which there is none
