"""Hot paths: the API list's count is capped (one bounded COUNT, never over the whole table) and,
on PostgreSQL, its default order is served by an index (no Sort node in the plan); the read
scope's count reads indexes branch by branch; the overdue tab walks the open dossiers' index."""

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


def _plan(sql: str, params=(), *, ordered: bool = False) -> str:
    """The plan with scans of the whole table (and, `ordered`, sorts and bitmaps) priced out,
    as on a big table: on the test's few rows the planner would read everything anyway."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        if ordered:
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.postgres
@pytest.mark.django_db
def test_scope_count_reads_indexes_not_the_table(make_user):
    """The read scope's count is a UNION ALL of branches, each on its own index: no OR
    between the receiving and the current unit (which scans the table)."""
    from motcua.accounts.roles import Role
    from motcua.dossiers import selectors
    from motcua.org.models import OrgUnit

    ward = OrgUnit.objects.create(code="W9", name="Phường 9", kind="ward", agency_code="X")
    desk = OrgUnit.objects.create(code="W9.MC", name="Một cửa", kind="one_stop_desk", parent=ward)
    user = make_user("mc", Role.ONE_STOP_OFFICER, desk)
    with CaptureQueriesContext(connection) as ctx:
        assert selectors.dossier_count_visible(user=user, cap=10_000) == 0
    sql = ctx.captured_queries[-1]["sql"]
    plan = _plan(sql)
    assert "UNION ALL" in sql and "Seq Scan" not in plan, plan
    assert " OR " not in plan, plan


@pytest.mark.postgres
@pytest.mark.django_db
def test_overdue_tab_walks_the_open_dossiers_index():
    import datetime as dt

    now = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    qs = Dossier.objects.overdue(now).order_by("due_at", "id")[:50]
    sql, params = qs.query.sql_with_params()
    plan = _plan(sql, params, ordered=True)
    # The open dossiers' partial index applies (the filter implies its status condition).
    assert "dossier_open_due_idx" in plan and "Sort" not in plan, plan
