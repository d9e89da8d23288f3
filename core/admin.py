"""The site's languages in the admin: staff switch a language on for visitors once it is ready."""

from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .languages import language_codes, readiness_gaps
from .models import SiteLanguage


@admin.register(SiteLanguage)
class SiteLanguageAdmin(admin.ModelAdmin):
    list_display = ("__str__", "code", "public", "readiness")
    fields = ("code", "public", "readiness")
    readonly_fields = ("code", "readiness")
    actions = None

    def get_queryset(self, request):
        # Only the languages of settings.LANGUAGES (a row may outlive a language removed there).
        return super().get_queryset(request).filter(code__in=language_codes())

    def has_add_permission(self, request):
        return False  # one row per language of settings.LANGUAGES, made by `migrate`

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("what is missing"))
    def readiness(self, obj):
        if obj.code == settings.SOURCE_LANGUAGE:
            return _("Nothing: this is the source language.")
        return " ".join(readiness_gaps(obj.code)) or _("Nothing: the language is ready.")
