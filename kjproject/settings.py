"""Settings for the Kohtla-Järve integration project website.

Everything that differs between a laptop, CI and production is read from the environment
(12-factor). Without any variable set the site runs on a SQLite file under ``var/``, with a
secret key generated once and kept out of git, so ``make run`` needs nothing else.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from measure import parameters

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def local_secret_key() -> str:
    """A key generated on first run and stored under var/ (git-ignored), for local use only."""
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


DEBUG = env_flag("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY") or local_secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its model admin classes.
    "modeltranslation",
    # Django's admin, on the two-factor-aware admin site (staff/admin_site.py).
    "staff.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Staff editing: the rich-text editor (ships its own assets) and the content history.
    "django_prose_editor",
    "reversion",
    # Staff sign-in: lockout after repeated failures, and time-based one-time passwords.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Site-wide runtime: middleware, page cache, error pages, health checks, commands.
    "core",
    "pages",
    "eligibility",
]

MIDDLEWARE = [
    # Security: above everything that can answer (static files, the page cache, error pages), so
    # every response carries the request id and the security headers.
    "core.middleware.RequestIdMiddleware",
    # A HEAD answer carries the GET answer's headers and no body.
    "core.middleware.HeadRequestMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.csp.SitePolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # Anonymous visitors' pages come from the shared cache before anything below runs.
    "core.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware; `/` goes only to a language that is shown to visitors.
    "core.middleware.PublicLocaleMiddleware",
    # Security: refuses over-long addresses with a page in the visitor's language.
    "core.middleware.RequestLimitsMiddleware",
    # A view that cannot reach the database answers with the site's own 503 page.
    "core.middleware.DatabaseOutageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # A language not yet shown to visitors: 404 for them, a preview for signed-in staff.
    "core.middleware.PublicLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Security: last, as django-axes asks, to turn a lockout into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kjproject.urls"
WSGI_APPLICATION = "kjproject.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pages.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database host that does not answer at all fails within seconds (the 503 page) instead of
    # holding a worker until gunicorn kills it. DATABASE_URL's ?connect_timeout= overrides it.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

REDIS_URL = os.environ.get("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # django-redis: a Redis error is read as a cache miss (IGNORE_EXCEPTIONS), so a Redis
            # outage slows the site down instead of taking it down. /readyz reports it.
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "kjproject",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                # Give up on an unreachable Redis within a second, not redis-py's default five.
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    # Not a log line per cache call while Redis is down: /readyz says it is (docs/operations.md).
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
else:
    # Without Redis, the processes of one server share a file cache: an in-process cache
    # would let one gunicorn worker keep serving a page another worker's edit made stale.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(VAR_DIR / "cache")),
        }
    }

# django-axes first: it refuses a locked-out sign-in before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: the one list of the site's languages, and the source language of content
# (Estonian: the project description's authoritative text). Russian is what most of
# Kohtla-Järve reads; Ukrainian is what most of its recipients of temporary protection read.
# Each name is written in its own language for the switcher. Everything else (URLs, the
# switcher, hreflang, the sitemap, the admin's tabs, the catalogs, the missing-translations
# report, the tests) takes the languages from here. A language listed here is shown to
# visitors only once staff have switched it on, which they can do only while it is complete
# (core.languages, core.models.SiteLanguage).
SOURCE_LANGUAGE = "et"
LANGUAGES = [
    ("et", "Eesti"),
    ("ru", "Русский"),
    ("en", "English"),
    ("uk", "Українська"),
]
LANGUAGE_CODE = SOURCE_LANGUAGE
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# What must be complete in a language before staff can switch it on (core.languages): each
# check returns what is missing, in words.
LANGUAGE_READINESS_CHECKS = [
    "core.catalogs.interface_gaps",
    "pages.readiness.core_page_gaps",
]
# Dates as each language writes them (core/formats/<language>/formats.py); what a language
# leaves out there comes from Django's own formats for it.
FORMAT_MODULE_PATH = ["core.formats"]
TIME_ZONE = parameters.TIME_ZONE
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = SOURCE_LANGUAGE
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = (SOURCE_LANGUAGE,)
# modeltranslation's tabbed admin loads jQuery UI from a public CDN unless told otherwise: serve
# it from our static files (static/vendor/), so the admin makes no third-party request.
# jQuery itself is the admin's own copy.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
JQUERY_URL = "admin/js/vendor/jquery/jquery.min.js"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Files with a content hash in their name never change under that name: whitenoise sends them
# with `Cache-Control: max-age=315360000, public, immutable`.

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

SITE_NAME = _("Integration and adaptation services in Kohtla-Järve")

# The apps whose content the page cache shows: saving or deleting any of their rows starts a new
# page-cache version (core.apps).
PAGE_CACHE_APPS = ["pages"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "null": {"class": "logging.NullHandler"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # One line per request is gunicorn's JSON access line (kjproject/access_log.py), with the
        # status. Django's own "Not Found: /path" warnings would be a second line for 4xx; errors
        # (5xx, with their traceback) are still logged.
        "django.request": {"level": "ERROR"},
        "django.security.csrf": {"level": "ERROR"},
        # Scanners send made-up Host headers all day; the 400 is in the access log.
        "django.security.DisallowedHost": {"handlers": ["null"], "propagate": False},
        # django-axes names the user and the client address on every failed sign-in: neither may
        # reach the logs. Its database records are what the lockout needs.
        "axes": {"level": "ERROR"},
    },
}

# ---- Security (docs/operations.md, SECURITY.md) ----

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
