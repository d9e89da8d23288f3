"""The link in a sign-up's e-mails: signed (django.core.signing), so no account is needed.

It names the sign-up and carries a key of its own (the sign-up's form key, or one made for
it), so it cannot be guessed from a number; it leads to a page that shows the sign-up and
asks before cancelling or deleting it. Once cancelled, the same link only shows that it is.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

SALT = "signup.manage"


SIGNER = signing.Signer(salt=SALT)


def token_for(registration):
    """The same link every time (no timestamp: it expires with the event, see views)."""
    return SIGNER.sign_object([registration.pk, registration.manage_key], compress=True)


def registration_id_from(token, manage_key_of):
    """The sign-up's id, or None for a token that was altered or names no sign-up."""
    try:
        registration_id, key = SIGNER.unsign_object(token)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(registration_id, int) or manage_key_of(registration_id) != key:
        return None
    return registration_id


def manage_path(registration):
    return reverse("signup:manage", kwargs={"token": token_for(registration)})


def manage_url(registration):
    """In the person's language, on the public address (e-mails are sent without a request)."""
    with translation.override(registration.language):
        return settings.SITE_URL + manage_path(registration)
