# syntax=docker/dockerfile:1
# The site as a container image: gunicorn serving Django, with the translations compiled and the
# static files collected at build time. Configure it with environment variables only
# (docs/operations.md): DATABASE_URL, REDIS_URL, SECRET_KEY, ALLOWED_HOSTS, WEB_CONCURRENCY.
#
#   docker build -t kjproject .
#   docker compose -f deploy/compose.yaml up -d
#
# Python 3.13 is one of the versions CI tests (3.11 and 3.13).

# ---- build: install the dependencies into a virtualenv and prepare the files to serve ----
FROM python:3.13-slim-bookworm AS build

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PATH=/opt/venv/bin:$PATH

RUN python -m venv /opt/venv
WORKDIR /app
# The dependencies first: this layer is rebuilt only when the pins change.
COPY requirements.txt ./
RUN pip install -r requirements.txt

COPY . .
# .mo files are built here (polib: GNU gettext is not needed), never committed, and the static
# files collected. The settings need a SECRET_KEY to load. This throwaway one lives only in this
# RUN step: it is neither an ENV nor an ARG, so it is not stored in the image. The real key comes
# at run time.
RUN SECRET_KEY=build-only-not-a-secret sh -c \
    'python manage.py catalogs compile && python manage.py collectstatic --noinput --verbosity 0'
RUN python -m compileall -q kjproject core staff measure pages eligibility outbox

# ---- runtime: the same slim Python, the built files, an unprivileged user ----
FROM python:3.13-slim-bookworm AS runtime

# HOST=0.0.0.0: gunicorn listens on every interface of the container (the config's default is
# 127.0.0.1, right for `make run`). No .pyc writes: the root filesystem may be read-only.
# RELEASE names the build in the page cache's keys (docker build --build-arg RELEASE=$(git
# rev-parse HEAD)), so a new image never serves pages the one before cached; without it the
# site fingerprints its own files at start.
ARG RELEASE=""
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOST=0.0.0.0 \
    PORT=8000 \
    RELEASE=${RELEASE}

# A numeric user, so that Kubernetes can verify runAsNonRoot. The application files stay owned
# by root: the process can read them but not change them.
RUN groupadd --system --gid 10001 kjproject \
    && useradd --system --uid 10001 --gid kjproject --no-create-home \
       --home-dir /nonexistent --shell /usr/sbin/nologin kjproject \
    && mkdir -p /srv/media && chown 10001:10001 /srv/media
# Uploaded images and documents (MEDIA_ROOT): a volume on one server, or an S3-compatible bucket
# (MEDIA_S3_BUCKET) when several containers serve the site. See docs/operations.md.
ENV MEDIA_ROOT=/srv/media

COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
WORKDIR /app

USER 10001:10001
EXPOSE 8000

# Liveness of the process (/healthz, no database). Slim images have no curl: Python's urllib,
# without any proxy from the environment, and with a Host header that ALLOWED_HOSTS accepts.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as u; host = os.environ.get('ALLOWED_HOSTS', 'localhost').split(',')[0].strip().lstrip('*.') or 'localhost'; u.build_opener(u.ProxyHandler({})).open(u.Request('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/healthz', headers={'Host': host}), timeout=4)"]

# The same command line as `make run`; workers, timeouts and logging are in the config file.
# gunicorn is PID 1 and handles SIGTERM with a graceful shutdown (GUNICORN_GRACEFUL_TIMEOUT).
CMD ["gunicorn", "--config", "python:kjproject.gunicorn_conf", "kjproject.wsgi"]
