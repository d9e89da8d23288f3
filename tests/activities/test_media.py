"""Services, events (also those of a series) and news carry an image and documents as pages
do: chosen in their admin, shown on their public page in every language (the image in every
width with its alternative text in that language, the documents with format and size)."""

from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from activities.models import EventSeries
from tests.support import uploads
from tests.support.activities import make_event, make_news, make_service
from tests.support.budgets import MAX_QUERIES_PER_PAGE
from tests.support.html import outline
from tests.support.languages import LANGUAGES
from tests.support.staff import signed_in, staff_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def media():
    """An image and a document, uploaded by an editor in the admin."""
    editor = signed_in(staff_member("editor", "Editors"))
    return (
        uploads.uploaded(editor, "image", uploads.phone_photo(rotated=False), "alt_text"),
        uploads.uploaded(editor, "document", uploads.pdf(), "title"),
    )


def illustrated(item, image, document):
    item.image = image
    item.save()
    item.documents.add(document)
    return item


ITEMS = {
    "service": lambda: make_service("Keelekohvik"),
    "event": lambda: make_event("Kohtumine", timezone.now() + timedelta(days=2)),
    "news": lambda: make_news("Uudis"),
}


@pytest.mark.parametrize("kind", ITEMS)
def test_the_public_page_shows_the_image_and_the_documents_in_every_language(
    client, media, kind, django_assert_max_num_queries
):
    image, document = media
    item = illustrated(ITEMS[kind](), image, document)
    for code in LANGUAGES:
        with translation.override(code):
            url = item.get_absolute_url()
        with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE):
            response = client.get(url)
        assert response.status_code == 200, url
        (img,) = [i for i in outline(response).images if i.get("srcset")]
        assert img["alt"] == f"Tekst {code}"
        assert img["srcset"] == image.srcset()
        html = response.content.decode()
        assert f'href="{document.get_absolute_url()}"' in html
        assert f"Tekst {code}" in html  # the document's title in the visitor's language
        assert "PDF, " in html


def test_a_series_gives_its_image_and_documents_to_each_of_its_dates(media):
    image, document = media
    today = timezone.localdate()
    series = EventSeries.objects.create(
        title_et="Keelekohvik",
        first_day=today + timedelta(days=1),
        start_time=time(17),
        end_time=time(18),
        weekdays="MO,TH",
        times=4,
        for_everyone=True,
        image=image,
    )
    series.documents.add(document)
    series.apply_from(series.first_day)
    events = list(series.events.all())
    assert len(events) == 4
    for event in events:
        assert event.image == image
        assert list(event.documents.all()) == [document]


@pytest.mark.parametrize(
    "model", ["service", "event", "eventseries", "newsitem"], ids=lambda model: model
)
def test_the_admin_form_offers_an_image_and_documents(admin_client, model):
    response = admin_client.get(reverse(f"admin:activities_{model}_add"))
    fields = response.context["adminform"].form.fields
    assert {"image", "documents"} <= set(fields)
