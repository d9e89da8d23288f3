"""The privacy notice says, in every language, what a sign-up stores, who sees it, for how long
(SIGNUP_KEEP_DAYS), what the reports keep and that there is an audit log; added by a data
migration (pages 0011) only where staff had not changed the text."""

import importlib

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation

from pages.models import Page
from tests.support.languages import LANGUAGES
from tests.support.visible_text import VisibleText

pytestmark = pytest.mark.django_db

migration = importlib.import_module("pages.migrations.0012_signup_privacy")
# What each language's section must say, as a reader would look for it.
SAYS = {
    "et": (
        "Registreerumine sündmustele",
        "päeva pärast sündmuse lõppu",
        "koordinaatorid",
        "pseudonüümset",
        "auditilogisse",
    ),
    "ru": (
        "Запись на мероприятия",
        "дней после окончания мероприятия",
        "координаторы",
        "псевдонимный",
        "журнал аудита",
    ),
    "en": (
        "Signing up for events",
        "days after the event ends",
        "coordinators",
        "pseudonymous",
        "audit log",
    ),
    "uk": (
        "Реєстрація на заходи",
        "днів після завершення заходу",
        "координатори",
        "псевдонімний",
        "журнал аудиту",
    ),
}


def test_the_notice_in_every_language_tells_what_a_sign_up_keeps_and_for_how_long(client):
    assert set(SAYS) == set(LANGUAGES)
    assert settings.SIGNUP_KEEP_DAYS == migration.KEEP_DAYS  # the text's number is the setting's
    page = Page.objects.get(slug_et=migration.SLUG)
    for language, phrases in SAYS.items():
        with translation.override(language):
            url = page.get_absolute_url()
        response = client.get(url)
        assert response.status_code == 200, language
        text = " ".join(piece for piece, _lang in VisibleText(response.content.decode()).pieces)
        for phrase in phrases:
            assert phrase in text, (language, phrase)
        assert str(settings.SIGNUP_KEEP_DAYS) in text


def test_a_notice_staff_have_changed_is_left_as_they_wrote_it():
    page = Page.objects.get(slug_et=migration.SLUG)
    staff_text = "<p>Toimetaja kirjutatud privaatsusteave.</p>"
    # As before 0011: Estonian as staff wrote it, Russian as the earlier migrations left it.
    Page.objects.filter(pk=page.pk).update(
        body_et=staff_text, body_ru=migration.earlier("body", "ru")
    )
    migration.add_section(apps, None)
    page.refresh_from_db()
    assert page.body_et == staff_text
    assert "Запись на мероприятия" in page.body_ru
    migration.remove_section(apps, None)
    page.refresh_from_db()
    assert page.body_ru == migration.earlier("body", "ru")
    assert page.body_et == staff_text
