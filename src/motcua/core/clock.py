"""The system's one clock seam: what time it is now.

Code that needs the current instant calls `now()` (services, selectors, commands) or, in a
view, reads `request.now` — the instant `ClockMiddleware` (`core/middleware.py`) took from
`current()` when the request came in, so one request sees one instant everywhere it looks.
The running system uses `SystemClock` (Django's `timezone.now`); tests inject a fake one with
`use(...)` (the `fake_clock` fixture of `tests/support/clock.py`) instead of patching
`timezone.now` globally.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from django.utils import timezone


class Clock(Protocol):
    def now(self) -> dt.datetime: ...


class SystemClock:
    def now(self) -> dt.datetime:
        return timezone.now()


_installed: list[Clock] = [SystemClock()]


def current() -> Clock:
    """The clock in use (the innermost `use(...)`, else the system clock)."""
    return _installed[-1]


def now() -> dt.datetime:
    return _installed[-1].now()


@contextmanager
def use(clock: Clock) -> Iterator[Clock]:
    """Run the block with `clock` as the system's clock (tests, replays)."""
    _installed.append(clock)
    try:
        yield clock
    finally:
        _installed.remove(clock)
