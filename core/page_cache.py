"""Whole-page cache for anonymous visitors, correct the moment content changes.

Public pages are the same for every anonymous visitor in a language, so the finished
response is kept in the shared cache (Redis, or a file cache shared by the processes of one
server) and served before sessions, locale negotiation, URL resolution and templates run.

Invalidation is by version: every cache key carries the current content version, and any
saved or deleted content row sets a new version once its transaction commits. The next
request in every language, on every process sharing the cache, misses and renders afresh;
old entries simply expire. A failing cache is treated as a miss (django-redis with
IGNORE_EXCEPTIONS); a new version that could not be stored then is stored once the cache answers
again.

Keys also carry the release: the RELEASE environment variable (the container image sets it to
the commit it was built from), else a fingerprint of the site's own files (the installed apps'
code and templates, the project templates, the translations, the static file names), so a
deploy never serves pages cached by the release before it, whose HTML may name CSS files that
no longer exist or interface texts that were since corrected.

A hit costs one read of the small version key from the shared cache. The page itself is then
usually found in this process's own memory, filed under that same version, so it is never
older than the shared copy; only the first hit of a process per version fetches the page
from the shared cache. See docs/performance.md.

Pages can also change with nobody editing, as time passes: an event ends and leaves the list of
upcoming events. A view declares the next such moment with ``changes_at(request, moment)``; the
page is kept until then and no longer, in the shared cache and in every process's copy.

One page can also be forgotten alone, with ``forget_paths(paths)``: each address has a
generation of its own (none until it is first forgotten), read with the version in the same cache
round trip and part of the key. A sign-up changes the seats line of one event's page in every
language; forgetting those few addresses keeps the rest of the site served from the cache.

Addresses with a query string (a filtered list, page 2) are cached only when the view declares
with ``query_understood(request)`` that it checked every parameter; the key holds the query in
one normalised form, so the same filters in another order share one entry.
"""

import gzip
import hashlib
import math
import os
import sys
import time
import uuid
from dataclasses import dataclass
from functools import cache as cache_result
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

VERSION_KEY = "page-cache:version"
PATH_GENERATION_KEY = "page-cache:path:{}"
ENTRY_TIMEOUT = 24 * 60 * 60  # seconds; a new version makes old entries unreachable anyway
# Headers worth replaying; everything else (Date, Set-Cookie, security headers) is either
# not cacheable or added again by the middleware above this one on every response.
REPLAYED_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition", "Vary")
CACHEABLE_ROOT_PATHS = ("/sitemap.xml", "/robots.txt")
# The sitemap index's sections: /sitemap-<section>.xml
SITEMAP_SECTION = ("/sitemap-", ".xml")
LANGUAGE_CODES = frozenset(code for code, _name in settings.LANGUAGES)
# The admin is for staff, never cached. (The eligibility checker's empty start page is cached;
# its answers are POSTs, which never are, and say no-store.)
NOT_CACHED_PREFIXES = (settings.ADMIN_PATH,)
# Pages this process keeps in memory for the current version (a few hundred at most: the
# site has tens of pages in three languages); the store is emptied when the version changes.
LOCAL_ENTRIES_MAX = 512
# Browsers may keep a copy but must ask again each time (a 304 when unchanged), so an edit
# is visible on the very next request.
PUBLIC_HTML_CACHE_CONTROL = "no-cache"


