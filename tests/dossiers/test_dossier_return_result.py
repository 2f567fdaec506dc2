"""The result returned to the citizen: at the counter, by post or electronically."""

import pytest

from motcua.dossiers import services
from motcua.dossiers.domain.errors import OutOfScope, TransitionNotAllowed
from motcua.dossiers.domain.workflow import Status
from motcua.dossiers.models import Dossier

from .conftest import last_event, vn
from .outbox import events_sent, outbox


@pytest.fixture
def resolved(processing, people):
    for fn, who in [
        (services.dossier_forward, "specialist"),
        (services.dossier_approve, "head"),
        (services.dossier_sign, "leader"),
        (services.dossier_mark_result_ready, "leader"),
    ]:
        fn(dossier=processing, actor=people[who], at=vn(4, 10))
    return processing


def test_return_result_at_the_counter(resolved, people):
    services.dossier_return_result(dossier=resolved, actor=people["desk"], at=vn(5, 8))
    resolved.refresh_from_db()
    assert resolved.status == Status.RETURNED
    assert resolved.returned_at == vn(5, 8)
    assert resolved.finished_at == vn(4, 10)
    event = last_event(resolved)
    assert (event.action, event.actor) == ("return_result", people["desk"])
    assert (event.from_status, event.to_status) == (Status.RESOLVED, Status.RETURNED)
    # The applicant heard when the result was ready; handing it over sends nothing more.
    assert events_sent(resolved) == ["dossier.received", "dossier.result_ready"]
    ready = outbox(resolved, "dossier.result_ready")["email"]
    assert "Nhận kết quả: tại Bộ phận Một cửa phường Hiệp Thành" in ready.body


def test_return_result_by_post(resolved, people):
    # The postal clerk hands over only what the post carries (the policy's postal scope).
    with pytest.raises(OutOfScope, match="bưu chính"):
        services.dossier_return_result(dossier=resolved, actor=people["postal"], at=vn(5, 8))
    Dossier.objects.filter(pk=resolved.pk).update(result_delivery="post")  # chosen at filing
    resolved.refresh_from_db()
    services.dossier_return_result(
        dossier=resolved, actor=people["postal"], result_delivery="post", at=vn(5, 8)
    )
    assert resolved.result_delivery == "post"


def test_not_before_the_result_exists(processing, people):
    with pytest.raises(TransitionNotAllowed, match="Đang xử lý"):
        services.dossier_return_result(dossier=processing, actor=people["desk"])


def test_another_ward_cannot_return_it(resolved, people):
    with pytest.raises(OutOfScope):
        services.dossier_return_result(dossier=resolved, actor=people["other_desk"])


def test_returned_twice_is_refused(resolved, people):
    services.dossier_return_result(dossier=resolved, actor=people["desk"], at=vn(5, 8))
    with pytest.raises(TransitionNotAllowed):
        services.dossier_return_result(dossier=resolved, actor=people["desk"], at=vn(5, 9))
