"""The admin's pages for staff, in a real browser: no axe-core violations (WCAG 2.2 AA) in any
language, and the start page and a change form work with the keyboard alone, focus always
visible. Against the site as `make run` serves it, with a staff member signed in through the
login page."""

import re
import secrets
import tempfile

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as translated  # `make messages` skips this name

from tests.support.axe import AXE, axe_violations
from tests.support.ci import require_file
from tests.support.keyboard import Keyboard
from tests.support.languages import LANGUAGES
from tests.support.servers import GunicornServer, collect_static, manage, migrated_database

pytestmark = pytest.mark.browser

USERNAME = "toimetaja"
PASSWORD = secrets.token_urlsafe(16)
DESKTOP = {"width": 1280, "height": 900}
# jQuery UI's tabs (django-modeltranslation) put role="tab" on an <li> around a link: axe reports
# the link as a control nested in another. It is the one violation left, named here so that any
# other fails the test; fixing it means giving the tabs other markup (see the closing note).
KNOWN_THIRD_PARTY = {"nested-interactive": ".ui-tabs"}
# A draft and a missing Russian text, so that the start page has something in each section;
# an event with sign-ups, so that the report page's tables have rows.
NEEDS_ATTENTION = (
    "from pages.models import Page; "
    "Page.objects.filter(slug_et='privaatsus').update(published=False, summary_ru='')"
)
SIGN_UPS = """
from datetime import timedelta
from django.utils import timezone
from activities.models import Event
from signup.models import Registration
ended = timezone.now() - timedelta(days=3)
event = Event.objects.create(title_et="Keelekohvik (näidis)", starts_at=ended - timedelta(hours=2),
                             ends_at=ended, for_everyone=True)
for n in range(6):
    Registration.objects.create(event=event, email=f"osaleja{n}@example.org", language="ru",
                                status="attended")
"""


@pytest.fixture(scope="module")
def staff_site():
    collect_static()
    with (
        tempfile.TemporaryDirectory() as folder,
        migrated_database() as database_url,
    ):
        env = {"DATABASE_URL": database_url, "CACHE_DIR": f"{folder}/cache"}
        env["MEDIA_ROOT"] = f"{folder}/media"
        superuser = {
            "DJANGO_SUPERUSER_USERNAME": USERNAME,
            "DJANGO_SUPERUSER_EMAIL": f"{USERNAME}@example.org",
            "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
        }
        manage("createsuperuser", "--noinput", env=env | superuser)
        manage("shell", "-c", NEEDS_ATTENTION, env=env)
        manage("shell", "-c", SIGN_UPS, env=env)
        with GunicornServer(env | {"WEB_CONCURRENCY": "2"}) as server:
            yield server.base


def signed_in_page(browser, base, language):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    with translation.override(language):
        page.goto(base + reverse("admin:login"))
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")
    return page


def is_known(violation, page):
    """A violation of KNOWN_THIRD_PARTY whose every element is inside that widget."""
    inside = KNOWN_THIRD_PARTY.get(violation["id"])
    if inside is None:
        return False
    targets = [node.split(": ", 1)[0] for node in violation["nodes"]]
    return all(
        page.locator(target).first.evaluate(f"e => e.closest({inside!r}) !== null")
        for target in targets
    )


def admin_paths(language):
    with translation.override(language):
        return {
            "start page": reverse("admin:index"),
            "change form": reverse("admin:pages_page_change", args=[1]),
            "missing translations": reverse("admin:pages_missing_translations"),
            "image upload": reverse("admin:media_library_image_add"),
            "document list": reverse("admin:media_library_document_changelist"),
            "recover deleted items": reverse("admin:pages_partner_recoverlist"),
            "reports": reverse("admin:reports_report"),
            "reports, a wrong period": reverse("admin:reports_report") + "?start=2026-13-01",
            "audit log": reverse("admin:audit_auditentry_changelist"),
        }


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_admins_pages_have_no_axe_violations(staff_site, browser, language):
    require_file(AXE, "axe-core comes from npm")
    page = signed_in_page(browser, staff_site, language)
    axe_source = AXE.read_text()
    found = {}
    for name, path in admin_paths(language).items():
        response = page.goto(staff_site + path)
        assert response.status == 200, name
        assert page.locator("html").get_attribute("lang") == language, name
        violations = [
            violation
            for violation in axe_violations(page, axe_source)
            if not is_known(violation, page)
        ]
        if violations:
            found[name] = [f"{v['id']} ({v['help']}): " + "; ".join(v["nodes"]) for v in violations]
    page.context.close()
    assert not found, "\n".join(f"{name}:\n  " + "\n  ".join(v) for name, v in found.items())


def test_the_start_page_shows_what_needs_attention_and_works_by_keyboard(staff_site, browser):
    page = signed_in_page(browser, staff_site, "et")
    page.goto(staff_site + admin_paths("et")["start page"])
    assert page.locator("#drafts-module").get_by_role("link", name="Privaatsusteave").count() == 1
    assert "1 kirje vajab tõlget" in page.locator("#missing-translations-module").inner_text()
    keyboard = Keyboard(page)
    assert keyboard.tab_through_page(limit=120) > 20
    # The draft's link leads to its change form, by keyboard.
    keyboard.remember_look()
    focus = keyboard.tab_to(lambda focus: focus["text"] == "Privaatsusteave")
    assert focus["tag"] == "a"
    keyboard.activate()
    assert re.search(r"/pages/page/\d+/change/$", page.url)
    page.context.close()


def test_a_change_form_is_saved_with_the_keyboard_alone(staff_site, browser):
    page = signed_in_page(browser, staff_site, "ru")
    page.goto(staff_site + admin_paths("ru")["change form"])
    keyboard = Keyboard(page)
    with translation.override("ru"):
        save = translated("Save")
    # The language tabs open on the staff member's language: the Russian title comes first.
    focus = keyboard.tab_to(lambda focus: focus["name"] == "title_ru", limit=120)
    page.keyboard.press("End")
    page.keyboard.type(" (изменено)")
    keyboard.tab_to(lambda focus: focus["value"] == save and focus["name"] == "_save", limit=200)
    keyboard.activate()
    assert page.locator(".messagelist .success").count() == 1
    assert focus["tag"] == "input"
    page.goto(staff_site + admin_paths("ru")["change form"])
    assert page.input_value("#id_title_ru").endswith(" (изменено)")
    page.context.close()
