"""Rate limits kept in Django's default cache, as sliding windows (issue 9, hole 7).

`ratelimit_hit(scope=..., key=...)` counts one event and says whether the caller is still
within `limit` events per `window` seconds; `ratelimit_blocked` only looks. The count is the
"sliding window counter": the events of the current fixed window plus those of the previous
one weighted by how much of it still lies inside the last `window` seconds. Unlike a fixed
window, a burst straddling a boundary cannot pass twice the limit.

Sign-in and code checks are keyed by account AND address (`pair_key`): an attacker guessing
one account from one address is slowed down, while the owner signing in from another address
is not locked out; a second limit per address stops one address from trying many accounts.
Each one-time code also dies after `otp.MAX_ATTEMPTS` wrong tries, whoever makes them.

Limits are settings: `MOTCUA_RATELIMITS = {"login:pair": (5, 900), ...}` overrides any of
`LIMITS`. Keys are hashed (phone numbers and addresses are not stored in clear in the cache).
With several app servers the default cache must be shared (database cache or Redis);
LocMemCache, the development default, limits per process.
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

# (limit, window in seconds) per scope
LIMITS = {
    "login:pair": (5, 15 * 60),  # wrong passwords for one account from one address
    "login:ip": (20, 15 * 60),  # wrong passwords from one address, whatever the account
    "otp:pair": (10, 15 * 60),  # wrong codes for one phone from one address
    "otp:ip": (30, 15 * 60),  # wrong codes from one address
    "otp-send:ip": (10, 60 * 60),  # codes requested from one address
    "track:ip": (20, 15 * 60),  # public dossier lookups (code + key) from one address
    "verify:ip": (60, 15 * 60),  # certified copies checked (uploaded) from one address
}

BLOCKED_MESSAGE = _("Bạn đã thử quá nhiều lần. Vui lòng thử lại sau {minutes} phút.")


def pair_key(identifier: str, ip: str) -> str:
    """The key of one account (phone, e-mail, username) tried from one address."""
    return f"{identifier}|{ip}"


def _limit(scope: str) -> tuple[int, int]:
    overrides = settings.MOTCUA_RATELIMITS or {}
    limit, window = overrides.get(scope, LIMITS[scope])
    return int(limit), int(window)


def _key(scope: str, key: str, bucket: int) -> str:
    digest = hashlib.sha256(f"{scope}|{key}".encode()).hexdigest()[:32]
    return f"motcua:rl:{scope}:{digest}:{bucket}"


def _counts(scope: str, key: str, now: float) -> tuple[int, int, float]:
    """(previous window's count, current window's count, fraction of the current window gone)."""
    _, window = _limit(scope)
    bucket = int(now // window)
    got = cache.get_many([_key(scope, key, bucket - 1), _key(scope, key, bucket)])
    elapsed = (now % window) / window
    return got.get(_key(scope, key, bucket - 1), 0), got.get(_key(scope, key, bucket), 0), elapsed


def ratelimit_count(*, scope: str, key: str, now: float | None = None) -> float:
    """The events of the last `window` seconds (the sliding estimate)."""
    now = time.time() if now is None else now
    previous, current, elapsed = _counts(scope, key, now)
    return previous * (1 - elapsed) + current


def ratelimit_blocked(*, scope: str, key: str, now: float | None = None) -> bool:
    """True when `key` already used up its events in the last window."""
    limit, _ = _limit(scope)
    return ratelimit_count(scope=scope, key=key, now=now) >= limit


def ratelimit_hit(*, scope: str, key: str, now: float | None = None) -> bool:
    """Count one event; True while still within the limit (this event included)."""
    limit, window = _limit(scope)
    now = time.time() if now is None else now
    cache_key = _key(scope, key, int(now // window))
    # add() then incr(): atomic on shared caches (Redis, Memcached, database per row). The
    # counter lives two windows: it is the "previous window" of the next one.
    if cache.add(cache_key, 1, timeout=2 * window + 1):
        pass
    else:
        try:
            cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, timeout=2 * window + 1)
    return ratelimit_count(scope=scope, key=key, now=now) <= limit


def ratelimit_reset(*, scope: str, key: str, now: float | None = None) -> None:
    _, window = _limit(scope)
    now = time.time() if now is None else now
    bucket = int(now // window)
    cache.delete_many([_key(scope, key, bucket - 1), _key(scope, key, bucket)])


def ratelimit_seconds_left(*, scope: str, key: str, now: float | None = None) -> float:
    """How long until `key` may try again (0 when it may now)."""
    limit, window = _limit(scope)
    now = time.time() if now is None else now
    previous, current, elapsed = _counts(scope, key, now)
    if previous * (1 - elapsed) + current < limit:
        return 0.0
    if current < limit:  # the previous window's weight must fade enough
        return max(0.0, window * (1 - (limit - current) / previous) - window * elapsed) + 1
    # wait for the next window, then for this window's weight to fade there
    return window * (1 - elapsed) + window * (1 - (limit - 0.5) / current) + 1


def ratelimit_minutes_left(*, scope: str, key: str = "", now: float | None = None) -> int:
    _, window = _limit(scope)
    seconds = ratelimit_seconds_left(scope=scope, key=key, now=now) if key else window
    return max(1, math.ceil(seconds / 60))


def client_ip(request) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is client-controlled unless a trusted proxy rewrites
    # it (configure the proxy to set REMOTE_ADDR, e.g. gunicorn --forwarded-allow-ips).
    return request.META.get("REMOTE_ADDR", "") or "unknown"
