"""Staff sign-in: a configurable address, lockout after repeated failures, two-factor codes."""

import os
import subprocess
import sys
import time

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.support.servers import ROOT
from tests.support.totp import totp

pytestmark = pytest.mark.django_db

PASSWORD = "a long passphrase for staff"


@pytest.fixture
def staff():
    user = User.objects.create_user("editor", "editor@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def admin_url(name, language="et", args=()):
    with translation.override(language):
        return reverse(f"admin:{name}", args=args)


def sign_in(client, username="editor", password=PASSWORD, token="", language="et"):
    return client.post(
        admin_url("login", language),
        {
            "username": username,
            "password": password,
            "otp_token": token,
            "next": admin_url("index", language),
        },
    )


def test_the_admin_address_comes_from_admin_path():
    code = (
        "import django; django.setup(); from django.urls import reverse; "
        "from django.utils import translation; from core import page_cache; "
        "translation.activate('ru'); print(reverse('admin:index')); "
        "print(page_cache.NOT_CACHED_PREFIXES[0])"
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "kjproject.settings"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment | {"ADMIN_PATH": "/staff-room/"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["/ru/staff-room/", "staff-room/"]


def test_repeated_failed_sign_ins_lock_out_with_a_clear_translated_page(staff, settings):
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, password="wrong", language="ru")
        assert response.status_code == 200  # the form again, with its error
    locked = sign_in(client, password="wrong", language="ru")
    assert locked.status_code == 429
    content = locked.content.decode()
    assert "Слишком много неудачных попыток входа" in content
    assert "заблокирован на 15 минут." in content
    assert '<html lang="ru">' in content
    # While locked out, even the right password is refused.
    assert sign_in(client, language="ru").status_code == 429
    # Another user name from the same address is not affected.
    User.objects.create_user("translator", password=PASSWORD, is_staff=True)
    assert sign_in(Client(), username="translator").status_code == 302


def test_the_lockout_ends_after_the_cool_off(staff, settings):
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, password="wrong")
    assert sign_in(client).status_code == 429
    from axes.models import AccessAttempt

    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.first().attempt_time - settings.AXES_COOLOFF_TIME
    )
    assert sign_in(client).status_code == 302


def turn_on_two_factor(client):
    """What a staff member does on the admin's two-factor page, with their phone."""
    page = client.get(admin_url("two_factor"))
    assert page.status_code == 200
    key = page.context["key"]
    qr = client.get(admin_url("two_factor_qr"))
    assert qr["Content-Type"] == "image/svg+xml"
    assert b"<svg" in qr.content
    confirmed = client.post(admin_url("two_factor"), {"token": totp(key)})
    assert confirmed.status_code == 302
    return key


def test_staff_turn_on_two_factor_and_then_need_the_code_to_sign_in(staff):
    client = Client()
    assert sign_in(client).status_code == 302
    assert client.get(admin_url("index")).status_code == 200  # optional: not on yet
    key = turn_on_two_factor(client)
    assert TOTPDevice.objects.get(user=staff).confirmed

    # Next time, the password alone is not enough; the code from the app is.
    without_code = sign_in(Client())
    assert without_code.status_code == 200
    assert "_auth_user_id" not in without_code.client.session
    # The code used to confirm is spent (no replay); the app's next one (30 s on) is accepted,
    # as django-otp allows a clock drift of one step.
    with_code = Client()
    assert sign_in(with_code, token=totp(key, at=time.time() + 30)).status_code == 302
    assert with_code.get(admin_url("index")).status_code == 200


def test_when_two_factor_is_required_staff_must_set_it_up_before_anything_else(staff, settings):
    settings.ADMIN_REQUIRE_2FA = True
    client = Client()
    assert sign_in(client).status_code == 302
    # Signed in with the password only: the admin sends them to set up two-factor.
    index = client.get(admin_url("index"))
    assert index.status_code == 302
    assert client.get(index["Location"])["Location"] == admin_url("two_factor")
    assert client.get(admin_url("pages_page_changelist")).status_code == 302
    turn_on_two_factor(client)
    assert client.get(admin_url("index")).status_code == 200
    assert client.get(admin_url("pages_page_changelist")).status_code == 200


def test_a_wrong_code_does_not_turn_two_factor_on(staff):
    client = Client()
    client.force_login(staff)
    key = client.get(admin_url("two_factor")).context["key"]
    wrong = "000000" if totp(key) != "000000" else "111111"
    response = client.post(admin_url("two_factor"), {"token": wrong})
    assert response.status_code == 200
    assert "See kood ei ole õige." in response.content.decode()
    assert not TOTPDevice.objects.get(user=staff).confirmed


def test_the_two_factor_page_is_only_for_signed_in_staff(staff):
    response = Client().get(admin_url("two_factor"))
    assert response.status_code == 302
    assert response["Location"].startswith(admin_url("login"))
    visitor = User.objects.create_user("visitor", password=PASSWORD)
    client = Client()
    client.force_login(visitor)
    assert client.get(admin_url("two_factor")).status_code == 302
