"""Staff: the roles on services and events, services due for a check, samples marked; and the
demo command (make demo)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation

from activities.models import Event, EventSeries, Location, NewsItem, Service
from tests.support.activities import admin_form_data, make_event, make_service, staff_client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_admin():
    with translation.override("en"):
        yield


def test_roles_have_their_permissions_on_services_events_and_news():
    def codenames(name):
        permissions = Group.objects.get(name=name).permissions
        return set(
            permissions.filter(content_type__app_label="activities").values_list(
                "codename", flat=True
            )
        )

    models = ("service", "location", "event", "eventseries", "newsitem")
    actions = ("add", "change", "delete", "view", "publish")
    language = {"add_language", "change_language", "delete_language", "view_language"}
    assert codenames("Editors") == {f"{a}_{m}" for m in models for a in actions} | language
    assert codenames("Translators") == {f"{a}_{m}" for m in models for a in ("change", "view")} | {
        "view_language"
    }


def test_a_translator_changes_the_russian_text_but_not_who_a_service_is_for():
    translator = staff_client("translator", "Translators")
    service = make_service("Teenus", groups=["repatriate"])
    url = reverse("admin:activities_service_change", args=[service.pk])
    data = admin_form_data(translator, url)
    assert "target_groups" not in data and "title_et" not in data
    data |= {"title_ru": "Услуга", "target_groups": ["1", "2"], "title_et": "Muudetud"}
    assert translator.post(url, data).status_code == 302
    service.refresh_from_db()
    assert service.title_ru == "Услуга"
    assert service.title_et == "Teenus"
    assert [group.code for group in service.target_groups.all()] == ["repatriate"]


def test_a_service_for_nobody_is_refused_with_a_message():
    editor = staff_client("editor", "Editors")
    service = make_service("Teenus", groups=["repatriate"])
    url = reverse("admin:activities_service_change", args=[service.pk])
    data = admin_form_data(editor, url)
    data.pop("target_groups")
    response = editor.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["target_groups"]


def test_staff_see_which_services_were_not_checked_for_six_months():
    editor = staff_client("editor", "Editors")
    today = timezone.localdate()
    make_service("Värske", checked_on=today - timedelta(days=30))
    make_service("Vana", checked_on=today - timedelta(days=200))
    listed = editor.get(reverse("admin:activities_service_changelist"), {"checked": "due"})
    titles = [service.title for service in listed.context["cl"].result_list]
    assert "Vana" in titles and "Värske" not in titles
    assert len(titles) == 1 + 7  # and the seed services, never checked yet
    assert "check it" in listed.content.decode()


def test_staff_can_tell_samples_apart():
    call_command("demo", "load", stdout=StringIO())
    editor = staff_client("editor", "Editors")
    listed = editor.get(reverse("admin:activities_event_changelist"), {"is_sample__exact": "1"})
    assert listed.context["cl"].result_count == Event.objects.filter(is_sample=True).count() > 0


# make demo


def sample_counts():
    return {
        model.__name__: model.objects.filter(is_sample=True).count()
        for model in (Service, Location, Event, EventSeries, NewsItem)
    }


def test_demo_loads_past_upcoming_and_cancelled_events_in_several_languages_once():
    output = StringIO()
    call_command("demo", "load", stdout=output)
    counts = sample_counts()
    assert all(counts.values()), counts
    now = timezone.now()
    samples = Event.objects.filter(is_sample=True)
    assert samples.filter(ends_at__lte=now).exists() and samples.filter(ends_at__gt=now).exists()
    assert samples.filter(cancelled=True).exists()
    assert {language.code for event in samples for language in event.languages.all()} >= {
        "et",
        "ru",
        "en",
    }
    assert all(event.title_ru for event in samples)
    call_command("demo", "load", stdout=output)
    assert sample_counts() == counts
    assert "nothing changed" in output.getvalue()


def test_demo_remove_deletes_every_sample_and_nothing_else():
    real = make_event("Päris sündmus", timezone.now() + timedelta(days=3))
    call_command("demo", "load", "--force", stdout=StringIO())
    call_command("demo", "remove", stdout=StringIO())
    assert set(sample_counts().values()) == {0}
    assert Event.objects.get() == real
    assert Service.objects.count() == 7


def test_demo_refuses_a_database_with_real_events_unless_forced():
    make_event("Päris sündmus", timezone.now() + timedelta(days=3))
    with pytest.raises(CommandError, match=r"real events \(1\)"):
        call_command("demo", "load", stdout=StringIO())
    assert not Event.objects.filter(is_sample=True).exists()
    call_command("demo", "load", "--force", stdout=StringIO())
    assert Event.objects.filter(is_sample=True).exists()
