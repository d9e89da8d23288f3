from django.apps import AppConfig, apps
from django.conf import settings
from django.db.backends.signals import connection_created
from django.db.models.signals import post_delete, post_save


class CoreConfig(AppConfig):
    """Site-wide runtime: middleware, the page cache, error pages, health checks, languages."""

    name = "core"

    def ready(self):
        from .errors import outage_log
        from .page_cache import content_changed

        connection_created.connect(outage_log.connection_created, dispatch_uid="outage-log")
        # Any row of a content app saved or deleted starts a new page-cache version.
        for label in settings.PAGE_CACHE_APPS:
            for model in apps.get_app_config(label).get_models():
                uid = f"page-cache-{model._meta.label}"
                post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}-save")
                post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}-delete")
