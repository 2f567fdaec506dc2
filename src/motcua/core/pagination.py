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

    def __init__(self, object_list, per_page, *args, counter=None, **kwargs):
        """`counter(cap)`: the list's count up to `cap` + 1 when the caller has a cheaper
        query for it than counting `object_list` (the dossier list counts its read scope's
        branches through their indexes)."""
        super().__init__(object_list, per_page, *args, **kwargs)
        self.counter = counter

    @cached_property
    def count(self) -> int:
        if self.counter is not None:
            return self.counter(self.cap)
        items = self.object_list
        if hasattr(items, "order_by"):
            return items.order_by()[: self.cap + 1].count()
        return min(len(items), self.cap + 1)
