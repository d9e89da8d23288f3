"""Images and documents, and the relation any content model uses to show them (Illustrated).

The files live in Django's default storage (settings.STORAGES: MEDIA_ROOT, or an S3-compatible
store) under names this app makes up (uploads.py): never the uploader's file name. An image is
stored in several widths (its renditions, for srcset); a document as it was uploaded, after its
content was checked.
"""

from django.core.files.storage import default_storage
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .uploads import DOCUMENT_FORMATS


class Image(models.Model):
    alt_text = models.CharField(
        _("alternative text"),
        max_length=300,
        help_text=_(
            "What the image shows, for people who cannot see it: one sentence, in each language."
        ),
    )
    width = models.PositiveIntegerField(_("width"), editable=False)
    height = models.PositiveIntegerField(_("height"), editable=False)
    # {width in pixels (as text: JSON's keys): file name in the storage}, widest last.
    renditions = models.JSONField(editable=False)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.alt_text

    def files(self):
        return list(self.renditions.values())

    def widest(self):
        return self.renditions[max(self.renditions, key=int)]

    def url_of(self, name):
        return reverse("media_library:file", args=[name])

    def src(self):
        return self.url_of(self.widest())

    def srcset(self):
        """ "<url> 320w, <url> 640w, …": the browser picks the width the layout needs."""
        return ", ".join(
            f"{self.url_of(name)} {width}w"
            for width, name in sorted(self.renditions.items(), key=lambda item: int(item[0]))
        )


class Document(models.Model):
    title = models.CharField(
        _("title"), max_length=200, help_text=_("What visitors see as the link, in each language.")
    )
    file_name = models.CharField(max_length=100, editable=False, unique=True)
    file_format = models.CharField(
        _("format"),
        max_length=10,
        editable=False,
        choices=[(code, kind.name) for code, kind in DOCUMENT_FORMATS.items()],
    )
    size = models.PositiveBigIntegerField(_("size in bytes"), editable=False)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("media_library:file", args=[self.file_name])

    def files(self):
        return [self.file_name]

    @property
    def format_name(self):
        return DOCUMENT_FORMATS[self.file_format].name


def delete_files(sender, instance, **kwargs):
    """An image or document deleted takes its files with it (post_delete, apps.py)."""
    for name in instance.files():
        default_storage.delete(name)


class Illustrated(models.Model):
    """An image and documents for a content model: pages, and whatever else shows them."""

    image = models.ForeignKey(
        Image,
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Shown below the summary. Upload images under Images and documents."),
    )
    documents = models.ManyToManyField(
        Document,
        verbose_name=_("documents"),
        blank=True,
        related_name="+",
        help_text=_("Listed below the text, with their format and size."),
    )

    class Meta:
        abstract = True
