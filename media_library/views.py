"""Serving uploaded files from the storage (MEDIA_ROOT or S3) under /media/, through Django, so
that every answer carries the site's headers (CSP, nosniff …) and only ever one of the types
made by uploads.py: never HTML or SVG, whatever a name or the storage says."""

import re

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from .models import Document
from .uploads import DOCUMENT_FORMATS, IMAGE_CONTENT_TYPES

IMAGE_NAME = re.compile(r"images/[0-9a-f]{32}/\d{1,5}\.(?P<extension>jpg|png)")
DOCUMENT_NAME = re.compile(r"documents/[0-9a-f]{32}\.(?P<extension>pdf|docx|odt)")
# Image names are never reused (a new upload gets a new name), so they never change.
IMAGE_CACHE_CONTROL = "public, max-age=31536000, immutable"
# A document that is deleted or replaced should not be kept long by browsers and proxies.
DOCUMENT_CACHE_CONTROL = "public, max-age=86400"


@require_safe
def serve(request, name):
    if match := IMAGE_NAME.fullmatch(name):
        response = stored_file(name, IMAGE_CONTENT_TYPES[match["extension"]])
        response["Cache-Control"] = IMAGE_CACHE_CONTROL
        return response
    if match := DOCUMENT_NAME.fullmatch(name):
        document = Document.objects.filter(file_name=name).first()
        if document is None:
            raise Http404
        file_format = DOCUMENT_FORMATS[match["extension"]]
        # Downloaded, never shown in the browser's window, under a name from its title.
        download_name = f"{slugify(document.title) or 'document'}.{file_format.extension}"
        response = stored_file(name, file_format.content_type, download_name)
        response["Cache-Control"] = DOCUMENT_CACHE_CONTROL
        return response
    raise Http404


def stored_file(name, content_type, download_name=None):
    if not default_storage.exists(name):
        raise Http404
    return FileResponse(
        default_storage.open(name, "rb"),
        content_type=content_type,
        as_attachment=download_name is not None,
        filename=download_name or "",
    )
