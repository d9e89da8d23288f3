"""Checking uploads by their content, and turning them into the files the site serves.

An upload's name and the type the browser claims are ignored: what the bytes are decides.

- Images: JPEG, PNG or WebP as Pillow reads them, at most IMAGE_MAX_BYTES and IMAGE_MAX_PIXELS.
  They are decoded and encoded again (JPEG, or PNG where they have transparency), turned the
  way the camera meant (its orientation tag), with no metadata at all: no EXIF (a phone photo's
  GPS position, camera, time), no XMP, no comments. Each is stored in RENDITION_WIDTHS up to its
  own width, for srcset.
- Documents: PDF (the file starts with "%PDF-"), DOCX (a zip whose [Content_Types].xml declares
  a Word document, not a macro-enabled one) and ODT (a zip whose first member "mimetype" says
  OpenDocument text), at most DOCUMENT_MAX_BYTES.

Nothing else is accepted, so nothing stored is HTML, SVG or a script; the serving view
(views.py) answers only names of the shapes made here.
"""

import io
import uuid
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage
from PIL import ImageOps, UnidentifiedImageError

IMAGE_MAX_BYTES = 10 * 1024 * 1024
IMAGE_MAX_PIXELS = 40_000_000  # a 40-megapixel photo; Pillow refuses "decompression bombs"
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}
RENDITION_WIDTHS = (320, 640, 960, 1280, 1920)
JPEG_QUALITY = 82
ZIP_MEMBER_READ_BYTES = 64 * 1024  # the parts of a DOCX/ODT read to recognise it


@dataclass(frozen=True)
class DocumentFormat:
    name: str  # as visitors see it: "PDF"
    extension: str
    content_type: str


DOCUMENT_FORMATS = {
    "pdf": DocumentFormat("PDF", "pdf", "application/pdf"),
    "docx": DocumentFormat(
        "DOCX",
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "odt": DocumentFormat("ODT", "odt", "application/vnd.oasis.opendocument.text"),
}
WORD_DOCUMENT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
OPENDOCUMENT_TEXT = b"application/vnd.oasis.opendocument.text"
# What the serving view answers for a stored file's extension; nothing else is ever served.
IMAGE_CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png"}


def read_upload(upload, limit):
    if upload.size > limit:
        raise ValidationError(
            _("The file is too large: at most %(limit)s can be uploaded."),
            code="too_big",
            params={"limit": filesizeformat(limit)},
        )
    upload.seek(0)
    return upload.read()


# Images.


@dataclass(frozen=True)
class ProcessedImage:
    width: int
    height: int
    files: dict[str, bytes]  # {width as text: the encoded rendition}
    extension: str


def process_image(upload) -> ProcessedImage:
    """The upload as renditions without metadata, or a ValidationError saying what is wrong."""
    content = read_upload(upload, IMAGE_MAX_BYTES)
    not_an_image = ValidationError(
        _("This is not a JPEG, PNG or WebP image. Save it in one of those formats and try again."),
        code="not_an_image",
    )
    try:
        with PillowImage.open(io.BytesIO(content)) as probe:
            if probe.format not in IMAGE_FORMATS:
                raise not_an_image
            if probe.width * probe.height > IMAGE_MAX_PIXELS:
                raise ValidationError(
                    _("The image is too large (%(width)s × %(height)s pixels). Make it smaller."),
                    code="too_many_pixels",
                    params={"width": probe.width, "height": probe.height},
                )
            probe.verify()
        with PillowImage.open(io.BytesIO(content)) as original:
            original.load()
            # Turned as the camera's orientation tag says, before the tags are dropped.
            pixels = ImageOps.exif_transpose(original)
    except (UnidentifiedImageError, OSError, SyntaxError, PillowImage.DecompressionBombError):
        raise not_an_image from None
    return renditions_of(pixels)


def has_transparency(image) -> bool:
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        alpha = image.convert("RGBA").getchannel("A")
        return alpha.getextrema()[0] < 255
    return False


def renditions_of(image) -> ProcessedImage:
    transparent = has_transparency(image)
    pixels = image.convert("RGBA" if transparent else "RGB")
    # A new image from the pixels alone: nothing of the original's metadata comes along.
    clean = PillowImage.new(pixels.mode, pixels.size)
    clean.paste(pixels)
    widths = [width for width in RENDITION_WIDTHS if width < clean.width]
    widths.append(min(clean.width, RENDITION_WIDTHS[-1]))
    files = {}
    for width in widths:
        height = round(clean.height * width / clean.width)
        resized = clean if width == clean.width else clean.resize((width, height), resample=3)
        encoded = io.BytesIO()
        if transparent:
            resized.save(encoded, "PNG", optimize=True)
        else:
            resized.save(encoded, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
        files[str(width)] = encoded.getvalue()
    widest = max(widths)
    return ProcessedImage(
        widest, round(clean.height * widest / clean.width), files, "png" if transparent else "jpg"
    )


def image_file_names(processed: ProcessedImage) -> dict[str, str]:
    key = uuid.uuid4().hex
    return {width: f"images/{key}/{width}.{processed.extension}" for width in processed.files}


# Documents.


def document_format(content: bytes) -> str | None:
    """ "pdf", "docx" or "odt" by what the bytes are, or None."""
    if content.startswith(b"%PDF-"):
        return "pdf"
    if not content.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
            if members and members[0].filename == "mimetype":
                with archive.open(members[0]) as mimetype:
                    if mimetype.read(ZIP_MEMBER_READ_BYTES).strip() == OPENDOCUMENT_TEXT:
                        return "odt"
            if "[Content_Types].xml" in archive.namelist():
                with archive.open("[Content_Types].xml") as types:
                    if WORD_DOCUMENT in types.read(ZIP_MEMBER_READ_BYTES):
                        return "docx"
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        return None
    return None


def check_document(upload) -> tuple[str, bytes]:
    """(format code, content) of an acceptable document, or a ValidationError."""
    content = read_upload(upload, DOCUMENT_MAX_BYTES)
    file_format = document_format(content)
    if file_format is None:
        raise ValidationError(
            _("This is not a PDF, DOCX or ODT document. Save it in one of those formats."),
            code="not_a_document",
        )
    return file_format, content


def document_file_name(file_format: str) -> str:
    return f"documents/{uuid.uuid4().hex}.{DOCUMENT_FORMATS[file_format].extension}"
