"""The site in every language of settings.LANGUAGES: no other language's interface text shows
through (tests/support/leaks.py), a missing translation of content shows the Estonian text
marked lang="et", and plurals take each language's own forms."""

import re

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as translated  # `make messages` skips this name
from modeltranslation.translator import translator

from activities.models import Event, Location, NewsItem, Service
from core.catalogs import cldr_plural
from pages.models import Contact, Page, Partner, TargetGroup
from tests.support.languages import LANGUAGES
from tests.support.leaks import (
    catalog,
    foreign_interface_strings,
    interface_leaks,
    is_cyrillic,
    own_text,
    own_words_and_letters,
)
from tests.support.visible_text import VisibleText

pytestmark = pytest.mark.django_db

CONTENT_MODELS = (Page, TargetGroup, Partner, Contact, Service, Location, Event, NewsItem)
SOURCE = settings.SOURCE_LANGUAGE
TRANSLATED = [code for code in LANGUAGES if code != SOURCE]


def in_language(language, msgid):
    with translation.override(language):
        return translated(msgid)


def not_found_url(language):
    return f"/{language}/no-such-page-anywhere/"


@pytest.fixture
def content_as_interface_text():
    """Every text from the database reads, in each language, that language's own translation
    of "Site content", so whatever else is on a page is interface text; addresses (slugs) stay
    as they are, and contacts' names (the same in every language) become a dash."""
    for model in CONTENT_MODELS:
        fields = set(translator.get_options_for_model(model).all_fields) - {"slug"}
        values = {}
        for field in fields:
            for code in LANGUAGES:
                text = in_language(code, "Site content")
                values[f"{field}_{code}"] = f"<p>{text}</p>" if field == "body" else text
        if model is Contact:
            values["name"] = "—"
        model.objects.update(**values)


def pages_in(language, client, sitemap_urls):
    urls = [url for url in sitemap_urls if url.startswith(f"/{language}/")]
    for url in [*urls, not_found_url(language)]:
        response = client.get(url)
        assert response.status_code == (404 if url == not_found_url(language) else 200), url
        yield url, response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_other_languages_interface_text_shows_on_any_page(
    client, sitemap_urls, content_as_interface_text, language
):
    foreign = foreign_interface_strings(language)
    for other in LANGUAGES:
        if other != language:
            assert in_language(other, "Skip to main content") in foreign, other
    own_skip_link = in_language(language, "Skip to main content")
    checked = 0
    for url, html in pages_in(language, client, sitemap_urls):
        assert interface_leaks(html, language) == [], url
        assert own_skip_link in html, url
        checked += 1
    assert checked >= 10


