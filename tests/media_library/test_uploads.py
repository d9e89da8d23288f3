"""Staff upload images and documents in the admin: checked by their content, images stored
again without metadata in the widths pages need, texts required in every language."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image as PillowImage

from core.backup import stored_names
from media_library.models import Document, Image
from media_library.uploads import IMAGE_MAX_BYTES, RENDITION_WIDTHS
from tests.support import uploads
from tests.support.languages import LANGUAGES
from tests.support.staff import signed_in, staff_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return signed_in(staff_member("editor", "Editors"))


def in_every_language(field, text):
    return {f"{field}_{code}": f"{text} ({code})" for code in LANGUAGES}


def upload_image(client, content, name="photo.jpg", **texts):
    data = {"upload": SimpleUploadedFile(name, content, "image/jpeg")}
    data |= texts or in_every_language("alt_text", "Raekoja plats")
    with translation.override("en"):
        return client.post(reverse("admin:media_library_image_add"), data)


def upload_document(client, content, name="report.pdf", **texts):
    data = {"upload": SimpleUploadedFile(name, content, "application/pdf")}
    data |= texts or in_every_language("title", "Aruanne")
    with translation.override("en"):
        return client.post(reverse("admin:media_library_document_add"), data)


def errors(response, language="en"):
    """The form's messages, in the language the page was shown in."""
    form = response.context["adminform"].form
    with translation.override(language):
        return {name: [str(error) for error in errors] for name, errors in form.errors.items()}


def stored_files():
    return stored_names(default_storage)


# Images.


def test_a_phone_photo_is_stored_without_its_gps_position_or_any_other_metadata(editor):
    photo = uploads.phone_photo()
    original = PillowImage.open(io.BytesIO(photo))
    assert original.getexif().get_ifd(uploads.GPS_IFD)  # the upload does carry a position
    assert b"PhoneMaker" in photo and b"town hall" in photo

    assert upload_image(editor, photo).status_code == 302
    image = Image.objects.get()
    assert stored_files() == sorted(image.files())
    for name in image.files():
        content = default_storage.open(name).read()
        stored = PillowImage.open(io.BytesIO(content))
        assert stored.format == "JPEG"
        assert dict(stored.getexif()) == {}
        assert not {"exif", "xmp", "comment", "icc_profile"} & set(stored.info)
        assert b"PhoneMaker" not in content and b"town hall" not in content
        assert b"Exif" not in content
    # Turned upright as the orientation tag said: the 2400 × 1800 photo stands 1800 wide.
    assert (image.width, image.height) == (1800, 2400)


def test_an_image_is_stored_in_the_widths_pages_need_up_to_its_own(editor):
    assert upload_image(editor, uploads.phone_photo(rotated=False)).status_code == 302
    image = Image.objects.get()
    assert sorted(map(int, image.renditions)) == list(RENDITION_WIDTHS)  # 2400 wide: all
    for width, name in image.renditions.items():
        assert PillowImage.open(default_storage.open(name)).width == int(width)
    srcset = image.srcset()
    assert srcset.count("w, ") == len(RENDITION_WIDTHS) - 1
    assert srcset.endswith(" 1920w")

    assert upload_image(editor, uploads.phone_photo(500, 300, rotated=False)).status_code == 302
    small = Image.objects.order_by("pk").last()
    assert sorted(map(int, small.renditions)) == [320, 500]  # never enlarged


def test_a_transparent_png_stays_a_transparent_png(editor):
    assert upload_image(editor, uploads.transparent_png(), "logo.png").status_code == 302
    image = Image.objects.get()
    stored = PillowImage.open(default_storage.open(image.widest()))
    assert stored.format == "PNG"
    assert stored.convert("RGBA").getpixel((0, 0))[3] == 0


