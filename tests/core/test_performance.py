"""What makes the site fast, checked by size and count (speed itself is measured by bench/).

Query counts, conditional requests, cache headers of static files and the weight of a first
visit: each is something a visitor on a phone, or the server under load, would notice.
"""

import re
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urljoin, urlsplit

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from activities.models import Event, EventSeries, Language, Location, NewsItem, Service
from activities.models.content import language_choices
from audit.models import AuditEntry
from core.models import SiteLanguage
from media_library.models import Document, Image
from outbox.models import Email
from pages.models import Contact, Page, Partner, TargetGroup
from reports.models import FrozenReport
from signup.models import Registration
from tests.support.html import CSS_URL, LoadedResources
from tests.support.servers import fetch_with_headers

pytestmark = pytest.mark.django_db

HASHED_FILE_CACHE_CONTROL = "max-age=315360000, public, immutable"
MAX_HOME_HTML_BYTES = 30 * 1024
MAX_FIRST_VISIT_BYTES = 100 * 1024


def sign_in_record(n):
    """The fields django-axes records of a sign-in attempt."""
    return {
        "user_agent": "Firefox",
        "ip_address": f"192.0.2.{n + 1}",
        "username": f"user{n}",
        "http_accept": "text/html",
        "path_info": "/et/admin/login/",
    }


START = datetime(2026, 5, 4, 15, tzinfo=UTC)
UNSEEDED_LANGUAGES = [
    code for code, _name in language_choices() if code not in dict(settings.LANGUAGES)
]

# One way to add a row for every model the admin lists; a new ModelAdmin needs one here.
ROW_MAKERS = {
    AuditEntry: lambda n: AuditEntry.objects.create(
        user=User.objects.create_user(f"auditor{n}"),
        username=f"auditor{n}",
        action=AuditEntry.Action.EXPORTED_REPORT,
        what=f"2026-01-01–2026-12-{n + 1:02d} csv",
    ),
    FrozenReport: lambda n: FrozenReport.objects.create(
        period_start=date(2026, 1, 1),
        period_end=date(2026, 1, 1) + timedelta(days=n),
        frozen_by=User.objects.create_user(f"freezer{n}"),
        frozen_by_name=f"freezer{n}",
        figures={},
    ),
    Group: lambda n: Group.objects.create(name=f"Group {n}"),
    User: lambda n: User.objects.create_user(f"user{n}", f"user{n}@example.org"),
    Page: lambda n: Page.objects.create(title_et=f"Leht {n}", body_et="<p>Tekst</p>"),
    # The database does not limit codes to the four groups: enough rows for a long list.
    TargetGroup: lambda n: TargetGroup.objects.create(title_et=f"Rühm {n}", code=f"group-{n}"),
    Partner: lambda n: Partner.objects.create(name=f"Partner {n}", role="Partner"),
    Contact: lambda n: Contact.objects.create(
        name=f"Kontakt {n}", position="Spetsialist", email=f"kontakt{n}@example.org"
    ),
    Language: lambda n: Language.objects.create(code=UNSEEDED_LANGUAGES[n]),
    Location: lambda n: Location.objects.create(name=f"Koht {n}", address=f"Tänav {n}"),
    Service: lambda n: Service.objects.create(
        title_et=f"Teenus {n}", provider="Pakkuja", location=Location.objects.create(name="K")
    ),
    Event: lambda n: Event.objects.create(
        title_et=f"Sündmus {n}",
        starts_at=START + timedelta(days=n),
        ends_at=START + timedelta(days=n, hours=1),
        location=Location.objects.create(name="K", address="T"),
    ),
    EventSeries: lambda n: EventSeries.objects.create(
        title_et=f"Sari {n}",
        first_day=START.date(),
        weekdays="MO",
        times=2,
        start_time=time(10),
        end_time=time(11),
    ),
    NewsItem: lambda n: NewsItem.objects.create(title_et=f"Uudis {n}"),
    AccessAttempt: lambda n: AccessAttempt.objects.create(
        **sign_in_record(n), get_data="", post_data="", failures_since_start=1
    ),
    AccessLog: lambda n: AccessLog.objects.create(**sign_in_record(n)),
    AccessFailureLog: lambda n: AccessFailureLog.objects.create(**sign_in_record(n)),
    # The list shows only the languages of settings.LANGUAGES, however many rows there are.
    SiteLanguage: lambda n: SiteLanguage.objects.create(code=f"x-{n}"),
    TOTPDevice: lambda n: TOTPDevice.objects.create(
        user=User.objects.create_user(f"staff{n}"), name=f"Phone {n}"
    ),
    Email: lambda n: Email.objects.create(
        kind="test",
        language="et",
        sender="noreply@example.org",
        recipient=f"person{n}@example.org",
        message_id=f"<{n}@example.org>",
        next_attempt_at=timezone.now(),
    ),
    Registration: lambda n: Registration.objects.create(
        event=Event.objects.create(
            title_et=f"Registreerimisega {n}",
            starts_at=START + timedelta(days=n),
            ends_at=START + timedelta(days=n, hours=1),
            capacity=10,
        ),
        name=f"Osaleja {n}",
        email=f"osaleja{n}@example.org",
        language="et",
    ),
    Image: lambda n: Image.objects.create(
        alt_text=f"Pilt {n}", width=320, height=240, renditions={"320": f"images/{n:032x}/320.jpg"}
    ),
    Document: lambda n: Document.objects.create(
        title=f"Dokument {n}", file_name=f"documents/{n:032x}.pdf", file_format="pdf", size=1000
    ),
}


