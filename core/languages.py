"""The site's languages (settings.LANGUAGES; the source language settings.SOURCE_LANGUAGE), and
the same page in every language: for the language switcher and hreflang alternates."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils import translation


@dataclass(frozen=True)
class Alternate:
    code: str
    name: str
    url: str
    current: bool
    source: bool  # the source language's page is also the x-default alternate


def paths_by_language(build_path) -> dict[str, str]:
    """Call build_path once per language, with that language active.

    Translated slugs are read in the active language, so this gives each language's own URL.
    """
    paths = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths[code] = build_path()
    return paths


def alternates_for(request, language_paths: dict[str, str] | None) -> list[Alternate]:
    """Absolute URLs of this page in each language.

    Views whose URLs contain translated slugs pass `language_paths`; for the others the
    language prefix is swapped by Django's translate_url.
    """
    if language_paths is None:
        language_paths = {
            code: translate_url(request.path, code) for code, _name in settings.LANGUAGES
        }
    current = translation.get_language()
    return [
        Alternate(
            code=code,
            name=name,
            url=request.build_absolute_uri(language_paths[code]),
            current=code == current,
            source=code == settings.SOURCE_LANGUAGE,
        )
        for code, name in settings.LANGUAGES
    ]
