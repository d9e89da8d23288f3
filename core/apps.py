from django.apps import AppConfig
from django.apps import apps as global_apps
from django.conf import settings
from django.db.backends.signals import connection_created
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def ensure_site_languages(sender, using="default", apps=None, **kwargs):
    """post_migrate: a SiteLanguage row for every language of settings.LANGUAGES (not shown to
    visitors until staff switch it on; the source language always is)."""
    try:  # as `migrate` left the database: maybe migrated back, without the table
        SiteLanguage = (apps or global_apps).get_model("core", "SiteLanguage")
    except LookupError:
        return
    for code, _name in settings.LANGUAGES:
        SiteLanguage.objects.using(using).get_or_create(
            code=code, defaults={"public": code == settings.SOURCE_LANGUAGE}
        )


class CoreConfig(AppConfig):
    """Site-wide runtime: middleware, the page cache, error pages, health checks, languages."""

    name = "core"
    verbose_name = _("Site")

    def ready(self):
        from .errors import outage_log
        from .languages import forget_public_languages
        from .page_cache import content_changed

        connection_created.connect(outage_log.connection_created, dispatch_uid="outage-log")
        post_migrate.connect(ensure_site_languages, sender=self, dispatch_uid="site-languages")
        # Any row of a content app saved or deleted starts a new page-cache version, and so does
        # a language switched on or off (every page's language switcher changes).
        site_language = self.get_model("SiteLanguage")
        for signal, uid in ((post_save, "save"), (post_delete, "delete")):
            signal.connect(
                forget_public_languages, sender=site_language, dispatch_uid=f"lang-{uid}"
            )
        models = [site_language]
        for label in settings.PAGE_CACHE_APPS:
            models += global_apps.get_app_config(label).get_models()
        for model in models:
            uid = f"page-cache-{model._meta.label}"
            post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}-delete")
