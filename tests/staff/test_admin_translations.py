"""The admin speaks the staff member's language, every word of it, in every site language.

Every page of the admin (the start page, each app's page, every list, add, change, delete and
history page, the history's earlier versions and deleted items, the two-factor pages, the
missing translations, the password pages, sign-in and sign-out) is rendered in each language of
settings.LANGUAGES and in English, the language of the msgids. A piece of interface text that
reads the same as on the English page is untranslated; so is any word in Latin letters on a page
in a language not written in them (Russian, Ukrainian). What comes from the database (texts,
names, user names, e-mail addresses) is data, not interface, and is left out of the comparison.
"""

import re
from pathlib import Path

import polib
import pytest
from babel.core import get_global
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation
from django.utils.module_loading import import_string
from django_otp.plugins.otp_totp.models import TOTPDevice
from reversion.admin import VersionAdmin
from reversion.models import Version

from pages.models import Partner
from reports.models import FrozenReport
from tests.support import uploads
from tests.support.languages import LANGUAGES
from tests.support.visible_text import VisibleText

pytestmark = pytest.mark.django_db

MSGID_LANGUAGE = "en"
LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ž]{2,}")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
URL = re.compile(r"https?://\S+|\b[a-z0-9-]+(\.[a-z0-9-]+)*\.(org|ee|eu|com)\b")  # or a domain
# A two-factor key being set up, a password hash's masked parts: data, not words.
SECRET = re.compile(r"\b[A-Z2-7]{16,}\b|\w*\*{4,}")
# Written the same way in every language: the languages' codes (the content's tabs, the
# fields' "[et]"), the names of apps and keys that the two-factor and user pages mention, the
# names of file formats.
SAME_IN_EVERY_LANGUAGE = {code.upper() for code in LANGUAGES} | set(LANGUAGES)
SAME_IN_EVERY_LANGUAGE |= {"FreeOTP", "Aegis", "Google", "Authenticator", "QR", "LDAP"}
SAME_IN_EVERY_LANGUAGE |= {"Control", "Command", "Mac", "Single", "Sign", "On", "Sing"}
SAME_IN_EVERY_LANGUAGE |= {
    "JPEG",
    "PNG",
    "WebP",
    "PDF",
    "DOCX",
    "ODT",
    "CSV",
    "XLSX",
}  # file formats
SAME_IN_EVERY_LANGUAGE |= {"OpenStreetMap"}  # a proper name


def latin_script(language):
    """Whether CLDR's likely script of the language is Latin (et, en; not ru, uk)."""
    likely = get_global("likely_subtags").get(language, "")
    return "_Latn" in likely or not likely


@pytest.fixture
def superuser():
    user = User.objects.create_superuser("peeter", "peeter@example.org", "a long passphrase")
    # A second staff member with an authenticator app: the list of apps and its change page.
    other = User.objects.create_user("mari", "mari@example.org", is_staff=True)
    TOTPDevice.objects.create(user=other, name="authenticator", confirmed=True)
    return user


@pytest.fixture
def signed_in(superuser):
    client = Client()
    client.force_login(superuser)
    return client


@pytest.fixture
def history(signed_in):
    """A changed item (its history, an earlier version), a deleted one (to recover), a
    locked-out sign-in, an image and a document."""
    from axes.models import AccessAttempt

    AccessAttempt.objects.create(
        username="mari",
        ip_address="192.0.2.1",
        user_agent="test",
        http_accept="*/*",
        path_info="/et/admin/login/",
        failures_since_start=5,
    )
    with translation.override("et"):
        for kind, content, field in (
            ("image", uploads.phone_photo(400, 300), "alt_text"),
            ("document", uploads.pdf(), "title"),
        ):
            texts = {f"{field}_{code}": f"{kind} {code}" for code in LANGUAGES}
            upload = SimpleUploadedFile("upload", content)
            signed_in.post(reverse(f"admin:media_library_{kind}_add"), {"upload": upload} | texts)
        # A frozen report (its page and its admin) and the audit log's entry of it.
        period = {"start": "2025-01-01", "end": "2027-12-31"}
        assert signed_in.post(reverse("admin:reports_freeze"), period).status_code == 302
        partner = Partner.objects.order_by("pk").first()
        change = reverse("admin:pages_partner_change", args=[partner.pk])
        deleted = Partner.objects.order_by("pk").last()
        signed_in.post(reverse("admin:pages_partner_delete", args=[deleted.pk]), {"post": "yes"})
    return partner, change


