"""Dates: deictic phrases, weekdays by tense, absolute dates and offsets, resolved from the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from caravan.nlp.dates import find_dates, months_before, nearest_year, resolve_relative, resolve_weekday, week_of
from caravan.nlp.extensions import register_extensions
from caravan.nlp.models import load_blank, load_model
from caravan.settings import Settings

FRIDAY = dt.date(2021, 3, 12)  # publication date of the short texts below (a Friday)


def dates(text: str, published: dt.date | None = FRIDAY, language: str = "en") -> dict[str, str]:
    """The dates of a short text: covered text -> ISO value (dates component only)."""
    register_extensions()
    nlp = load_model(Settings().model_en) if language == "en" else load_blank(language)
    doc = nlp(text)
    doc._.boilerplate = []
    return {text[d.start : d.end]: d.value for d in find_dates(doc, published)}


def test_dates_week_runs_monday_to_sunday():
    assert week_of(FRIDAY) == (dt.date(2021, 3, 8), dt.date(2021, 3, 14))


def test_dates_weekday_directions():
    assert resolve_weekday(FRIDAY, 3, "past") == dt.date(2021, 3, 11)
    assert resolve_weekday(FRIDAY, 5, "future") == dt.date(2021, 3, 13)
    assert resolve_weekday(FRIDAY, 4, "last") == dt.date(2021, 3, 5)
    assert resolve_weekday(FRIDAY, 4, "next") == dt.date(2021, 3, 19)
    assert resolve_weekday(FRIDAY, 0, "week") == dt.date(2021, 3, 8)
    assert resolve_weekday(FRIDAY, 0, None) == dt.date(2021, 3, 15)


def test_dates_relative_units():
    assert resolve_relative(FRIDAY, "month", -1) == "2021-02-01/2021-02-28"
    assert resolve_relative(FRIDAY, "month_before", 0) == "2021-03-01/2021-03-12"  # up to publication, as annotated
    assert resolve_relative(FRIDAY, "weekend", 0) == "2021-03-13/2021-03-14"


def test_dates_nearest_year_crosses_new_year():
    assert nearest_year(dt.date(2020, 1, 10), 12, 28, None) == 2019
    assert nearest_year(dt.date(2019, 12, 20), 1, 3, None) == 2020


def test_dates_tense_does_not_move_a_near_date_a_year_back():
    assert nearest_year(dt.date(2018, 11, 9), 11, 13, "past") == 2018


@pytest.mark.model
def test_dates_this_week_is_the_publication_week():
    assert dates("Hundreds of migrants left the city this week.") == {"this week": "2021-03-08/2021-03-14"}


@pytest.mark.model
def test_dates_this_weekend_is_the_coming_weekend():
    assert dates("They hope to reach the border this weekend.") == {"this weekend": "2021-03-13/2021-03-14"}


@pytest.mark.model
def test_dates_last_and_next_week():
    found = dates("The talks stalled last week and resume next week.")
    assert found == {"last week": "2021-03-01/2021-03-07", "next week": "2021-03-15/2021-03-21"}


@pytest.mark.model
def test_dates_past_tense_weekday_is_the_latest_before_publication():
    assert dates("The minister met the governors Thursday.") == {"Thursday": "2021-03-11"}


@pytest.mark.model
def test_dates_past_tense_weekday_can_be_the_publication_day():
    assert dates("The caravan left on Friday.") == {"Friday": "2021-03-12"}


@pytest.mark.model
def test_dates_future_weekday_is_the_next_one():
    assert dates("The group will cross the river on Monday.") == {"Monday": "2021-03-15"}


@pytest.mark.model
def test_dates_planned_weekday_is_in_the_future():
    assert dates("Organizers planned to regroup and march on Wednesday.") == {"Wednesday": "2021-03-17"}


@pytest.mark.model
def test_dates_present_tense_weekday_is_the_nearest():
    assert dates("The shelter opens Tuesday.") == {"Tuesday": "2021-03-09"}


@pytest.mark.model
def test_dates_weekday_in_a_noun_phrase_is_the_nearest():
    assert dates("Snow is likely for Monday's parade.") == {"Monday": "2021-03-15"}


@pytest.mark.model
def test_dates_this_before_a_weekday_keeps_the_publication_week():
    assert dates("The judge rules this Monday.") == {"this Monday": "2021-03-08"}


@pytest.mark.model
def test_dates_sunday_in_a_past_clause_published_monday():
    assert dates("Police closed the crossing on Sunday.", published=dt.date(2021, 3, 8)) == {"Sunday": "2021-03-07"}


@pytest.mark.model
def test_dates_last_before_a_weekday_excludes_the_publication_day():
    assert dates("Police detained them last Friday.") == {"last Friday": "2021-03-05"}


@pytest.mark.model
def test_dates_weekday_with_part_of_day():
    assert dates("The bus arrived Monday night.") == {"Monday night": "2021-03-08"}


@pytest.mark.model
def test_dates_yesterday_and_today():
    assert dates("Yesterday the town was calm; today it is full.") == {"Yesterday": "2021-03-11", "today": "2021-03-12"}


@pytest.mark.model
def test_dates_today_inside_a_quotation_is_left_out():
    assert dates("“We arrived today,” she said.") == {}


@pytest.mark.model
def test_dates_months_ago_is_that_day_months_before():
    assert dates("The trek began a month ago near the border.") == {"a month ago": "2021-02-12"}
    assert months_before(dt.date(2021, 3, 31), 1) == dt.date(2021, 2, 28)


def test_dates_earlier_this_week_is_the_week():
    assert dates("Earlier this week, officials closed the crossing.") == {"Earlier this week": "2021-03-08/2021-03-14"}


def test_dates_year_after_in_is_that_year():
    text = "The U.S. had 331,700 asylum claims in 2017, double the claims of Fiscal Year 2015, and more in 2015-2016."
    assert dates(text) == {"2017": "2017-01-01/2017-12-31"}
    assert dates("She came to the US in 1996 — on a tourist visa.") == {"1996": "1996-01-01/1996-12-31"}


def test_dates_days_ago():
    assert dates("The group set out two days ago.") == {"two days ago": "2021-03-10"}


@pytest.mark.model
def test_dates_month_and_day_take_the_publication_year():
    assert dates("The order took effect on March 1.") == {"March 1": "2021-03-01"}


@pytest.mark.model
def test_dates_full_date_with_year():
    assert dates("The law was signed Jan. 15, 2020, in the capital.") == {"Jan. 15, 2020": "2020-01-15"}


@pytest.mark.model
def test_dates_weekday_followed_by_a_date_is_one_date():
    assert dates("The court ruled on Tuesday, Feb. 2.") == {"Tuesday, Feb. 2": "2021-02-02"}


@pytest.mark.model
def test_dates_earlier_this_month():
    assert dates("The shelter closed earlier this month.") == {"earlier this month": "2021-03-01/2021-03-12"}


@pytest.mark.model
def test_dates_durations_and_vague_words_are_not_dates():
    assert dates("They walked for three weeks and recently asked for asylum.") == {}


@pytest.mark.model
def test_dates_without_publication_only_dated_expressions():
    found = dates("On Thursday, a week after March 3, the decree of April 4, 2019 was published.", published=None)
    assert found == {"April 4, 2019": "2019-04-04"}


@pytest.mark.model
def test_dates_may_the_verb_is_not_a_month():
    assert dates("The migrants may wait 5 days.") == {}


def test_dates_spanish_weekday_by_tense():
    found = dates("Los migrantes salieron el sábado y llegarán el lunes.", language="es")
    assert found == {"sábado": "2021-03-06", "lunes": "2021-03-15"}


def test_dates_spanish_relative_phrases():
    found = dates("Hace dos días cruzaron; la semana pasada eran menos.", language="es")
    assert found == {"Hace dos días": "2021-03-10", "la semana pasada": "2021-03-01/2021-03-07"}


def test_dates_spanish_day_of_month():
    found = dates("El decreto del 15 de enero de 2020 sigue vigente.", language="es")
    assert found == {"15 de enero de 2020": "2020-01-15"}


def test_dates_spanish_morning_is_not_tomorrow():
    assert dates("Por la mañana salieron.", language="es") == {}


@pytest.mark.model
def test_dates_month_with_last_year_is_one_date():
    assert dates("Families protested at the park in April last year.") == {"April last year": "2020-04-01/2020-04-30"}


@pytest.mark.model
def test_dates_last_month_name_lies_before_publication():
    assert dates("The fence dates from last June.") == {"June": "2020-06-01/2020-06-30"}


@pytest.mark.model
def test_dates_holidays_by_their_day_in_the_year_given_or_nearest():
    found = dates("He crossed on Christmas Day in 2018, and the group left on Thanksgiving and New Year's Eve.")
    assert found == {
        "Christmas Day in 2018": "2018-12-25",
        "Thanksgiving": "2020-11-26",
        "New Year's Eve": "2020-12-31",
    }
    assert dates("They planned a halloween party for the children.") == {}
