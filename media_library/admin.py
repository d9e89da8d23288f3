"""Uploading images and documents: each upload is checked and processed (uploads.py) before
anything is stored; its texts have a tab per language, every language required."""

from django import forms
from django.contrib import admin
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from .models import Document, Image
from .uploads import (
    DOCUMENT_MAX_BYTES,
    IMAGE_MAX_BYTES,
    check_document,
    document_file_name,
    image_file_names,
    process_image,
)


class UploadForm(forms.ModelForm):
    """A file field (required when adding) that the subclass checks and turns into files."""

    upload = forms.FileField(label=_("file"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["upload"].required = self.instance.pk is None
        self.processed = None

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        if upload:
            self.processed = self.process(upload)
        return upload


class ImageForm(UploadForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["upload"].help_text = _(
            "A JPEG, PNG or WebP image, at most %(limit)s. Its location, camera and other "
            "details are removed."
        ) % {"limit": filesizeformat(IMAGE_MAX_BYTES)}
        self.fields["upload"].widget.attrs["accept"] = "image/jpeg,image/png,image/webp"

    def process(self, upload):
        return process_image(upload)


class DocumentForm(UploadForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["upload"].help_text = _("A PDF, DOCX or ODT document, at most %(limit)s.") % {
            "limit": filesizeformat(DOCUMENT_MAX_BYTES)
        }
        self.fields["upload"].widget.attrs["accept"] = ".pdf,.docx,.odt"

    def process(self, upload):
        return check_document(upload)


def replace_files(old_files, files: dict[str, bytes]):
    """Write the new files (random names: nothing is overwritten); the old ones are deleted
    once the item's change is committed."""
    for name, content in files.items():
        default_storage.save(name, ContentFile(content))
    gone = [name for name in old_files if name not in files]
    transaction.on_commit(lambda: [default_storage.delete(name) for name in gone])


@admin.register(Image)
class ImageAdmin(TabbedTranslationAdmin):
    form = ImageForm
    fields = ("upload", "alt_text", "preview", "size_in_pixels")
    readonly_fields = ("preview", "size_in_pixels")
    list_display = ("thumbnail", "alt_text", "size_in_pixels", "uploaded_at")
    search_fields = ("alt_text",)

    @admin.display(description=_("image"))
    def thumbnail(self, image):
        return format_html(
            '<img src="{}" alt="{}" width="160" height="{}">',
            image.url_of(image.renditions[min(image.renditions, key=int)]),
            image.alt_text,
            round(160 * image.height / image.width),
        )

    @admin.display(description=_("as visitors see it"))
    def preview(self, image):
        if image.pk is None:
            return "—"
        return self.thumbnail(image)

    @admin.display(description=_("size in pixels"))
    def size_in_pixels(self, image):
        if image.pk is None:
            return "—"
        return f"{image.width} × {image.height}"

    def save_model(self, request, obj, form, change):
        processed = form.processed
        if processed is not None:
            old_files = obj.files() if change else []
            names = image_file_names(processed)
            files = {names[width]: content for width, content in processed.files.items()}
            obj.renditions, obj.width, obj.height = names, processed.width, processed.height
            replace_files(old_files, files)
        super().save_model(request, obj, form, change)


@admin.register(Document)
class DocumentAdmin(TabbedTranslationAdmin):
    form = DocumentForm
    fields = ("upload", "title", "format_and_size")
    readonly_fields = ("format_and_size",)
    list_display = ("title", "format_and_size", "uploaded_at")
    search_fields = ("title",)

    @admin.display(description=_("format and size"))
    def format_and_size(self, document):
        if document.pk is None:
            return "—"
        return format_html(
            '<a href="{}">{}, {}</a>',
            document.get_absolute_url(),
            document.format_name,
            filesizeformat(document.size),
        )

    def save_model(self, request, obj, form, change):
        if form.processed is not None:
            file_format, content = form.processed
            old_files = obj.files() if change else []
            obj.file_name, obj.file_format, obj.size = (
                document_file_name(file_format),
                file_format,
                len(content),
            )
            replace_files(old_files, {obj.file_name: content})
        super().save_model(request, obj, form, change)
