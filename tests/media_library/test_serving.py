"""Visitors get uploaded images in the widths pages need and documents as downloads with their
format and size; nothing stored is ever served as HTML or SVG."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.urls import reverse
from django.utils import translation
from storages.backends.s3 import S3Storage

from media_library.models import Document, Image
from pages.models import Page
from tests.support import uploads
from tests.support.html import outline
from tests.support.languages import LANGUAGES
from tests.support.production import production_setting
from tests.support.staff import signed_in, staff_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return signed_in(staff_member("editor", "Editors"))


@pytest.fixture
def image(editor):
    return uploads.uploaded(editor, "image", uploads.phone_photo(rotated=False), "alt_text")


@pytest.fixture
def document(editor):
    document = uploads.uploaded(editor, "document", uploads.pdf(), "title")
    Document.objects.filter(pk=document.pk).update(title_et="Projekti aruanne 2025")
    document.refresh_from_db()
    return document


def test_an_image_is_served_as_an_image_with_the_sites_headers(client, image):
    response = client.get(image.src())
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert "immutable" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"\xff\xd8")


def test_a_document_is_a_download_named_after_its_title(client, document):
    with translation.override("et"):
        response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="projekti-aruanne-2025.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == uploads.pdf()


@pytest.mark.parametrize(
    "name",
    [
        "evil.html",
        "images/evil.svg",
        "images/0123456789abcdef0123456789abcdef/320.svg",
        "documents/0123456789abcdef0123456789abcdef.html",
        "../kjproject/settings.py",
        "images/0123456789abcdef0123456789abcdef/../../evil.html",
    ],
)
def test_no_other_file_is_ever_served_even_if_it_is_in_the_storage(client, name):
    default_storage.save("evil.html", ContentFile(uploads.HTML_PAGE))
    default_storage.save("images/evil.svg", ContentFile(uploads.SVG_IMAGE))
    assert client.get(f"/media/{name}").status_code == 404


def test_a_document_of_no_item_is_not_served(client):
    name = "documents/0123456789abcdef0123456789abcdef.pdf"
    default_storage.save(name, ContentFile(uploads.pdf()))
    assert client.get(f"/media/{name}").status_code == 404


def test_a_page_shows_its_image_in_every_width_and_its_documents_with_format_and_size(
    client, image, document
):
    page = Page.objects.get(kind=Page.Kind.PROJECT)
    page.image = image
    page.save()
    page.documents.add(document)
    for code in LANGUAGES:
        with translation.override(code):
            response = client.get(page.get_absolute_url())
        html = response.content.decode()
        (img,) = [i for i in outline(response).images if i.get("srcset")]
        assert img["alt"] == f"Tekst {code}"
        assert img["src"] == image.src()
        assert img["srcset"] == image.srcset()
        assert (img["width"], img["height"]) == (str(image.width), str(image.height))
        assert f'href="{document.get_absolute_url()}"' in html
        assert "PDF, " in html


def test_an_image_used_by_a_page_cannot_be_deleted(editor, image):
    page = Page.objects.get(kind=Page.Kind.PROJECT)
    page.image = image
    page.save()
    with translation.override("en"):
        response = editor.post(
            reverse("admin:media_library_image_delete", args=[image.pk]), {"post": "yes"}
        )
    assert response.status_code == 200  # the page that says what uses it
    assert Image.objects.filter(pk=image.pk).exists()


def test_uploads_go_through_any_storage_django_is_given(settings, client, editor):
    """The app never assumes files on a disk: with Django's in-memory storage (as with S3)
    uploading and serving work the same."""
    settings.STORAGES = settings.STORAGES | {
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}
    }
    image = uploads.uploaded(editor, "image", uploads.transparent_png(), "alt_text")
    assert storages["default"].__class__.__name__ == "InMemoryStorage"
    assert default_storage.exists(image.widest())
    assert client.get(image.src())["Content-Type"] == "image/png"


def test_with_a_bucket_configured_uploads_go_to_an_s3_compatible_store():
    environment = {
        "MEDIA_S3_BUCKET": "kjproject-media",
        "MEDIA_S3_ENDPOINT_URL": "https://s3.example.org",
        "MEDIA_S3_REGION": "eu-north-1",
        "MEDIA_S3_ACCESS_KEY_ID": "key-id",
        "MEDIA_S3_SECRET_ACCESS_KEY": "secret",
        "MEDIA_S3_PREFIX": "uploads",
    }
    storage_settings = production_setting("STORAGES", environment)["default"]
    assert storage_settings["BACKEND"] == "storages.backends.s3.S3Storage"
    storage = S3Storage(**storage_settings["OPTIONS"])
    assert storage.bucket_name == "kjproject-media"
    assert storage.endpoint_url == "https://s3.example.org"
    assert storage.location == "uploads"
    assert storage.default_acl == "private"
    assert storage.file_overwrite is False
