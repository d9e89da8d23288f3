"""The Ukrainian content of the services and the place 0002 loaded (activities 0005): every text
0002 translated has its Ukrainian one, only empty texts are filled, reversing empties only what
the migration wrote, and the addresses are romanised; the demo's samples have Ukrainian too."""

import importlib
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from activities.models import Location, NewsItem, Service
from pages.slugs import slug_from_title

pytestmark = pytest.mark.django_db

initial = importlib.import_module("activities.migrations.0002_initial_content")
ukrainian = importlib.import_module("activities.migrations.0005_ukrainian_content")
STAFF_TEXT = "Текст редактора"


def seeded_service(estonian_slug):
    return Service.objects.get(slug_et=estonian_slug)


def test_every_text_0002_loaded_has_its_ukrainian_text_in_a_fresh_database():
    for item in initial.SERVICES:
        service = seeded_service(item["slug"]["et"])
        loaded = [name for name in initial.TEXTS if name in item]
        assert set(ukrainian.SERVICES[service.slug_et]) == set(loaded), service.slug_et
        for name in loaded:
            assert getattr(service, f"{name}_uk") == ukrainian.SERVICES[service.slug_et][name]
    place = initial.NARVA_LANGUAGE_HOUSE
    location = Location.objects.get(name_et=place["name"]["et"])
    texts = ukrainian.LOCATIONS[location.name_et]
    assert set(texts) == {"name", "address"}  # what 0002 gave the place, besides its map link
    assert (location.name_uk, location.address_uk) == (texts["name"], texts["address"])
    assert location.address_uk == "Лінда 2, Нарва"  # the address 0002 gives, and nothing more


def test_a_ukrainian_visitor_reads_the_services_in_ukrainian(client):
    listing = client.get("/uk/posluhy/").content.decode()
    for texts in ukrainian.SERVICES.values():
        assert texts["title"] in listing
    city = ukrainian.SERVICES["kohtla-jarve-linnavalitsus"]
    page = client.get(f"/uk/posluhy/{city['slug']}/")
    assert page.status_code == 200
    assert city["title"] in page.content.decode()
    # The body's link leads to the Ukrainian contacts page.
    assert f'href="{ukrainian.CONTACTS_PAGE}"' in page.content.decode()
    assert client.get(ukrainian.CONTACTS_PAGE).status_code == 200


def test_the_ukrainian_content_fills_only_empty_texts():
    service = seeded_service("politsei-ja-piirivalveamet")
    Service.objects.filter(pk=service.pk).update(
        title_uk=STAFF_TEXT, summary_uk="", provider_uk=None
    )
    ukrainian.write_ukrainian(apps, None)
    service.refresh_from_db()
    texts = ukrainian.SERVICES["politsei-ja-piirivalveamet"]
    assert service.title_uk == STAFF_TEXT
    assert service.summary_uk == texts["summary"]
    assert service.provider_uk == texts["provider"]


def test_reversing_empties_only_the_texts_that_are_still_the_migrations():
    service = seeded_service("integratsiooni-sihtasutus")
    estonian = (service.title_et, service.summary_et, service.slug_et)
    Service.objects.filter(pk=service.pk).update(summary_uk=STAFF_TEXT)
    Location.objects.filter(name_et="Narva Eesti Keele Maja").update(address_uk=STAFF_TEXT)
    ukrainian.remove_ukrainian(apps, None)
    service.refresh_from_db()
    assert service.summary_uk == STAFF_TEXT
    assert (service.title_uk, service.body_uk, service.how_to_take_part_uk) == ("", "", "")
    assert service.slug_uk is None
    assert (service.title_et, service.summary_et, service.slug_et) == estonian
    location = Location.objects.get(name_et="Narva Eesti Keele Maja")
    assert (location.name_uk, location.address_uk) == ("", STAFF_TEXT)
    # Applying it again brings back what it wrote, and still keeps the staff's text.
    ukrainian.write_ukrainian(apps, None)
    service.refresh_from_db()
    assert service.title_uk == ukrainian.SERVICES["integratsiooni-sihtasutus"]["title"]
    assert service.slug_uk == "fond-intehratsii"
    assert service.summary_uk == STAFF_TEXT


def test_an_address_staff_gave_another_item_is_not_taken_from_it():
    seeded = seeded_service("sotsiaalkindlustusamet")
    Service.objects.filter(pk=seeded.pk).update(slug_uk=None)
    staff = Service.objects.create(title_et="Teenus", provider_et="Pakkuja", title_uk="Послуга")
    Service.objects.filter(pk=staff.pk).update(slug_uk=ukrainian.SERVICES[seeded.slug_et]["slug"])
    ukrainian.write_ukrainian(apps, None)
    seeded.refresh_from_db()
    assert seeded.slug_uk is None
    assert seeded.title_uk == ukrainian.SERVICES[seeded.slug_et]["title"]


def test_ukrainian_texts_are_ukrainian_not_russian_spelled_in_ukrainian_letters():
    texts = [text for item in ukrainian.SERVICES.values() for text in item.values()]
    texts += [text for item in ukrainian.LOCATIONS.values() for text in item.values()]
    text = " ".join(texts).lower()
    assert not set("ыэъё") & set(text)
    for word in ("посвідк", "проєкт", "тимчасов", "міжнародного захисту"):
        assert word in text, word


def test_ukrainian_addresses_are_the_titles_romanised_as_the_estonian_ones_are_made():
    """The Estonian address is the title's part before the colon; the Ukrainian one too,
    romanised by the KMU 2010 system (pages.slugs)."""
    for service in Service.objects.filter(slug_et__in=ukrainian.SERVICES):
        name_et, name_uk = service.title_et.split(":")[0], service.title_uk.split(":")[0]
        assert service.slug_et == slug_from_title(name_et, "et"), service.slug_et
        assert service.slug_uk == slug_from_title(name_uk, "uk"), service.slug_uk


def test_the_demo_samples_have_ukrainian_texts(client):
    call_command("demo", "load", stdout=StringIO())
    samples = [*Service.objects.filter(is_sample=True), *NewsItem.objects.filter(is_sample=True)]
    assert samples and all(item.title_uk and item.summary_uk for item in samples)
    assert all(place.name_uk for place in Location.objects.filter(is_sample=True))
    news = NewsItem.objects.filter(is_sample=True).first()
    page = client.get(f"/uk/novyny/{news.slug_uk}/")
    assert page.status_code == 200
    assert news.title_uk in page.content.decode()
