"""gunicorn configuration shared by `make run` and the container image."""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", min(4, multiprocessing.cpu_count() * 2)))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
# HTTPS is terminated by a reverse proxy or ingress: trust its X-Forwarded-Proto header (so Django
# knows the request was secure, which the admin's CSRF check needs) only from these addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Recycle workers now and then so a slow leak can never grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = 500
accesslog = "-"
# One JSON line per request, with the request id and no client IP address, query string,
# referrer or body: the privacy notice promises that logs hold none of them.
logger_class = "kjproject.access_log.JsonAccessLogger"
# Request lines longer than this get gunicorn's bare 400; shorter ones that are still too long
# for any address here get the site's own 414 page (core.middleware.RequestLimitsMiddleware).
limit_request_line = 8190

# HTTPS straight from gunicorn, for a test or a server without a proxy in front: the paths of a
# PEM certificate (chain) and its private key.
certfile = os.environ.get("GUNICORN_CERTFILE") or None
keyfile = os.environ.get("GUNICORN_KEYFILE") or None

errorlog = "-"
# The workers' heartbeat files in memory, so a slow or read-only disk (a container's) cannot stall
# them; gunicorn creates them with mkstemp, which is safe in a shared directory.
SHARED_MEMORY = "/dev/shm"  # noqa: S108
if os.path.isdir(SHARED_MEMORY):
    worker_tmp_dir = SHARED_MEMORY
# No gunicornc control socket: nothing here uses it, and a read-only container has no place for it.
control_socket_disable = True
