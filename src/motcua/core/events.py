"""A small, synchronous registry of domain events between bounded contexts.

A context that changes state *publishes* a named event; other contexts *subscribe* to it in
their `AppConfig.ready()`. Handlers run immediately, in the publisher's transaction, in the
order they subscribed: a handler that raises rolls the whole change back, and a rolled-back
change leaves nothing a handler wrote. This keeps the dependency one way: `dossiers` publishes
`DOSSIER_CHANGED` without knowing that `reports` keeps counts or that `dossiers.notify` writes
the applicant's outbox row.

Events (name → keyword arguments):
- `dossier.changed` → `dossier` (the saved Dossier, its final state), `event` (the audit
  DossierEvent just recorded).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

DOSSIER_CHANGED = "dossier.changed"

_handlers: dict[str, list[Callable[..., object]]] = defaultdict(list)


def subscribe(name: str, handler: Callable[..., object]) -> None:
    """Call `handler(**payload)` each time `name` is published. Subscribing twice is a no-op
    (AppConfig.ready() may run more than once in tests)."""
    if handler not in _handlers[name]:
        _handlers[name].append(handler)


def publish(name: str, **payload: object) -> None:
    """Run every handler of `name`, synchronously, in the caller's transaction."""
    for handler in list(_handlers.get(name, ())):
        handler(**payload)


def subscribers(name: str) -> list[Callable[..., object]]:
    """The handlers of `name`, in order (for tests and diagnostics)."""
    return list(_handlers.get(name, ()))