@dataclass(frozen=True)
class CachedPage:
    """A page as it is and gzipped, each with the headers it is sent with (all worked out
    once, when the page is stored, so a hit only picks one)."""

    plain: tuple[bytes, dict[str, str]]
    gzipped: tuple[bytes, dict[str, str]]
    expires_at: float | None = None  # a POSIX time: the page changes by itself then

    @classmethod
    def from_response(cls, response, expires_at=None):
        body = response.content
        # Public pages hold no secrets, so the BREACH padding Django adds is not needed.
        gzipped_body = gzip.compress(body, compresslevel=6, mtime=0)
        # Weak: the plain and the gzipped copy are the same page in two encodings.
        etag = f'W/"{hashlib.blake2b(body, digest_size=16).hexdigest()}"'
        patch_vary_headers(response, ("Accept-Encoding",))
        headers = {name: response[name] for name in REPLAYED_HEADERS if response.has_header(name)}
        headers |= {"ETag": etag, "Cache-Control": PUBLIC_HTML_CACHE_CONTROL}
        return cls(
            plain=(body, headers | {"Content-Length": str(len(body))}),
            gzipped=(
                gzipped_body,
                headers | {"Content-Encoding": "gzip", "Content-Length": str(len(gzipped_body))},
            ),
            expires_at=expires_at,
        )

    def expired(self):
        return self.expires_at is not None and time.time() >= self.expires_at

    @property
    def etag(self):
        return self.plain[1]["ETag"]

    def to_response(self, request):
        accepts_gzip = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
        body, headers = self.gzipped if accepts_gzip else self.plain
        return HttpResponse(body, headers=headers)


# What makes one release's pages differ from another's, besides the content in the database.
RELEASE_FILE_SUFFIXES = (".py", ".html", ".txt", ".mo", ".css", ".svg", ".js")


def release_fingerprint(folders, static_manifest) -> str:
    """A short hash of the files in `folders` and of the static manifest (hashed file names)."""
    digest = hashlib.blake2b(digest_size=8)
    for root in sorted(Path(folder) for folder in folders):
        for path in sorted(root.rglob("*")):
            if path.suffix in RELEASE_FILE_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root.parent)).encode())
                digest.update(path.read_bytes())
    if os.path.exists(static_manifest):
        with open(static_manifest, "rb") as manifest:
            digest.update(manifest.read())
    return digest.hexdigest()


def site_folders() -> list[Path]:
    """The folders a release of this site consists of: the repository's own packages that this
    process has loaded (settings, apps, the rules), its templates and its catalogs; never a
    virtualenv or node_modules, wherever they are."""
    base = Path(settings.BASE_DIR)
    loaded = {name.partition(".")[0] for name in list(sys.modules)}
    packages = [base / name for name in loaded if (base / name / "__init__.py").is_file()]
    templates = [Path(folder) for engine in settings.TEMPLATES for folder in engine["DIRS"]]
    return [*packages, *templates, *map(Path, settings.LOCALE_PATHS)]


@cache_result
def release() -> str:
    return os.environ.get("RELEASE") or release_fingerprint(
        site_folders(), Path(settings.STATIC_ROOT) / "staticfiles.json"
    )


class UnstoredVersion:
    """A new content version this process could not store, because the cache was unreachable
    when the content changed.

    A cache that comes back with its old contents (after a network fault, or a Redis that
    persists) would otherwise serve the pages from before the change, under the version the
    change could not replace. Until the version is stored, this process keys pages with it (so
    it never serves those pages), and it tries to store it on every request.
    """

    def __init__(self):
        self.version = None

    def store(self, version):
        """Make `version` the current one; True if the cache has it."""
        cache.set(VERSION_KEY, version, timeout=None)
        stored = cache.get(VERSION_KEY) == version
        self.version = None if stored else version
        return stored


unstored_version = UnstoredVersion()


class LocalPages:
    """This process's copies of cached pages, all of one content version."""

    def __init__(self):
        self.version = None
        self.pages = {}

    def get(self, version, key):
        return self.pages.get(key) if version == self.version else None

    def put(self, version, key, page):
        if version != self.version or len(self.pages) >= LOCAL_ENTRIES_MAX:
            self.version, self.pages = version, {}
        self.pages[key] = page


local_pages = LocalPages()


def current_version(path=None):
    """The content version, and the generation of `path` ("" if never forgotten)."""
    generation_key = PATH_GENERATION_KEY.format(path)
    if unstored_version.version is not None:
        version = unstored_version.version
        unstored_version.store(version)
        return version, cache.get(generation_key, "")
    values = cache.get_many([VERSION_KEY, generation_key])  # one round trip
    version, generation = values.get(VERSION_KEY), values.get(generation_key, "")
    if version is None:
        version = uuid.uuid4().hex
        # add() keeps a version another process set in the meantime.
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY) or version
    return version, generation


