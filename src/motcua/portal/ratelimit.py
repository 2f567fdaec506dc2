"""Fixed-window rate limits kept in Django's default cache.

`ratelimit_hit(scope=..., key=..., limit=..., window=...)` counts one event and says whether
the caller is still within `limit` events per `window` seconds; `ratelimit_blocked` only
looks. Keys are hashed (phone numbers and IP addresses are not stored in clear in the cache).
With several app servers the default cache must be shared (database or Redis cache);
LocMemCache limits per process.
"""

import hashlib
import time

from django.core.cache import cache

# (limit, window in seconds) per scope
LIMITS = {
    "login:id": (5, 15 * 60),  # wrong passwords for one phone/e-mail/username
    "login:ip": (20, 15 * 60),  # wrong passwords from one address
    "otp:id": (10, 15 * 60),  # code checks for one phone
    "otp:ip": (30, 15 * 60),  # code checks from one address
    "otp-send:ip": (10, 60 * 60),  # codes requested from one address
    "track:ip": (20, 15 * 60),  # public dossier lookups (code + key) from one address
    "verify:ip": (60, 15 * 60),  # certified copies checked (uploaded) from one address
}

BLOCKED_MESSAGE = "Bạn đã thử quá nhiều lần. Vui lòng thử lại sau {minutes} phút."


def _key(scope: str, key: str, window: int, now: float) -> str:
    bucket = int(now // window)
    digest = hashlib.sha256(f"{scope}|{key}".encode()).hexdigest()[:32]
    return f"portal:rl:{scope}:{digest}:{bucket}"


def _limit(scope: str) -> tuple[int, int]:
    return LIMITS[scope]


def ratelimit_count(*, scope: str, key: str, now: float | None = None) -> int:
    limit, window = _limit(scope)
    now = time.time() if now is None else now
    return cache.get(_key(scope, key, window, now), 0)


def ratelimit_blocked(*, scope: str, key: str, now: float | None = None) -> bool:
    """True when `key` already used up its events in this window."""
    limit, _ = _limit(scope)
    return ratelimit_count(scope=scope, key=key, now=now) >= limit


def ratelimit_hit(*, scope: str, key: str, now: float | None = None) -> bool:
    """Count one event; True while still within the limit (this event included)."""
    limit, window = _limit(scope)
    now = time.time() if now is None else now
    cache_key = _key(scope, key, window, now)
    # add() then incr(): atomic on shared caches (Redis, Memcached, database per row).
    if not cache.add(cache_key, 1, timeout=window + 1):
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, timeout=window + 1)
            count = 1
    else:
        count = 1
    return count <= limit


def ratelimit_reset(*, scope: str, key: str, now: float | None = None) -> None:
    _, window = _limit(scope)
    now = time.time() if now is None else now
    cache.delete(_key(scope, key, window, now))


def ratelimit_minutes_left(*, scope: str, now: float | None = None) -> int:
    _, window = _limit(scope)
    now = time.time() if now is None else now
    return max(1, -(-int(window - now % window) // 60))


def client_ip(request) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is client-controlled unless a trusted proxy rewrites
    # it (configure the proxy to set REMOTE_ADDR, e.g. gunicorn --forwarded-allow-ips).
    return request.META.get("REMOTE_ADDR", "") or "unknown"
