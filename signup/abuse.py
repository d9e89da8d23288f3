"""Keeping scripts off the sign-up form without a third-party CAPTCHA: a honeypot field (in the
form) and a limit of forms per client address and hour, counted in the shared cache."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

from .parameters import RATE_LIMIT_WINDOW_SECONDS


def client_address(request):
    """The visitor's address: the connecting one, unless that is a trusted proxy (the same list
    gunicorn trusts, FORWARDED_ALLOW_IPS), then the last address of X-Forwarded-For, the one
    the proxy added. Addresses a client wrote into the header itself come before it and never
    count."""
    address = request.META.get("REMOTE_ADDR", "")
    trusted = settings.FORWARDED_ALLOW_IPS
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and ("*" in trusted or address in trusted):
        return forwarded.split(",")[-1].strip()
    return address


def over_rate_limit(request):
    """Counts this form and says whether the address has sent more than SIGNUP_RATE_LIMIT in the
    current window. The address is kept only as a hash in the cache, for one window."""
    limit = settings.SIGNUP_RATE_LIMIT
    if limit <= 0:
        return False
    window = int(time.time() // RATE_LIMIT_WINDOW_SECONDS)
    hashed = hashlib.blake2b(client_address(request).encode(), digest_size=12).hexdigest()
    key = f"signup-rate:{window}:{hashed}"
    cache.add(key, 0, timeout=RATE_LIMIT_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired (or the cache is down) in between: count afresh
        cache.set(key, 1, timeout=RATE_LIMIT_WINDOW_SECONDS)
        count = 1
    return count is not None and count > limit  # None: the cache is down, no limit then
