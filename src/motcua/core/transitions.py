"""What an allowed action of a lifecycle table does (dossiers' `dossiers/domain/workflow.py`,
petitions' `petitions/domain/lifecycle.py`): the state it leads to and what it does to the
legal clock, read from the table's row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Decision:
    """What an allowed action does to the case."""

    action: Any
    from_state: Any
    to_state: Any
    pauses_clock: bool
    resumes_clock: bool

    @classmethod
    def of(cls, action, state, rule, **more):
        """The decision of the table's row `rule` (its `to_state` None: the state stays)."""
        return cls(
            action=action,
            from_state=state,
            to_state=state if rule.to_state is None else rule.to_state,
            pauses_clock=rule.pauses_clock,
            resumes_clock=rule.resumes_clock,
            **more,
        )
