"""The site in Russian: no English or Estonian interface text shows through, a missing
translation of content shows the Estonian text marked lang="et", and plurals take the right
Russian form."""

import gettext
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from modeltranslation.translator import translator

from pages.models import Contact, Page, Partner, TargetGroup
from tests.support.visible_text import VisibleText

pytestmark = pytest.mark.django_db

CONTENT_MODELS = (Page, TargetGroup, Partner, Contact)
RUSSIAN_404 = "/ru/net-takoj-stranicy/"
PLACEHOLDER = "Текст из базы данных"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ž]{2,}")
# Words Russian itself writes in Latin letters ("файлы cookie").
LATIN_IN_RUSSIAN = {"cookie"}
# Interface strings in Russian.


def catalog(language):
    path = Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"
    return polib.pofile(str(path))


def foreign_interface_strings():
    """{text: msgid} of every English msgid and Estonian translation that differs from the
    Russian one, split at placeholders: none of it may show on a Russian page."""
    russian = {(entry.msgctxt, entry.msgid): entry for entry in catalog("ru")}
    foreign = {}
    for entry in catalog("et"):
        ru_entry = russian.get((entry.msgctxt, entry.msgid))
        russian_texts = set()
        if ru_entry is not None:
            russian_texts = {ru_entry.msgstr, *ru_entry.msgstr_plural.values()}
        estonian = [entry.msgstr, *entry.msgstr_plural.values()]
        for text in [entry.msgid, entry.msgid_plural, *estonian]:
            if not text or text in russian_texts:
                continue
            for fragment in re.split(r"%\(\w+\)[sd]|%[sd]|\{\w*\}", text):
                fragment = " ".join(fragment.split()).strip(" .,:;–-")
                if len(fragment) >= 3 and LATIN_WORD.search(fragment):
                    foreign[fragment] = entry.msgid
    return foreign


def interface_leaks(html, foreign):
    """Every piece of English or Estonian interface text on a Russian page: a known msgid or
    Estonian translation, or any word in Latin letters (a literal that was never marked for
    translation). Text marked with another language (the language switcher) is left out."""
    leaks = []
    for text in VisibleText(html).texts_in("ru"):
        for fragment, msgid in foreign.items():
            if re.search(rf"(?<!\w){re.escape(fragment)}(?!\w)", text):
                leaks.append(f"{text!r} shows {fragment!r} (msgid {msgid!r})")
        words = [w for w in LATIN_WORD.findall(EMAIL.sub("", text)) if w not in LATIN_IN_RUSSIAN]
        if words:
            leaks.append(f"{text!r} has words in Latin letters: {', '.join(map(repr, words))}")
    return leaks


@pytest.fixture
def content_in_cyrillic():
    """Every text from the database reads PLACEHOLDER, so whatever else is on a Russian page
    is interface text; addresses (slugs) stay as they are."""
    for model in CONTENT_MODELS:
        fields = set(translator.get_options_for_model(model).all_fields) - {"slug"}
        values = {}
        for field in fields:
            text = f"<p>{PLACEHOLDER}</p>" if field == "body" else PLACEHOLDER
            values |= {f"{field}_{code}": text for code, _name in settings.LANGUAGES}
        if model is Contact:
            values["name"] = "Иван Иванов"
        model.objects.update(**values)


def russian_pages(client, sitemap_urls):
    urls = [url for url in sitemap_urls if url.startswith("/ru/")] + [RUSSIAN_404]
    for url in urls:
        response = client.get(url)
        assert response.status_code == (404 if url == RUSSIAN_404 else 200), url
        yield url, response.content.decode()


def test_russian_pages_show_no_english_or_estonian_interface_text(
    client, sitemap_urls, content_in_cyrillic
):
    foreign = foreign_interface_strings()
    assert "Skip to main content" in foreign
    assert "Liigu põhisisu juurde" in foreign
    checked = 0
    for url, html in russian_pages(client, sitemap_urls):
        assert interface_leaks(html, foreign) == [], url
        assert "Перейти к основному содержанию" in html, url
        checked += 1
    assert checked >= 10


