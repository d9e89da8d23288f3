"""Test settings: only what tests need differs from production settings."""

import tempfile

from .settings import *  # noqa: F403

# Uploads go to a folder of the test run's own, never into var/media (tests/conftest.py gives
# each test an empty one).
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="kjproject-test-media-"))  # noqa: F405
# Tests render templates without running collectstatic first (as wagtail/bakerydemo does).
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT, "base_url": MEDIA_URL},  # noqa: F405
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# A fast hasher: password hashing is not what the tests are about.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Serve static files from the source folders, without collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# One test process: an in-memory cache is shared by everything in it and starts empty.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
