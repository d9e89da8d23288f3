"""Which items still lack a text in a language other than the source language (Estonian), for
the admin's list of them: every model modeltranslation translates and the admin edits; and how
complete each language is (its content, its interface catalog, whether it is shown to visitors
and, if not, what keeps it from being switched on)."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.admin.exceptions import NotRegistered
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator

from core.catalogs import interface_completeness
from core.languages import has_text, public_languages, readiness_gaps, untranslated_fields


@dataclass(frozen=True)
class MissingTranslation:
    item: object
    fields: tuple[str, ...]  # the fields' names as the admin shows them
    change_url: str

    @property
    def kind(self):
        return self.item._meta.verbose_name


@dataclass(frozen=True)
class Completeness:
    translated: int
    total: int

    @property
    def percent(self) -> int:
        """Rounded down, so that 100 means every text."""
        return 100 * self.translated // self.total if self.total else 100


def target_languages():
    return [code for code, _name in settings.LANGUAGES if code != settings.SOURCE_LANGUAGE]


def missing_translations(models, admin_site_name="admin"):
    """{language: [MissingTranslation, ...]} for every language but the source language.

    A field is missing a translation when its Estonian text exists and the other language's
    is empty: the site then shows the Estonian text there (core.languages.untranslated_fields).
    """
    missing = {language: [] for language in target_languages()}
    for model in models:
        url_name = f"{admin_site_name}:{model._meta.app_label}_{model._meta.model_name}_change"
        for item in model.objects.all():
            for language in missing:
                if names := untranslated_fields(item, language):
                    fields = tuple(str(model._meta.get_field(name).verbose_name) for name in names)
                    missing[language].append(
                        MissingTranslation(item, fields, reverse(url_name, args=[item.pk]))
                    )
    return missing


def content_completeness(models, missing) -> dict[str, Completeness]:
    """{language: how many of the texts that exist in the source language it has}."""
    source = settings.SOURCE_LANGUAGE
    total = 0
    for model in models:
        names = set(translator.get_options_for_model(model).all_fields) - {"slug"}
        for item in model.objects.all():
            total += sum(has_text(getattr(item, f"{name}_{source}")) for name in names)
    return {
        language: Completeness(total - sum(len(m.fields) for m in items), total)
        for language, items in missing.items()
    }


def translated_model_admins(site):
    """(model, its ModelAdmin) for every translated model the admin site edits."""
    for model in translator.get_registered_models(abstract=False):
        try:
            yield model, site.get_model_admin(model)
        except NotRegistered:
            continue


def viewable_translated_models(request, site):
    return [
        model
        for model, model_admin in translated_model_admins(site)
        if model_admin.has_view_permission(request)
    ]


def missing_by_language(models, site):
    """[{"code", "name", "items"}] for every language but the source language."""
    return [
        {"code": code, "name": get_language_info(code)["name_translated"], "items": items}
        for code, items in missing_translations(models, site.name).items()
    ]


def missing_translations_view(request, site):
    """Every item and field that still lacks a translation, with edit links."""
    viewable = viewable_translated_models(request, site)
    if not viewable:
        raise PermissionDenied
    missing = missing_translations(viewable, site.name)
    content = content_completeness(viewable, missing)
    public = public_languages(request)
    languages = [
        {
            "code": code,
            "name": get_language_info(code)["name_translated"],
            "items": items,
            "content": content[code],
            "interface": Completeness(*interface_completeness(code)),
            "public": code in public,
            "gaps": [] if code in public else readiness_gaps(code),
        }
        for code, items in missing.items()
    ]
    context = site.each_context(request) | {
        "title": _("Missing translations"),
        "languages": languages,
    }
    return TemplateResponse(request, "admin/missing_translations.html", context)


def missing_translations_section(request, site):
    """The start page's count per language, linked to the list (staff.start_page)."""
    viewable = viewable_translated_models(request, site)
    if not viewable:
        return None
    report = reverse(f"{site.name}:pages_missing_translations")
    return {
        "report_url": report,
        "languages": [
            language | {"url": f"{report}#missing-{language['code']}"}
            for language in missing_by_language(viewable, site)
        ],
    }