def test_the_russian_page_check_catches_an_untranslated_template_string(
    client, settings, tmp_path, content_in_cyrillic
):
    """The check above is not vacuous: a template string left in English or Estonian, whether
    marked for translation or not, makes it fail."""
    (tmp_path / "404.html").write_text(
        '{% extends "base.html" %}{% load i18n %}{% block content %}'
        '<h1>{% translate "Page not found" %}</h1>'
        '<p>{% translate "A new sentence nobody has translated yet" %}</p>'
        "<p>Tagasi avalehele</p>"
        '<a href="/ru/" aria-label="Home page">⌂</a>'
        "{% endblock %}"
    )
    engine = settings.TEMPLATES[0] | {"DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    settings.TEMPLATES = [engine]
    html = client.get(RUSSIAN_404).content.decode()
    assert "Страница не найдена" in html
    leaks = "\n".join(interface_leaks(html, foreign_interface_strings()))
    assert "'nobody'" in leaks  # marked for translation, but not translated
    assert "'Tagasi'" in leaks  # never marked for translation
    assert "'Home page'" in leaks  # an attribute screen readers read out


# Content: a missing translation shows the Estonian text, marked lang="et".


def text_nodes(html):
    return [text for text, _lang in VisibleText(f"<body>{html}</body>").pieces]


def estonian_texts():
    """Every Estonian text of published content that a reader sees, except texts that are the
    same in English (names, e-mail addresses): those need no language mark."""
    texts = set()
    for model in CONTENT_MODELS:
        fields = set(translator.get_options_for_model(model).all_fields) - {"slug"}
        for item in model.objects.published():
            for field in fields:
                estonian, english = getattr(item, f"{field}_et"), getattr(item, f"{field}_en")
                if field == "body":
                    texts |= set(text_nodes(estonian or "")) - set(text_nodes(english or ""))
                elif estonian and estonian != english:
                    texts.add(" ".join(estonian.split()))
    return texts


def test_a_missing_russian_text_shows_the_estonian_one_marked_lang_et_everywhere(
    client, sitemap_urls
):
    for model in CONTENT_MODELS:
        fields = set(translator.get_options_for_model(model).all_fields) - {"slug"}
        model.objects.update(**{f"{field}_ru": "" for field in fields})
    expected = estonian_texts()
    assert "Projekt" in expected
    assert "Eesmärk" in expected  # a heading in a page's text
    assert "Tegevuse elluviija" in expected  # a partner's role
    assert "Projektijuht" in expected  # a contact's position
    shown_as_estonian = set()
    for url, html in russian_pages(client, sitemap_urls):
        page = VisibleText(html)
        unmarked = [text for text, lang in page.pieces if lang != "et" and text in expected]
        assert unmarked == [], url
        shown_as_estonian |= set(page.texts_in("et"))
        assert re.search(r'class="(lead|prose)"[^>]*>\s*</', html) is None, url  # no empty block
    assert expected - shown_as_estonian == set()  # never an empty block instead


# Plurals.

RUSSIAN_FORMS = {1: 0, 2: 1, 5: 2, 11: 2, 21: 0, 22: 1, 25: 2}


def test_russian_plural_header_picks_one_few_many():
    """1 день, 2 дня, 5 дней, 11 дней, 21 день, 22 дня, 25 дней."""
    header = catalog("ru").metadata["Plural-Forms"]
    assert header.replace(" ", "").startswith("nplurals=3;")
    formula = gettext.c2py(header.split("plural=", 1)[1].rstrip(";"))
    assert {n: formula(n) for n in RUSSIAN_FORMS} == RUSSIAN_FORMS


def test_every_plural_string_takes_the_right_russian_form_through_ngettext():
    entries = [entry for entry in catalog("ru") if entry.msgid_plural]
    assert entries, "the missing-translations list has a plural string"
    with translation.override("ru"):
        for entry in entries:
            for n, form in RUSSIAN_FORMS.items():
                got = translation.ngettext(entry.msgid, entry.msgid_plural, n)
                assert got == entry.msgstr_plural[form], (entry.msgid, n)


def test_the_missing_translations_count_reads_naturally_in_russian():
    singular = "%(counter)s item needs a translation"
    plural = "%(counter)s items need a translation"
    with translation.override("ru"):
        counts = {n: translation.ngettext(singular, plural, n) % {"counter": n} for n in (1, 2, 5)}
    assert counts == {
        1: "1 запись нуждается в переводе",
        2: "2 записи нуждаются в переводе",
        5: "5 записей нуждаются в переводе",
    }
