"""The data migrations after 0002: the language review's corrections (0008) never overwrite what
staff wrote, the Ukrainian content (0009) fills only empty texts, and addresses are romanised."""

import importlib

import pytest
from django.apps import apps
from modeltranslation.translator import translator

from pages.apps import fill_empty_addresses
from pages.models import Contact, Page, Partner, TargetGroup
from pages.slugs import slug_from_title
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db

initial = importlib.import_module("pages.migrations.0002_initial_content")
review = importlib.import_module("pages.migrations.0008_language_review")
ukrainian = importlib.import_module("pages.migrations.0009_ukrainian_content")
CONTENT_MODELS = (Page, TargetGroup, Partner, Contact)


def source_column(item, field):
    """The untranslated column modeltranslation keeps beside the translated ones (read as it
    is, not as the active language's field)."""
    rows = type(item).objects.rewrite(False).filter(pk=item.pk).values_list(field, flat=True)
    return rows.get()


def all_texts(language):
    texts = []
    for model in CONTENT_MODELS:
        fields = set(translator.get_options_for_model(model).all_fields) - {"slug"}
        for item in model.objects.all():
            texts += [getattr(item, f"{field}_{language}") or "" for field in fields]
    return " ".join(texts)


def test_the_corrected_texts_are_what_a_fresh_database_has():
    russian, english = all_texts("ru"), all_texts("en")
    for wrong in ("без гражданства", "не имеют гражданства", "Европейского Союза", "инициатив"):
        assert wrong not in russian, wrong
    for wrong in ("stateless", "additional", "initiative", "funded by", "Project implementer"):
        assert wrong not in english, wrong
    assert "неопределённое гражданство" in russian
    assert "Союз городов и самоуправлений Эстонии" in russian
    assert "undetermined citizenship" in english
    assert "subsidiary or temporary protection" in english
    new_immigrants = TargetGroup.objects.get(code="new_immigrant")
    assert "tähtajalise elamisloa või elamisõiguse alusel" in new_immigrants.summary_et
    assert source_column(new_immigrants, "summary") == new_immigrants.summary_et
    repatriates = TargetGroup.objects.get(code="repatriate")
    assert "rahvastikuregistris" in repatriates.summary_et
    service = apps.get_model("activities", "Service").objects.get(body_ru__contains="Европейского")
    assert "Европейского Союза" not in service.body_ru  # activities 0009, as the pages say it
    assert "Европейского союза" in service.body_ru


def test_a_text_staff_have_changed_is_never_corrected_and_one_they_have_not_is():
    group = TargetGroup.objects.get(code="diverse_background")
    loaded = next(item for item in initial.TARGET_GROUPS if item["code"] == group.code)
    staff_summary = "Üle viie aasta Eestis elanud inimesed (toimetaja tekst)."
    # As before 0008: one text as 0002 loaded it, one already changed by staff.
    TargetGroup.objects.filter(pk=group.pk).update(
        body_ru=loaded["body"]["ru"], summary_et=staff_summary
    )
    TargetGroup.objects.rewrite(False).filter(pk=group.pk).update(summary=staff_summary)
    review.correct(apps, None)
    group.refresh_from_db()
    assert "неопределённое гражданство" in group.body_ru
    assert group.summary_et == staff_summary
    assert source_column(group, "summary") == staff_summary
    # Reversing puts back 0002's text only where the text is still the correction.
    review.put_back(apps, None)
    group.refresh_from_db()
    assert group.body_ru == loaded["body"]["ru"]
    assert group.summary_et == staff_summary


def test_every_correction_changes_a_text_0002_loaded_in_a_site_language():
    corrections = list(review.corrections())
    assert len(corrections) > 40
    assert {language for _model, _field, language, _old, _new in corrections} <= set(LANGUAGES)


def test_the_ukrainian_content_fills_only_empty_texts():
    page = Page.objects.get(kind=Page.Kind.CONTACTS)
    Page.objects.filter(pk=page.pk).update(title_uk="Зв’язок (текст редактора)", summary_uk="")
    ukrainian.write_ukrainian(apps, None)
    page.refresh_from_db()
    assert page.title_uk == "Зв’язок (текст редактора)"
    assert page.summary_uk == ukrainian.PAGES["kontaktid"]["summary"]


def test_ukrainian_texts_are_ukrainian_not_russian_spelled_in_ukrainian_letters():
    text = all_texts("uk")
    assert not set("ыэъё") & set(text.lower())
    for word in ("посвідк", "проєкт", "невизначене громадянство", "тимчасов"):
        assert word in text.lower(), word


def test_ukrainian_addresses_are_the_titles_romanised_by_the_kmu_2010_system():
    items = [*Page.objects.exclude(kind=Page.Kind.HOME), *TargetGroup.objects.all()]
    for item in items:
        assert item.slug_uk == slug_from_title(item.title_uk, "uk"), item
    # The home page's address is its name in the menu ("Головна"), as in the other languages.
    assert Page.objects.get(kind=Page.Kind.HOME).slug_uk == slug_from_title("Головна", "uk")
    assert slug_from_title("Згода: Є, Ї, Й, Ю, Я, ім’я", "uk") == "zghoda-ye-yi-y-yu-ya-imia"


def test_a_cyrillic_title_becomes_a_romanised_address_not_an_empty_one(client):
    page = Page(title_et="Uudised", title_ru="Новости", title_uk="Новини", body_et="<p>Tekst</p>")
    page.save()
    assert (page.slug_et, page.slug_ru, page.slug_uk) == ("uudised", "novosti", "novyny")
    assert client.get("/uk/novyny/").status_code == 200


def test_after_migrate_every_item_has_an_address_in_every_language(client):
    """As for a language just added to settings: its address columns arrive empty."""
    page = Page.objects.create(title_et="Uudised", body_et="<p>Tekst</p>")
    language = LANGUAGES[-1]
    Page.objects.filter(pk=page.pk).update(**{f"slug_{language}": None})
    fill_empty_addresses(sender=None)
    for model in (Page, TargetGroup):
        for code in LANGUAGES:
            assert not model.objects.filter(**{f"slug_{code}__isnull": True}).exists(), code
    page.refresh_from_db()
    assert getattr(page, f"slug_{language}") == page.slug_et
    assert client.get(f"/{language}/{page.slug_et}/").status_code == 200
