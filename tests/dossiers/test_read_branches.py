"""The read scope counted through its indexed branches (issue 12 §5, hot paths).

`permissions.read_branches` is the read scope (`read_filter`) cut into disjoint filters, each
on one column; `selectors.dossier_count_visible` counts their UNION ALL. For every role of the
ward world and dossiers received, transferred, sent by post and filed by a citizen, the
branches cover exactly what `read_filter` shows, never twice, and the count is the list's.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.dossiers import permissions, selectors, services
from motcua.dossiers.models import Dossier
from tests.support.clock import vn


@pytest.fixture
def dossiers(receive, people, units, procedure):
    at_desk = receive()
    by_post = receive(channel=3, postal_receipt_no="RR123", at=vn(3, 9))
    sent_home = receive(result_delivery="post", at=vn(3, 10))
    transferred = receive(at=vn(3, 11))
    services.dossier_assign(
        dossier=transferred, actor=people["desk"], assignee=people["specialist"], at=vn(3, 12)
    )
    services.dossier_transfer(
        dossier=transferred, actor=people["specialist"], to_unit=units["city_tnmt"], at=vn(3, 13)
    )
    own = receive(applicant_user=people["citizen"], at=vn(3, 14))
    procedure.units.add(units["other"])
    elsewhere = receive(unit=units["other_desk"], received_by=people["other_desk"], at=vn(3, 15))
    return [at_desk, by_post, sent_home, transferred, own, elsewhere]


def _ids(q):
    qs = Dossier.objects.all() if q is None else Dossier.objects.filter(q)
    return list(qs.values_list("pk", flat=True))


def test_branches_cover_the_read_filter_exactly_once(dossiers, people):
    for name, user in people.items():
        visible = sorted(_ids(permissions.read_filter(user)))
        branches = permissions.read_branches(user)
        if branches is None:
            assert permissions.read_filter(user) is None, name
            continue
        counted = sorted(pk for b in branches for pk in _ids(b))
        assert counted == visible, name  # equal lists: no dossier in two branches
        for cap in (1, 100):
            count = selectors.dossier_count_visible(user=user, cap=cap)
            assert count == min(len(visible), cap + 1), (name, cap)


def test_officers_see_received_and_transferred_in(dossiers, people):
    # The world is not empty for this check: the ward desk sees 5, the city's specialist the
    # transferred one only (it is now held by their unit).
    assert selectors.dossier_count_visible(user=people["desk"], cap=100) == 5
    assert selectors.dossier_count_visible(user=people["city_specialist"], cap=100) == 1
    assert selectors.dossier_count_visible(user=people["citizen"], cap=100) == 1
    assert selectors.dossier_count_visible(user=people["citizen2"], cap=100) == 0


def test_count_with_the_lists_filters_is_one_statement(dossiers, people):
    desk = people["desk"]
    permissions.actor_for(desk)  # the scope's units, looked up once per request
    with CaptureQueriesContext(connection) as ctx:
        n = selectors.dossier_count_visible(
            user=desk, cap=100, narrow=lambda qs: qs.filter(channel=1)
        )
    assert n == selectors.dossier_list_visible(user=desk).filter(channel=1).count() == 4
    (sql,) = [q["sql"] for q in ctx.captured_queries]
    assert "UNION ALL" in sql and " OR " not in sql.split("UNION ALL")[0]
