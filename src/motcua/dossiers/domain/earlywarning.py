"""Early warning "nguy cơ trễ hạn" (issue 13, item 8), learned from closed dossiers.

Beyond the fixed anchors (sắp đến hạn = at most one working day left), a running dossier is at
risk when the working time it has left before its due instant is less than the time its
remaining steps typically take for that procedure and receiving unit. "Typically" is learned
from closed dossiers: for each (procedure, unit, step) the chosen quantile (default the 75th
percentile) of the working time from entering that step to the result, supplement and payment
pauses excluded, over at least `MIN_SAMPLES` dossiers.

The warning should come before the apology deadline (Decree 61/2018 art. 19: the apology is
sent before the due instant), so `evaluate` measures on the history how many late dossiers
would have been flagged at least one working day ahead, and how many flags were false (the
dossier ended in time).

Plain Python: the caller computes working seconds with the unit's calendar.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

Key = tuple[int, int, int]  # procedure id, receiving unit id, step order

MIN_SAMPLES = 5
QUANTILE = 0.75
AHEAD_SECONDS = 8 * 3600  # one working day
LABEL = "Nguy cơ trễ hạn"


@dataclass(frozen=True)
class Sample:
    """A closed dossier entering a step: the working seconds it then took to the result."""

    key: Key
    needed_seconds: int


def quantile(values: list[int], q: float) -> int:
    """The nearest-rank quantile (q in (0, 1]) of a non-empty list."""
    if not values:
        raise ValueError("Không có dữ liệu để tính phân vị.")
    if not 0 < q <= 1:
        raise ValueError("Phân vị phải trong (0, 1].")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def learn(
    samples: Iterable[Sample], *, q: float = QUANTILE, min_samples: int = MIN_SAMPLES
) -> dict[Key, tuple[int, int]]:
    """{key: (typical working seconds to the result, number of samples)} for every key with
    enough samples."""
    by_key: dict[Key, list[int]] = defaultdict(list)
    for s in samples:
        by_key[s.key].append(s.needed_seconds)
    return {k: (quantile(v, q), len(v)) for k, v in by_key.items() if len(v) >= min_samples}


def at_risk(*, remaining_seconds: int | None, typical_seconds: int | None) -> bool:
    """Running and not yet late, but with less working time left than its remaining steps
    typically need."""
    if remaining_seconds is None or typical_seconds is None or remaining_seconds <= 0:
        return False
    return typical_seconds > remaining_seconds


@dataclass(frozen=True)
class Checkpoint:
    """A closed dossier entering a step: the working seconds then left before its due."""

    key: Key
    remaining_seconds: int


@dataclass(frozen=True)
class Evaluation:
    late: int  # closed dossiers that ended late
    late_flagged_ahead: int  # of those, flagged with at least `AHEAD_SECONDS` left
    flagged: int  # dossiers flagged at some checkpoint
    false_flags: int  # flagged but ended in time

    @property
    def recall(self) -> float | None:
        return self.late_flagged_ahead / self.late if self.late else None

    @property
    def false_rate(self) -> float | None:
        return self.false_flags / self.flagged if self.flagged else None


def evaluate(
    dossiers: Iterable[tuple[bool, list[Checkpoint]]],
    norms: Mapping[Key, tuple[int, int]],
    *,
    ahead_seconds: int = AHEAD_SECONDS,
) -> Evaluation:
    """`dossiers`: (ended late?, its checkpoints) for closed dossiers not used to learn."""
    late = ahead = flagged = false = 0
    for was_late, checkpoints in dossiers:
        hits = [
            c
            for c in checkpoints
            if at_risk(
                remaining_seconds=c.remaining_seconds,
                typical_seconds=norms.get(c.key, (None, 0))[0],
            )
        ]
        late += was_late
        if hits:
            flagged += 1
            false += not was_late
            if was_late and any(c.remaining_seconds >= ahead_seconds for c in hits):
                ahead += 1
    return Evaluation(late=late, late_flagged_ahead=ahead, flagged=flagged, false_flags=false)
