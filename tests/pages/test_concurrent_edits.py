"""Two staff members editing one item at the same time: nobody's work is lost without a word.

Each staff member is a client of their own, signed in through the login page. Forms are opened
(GET) and sent back (POST) with exactly what a browser submits from the page as rendered
(tests/support/html.py FormFields), so what the form remembers of the moment it was opened
travels as it does in a browser.
"""

import re
from html import unescape

import pytest
from concurrency.exceptions import RecordModifiedError
from django.db import transaction
from django.db.models.signals import pre_save
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from pages.models import Page, Partner
from tests.support.html import FormFields
from tests.support.staff import signed_in_through_the_login_page, staff_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def estonian_admin():
    with translation.override("et"):
        yield


@pytest.fixture
def editor_a():
    return signed_in_through_the_login_page(staff_member("anna", "Editors", first_name="Anna"))


@pytest.fixture
def editor_b():
    return signed_in_through_the_login_page(staff_member("boris", "Editors", first_name="Boris"))


@pytest.fixture
def translator():
    return signed_in_through_the_login_page(staff_member("tiina", "Translators"))


def project_page():
    return Page.objects.get(kind=Page.Kind.PROJECT)


def change_url(item):
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])


class OpenForm:
    """A change form as one staff member's browser has it: opened once, sent back later."""

    def __init__(self, client, item, form_id=None):
        self.client = client
        self.url = change_url(item)
        response = client.get(self.url)
        assert response.status_code == 200
        self.form_id = form_id or f"{item._meta.model_name}_form"
        self.fields = FormFields(response.content.decode(), self.form_id)

    def save(self, **changes):
        data = [*self.fields.changed(changes), ("_save", "Salvesta")]
        return self.client.post(self.url, encode(data))

    def save_again(self, refused_response, **changes):
        """Send the form as it came back after a refused save, with more changes."""
        self.fields = FormFields(refused_response.content.decode(), self.form_id)
        return self.save(**changes)


def encode(pairs):
    data = {}
    for name, value in pairs:
        data.setdefault(name, []).append(value)
    return data


def saved(response):
    assert response.status_code == 302, errors_in(response)
    return True


def errors_in(response):
    html = response.content.decode()
    return [
        unescape(re.sub(r"<[^>]+>", "", m))
        for m in re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S)
    ]


# The measured case from the issue.


def test_an_older_form_saving_the_summary_keeps_the_title_saved_in_between(editor_a, editor_b):
    """B saved a new Estonian title; A then saved the summary from a form opened before B's
    save: both are kept (B's title was silently put back before)."""
    page = project_page()
    form_b = OpenForm(editor_b, page)
    form_a = OpenForm(editor_a, page)
    assert saved(form_b.save(title_et="Projekti kirjeldus"))
    assert saved(form_a.save(summary_et="Uus kokkuvõte."))
    page.refresh_from_db()
    assert page.title_et == "Projekti kirjeldus"
    assert page.summary_et == "Uus kokkuvõte."
    # The history has both saves, each by its author, and restores either.
    latest, before = Version.objects.get_for_object(page)[:2]
    assert (latest.revision.user.username, before.revision.user.username) == ("anna", "boris")
    assert latest.field_dict["title_et"] == "Projekti kirjeldus"


def test_an_editors_estonian_and_a_translators_russian_text_are_both_kept(editor_a, translator):
    page = project_page()
    form_editor = OpenForm(editor_a, page)
    form_translator = OpenForm(translator, page)
    assert saved(form_translator.save(title_ru="Описание проекта"))
    assert saved(form_editor.save(title_et="Projekti kirjeldus", body_et="<p>Uus tekst.</p>"))
    page.refresh_from_db()
    assert (page.title_et, page.title_ru) == ("Projekti kirjeldus", "Описание проекта")
    assert page.body_et == "<p>Uus tekst.</p>"


def test_fields_an_older_form_did_not_touch_never_overwrite_newer_values(editor_a, editor_b):
    page = project_page()
    form_a = OpenForm(editor_a, page)
    form_b = OpenForm(editor_b, page)
    assert saved(form_b.save(published=None, ordering="42", summary_ru="Новое резюме."))
    assert saved(form_a.save(title_en="About the project"))
    page.refresh_from_db()
    assert (page.published, page.ordering, page.summary_ru) == (False, 42, "Новое резюме.")
    assert page.title_en == "About the project"


# The same field changed by both.


