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
- `dossier.intake_checking` → `unit`, `procedure_version`, `components` (list of mappings), `at`:
  before a counter or postal intake creates anything; a handler refuses it by raising
  `DossierError` (certify: the paperless cut-over).
- `dossier.intake_received` → `dossier`, `actor`, `at`: after a counter or postal intake was
  recorded (certify: the components received with a file are recorded as digitised).
- `dossier.result_signing` → `result`, `actor`, `at`: sign an attached electronic result; the
  first handler's return value (the signature record) is kept (certify: `result_sign`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

DOSSIER_CHANGED = "dossier.changed"
DOSSIER_INTAKE_CHECKING = "dossier.intake_checking"
DOSSIER_INTAKE_RECEIVED = "dossier.intake_received"
DOSSIER_RESULT_SIGNING = "dossier.result_signing"

_handlers: dict[str, list[Callable[..., object]]] = defaultdict(list)


def subscribe(name: str, handler: Callable[..., object]) -> None:
    """Call `handler(**payload)` each time `name` is published. Subscribing twice is a no-op
    (AppConfig.ready() may run more than once in tests)."""
    if handler not in _handlers[name]:
        _handlers[name].append(handler)


def publish(name: str, **payload: object) -> list[object]:
    """Run every handler of `name`, synchronously, in the caller's transaction; their return
    values in order."""
    return [handler(**payload) for handler in list(_handlers.get(name, ()))]


def subscribers(name: str) -> list[Callable[..., object]]:
    """The handlers of `name`, in order (for tests and diagnostics)."""
    return list(_handlers.get(name, ()))
