"""django-axes' answer to a locked-out sign-in (settings.AXES_LOCKOUT_CALLABLE)."""

from datetime import timedelta

from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    """The site's page, in the visitor's language, saying for how long."""
    minutes = settings.AXES_COOLOFF_TIME // timedelta(minutes=1)
    return render(request, "lockout.html", {"minutes": minutes}, status=429)
