"""The paperless roadmap (lộ trình không nhận hồ sơ giấy), pure rules.

Decree 45/2020/NĐ-CP art. 25 and Decree 107/2021/NĐ-CP (digitisation of dossiers and results
at reception) with each province's roadmap decision: from the date a unit sets for a procedure,
a counter or postal dossier is received only once every component is digitised. The most
specific rule wins: one for the procedure before one for all procedures, and the nearest unit
before its parents.
"""

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple


class Cutover(NamedTuple):
    unit_depth: int  # 0 = the receiving unit, 1 = its parent, ...
    for_procedure: bool  # True: this procedure only; False: every procedure of the unit
    paperless_from: dt.date


def cutover_date(rules: Iterable[Cutover]) -> dt.date | None:
    """The date that applies among the rules matching a unit and a procedure."""
    best = min(rules, key=lambda r: (not r.for_procedure, r.unit_depth), default=None)
    return best.paperless_from if best else None


def paper_accepted(*, cutover: dt.date | None, day: dt.date) -> bool:
    return cutover is None or day < cutover


def digitised_share(*, digitised: int, total: int) -> float | None:
    """Share of dossiers fully digitised (0..1); None without dossiers."""
    return None if total == 0 else digitised / total
