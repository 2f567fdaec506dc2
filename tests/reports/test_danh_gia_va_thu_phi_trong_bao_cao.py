"""The report shows the ratings and the fees recorded in the period as soon as they are
recorded (no more "Chưa có dữ liệu" for data the system holds)."""

import pytest
from django.utils import timezone

from motcua.dossiers import services
from motcua.feedback.selectors import satisfaction_summary
from motcua.feedback.services import rating_create
from motcua.payments.selectors import payments_summary
from motcua.payments.services import payment_record_counter
from tests.dossiers.conftest import (  # noqa: F401
    APPLICANT,
    people,
    procedure,
    processing,
    receive,
    units,
    vn,
)

pytestmark = pytest.mark.django_db


def _returned(receive, people, applicant_user):  # noqa: F811
    d = receive(applicant_user=applicant_user)
    at = vn(3, 9)
    services.dossier_assign(dossier=d, actor=people["desk"], assignee=people["specialist"], at=at)
    services.dossier_forward(dossier=d, actor=people["specialist"], at=at)
    services.dossier_approve(dossier=d, actor=people["head"], at=at)
    services.dossier_sign(dossier=d, actor=people["leader"], at=at)
    services.dossier_mark_result_ready(dossier=d, actor=people["leader"], at=at)
    return services.dossier_return_result(dossier=d, actor=people["desk"], at=vn(4, 9))


def test_ratings_and_fees_of_the_period_are_counted(client, receive, processing, people):  # noqa: F811
    returned = _returned(receive, people, people["citizen"])
    rating_create(dossier=returned, actor=people["citizen"], level=3)
    services.dossier_request_payment(
        dossier=processing, actor=people["specialist"], amount=50000, at=vn(4, 9)
    )
    payment_record_counter(dossier=processing, actor=people["desk"], amount=50000)

    today = timezone.localdate()
    assert satisfaction_summary(first=today, last=today) == {"total": 1, "satisfied": 1}
    fees = payments_summary(first=today, last=today)
    assert (fees["total"], fees["total_amount"], fees["counter_amount"]) == (1, 50000, 50000)
    other_unit = [people["other_desk"].unit_id]
    assert satisfaction_summary(first=today, last=today, unit_ids=other_unit)["total"] == 0

    client.force_login(people["supervisor"])
    page = client.get("/bao-cao/thu-tuc/", {"nam": today.year}).content.decode()
    assert "1 lượt đánh giá, hài lòng trở lên 1 (100" in page
    assert "50.000 đồng (1 khoản): tại quầy 50.000 đồng" in page
    assert "hệ thống chưa ghi nhận đánh giá" not in page
