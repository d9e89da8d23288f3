"""Services, events and news made for a test, and the admin's forms filled as a browser would."""

from datetime import datetime, timedelta

from django.contrib.admin.widgets import AdminSplitDateTime
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from activities.models import Event, Language, NewsItem, Service
from pages.models import TargetGroup

TALLINN = timezone.get_default_timezone()


def tallinn(*moment):
    """An aware datetime on the clock in Kohtla-Järve: tallinn(2026, 5, 4, 18)."""
    return datetime(*moment, tzinfo=TALLINN)


def make_event(title, starts_at, ends_at=None, *, groups=(), languages=(), **fields):
    event = Event.objects.create(
        title_et=title,
        starts_at=starts_at,
        ends_at=ends_at or starts_at + timedelta(hours=1),
        for_everyone=not groups,
        **fields,
    )
    event.target_groups.set(TargetGroup.objects.filter(code__in=groups))
    event.languages.set(Language.objects.filter(code__in=languages))
    return event


def make_service(title, *, groups=(), languages=(), **fields):
    service = Service.objects.create(
        title_et=title, provider_et="Pakkuja", for_everyone=not groups, **fields
    )
    service.target_groups.set(TargetGroup.objects.filter(code__in=groups))
    service.languages.set(Language.objects.filter(code__in=languages))
    return service


def make_news(title, **fields):
    return NewsItem.objects.create(title_et=title, summary_et=f"{title}: kokkuvõte", **fields)


def staff_client(username, group_name):
    user = User.objects.create_user(username, f"{username}@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    client = Client()
    client.force_login(user)
    return client


def admin_form_data(client, url):
    """What the browser would send back unchanged from an admin form (date and time of a
    split date-time field as two inputs, as the admin's widget has them)."""
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None:
            continue
        if isinstance(field.widget, AdminSplitDateTime):
            local = timezone.localtime(value) if isinstance(value, datetime) else value
            data[f"{name}_0"], data[f"{name}_1"] = (
                local.date().isoformat(),
                local.strftime("%H:%M:%S"),
            )
        else:
            data[name] = value
    return data