def data_texts():
    """A pattern of every text stored in the database: content (deleted content's too, in
    the history), names, user names, permissions' names (Django stores them in English), the names
    Django makes up for the tables between two models ("Group_permissions object (1)")."""
    texts = {import_string(hasher).algorithm for hasher in settings.PASSWORD_HASHERS}
    # The languages' names, each in its own language (as the language switcher writes them).
    texts |= {name for _code, name in settings.LANGUAGES}
    for version in Version.objects.all():
        texts |= {str(value) for value in version.field_dict.values() if isinstance(value, str)}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.auto_created:
            texts |= {str(model._meta.verbose_name), str(model._meta.verbose_name_plural)}
        text_fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, (models.CharField, models.TextField))
        ]
        for row in model.objects.values_list(*text_fields) if text_fields else []:
            texts |= {" ".join(str(value).split()) for value in row if value}
        texts |= {str(item) for item in model.objects.all()[:200]}
    texts |= {version.object_repr for version in Version.objects.all()}
    texts = sorted((text for text in texts if LATIN_WORD.search(text)), key=len, reverse=True)
    # Any of them, the longest first, in any case ("Group-permission seos" and capfirst).
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, texts)) + r")(?!\w)", re.IGNORECASE)


def admin_pages(user):
    """(name, url) of every page of the admin the user may open, as reversed now."""
    site = admin.site
    request = RequestFactory().get("/")
    request.user = user
    pages = [
        ("start page", reverse("admin:index")),
        ("missing translations", reverse("admin:pages_missing_translations")),
        ("reports", reverse("admin:reports_report")),
        ("reports, a wrong period", reverse("admin:reports_report") + "?start=2026-13-01&end="),
        *[
            ("frozen report", reverse("admin:reports_frozen", args=[frozen.pk]))
            for frozen in FrozenReport.objects.all()[:1]
        ],
        ("two-factor set-up", reverse("admin:two_factor")),
        ("password change", reverse("admin:password_change")),
        ("password changed", reverse("admin:password_change_done")),
    ]
    labels = set()
    for model, model_admin in site._registry.items():
        opts = model._meta
        labels.add(opts.app_label)
        name = f"{opts.app_label}.{opts.model_name}"
        url = f"admin:{opts.app_label}_{opts.model_name}"
        pages.append((f"{name} list", reverse(f"{url}_changelist")))
        pages.append((f"{name} list, nothing found", reverse(f"{url}_changelist") + "?q=zzzz"))
        if model_admin.has_add_permission(request):
            pages.append((f"{name} add", reverse(f"{url}_add")))
        item = model.objects.order_by("pk").first()
        if item is not None:
            pages.append((f"{name} change", reverse(f"{url}_change", args=[item.pk])))
            if model_admin.has_delete_permission(request, item):
                pages.append((f"{name} delete", reverse(f"{url}_delete", args=[item.pk])))
            pages.append((f"{name} history", reverse(f"{url}_history", args=[item.pk])))
        if isinstance(model_admin, VersionAdmin):
            pages.append((f"{name} recover list", reverse(f"{url}_recoverlist")))
            deleted = Version.objects.get_deleted(model).first()
            if deleted is not None:
                pages.append((f"{name} recover", reverse(f"{url}_recover", args=[deleted.pk])))
            if item is not None and (version := Version.objects.get_for_object(item).first()):
                pages.append(
                    (
                        f"{name} earlier version",
                        reverse(f"{url}_revision", args=[item.pk, version.pk]),
                    )
                )
        if model is User:
            pages.append(("user's password", reverse(f"{url}_password_change", args=[item.pk])))
    for label in sorted(labels):
        pages.append((f"{label} app", reverse("admin:app_list", args=[label])))
    return pages


def rendered(client, url, method="get"):
    response = getattr(client, method)(url)
    assert response.status_code == 200, (url, response.status_code)
    page = VisibleText(response.content.decode())
    return [text for text, _lang in page.pieces] + page.head_pieces


def same_as_english(language):
    """Words our catalog translates as they are in English (Estonian "partner")."""
    path = Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"
    return {entry.msgid.lower() for entry in polib.pofile(str(path)) if entry.msgstr == entry.msgid}


