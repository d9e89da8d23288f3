"""A Redis cache whose outage is not a site outage.

Django's own ``RedisCache`` raises when Redis cannot be reached, so a restarting Redis would turn
every cached page into a 500. ``FailSoftRedisCache`` is that same backend with one difference:
a Redis error is logged and answered as a cache miss (reads return the default, writes do
nothing), so pages are built from the database until Redis is back.

The log says once that Redis failed and once that it answers again, not on every call: an outage
must not flood the log.
"""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class FailSoftRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._failing = False

    def _fail_soft(self, fallback, operation, *args):
        """Return `operation(*args)`; on a Redis error, log it and return `fallback` (a miss)."""
        try:
            result = operation(*args)
        except RedisError as error:
            if self._failing:
                logger.debug("Redis cache still unavailable: %s", type(error).__name__)
            else:
                self._failing = True
                logger.warning(
                    "Redis cache unavailable, serving without it: %s",
                    type(error).__name__,
                    exc_info=True,
                )
            return fallback
        if self._failing:
            self._failing = False
            logger.info("Redis cache available again")
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._fail_soft(False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._fail_soft(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._fail_soft(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._fail_soft(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._fail_soft(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._fail_soft({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._fail_soft(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        value = self._fail_soft(None, super().incr, key, delta, version)
        if value is None:
            # What Django's backends do for a missing key: the key is as good as missing.
            raise ValueError(f"Key '{key}' not found.")
        return value

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # set_many returns the keys it could not store: on an error, all of them.
        return self._fail_soft(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._fail_soft(None, super().delete_many, keys, version)

    def clear(self):
        return self._fail_soft(False, super().clear)
