"""Security settings (docs/operations.md, SECURITY.md), imported by kjproject.settings: headers,
cookies, HTTPS, bounded input and the admin's sign-in. Like the rest of the settings, everything
that differs between a laptop and production is read from the environment."""

import os
from datetime import timedelta

from csp.constants import NONE, SELF

from .environment import env_flag

# HTTPS=1 in production (deploy/env.example): the site is only served over HTTPS there, behind a
# proxy whose X-Forwarded-Proto gunicorn trusts (FORWARDED_ALLOW_IPS sets wsgi.url_scheme, so
# SECURE_PROXY_SSL_HEADER is not needed). Off for `make run`, which serves plain HTTP locally.
HTTPS = env_flag("HTTPS")
SECURE_SSL_REDIRECT = HTTPS
# Probes talk plain HTTP to the container's port: they must get an answer, not a redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
# Sent only on responses to HTTPS requests; a year, with subdomains, ready for the preload list.
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
# No script reads the CSRF token from the cookie: forms carry it in a hidden field.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Only staff have sessions. They end when the browser closes, and at the latest this many seconds
# after signing in (a working day). Not renewed on every request: that would make any request
# with a made-up session cookie write to the database.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Content-Security-Policy (django-csp): everything from this site only, nothing inline, no
# eval. No nonces: public pages are cached whole (core/page_cache.py), and a cached nonce
# would be replayed to every visitor. Templates and the admin therefore have no inline scripts
# or styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    }
}
# Browser features no page here uses (django-permissions-policy).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    )
}

# Bounded input: a form body (the admin's three-language texts included) fits in 1 MiB, and
# addresses longer than MAX_URL_BYTES get a 414 page (core.middleware.RequestLimitsMiddleware).
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
MAX_URL_BYTES = 2048

# The error pages are the site's own (core/errors.py).
CSRF_FAILURE_VIEW = "core.errors.csrf_failure"

# The admin's address: set ADMIN_PATH to something less guessable than the default.
ADMIN_PATH = os.environ.get("ADMIN_PATH", "admin/").strip("/") + "/"
# Staff must sign in with a one-time password as well as their password (django-otp, TOTP).
ADMIN_REQUIRE_2FA = env_flag("ADMIN_REQUIRE_2FA")
OTP_TOTP_ISSUER = "Kohtla-Järve"

# django-axes: after AXES_FAILURE_LIMIT failed sign-ins for one user name from one address,
# that pair is locked out for the cool-off time, with a page that says so.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "staff.lockout.lockout_response"
# Keep only failed attempts (needed for the lockout), not a record of every sign-in.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
