"""Staff members signed in as in a browser: each a client of its own, through the login page."""

import secrets

from django.contrib.auth.models import Group, Permission, User
from django.test import Client
from django.urls import reverse
from django.utils import translation

PASSWORD = secrets.token_urlsafe(16)


def staff_member(username, group_name=None, **attributes):
    user = User.objects.create_user(
        username, f"{username}@example.org", PASSWORD, is_staff=True, **attributes
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def signed_in_through_the_login_page(user) -> Client:
    """A session of its own, opened by the admin's sign-in form (django-axes included)."""
    client = Client()
    response = client.post(
        reverse("admin:login"),
        {"username": user.username, "password": PASSWORD, "next": reverse("admin:index")},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def signed_in(user) -> Client:
    """A client with a session of the user's (without the login page: faster)."""
    client = Client()
    client.force_login(user)
    return client


def start_page_of(client, language="et"):
    """The admin's start page as the staff member sees it in `language`."""
    with translation.override(language):
        response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response


def staff_with(*codenames, username=None):
    """A signed-in member of staff with just these permissions (by codename)."""
    user = User.objects.create_user(username or f"staff-{len(codenames)}", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return signed_in(user)