def segments(piece):
    """The parts of a piece that the admin puts together ("app | model | permission")."""
    return [part for part in re.split(r"\s*[|›]\s*|:\s+|:$", piece) if part]


def untranslated(pieces, english_pieces, language, data):
    """The pieces that are English interface text, or have a part that is, on a page in
    `language`."""

    def interface(piece):
        # Data first, whole: a stored text may itself hold what `segments` splits on (": ").
        return data.sub(" ", SECRET.sub(" ", URL.sub(" ", EMAIL.sub(" ", piece))))

    english = {part for piece in english_pieces for part in segments(interface(piece))}
    same = same_as_english(language)
    found = []
    for piece in pieces:
        for part in segments(interface(piece)):
            if part.lower() in same:
                continue
            if not set(LATIN_WORD.findall(part)) - SAME_IN_EVERY_LANGUAGE:
                continue
            if part in english or not latin_script(language):
                found.append(piece)
                break
    return found


def a_session(page_name):
    """Signing out needs someone signed in; signing in, nobody."""
    client = Client()
    if page_name == "signed out":
        client.force_login(User.objects.get(username="peeter"))
    return client


def every_page_in(client, language):
    with translation.override(language):
        pages = admin_pages(User.objects.get(username="peeter"))
    return {name: rendered(client, url) for name, url in pages}


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != MSGID_LANGUAGE])
def test_every_admin_page_is_in_the_staff_members_language(signed_in, history, language):
    english = every_page_in(signed_in, MSGID_LANGUAGE)
    pages = every_page_in(signed_in, language)
    assert len(pages) > 60
    assert {"media_library.image change", "media_library.document change"} <= set(pages)
    # The two-factor page for someone who has it on, and the pages without a session.
    with translation.override(language):
        device_owner = Client()
        device_owner.force_login(User.objects.get(username="mari"))
        two_factor = reverse("admin:two_factor")
        signed_out = [("sign-in", reverse("admin:login")), ("signed out", reverse("admin:logout"))]
    with translation.override(MSGID_LANGUAGE):
        english_two_factor = reverse("admin:two_factor")
        english_signed_out = [reverse("admin:login"), reverse("admin:logout")]
    pages["two-factor on"] = rendered(device_owner, two_factor)
    english["two-factor on"] = rendered(device_owner, english_two_factor)
    for (name, url), english_url in zip(signed_out, english_signed_out, strict=True):
        method = "post" if name == "signed out" else "get"
        pages[name] = rendered(a_session(name), url, method)
        english[name] = rendered(a_session(name), english_url, method)

    with translation.override(language):
        data = data_texts()
    found = {
        name: problems
        for name, pieces in pages.items()
        if (problems := untranslated(pieces, english[name], language, data))
    }
    assert found == {}, "\n".join(f"{name}: {problems}" for name, problems in found.items())


def test_the_check_catches_an_untranslated_admin_string(signed_in, settings, tmp_path):
    """Not vacuous: a string never translated, or never marked for translation, is found."""
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin" / "index.html").write_text(
        '{% extends "admin/base_site.html" %}{% load i18n %}{% block content %}'
        '<p>{% translate "A new sentence nobody has translated yet" %}</p>'
        "<p>Tagasi avalehele</p><p>Back to the start</p>{% endblock %}"
    )
    engine = settings.TEMPLATES[0] | {"DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    settings.TEMPLATES = [engine]
    with translation.override(MSGID_LANGUAGE):
        english = rendered(signed_in, reverse("admin:index"))
    for language in [code for code in LANGUAGES if code != MSGID_LANGUAGE]:
        with translation.override(language):
            pieces = rendered(signed_in, reverse("admin:index"))
        found = untranslated(pieces, english, language, data_texts())
        assert "A new sentence nobody has translated yet" in found, language
        assert "Back to the start" in found, language


def test_the_admin_is_branded_with_the_projects_name_in_every_language(signed_in):
    for language in LANGUAGES:
        with translation.override(language):
            site_name = str(settings.SITE_NAME)
            page = VisibleText(signed_in.get(reverse("admin:index")).content.decode())
        texts = [text for text, _lang in page.pieces]
        assert site_name in texts, language  # the header
        assert any(site_name in text for text in page.head_pieces), language  # the <title>
        assert not any("Django" in text for text in texts + page.head_pieces), language
