"""Hot paths: the API list's count is capped (one bounded COUNT, never over the whole table) and,
on PostgreSQL, its default order is served by an index (no Sort node in the plan)."""

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from motcua.core.pagination import CappedCountPaginator
from motcua.dossiers.models import Dossier


class SmallCap(CappedCountPaginator):
    cap = 3


@pytest.mark.django_db
def test_count_is_exact_below_the_cap_and_capped_above(django_user_model):
    users = [django_user_model(username=f"u{i}") for i in range(6)]
    django_user_model.objects.bulk_create(users)
    qs = django_user_model.objects.order_by("pk")
    assert SmallCap(qs.filter(username__in=["u1", "u2"]), 2).count == 2
    with CaptureQueriesContext(connection) as ctx:
        paginator = SmallCap(qs, 2)
        assert paginator.count == 4  # "more than 3"
        assert paginator.num_pages == 2
    (sql,) = [q["sql"] for q in ctx.captured_queries]
    assert "LIMIT 4" in sql and "ORDER BY" not in sql
    assert SmallCap(list(range(10)), 2).count == 4


@pytest.mark.postgres
@pytest.mark.django_db
def test_api_list_order_is_served_by_an_index():
    qs = Dossier.objects.order_by(F("received_at").desc(nulls_last=True), "-id")[:50]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + str(qs.query))
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "dossier_api_list_idx" in plan, plan
    assert "Sort" not in plan, plan