def test_alternative_text_is_required_in_every_language(editor):
    texts = in_every_language("alt_text", "Raekoja plats")
    for code in LANGUAGES:
        missing = texts | {f"alt_text_{code}": ""}
        response = upload_image(editor, uploads.phone_photo(), **missing)
        assert response.status_code == 200
        assert f"alt_text_{code}" in errors(response)
    assert not Image.objects.exists()
    assert stored_files() == []


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (uploads.HTML_PAGE, "photo.jpg"),
        (uploads.SVG_IMAGE, "logo.png"),
        (uploads.SVG_IMAGE, "logo.svg"),
        (uploads.pdf(), "photo.jpg"),
        (b"GIF89a" + bytes(100), "animation.gif"),
        (uploads.phone_photo()[:2000], "cut-off.jpg"),
    ],
)
def test_an_image_is_judged_by_its_content_not_its_name(editor, content, name):
    response = upload_image(editor, content, name)
    assert response.status_code == 200
    assert errors(response)["upload"] == [
        "This is not a JPEG, PNG or WebP image. Save it in one of those formats and try again."
    ]
    assert stored_files() == []


def test_an_image_over_the_size_limit_is_refused_with_the_limit(editor):
    too_big = uploads.phone_photo()[:2] + bytes(IMAGE_MAX_BYTES)
    response = upload_image(editor, too_big)
    assert response.status_code == 200
    assert errors(response)["upload"] == [
        "The file is too large: at most 10.0\xa0MB can be uploaded."
    ]


def test_the_refusal_is_in_the_staff_members_language(editor):
    data = {"upload": SimpleUploadedFile("x.jpg", uploads.HTML_PAGE)}
    data |= in_every_language("alt_text", "Pilt")
    with translation.override("ru"):
        response = editor.post(reverse("admin:media_library_image_add"), data)
    assert "Это не изображение" in errors(response, "ru")["upload"][0]


# Documents.


@pytest.mark.parametrize(
    ("content", "name", "file_format"),
    [
        (uploads.pdf(), "report.pdf", "pdf"),
        (uploads.docx(), "report.docx", "docx"),
        (uploads.odt(), "report.odt", "odt"),
        (uploads.pdf(), "report.txt", "pdf"),  # the name does not matter
    ],
)
def test_pdf_docx_and_odt_documents_are_accepted_by_their_content(
    editor, content, name, file_format
):
    assert upload_document(editor, content, name).status_code == 302
    document = Document.objects.get()
    assert (document.file_format, document.size) == (file_format, len(content))
    assert document.file_name.endswith(f".{file_format}")
    assert name not in document.file_name
    assert default_storage.open(document.file_name).read() == content


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (uploads.HTML_PAGE, "report.pdf"),
        (uploads.SVG_IMAGE, "report.odt"),
        (uploads.docx(uploads.WORD_WITH_MACROS), "report.docx"),
        (uploads.zipped([("readme.txt", b"hello")]), "report.docx"),
        (uploads.phone_photo(), "report.pdf"),
    ],
)
def test_other_files_are_refused_as_documents(editor, content, name):
    response = upload_document(editor, content, name)
    assert response.status_code == 200
    assert errors(response)["upload"] == [
        "This is not a PDF, DOCX or ODT document. Save it in one of those formats."
    ]
    assert stored_files() == []


def test_a_document_title_is_required_in_every_language(editor):
    texts = in_every_language("title", "Aruanne") | {f"title_{LANGUAGES[-1]}": ""}
    response = upload_document(editor, uploads.pdf(), **texts)
    assert f"title_{LANGUAGES[-1]}" in errors(response)
    assert not Document.objects.exists()


# Replacing and deleting.


def test_a_replaced_or_deleted_upload_takes_its_files_with_it(
    editor, django_capture_on_commit_callbacks
):
    upload_image(editor, uploads.phone_photo(rotated=False))
    image = Image.objects.get()
    first_files = image.files()
    with translation.override("en"):
        change = reverse("admin:media_library_image_change", args=[image.pk])
        delete = reverse("admin:media_library_image_delete", args=[image.pk])
    data = {"upload": SimpleUploadedFile("new.png", uploads.transparent_png())}
    data |= in_every_language("alt_text", "Uus pilt")
    with django_capture_on_commit_callbacks(execute=True):
        assert editor.post(change, data).status_code == 302
    image.refresh_from_db()
    assert set(first_files).isdisjoint(stored_files())
    assert stored_files() == sorted(image.files())
    assert editor.post(delete, {"post": "yes"}).status_code == 302
    assert stored_files() == []
