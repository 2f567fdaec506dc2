"""Pagination whose count is capped: a list over a million rows never runs an uncapped COUNT(*).

`CappedCountPaginator.count` is exact up to `COUNT_CAP` (10,000) and reads `COUNT_CAP + 1` above
it (`SELECT COUNT(*) FROM (… LIMIT 10001)`, which stops early); clients show "more than
10,000" and narrow their filters. Pages past the cap are not linked. The REST API's dossier
list uses it (`DossierPagination.django_paginator_class`; same response shape).
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

COUNT_CAP = 10_000


class CappedCountPaginator(Paginator):
    cap = COUNT_CAP

    @cached_property
    def count(self) -> int:
        items = self.object_list
        if hasattr(items, "order_by"):
            return items.order_by()[: self.cap + 1].count()
        return min(len(items), self.cap + 1)
