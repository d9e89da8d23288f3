"""The Coordinators role: the sign-ups with the participants' names and contacts, events and
services to look at, the audit log, the reports. Editors and Translators get none of it: no
name, e-mail address or phone number of a participant anywhere in the admin for them."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse

from tests.support.signups import make_registration, past_event
from tests.support.staff import signed_in, staff_member

pytestmark = pytest.mark.django_db

NAME, EMAIL, PHONE = "Olena Testiva", "olena.testiva@example.org", "+372 5550 1234"
COORDINATORS = {
    "signup.view_registration",
    "signup.add_registration",
    "signup.change_registration",
    "signup.view_participants",
    "activities.view_event",
    "activities.view_service",
    "audit.view_auditentry",
    "reports.view_reports",
    "reports.view_frozenreport",
    "reports.add_frozenreport",
}


def permissions_of(group_name):
    group = Group.objects.get(name=group_name)
    return {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }


@pytest.fixture
def signup():
    event = past_event("Keelekohvik", days_ago=2)
    return make_registration(event, name=NAME, email=EMAIL, phone=PHONE)


def test_coordinators_have_exactly_their_permissions():
    assert permissions_of("Coordinators") == COORDINATORS


def test_editors_and_translators_have_no_permission_on_sign_ups_or_reports():
    for group_name in ("Editors", "Translators"):
        apps = {name.split(".")[0] for name in permissions_of(group_name)}
        assert not apps & {"signup", "audit", "reports"}, group_name


def pages_for(user):
    """Every list and change page of the admin the user may open (with the first item)."""
    request = RequestFactory().get("/")
    request.user = user
    urls = [reverse("admin:index"), reverse("admin:reports_report")]
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_view_or_change_permission(request):
            continue
        opts = model._meta
        urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        item = model.objects.order_by("pk").first()
        if item is not None:
            urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk]))
    return urls


def everything_shown_to(user):
    client = signed_in(user)
    shown = []
    for url in pages_for(user):
        response = client.get(url)
        if response.status_code == 200:
            shown.append(response.content.decode())
    return shown


@pytest.mark.parametrize("group_name", ["Editors", "Translators"])
def test_editors_and_translators_see_no_participant_anywhere_in_the_admin(signup, group_name):
    shown = everything_shown_to(staff_member("someone", group_name))
    assert len(shown) > 10
    for page in shown:
        for personal in (NAME, EMAIL, PHONE):
            assert personal not in page


def test_a_coordinator_sees_the_participants_in_the_sign_up_desk(signup):
    coordinator = staff_member("koordinaator", "Coordinators")
    change = reverse("admin:signup_registration_change", args=[signup.pk])
    pages = [*everything_shown_to(coordinator), signed_in(coordinator).get(change).content.decode()]
    assert any(NAME in page for page in pages)
    assert any(EMAIL in page for page in pages)
