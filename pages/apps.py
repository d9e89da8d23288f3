from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Site content")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from kjproject.page_cache import content_changed

        # Any content row saved or deleted starts a new page-cache version.
        for model in self.get_models():
            post_save.connect(content_changed, sender=model, dispatch_uid=f"page-cache-{model}")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"page-cache-d-{model}")
