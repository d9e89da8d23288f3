from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class MediaLibraryConfig(AppConfig):
    """Images and documents that staff upload and use in pages (and any content model)."""

    name = "media_library"
    verbose_name = _("Images and documents")

    def ready(self):
        from .models import Document, Image, delete_files

        for model in (Image, Document):
            post_delete.connect(delete_files, sender=model, dispatch_uid=f"delete-{model.__name__}")
