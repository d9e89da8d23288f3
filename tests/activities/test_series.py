"""Series: made in one go from weekly rules (dateutil's rrule), each date an Event with its own
page; one date changed or cancelled alone; the rest of a series changed from a date on.
Through the admin, as an editor does it."""

from datetime import date, time

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from activities.models import Event, EventSeries
from activities.parameters import SERIES_MAX_DATES
from tests.support.activities import admin_form_data, staff_client

pytestmark = pytest.mark.django_db

# Monday 23 March 2026; Estonia moves its clocks forward on Sunday 29 March.
FIRST_MONDAY = date(2026, 3, 23)


@pytest.fixture
def editor():
    with translation.override("en"):
        yield staff_client("editor", "Editors")


def series_form(**rules):
    return {
        "title_et": "Keelekohvik",
        "title_ru": "Языковое кафе",
        "body_et": "<p>Räägime eesti keeles.</p>",
        "first_day": FIRST_MONDAY.isoformat(),
        "weekdays": ["MO", "WE"],
        "every_weeks": "1",
        "start_time": "18:00",
        "end_time": "19:30",
        "for_everyone": "on",
        "published": "on",
        **rules,
    }


def local_starts(series):
    return [
        timezone.localtime(event.starts_at).replace(tzinfo=None)
        for event in series.events.order_by("starts_at")
    ]


def add_series(editor, **rules):
    response = editor.post(reverse("admin:activities_eventseries_add"), series_form(**rules))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return EventSeries.objects.get()


def test_a_weekly_series_on_two_weekdays_makes_each_date_an_event_at_local_time(editor, client):
    series = add_series(editor, times="4")
    starts = local_starts(series)
    assert [moment.date() for moment in starts] == [
        date(2026, 3, 23),
        date(2026, 3, 25),
        date(2026, 3, 30),
        date(2026, 4, 1),
    ]
    # 18:00 in Kohtla-Järve on both sides of the change to summer time.
    assert {moment.time() for moment in starts} == {time(18)}
    offsets = {
        event.starts_at.astimezone(timezone.get_default_timezone()).utcoffset()
        for event in series.events.all()
    }
    assert len(offsets) == 2
    for event in series.events.all():
        page = client.get(f"/ru/meropriyatiya/{event.pk}/")
        assert page.status_code == 200
        assert "Языковое кафе" in page.content.decode()


def test_every_other_week_until_a_day(editor):
    series = add_series(editor, every_weeks="2", weekdays=["MO"], last_day="2026-04-20")
    assert [moment.date() for moment in local_starts(series)] == [
        date(2026, 3, 23),
        date(2026, 4, 6),
        date(2026, 4, 20),
    ]


@pytest.mark.parametrize(
    ("rules", "field"),
    [
        ({"times": "3", "last_day": "2026-05-01"}, "last_day"),
        ({}, "last_day"),
        ({"times": "3", "weekdays": []}, "weekdays"),
        ({"times": "3", "end_time": "17:00"}, "end_time"),
        ({"last_day": "2026-03-01"}, "last_day"),
    ],
)
def test_rules_that_make_no_sense_are_refused_with_a_message(editor, rules, field):
    response = editor.post(reverse("admin:activities_eventseries_add"), series_form(**rules))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors[field]
    assert not Event.objects.exists()


def test_a_series_cannot_run_past_its_limit_of_dates():
    series = EventSeries(
        title_et="Liiga pikk",
        first_day=FIRST_MONDAY,
        weekdays="MO,TU,WE,TH,FR",
        last_day=date(2036, 1, 1),
        start_time=time(9),
        end_time=time(10),
    )
    with pytest.raises(ValidationError, match=str(SERIES_MAX_DATES)):
        series.clean()


def test_one_date_changed_or_cancelled_alone_leaves_the_others_as_they_were(editor):
    series = add_series(editor, times="4")
    first, second, *others = series.events.order_by("starts_at")
    url = reverse("admin:activities_event_change", args=[second.pk])
    data = admin_form_data(editor, url) | {
        "starts_at_1": "17:00:00",
        "cancelled": "on",
        "cancellation_reason_et": "Juhendaja on haige.",
    }
    response = editor.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    second.refresh_from_db()
    assert second.cancelled
    assert timezone.localtime(second.starts_at).time() == time(17)
    assert [timezone.localtime(e.starts_at).time() for e in [first, *others]] == [time(18)] * 3
    assert not any(
        Event.objects.filter(pk__in=[first.pk] + [e.pk for e in others]).values_list(
            "cancelled", flat=True
        )
    )


def test_changing_the_rest_of_a_series_from_a_date_on_keeps_earlier_dates_and_each_page(editor):
    series = add_series(editor, times="6")
    dates_before = list(series.events.order_by("starts_at"))
    cancelled_alone = dates_before[4]
    cancelled_alone.cancelled = True
    cancelled_alone.save()
    url = reverse("admin:activities_eventseries_change", args=[series.pk])
    data = admin_form_data(editor, url) | {
        "title_et": "Keelekohvik (uus aeg)",
        "start_time": "17:00",
        "end_time": "18:30",
        "apply_from": "2026-03-30",
    }
    response = editor.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    after = list(series.events.order_by("starts_at"))
    assert [event.pk for event in after] == [event.pk for event in dates_before]  # same pages
    earlier, later = after[:2], after[2:]
    assert {event.title_et for event in earlier} == {"Keelekohvik"}
    assert {timezone.localtime(event.starts_at).time() for event in earlier} == {time(18)}
    assert {event.title_et for event in later} == {"Keelekohvik (uus aeg)"}
    assert {timezone.localtime(event.starts_at).time() for event in later} == {time(17)}
    assert [event.cancelled for event in after] == [False, False, False, False, True, False]


def test_fewer_dates_from_a_day_on_deletes_only_the_dates_no_longer_given(editor):
    series = add_series(editor, times="6")
    url = reverse("admin:activities_eventseries_change", args=[series.pk])
    data = admin_form_data(editor, url) | {"weekdays": ["MO"], "apply_from": "2026-03-30"}
    response = editor.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert [moment.date() for moment in local_starts(series)] == [
        date(2026, 3, 23),
        date(2026, 3, 25),  # before the change: kept
        date(2026, 3, 30),
        date(2026, 4, 6),
        date(2026, 4, 13),
        date(2026, 4, 20),
        date(2026, 4, 27),  # "6 times" counts the new rule's dates from the first day
    ]


def test_cancelling_the_rest_of_a_series_marks_each_later_date_cancelled(editor):
    series = add_series(editor, times="4")
    url = reverse("admin:activities_eventseries_change", args=[series.pk])
    data = admin_form_data(editor, url) | {
        "cancelled": "on",
        "cancellation_reason_et": "Ruum on remondis.",
        "apply_from": "2026-03-30",
    }
    assert editor.post(url, data).status_code == 302
    events = list(series.events.order_by("starts_at"))
    assert [event.cancelled for event in events] == [False, False, True, True]
    assert events[-1].cancellation_reason_et == "Ruum on remondis."
