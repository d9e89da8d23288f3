"""Files as staff would upload them, made here: a phone photo with its GPS position, documents
of each accepted format, and files that only pretend to be one."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from media_library.models import Document
from media_library.models import Image as StoredImage
from tests.support.languages import LANGUAGES

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F
# Tallinn's town hall square, as a phone writes it: degrees, minutes, seconds.
GPS_POSITION = {1: "N", 2: (59.0, 26.0, 14.0), 3: "E", 4: (24.0, 44.0, 44.0)}


def phone_photo(width=2400, height=1800, rotated=True) -> bytes:
    """A JPEG with EXIF as a phone writes it: GPS position, camera maker, and (rotated) the
    orientation tag saying the picture is to be turned 90° to be upright."""
    image = Image.new("RGB", (width, height), (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, width // 2, height // 4))
    exif = Image.Exif()
    exif[MAKE] = "PhoneMaker"
    if rotated:
        exif[ORIENTATION] = 6
    exif.get_ifd(GPS_IFD).update(GPS_POSITION)
    encoded = io.BytesIO()
    image.save(encoded, "JPEG", exif=exif.tobytes(), comment=b"taken at the town hall")
    return encoded.getvalue()


def transparent_png(width=800, height=600) -> bytes:
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    image.paste((0, 120, 0, 255), (100, 100, 300, 300))
    encoded = io.BytesIO()
    image.save(encoded, "PNG")
    return encoded.getvalue()


def pdf() -> bytes:
    """A minimal one-page PDF."""
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )


def zipped(members: list[tuple[str, bytes]]) -> bytes:
    encoded = io.BytesIO()
    with zipfile.ZipFile(encoded, "w") as archive:
        for name, content in members:
            archive.writestr(name, content)
    return encoded.getvalue()


def content_types(main_type: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        f'package/2006/content-types"><Override PartName="/word/document.xml" '
        f'ContentType="{main_type}"/></Types>'
    ).encode()


WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
WORD_WITH_MACROS = "application/vnd.ms-word.document.macroEnabled.main+xml"


def docx(main_type=WORD) -> bytes:
    return zipped([("[Content_Types].xml", content_types(main_type)), ("word/document.xml", b"")])


def odt() -> bytes:
    return zipped(
        [("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<x/>")]
    )


HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG_IMAGE = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def uploaded(editor, kind, content, field):
    """An image or a document (`kind`) an editor's client uploaded in the admin, with the text
    `field` (alt_text, title) "Tekst <language>" in every language."""
    texts = {f"{field}_{code}": f"Tekst {code}" for code in LANGUAGES}
    with translation.override("en"):
        response = editor.post(
            reverse(f"admin:media_library_{kind}_add"),
            {"upload": SimpleUploadedFile("upload", content)} | texts,
        )
    assert response.status_code == 302
    return (StoredImage if kind == "image" else Document).objects.order_by("pk").last()
