"""Which items still lack a Russian or English text, for the admin's list of them."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

SOURCE_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
TARGET_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE)
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
    """{language: [MissingTranslation, ...]} for every language but Estonian.

    A field is missing a translation when its Estonian text exists and the other language's
    is empty: the site then shows the Estonian text there.
    """
    missing = {language: [] for language in TARGET_LANGUAGES}
    for model in models:
        field_names = sorted(
            set(translator.get_options_for_model(model).all_fields) - NEVER_MISSING,
            key=[field.name for field in model._meta.fields].index,
        )
        url_name = f"{admin_site_name}:{model._meta.app_label}_{model._meta.model_name}_change"
        for item in model.objects.all():
            for language in TARGET_LANGUAGES:
                fields = tuple(
                    str(model._meta.get_field(name).verbose_name)
                    for name in field_names
                    if not is_empty(getattr(item, build_localized_fieldname(name, SOURCE_LANGUAGE)))
                    and is_empty(getattr(item, build_localized_fieldname(name, language)))
                )
                if fields:
                    missing[language].append(
                        MissingTranslation(item, fields, reverse(url_name, args=[item.pk]))
                    )
    return missing