def test_a_save_is_refused_when_someone_else_changed_the_same_field_and_says_who_when_and_what(
    editor_a, editor_b
):
    page = project_page()
    form_a = OpenForm(editor_a, page)
    form_b = OpenForm(editor_b, page)
    assert saved(form_b.save(title_et="Boris'i pealkiri", summary_et="Borise kokkuvõte."))
    refused = form_a.save(title_et="Anna pealkiri", title_ru="Заголовок Анны")

    assert refused.status_code == 200
    page.refresh_from_db()
    assert page.title_et == "Boris'i pealkiri"  # nothing of A's was saved yet
    assert page.title_ru != "Заголовок Анны"
    errors = " ".join(errors_in(refused))
    assert "Boris" in errors  # who
    assert "Boris'i pealkiri" in errors  # their value
    b_saved = Version.objects.get_for_object(page).first().revision.date_created
    assert str(b_saved.astimezone().year) in errors  # when (as a date and time)
    again = FormFields(refused.content.decode(), "page_form")
    values = dict(again.fields)
    assert values["title_et"] == "Anna pealkiri"  # A's input stays in the form
    assert values["title_ru"] == "Заголовок Анны"
    assert values["summary_et"] == "Borise kokkuvõte."  # the rest shows the newest values

    # A keeps their title and saves again: now it is saved, B's summary stays.
    assert saved(form_a.save_again(refused))
    page.refresh_from_db()
    assert (page.title_et, page.title_ru) == ("Anna pealkiri", "Заголовок Анны")
    assert page.summary_et == "Borise kokkuvõte."


def test_the_same_new_value_typed_by_both_is_no_conflict(editor_a, editor_b):
    page = project_page()
    form_a = OpenForm(editor_a, page)
    form_b = OpenForm(editor_b, page)
    assert saved(form_b.save(title_en="The project"))
    assert saved(form_a.save(title_en="The project", summary_en="What it does."))
    page.refresh_from_db()
    assert (page.title_en, page.summary_en) == ("The project", "What it does.")


def test_a_refusal_in_russian_names_the_field_change_in_russian(editor_a, editor_b):
    with translation.override("ru"):
        page = project_page()
        form_a = OpenForm(editor_a, page)
        form_b = OpenForm(editor_b, page)
        assert saved(form_b.save(title_et="Uus"))
        refused = form_a.save(title_et="Teine")
    assert refused.status_code == 200
    assert "после того как вы открыли" in " ".join(errors_in(refused))


# The race between reading and writing, and the list page.


def test_a_write_of_a_version_that_is_no_longer_stored_is_refused_by_the_database():
    first, second = project_page(), project_page()
    first.title_en = "First"
    first.save()
    second.title_en = "Second"
    with pytest.raises(RecordModifiedError), transaction.atomic():
        second.save()
    assert project_page().title_en == "First"


def test_a_save_whose_write_loses_the_race_is_merged_again_and_saved(editor_a):
    """Someone saves between the admin reading the item and writing it: the version check
    refuses the write, and the admin reads the item again, merges and saves. (Here the other
    save runs inside the request's own transaction, so it is rolled back with the refused
    attempt; from another process it would stay, and be merged with.)"""
    page = project_page()
    form_a = OpenForm(editor_a, page)
    interrupted = []

    def someone_saves_first(sender, instance, **kwargs):
        if not interrupted:
            interrupted.append(True)
            other = Page.objects.get(pk=instance.pk)
            other.summary_ru = "Сохранено в промежутке."
            other.save()

    pre_save.connect(someone_saves_first, sender=Page, dispatch_uid="race")
    try:
        assert saved(form_a.save(title_ru="Описание проекта"))
    finally:
        pre_save.disconnect(dispatch_uid="race", sender=Page)
    assert interrupted
    assert project_page().title_ru == "Описание проекта"


def test_the_list_page_saves_only_what_was_changed_there(editor_a, editor_b):
    partners = list(Partner.objects.order_by("ordering", "pk"))
    list_url = reverse("admin:pages_partner_changelist")
    old_list = FormFields(editor_a.get(list_url).content.decode(), "changelist-form")
    assert saved(OpenForm(editor_b, partners[1]).save(published=None))
    data = [*old_list.changed({"form-0-ordering": "77"}), ("_save", "Salvesta")]
    assert editor_a.post(list_url, encode(data)).status_code == 302
    assert Partner.objects.get(pk=partners[0].pk).ordering == 77
    assert Partner.objects.get(pk=partners[1].pk).published is False  # B's change stays