def forget_paths(paths):
    """After the current transaction commits, forget the cached pages at `paths` (path_info, in
    every language and host), and only those."""

    def forget():
        cache.set_many(
            # No entry outlives ENTRY_TIMEOUT, so a generation kept as long cannot come back.
            {PATH_GENERATION_KEY.format(path): uuid.uuid4().hex for path in paths},
            timeout=ENTRY_TIMEOUT,
        )

    transaction.on_commit(forget)


def content_changed(**kwargs):
    """Signal receiver: after the change is committed, start a new content version."""
    transaction.on_commit(lambda: unstored_version.store(uuid.uuid4().hex))


def changes_at(request, moment):
    """Declare that the page answering `request` changes by itself at `moment` (an aware
    datetime; None: never), e.g. when an event it lists ends. The page cache keeps the page
    until that moment and not a moment longer. Called several times, the earliest counts."""
    if moment is None:
        return
    current = getattr(request, "page_changes_at", None)
    if current is None or moment < current:
        request.page_changes_at = moment


def query_understood(request):
    """Declare that the view checked every parameter of the query string (each known, valid and
    given once, an empty one meaning the same as none): the page may then be cached under the
    normalised query. Other pages are never cached with a query string, so made-up parameters
    cannot fill the cache."""
    request.page_query_understood = True


def normalised_query(query_string):
    """The query string in one form: parameters in order, empty ones left out (a GET form sends
    every field, filled in or not)."""
    return urlencode(sorted(parse_qsl(query_string)))


def is_cacheable_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False  # staff: they may see drafts
    path = request.path_info
    if path in CACHEABLE_ROOT_PATHS or (
        path.startswith(SITEMAP_SECTION[0]) and path.endswith(SITEMAP_SECTION[1])
    ):
        return True
    language, _slash, rest = path.lstrip("/").partition("/")
    return language in LANGUAGE_CODES and not rest.startswith(NOT_CACHED_PREFIXES)


def is_cacheable_response(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        # Also keeps out pages that embed a CSRF token: they belong to one browser, and Django
        # sends the CSRF cookie with every response that uses a token.
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        version, generation = current_version(request.path_info)
        # get_host() first, as CommonMiddleware would: a Host outside ALLOWED_HOSTS gets the 400
        # page, never a cached page. Pages hold absolute links (canonical, hreflang), so each
        # allowed host (and scheme) has its own copy.
        origin = f"{request.scheme}://{request.get_host()}"
        query = normalised_query(request.META.get("QUERY_STRING", ""))
        address = request.path_info
        if query:  # hashed: keys stay short whatever the query
            address += f"?{hashlib.blake2b(query.encode(), digest_size=16).hexdigest()}"
        key = f"page-cache:{release()}:{version}:{generation}:{origin}{address}"
        cached = local_pages.get(version, key)
        if cached is None:
            cached = cache.get(key)
            if cached is not None and not cached.expired():
                local_pages.put(version, key, cached)
        if cached is not None and not cached.expired():
            return cached.to_response(request)
        response = self.get_response(request)
        if is_cacheable_response(request, response) and (
            not query or getattr(request, "page_query_understood", False)
        ):
            changes = getattr(request, "page_changes_at", None)
            page = CachedPage.from_response(response, changes and changes.timestamp())
            timeout = ENTRY_TIMEOUT
            if page.expires_at is not None:
                timeout = min(timeout, math.ceil(page.expires_at - time.time()))
            if timeout > 0:
                cache.set(key, page, timeout=timeout)
                local_pages.put(version, key, page)
            response["ETag"] = page.etag
            response["Cache-Control"] = PUBLIC_HTML_CACHE_CONTROL
        return response