def changelist_queries(admin_client, model, django_assert_max_num_queries):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    admin_client.get(url)  # the site-wide caches (public languages) filled, as in use
    with django_assert_max_num_queries(50) as queries:
        assert admin_client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("model", list(admin.site._registry), ids=lambda model: model.__name__)
def test_admin_list_pages_do_not_grow_in_queries_with_the_number_of_rows(
    admin_client, model, django_assert_max_num_queries
):
    make_row = ROW_MAKERS[model]
    for number in range(2):
        make_row(number)
    with_few = changelist_queries(admin_client, model, django_assert_max_num_queries)
    for number in range(2, 20):
        make_row(number)
    with_many = changelist_queries(admin_client, model, django_assert_max_num_queries)
    assert with_many == with_few, f"{with_few} queries with 2 rows, {with_many} with 20"


def test_every_public_page_answers_a_revalidation_with_304_and_no_body(client, sitemap_urls):
    for url in sitemap_urls:
        first = client.get(url)
        assert first["Cache-Control"] == "no-cache", url
        again = client.get(url, headers={"if-none-match": first["ETag"]})
        assert again.status_code == 304, url
        assert again.content == b"", url


# Over the wire, from gunicorn with collected static files, as a first visit would be.


def test_static_files_have_hashed_names_and_are_kept_a_year(live_site):
    _headers, html = fetch_with_headers(f"{live_site}/et/")
    stylesheets = re.findall(r'href="(/static/css/[^"]+)"', html.decode())
    assert stylesheets
    for path in stylesheets:
        assert re.search(r"\.[0-9a-f]{12}\.css$", path), path
        headers, _body = fetch_with_headers(live_site + path)
        assert headers["Cache-Control"] == HASHED_FILE_CACHE_CONTROL, path


def test_home_page_first_visit_is_small_and_asks_no_other_host(live_site):
    compressed = {"Accept-Encoding": "gzip, br"}
    headers, html = fetch_with_headers(f"{live_site}/et/", compressed)
    assert headers["Content-Encoding"] == "gzip"
    _headers, plain_html = fetch_with_headers(f"{live_site}/et/")
    assert len(plain_html) <= MAX_HOME_HTML_BYTES
    page = LoadedResources(plain_html.decode())
    assert page.blocking_scripts == []
    page_url = f"{live_site}/et/"
    pending, fetched, total = [(page_url, url) for url in page.urls], set(), len(html)
    while pending:
        base, reference = pending.pop()
        if reference.startswith("data:"):
            continue  # inlined: already counted with the file that holds it
        url = urljoin(base, reference)
        assert urlsplit(url).netloc == urlsplit(live_site).netloc, f"third-party request: {url}"
        if url in fetched:
            continue
        fetched.add(url)
        _headers, body = fetch_with_headers(url, compressed)
        total += len(body)
        if url.endswith(".css"):
            css = fetch_with_headers(url)[1].decode()
            pending += [(url, found) for found in CSS_URL.findall(css)]
    assert len(fetched) >= 3  # the stylesheets, the icon and the EU emblem at least
    assert total <= MAX_FIRST_VISIT_BYTES, f"{total} bytes over the wire"
