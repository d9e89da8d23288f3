"""Settings for the Kohtla-Järve integration project website.

Everything that differs between a laptop, CI and production is read from the environment
(12-factor). Without any variable set the site runs on a SQLite file under ``var/``, with a
secret key generated once and kept out of git, so ``make run`` needs nothing else.
"""

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from measure import parameters

from .environment import env_flag, env_list

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


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
    # Background work: Django's tasks API (django-tasks) and its database backend.
    "django_tasks",
    "django_tasks_db",
    "core",
    "media_library",
    "pages",
    "activities",
    "eligibility",
    "signup",
    # Who saw participants' data or the reports (audit), and the project's figures (reports).
    "audit",
    "reports",
    # Outgoing e-mail: stored with what caused it, sent by the worker (docs/operations.md).
    "outbox",
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
    # Every transaction takes the write lock when it begins: two sign-ups for one event run one
    # after the other instead of failing on a lock upgrade ("database is locked").
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("transaction_mode", "IMMEDIATE")
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
MODELTRANSLATION_FALLBACK_LANGUAGES = (SOURCE_LANGUAGE,)
# modeltranslation's tabbed admin loads jQuery UI from a public CDN unless told otherwise: serve
# it from our static files (static/vendor/), so the admin makes no third-party request.
# jQuery itself is the admin's own copy.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
JQUERY_URL = "admin/js/vendor/jquery/jquery.min.js"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded images and documents (media_library): served by Django under /media/ (never by the
# storage itself, so that they get the site's headers), stored under MEDIA_ROOT, or, with several
# servers, in an S3-compatible bucket (django-storages) when MEDIA_S3_BUCKET is set.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or VAR_DIR / "media")
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET")
if MEDIA_S3_BUCKET:
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "access_key": os.environ.get("MEDIA_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("MEDIA_S3_SECRET_ACCESS_KEY") or None,
            "location": os.environ.get("MEDIA_S3_PREFIX", ""),
            # Private objects: only the site reads them, and serves them itself.
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    MEDIA_STORAGE = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT, "base_url": MEDIA_URL},
    }
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads larger than this are written to a temporary file while they arrive, not kept in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2621440
# Files with a content hash in their name never change under that name: whitenoise sends them
# with `Cache-Control: max-age=315360000, public, immutable`.

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

SITE_NAME = _("Integration and adaptation services in Kohtla-Järve")

# The apps whose content the page cache shows: saving or deleting any of their rows starts a new
# page-cache version (core.apps).
PAGE_CACHE_APPS = ["pages", "media_library", "activities"]

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

# ---- Background worker and e-mail (docs/operations.md, "Background worker and e-mail") ----

# Tasks wait in the site's own database for `manage.py worker` (core/worker.py): no broker.
# TASKS_BACKEND=rq puts them in Redis instead (with django-tasks-rq installed).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
if TASKS_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": os.environ.get("TASKS_REDIS_URL") or REDIS_URL}}
elif TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
else:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be 'database' or 'rq', not {TASKS_BACKEND!r}")
# Jobs the worker runs beside the tasks, {dotted path: every so many seconds}; each must be safe
# to run in several workers at once. The database backend's finished tasks go after a week.
OUTBOX_SWEEP_SECONDS = float(os.environ.get("OUTBOX_SWEEP_SECONDS", "60"))
WORKER_PERIODIC_JOBS = {"outbox.delivery.sweep": OUTBOX_SWEEP_SECONDS}
if TASKS_BACKEND == "database":
    WORKER_PERIODIC_JOBS["core.worker.prune_finished_tasks"] = 60 * 60
# Sign-ups' personal data (name, e-mail, phone, needs) is deleted this many days after the event
# ends, once a day, after their rows of the report table are written (reports/retention.py).
SIGNUP_KEEP_DAYS = int(os.environ.get("SIGNUP_KEEP_DAYS", "30"))
WORKER_PERIODIC_JOBS["reports.retention.forget_participants"] = 24 * 60 * 60
# The sign-up's reminders, the day before each event (signup/parameters.py).
SIGNUP_REMINDER_SWEEP_SECONDS = float(os.environ.get("SIGNUP_REMINDER_SWEEP_SECONDS", "300"))
WORKER_PERIODIC_JOBS["signup.reminders.send_reminders"] = SIGNUP_REMINDER_SWEEP_SECONDS

# EMAIL_URL (dj-email-url), e.g. smtp://user:password@host:587?tls=1. Unset, each message is
# written as a file under var/mail/, so `make run` needs no mail server.
EMAIL_URL = os.environ.get("EMAIL_URL") or f"file://{VAR_DIR / 'mail'}"
_email = dj_email_url.parse(EMAIL_URL)
if "EMAIL_BACKEND" not in _email:
    raise ImproperlyConfigured(f"EMAIL_URL: unknown scheme {urlsplit(EMAIL_URL).scheme!r}")
# EMAIL_BACKEND, EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS/SSL.
globals().update({name: value for name, value in _email.items() if value is not None})
# dj-email-url drops the leading "/" of file:///absolute/path.
EMAIL_FILE_PATH = urlsplit(EMAIL_URL).path
# Seconds each step of an SMTP conversation may take: it bounds a whole send, and so when a
# message whose worker died is sent again (outbox/delivery.py, lease()).
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", _email["EMAIL_TIMEOUT"] or 10))
DEFAULT_FROM_EMAIL = SERVER_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@localhost")
# The public address, for links in e-mails (the worker has no request to build them from).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# An unsent message is tried again after OUTBOX_RETRY_SECONDS, then after twice as long each
# time (at most 256 times), OUTBOX_MAX_ATTEMPTS times in all (by default over about 2½ days);
# then it is "failed", for staff to see and retry. OUTBOX_KEEP_DAYS after it was sent or failed,
# its recipient, subject, texts and attachments are erased.
OUTBOX_RETRY_SECONDS = float(os.environ.get("OUTBOX_RETRY_SECONDS", "60"))
OUTBOX_MAX_ATTEMPTS = int(os.environ.get("OUTBOX_MAX_ATTEMPTS", "20"))
OUTBOX_KEEP_DAYS = int(os.environ.get("OUTBOX_KEEP_DAYS", "30"))

# ---- Sign-up for events (docs/operations.md, "Sign-up") ----

# At most this many sign-up forms sent per client address per hour (0: no limit). The client
# address is the connecting one, or, when that is a trusted proxy (FORWARDED_ALLOW_IPS, the same
# list gunicorn trusts), the last address of X-Forwarded-For: the one that proxy added.
SIGNUP_RATE_LIMIT = int(os.environ.get("SIGNUP_RATE_LIMIT", "20"))
FORWARDED_ALLOW_IPS = env_list("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Security: headers, cookies, HTTPS, bounded input, the admin's sign-in (kjproject/security.py).
from .security import *  # noqa: E402, F403
