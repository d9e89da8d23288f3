"""Which items still lack a text in a language other than the source language (Estonian), for
the admin's list of them: every model modeltranslation translates and the admin edits."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.admin.exceptions import NotRegistered
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

# Addresses are filled in from the title when left empty, so they are never missing.
NEVER_MISSING = {"slug"}


@dataclass(frozen=True)
class MissingTranslation:
    item: object
    fields: tuple[str, ...]  # the fields' names as the admin shows them
    change_url: str

    @property
    def kind(self):
        return self.item._meta.verbose_name


def is_empty(value):
    return value is None or not str(value).strip()


def missing_translations(models, admin_site_name="admin"):
    """{language: [MissingTranslation, ...]} for every language but the source language.

    A field is missing a translation when its Estonian text exists and the other language's
    is empty: the site then shows the Estonian text there.
    """
    source = settings.SOURCE_LANGUAGE
    targets = [code for code, _name in settings.LANGUAGES if code != source]
    missing = {language: [] for language in targets}
    for model in models:
        field_names = sorted(
            set(translator.get_options_for_model(model).all_fields) - NEVER_MISSING,
            key=[field.name for field in model._meta.fields].index,
        )
        url_name = f"{admin_site_name}:{model._meta.app_label}_{model._meta.model_name}_change"
        for item in model.objects.all():
            for language in targets:
                fields = tuple(
                    str(model._meta.get_field(name).verbose_name)
                    for name in field_names
                    if not is_empty(getattr(item, build_localized_fieldname(name, source)))
                    and is_empty(getattr(item, build_localized_fieldname(name, language)))
                )
                if fields:
                    missing[language].append(
                        MissingTranslation(item, fields, reverse(url_name, args=[item.pk]))
                    )
    return missing


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
    languages = missing_by_language(viewable, site)
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