FOREIGN_LITERALS = {"latin": "Tagasi avalehele", "cyrillic": "Вернуться на главную"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_check_catches_another_languages_text_in_a_template(
    client, settings, tmp_path, content_as_interface_text, language
):
    """The check above is not vacuous: another language's interface string, written into a
    template, and a literal in the other script that was never marked for translation, make
    it fail, in the text and in an attribute screen readers read out."""
    others = [code for code in LANGUAGES if code != language]
    strings = {code: in_language(code, "Skip to main content") for code in others}
    literal = FOREIGN_LITERALS["latin" if is_cyrillic(own_text(language)) else "cyrillic"]
    (tmp_path / "404.html").write_text(
        '{% extends "base.html" %}{% load i18n %}{% block content %}'
        '<h1>{% translate "Page not found" %}</h1>'
        + "".join(f"<p>{text}</p>" for text in strings.values())
        + f"<p>{literal}</p>"
        + f'<a href="/" aria-label="{strings[others[0]]}">⌂</a>'
        "{% endblock %}"
    )
    engine = settings.TEMPLATES[0] | {"DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    settings.TEMPLATES = [engine]
    html = client.get(not_found_url(language)).content.decode()
    assert in_language(language, "Page not found") in html
    leaks = "\n".join(interface_leaks(html, language))
    for code, text in strings.items():
        if text != in_language(language, "Skip to main content"):
            assert repr(text) in leaks, code
    assert literal.split()[0] in leaks  # never marked for translation
    assert leaks.count(repr(strings[others[0]])) >= 2  # the text and the aria-label


def test_a_letter_the_page_language_never_uses_is_caught():
    """Russian and Ukrainian share a script: "і", "ї", "є" on a Russian page, or "ы", "э", "ё"
    on a Ukrainian one, can only be the other language."""
    caught = 0
    for language in LANGUAGES:
        _words, letters = own_words_and_letters(language)
        for other in LANGUAGES:
            other_words, _other_letters = own_words_and_letters(other)
            for word in sorted(other_words):
                if any(char.isalpha() and char.lower() not in letters for char in word):
                    body = f'<html lang="{language}"><body><p>{word}</p></body></html>'
                    assert interface_leaks(body, language), (language, other, word)
                    caught += 1
                    break
    assert caught >= 2


# Content: a missing translation shows the Estonian text, marked lang="et".


def text_nodes(html):
    return [text for text, _lang in VisibleText(f"<body>{html}</body>").pieces]


def source_texts(language):
    """Every Estonian text of published content that a reader sees, except texts that are the
    same in `language`."""
    texts = set()
    for model in CONTENT_MODELS:
        fields = set(translator.get_options_for_model(model).all_fields) - {"slug"}
        items = (
            model.objects.published()
            if hasattr(model.objects, "published")
            else model.objects.all()
        )
        for item in items:
            for field in fields:
                source = getattr(item, f"{field}_{SOURCE}")
                other = getattr(item, f"{field}_{language}")
                if field == "body":
                    texts |= set(text_nodes(source or "")) - set(text_nodes(other or ""))
                elif source and source != other:
                    texts.add(" ".join(source.split()))
    return texts


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_missing_text_shows_the_estonian_one_marked_lang_et_with_a_note_everywhere(
    client, sitemap_urls, language
):
    for model in CONTENT_MODELS:
        fields = set(translator.get_options_for_model(model).all_fields) - {"slug"}
        model.objects.update(**{f"{field}_{language}": "" for field in fields})
    # Texts the same in another language (names, e-mail addresses) need no language mark.
    expected = source_texts(next(code for code in TRANSLATED if code != language))
    assert "Projekt" in expected
    assert "Eesmärk" in expected  # a heading in a page's text
    assert "Tegevuse elluviija" in expected  # a partner's role
    assert "Projektijuht" in expected  # a contact's position
    note = in_language(language, "This text is not translated yet, so it is shown in Estonian.")
    shown_as_estonian = set()
    for url, html in pages_in(language, client, sitemap_urls):
        page = VisibleText(html)
        unmarked = [text for text, lang in page.pieces if lang != SOURCE and text in expected]
        assert unmarked == [], url
        shown_as_estonian |= set(page.texts_in(SOURCE))
        assert re.search(r'class="(lead|prose)"[^>]*>\s*</', html) is None, url  # no empty block
        main = VisibleText(html[html.index("<main") : html.index("</main>")])
        if any(lang == SOURCE and text in expected for text, lang in main.pieces):
            assert note in [text for text, lang in main.pieces if lang != SOURCE], url
    assert expected - shown_as_estonian == set()  # never an empty block instead


# Plurals: each language's forms, as CLDR counts them (Russian and Ukrainian have three).

SAMPLES = (0, 1, 2, 3, 5, 11, 12, 21, 22, 25, 101, 111)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_plural_string_takes_the_languages_own_form_through_ngettext(language):
    _nplurals, forms = cldr_plural(language)
    entries = [entry for entry in catalog(language) if entry.msgid_plural]
    assert entries, "the missing-translations list has a plural string"
    with translation.override(language):
        for entry in entries:
            for n in SAMPLES:
                got = translation.ngettext(entry.msgid, entry.msgid_plural, n)
                assert got == entry.msgstr_plural[forms[n]], (entry.msgid, n)


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        ("ru", {1: "1 запись нуждается", 2: "2 записи нуждаются", 5: "5 записей нуждаются"}),
        ("uk", {1: "1 запис потребує", 2: "2 записи потребують", 5: "5 записів потребують"}),
    ],
)
def test_the_missing_translations_count_reads_naturally(language, counts):
    singular = "%(counter)s item needs a translation"
    plural = "%(counter)s items need a translation"
    with translation.override(language):
        shown = {n: translation.ngettext(singular, plural, n) % {"counter": n} for n in counts}
    assert all(shown[n].startswith(start) for n, start in counts.items()), shown
