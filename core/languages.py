"""The site's languages (settings.LANGUAGES; the source language settings.SOURCE_LANGUAGE), which
of them visitors are shown, and the same page in every language: for the language switcher and
hreflang alternates.

A language is *public* once staff have switched it on (core.models.SiteLanguage), which they can
do only while it is *ready*: every check in settings.LANGUAGE_READINESS_CHECKS finds nothing
missing in it (the interface catalog, the core pages' texts). Until then it is left out of the
switcher, the hreflang alternates, the sitemap and the negotiation of `/`, and its pages are
shown only to signed-in staff (core.middleware.PublicLanguageMiddleware). Once public, it stays
public: an item added later in Estonian only is shown in Estonian, with a note, never hidden.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.urls import translate_url
from django.utils import translation
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Alternate:
    code: str
    name: str
    url: str
    current: bool
    source: bool  # the source language's page is also the x-default alternate


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


PUBLIC_LANGUAGES_KEY = "site-languages:public"


def public_languages(request=None) -> tuple[str, ...]:
    """The codes of the languages visitors are shown, in the order of settings.LANGUAGES.

    Read once per request (kept on `request`), from the shared cache while it holds them (a
    switch in the admin forgets them: `forget_public_languages`), else from the database; the
    source language is always among them.
    """
    known = getattr(request, "public_languages", None)
    if known is not None:
        return known
    switched_on = cache.get(PUBLIC_LANGUAGES_KEY)
    if switched_on is None:
        from .models import SiteLanguage

        switched_on = set(SiteLanguage.objects.filter(public=True).values_list("code", flat=True))
        cache.set(PUBLIC_LANGUAGES_KEY, switched_on, timeout=None)
    codes = tuple(
        code for code in language_codes() if code in switched_on or code == settings.SOURCE_LANGUAGE
    )
    if request is not None:
        request.public_languages = codes
    return codes


def forget_public_languages(**kwargs):
    """Receiver of SiteLanguage saves and deletions (core.apps): read them afresh once committed."""
    transaction.on_commit(lambda: cache.delete(PUBLIC_LANGUAGES_KEY))


def readiness_gaps(code: str) -> list[str]:
    """What keeps a language from being switched on, in words (empty: it is ready)."""
    gaps = []
    for check in settings.LANGUAGE_READINESS_CHECKS:
        gaps += import_string(check)(code)
    return gaps


def paths_by_language(build_path) -> dict[str, str]:
    """Call build_path once per language, with that language active.

    Translated slugs are read in the active language, so this gives each language's own URL.
    """
    paths = {}
    for code in language_codes():
        with translation.override(code):
            paths[code] = build_path()
    return paths


def alternates_for(request, language_paths: dict[str, str] | None) -> list[Alternate]:
    """Absolute URLs of this page in each public language.

    Views whose URLs contain translated slugs pass `language_paths`; for the others the
    language prefix is swapped by Django's translate_url. A language that is not public yet is
    left out, also for staff previewing it (they see the page as visitors will).
    """
    shown = public_languages(request)
    if language_paths is None:
        language_paths = {code: translate_url(request.path, code) for code in shown}
    current = translation.get_language()
    names = dict(settings.LANGUAGES)
    return [
        Alternate(
            code=code,
            name=names[code],
            url=request.build_absolute_uri(language_paths[code]),
            current=code == current,
            source=code == settings.SOURCE_LANGUAGE,
        )
        for code in shown
    ]


def untranslated_fields(item, language: str) -> list[str]:
    """The names of the item's translated fields that have a source-language text but none in
    `language` (the site shows the source language's text there). Addresses (slugs) are filled
    in from the title when left empty, so they never count."""
    from modeltranslation.translator import translator
    from modeltranslation.utils import build_localized_fieldname

    if language == settings.SOURCE_LANGUAGE:
        return []
    names = set(translator.get_options_for_model(type(item)).all_fields) - {"slug"}
    order = [field.name for field in item._meta.fields]
    return [
        name
        for name in sorted(names, key=order.index)
        if has_text(getattr(item, build_localized_fieldname(name, settings.SOURCE_LANGUAGE)))
        and not has_text(getattr(item, build_localized_fieldname(name, language)))
    ]


def has_text(value) -> bool:
    return value is not None and bool(str(value).strip())
