"""Clock policies (issue 13, item 7), table tests of the pure rules in
`clock/domain/startpolicy.py`; each row names its source (see the module for the texts and
what could not be confirmed)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from motcua.clock.domain.startpolicy import (
    DAU_BUU_DIEN,
    DEFAULT_POLICY,
    NOP_TRUC_TUYEN,
    TIEP_NHAN,
    ClockPolicyError,
    clock_start_instant,
)
from motcua.dossiers.domain.workflow import (
    Action,
    Channel,
    Status,
    TransitionNotAllowed,
    transition_check,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")
SUBMITTED = dt.datetime(2025, 3, 1, 21, 0, tzinfo=VN)  # Saturday evening, online
POSTMARK = dt.datetime(2025, 3, 3, 0, 0, tzinfo=VN)  # Monday's stamp
RECEIVED = dt.datetime(2025, 3, 5, 9, 0, tzinfo=VN)  # the desk accepts / receives, Wednesday

C, ON, P = Channel.COUNTER, Channel.ONLINE, Channel.POSTAL


@pytest.mark.parametrize(
    "policy, channel, expected, source",
    [
        # Default: reception of the complete dossier (ND 61/2018 art. 19 as amended by ND 107/2021)
        (TIEP_NHAN, C, RECEIVED, "ND 61/2018 d.19 (ND 107/2021)"),
        (TIEP_NHAN, ON, RECEIVED, "ND 61/2018 d.19; ND 45/2020 d.13: online = acceptance"),
        (TIEP_NHAN, P, RECEIVED, "ND 61/2018 d.19: postal = received by the desk"),
        # Per procedure: online submission of a complete dossier
        (NOP_TRUC_TUYEN, ON, SUBMITTED, "procedure's own regulation"),
        (NOP_TRUC_TUYEN, C, RECEIVED, "option concerns online filings only"),
        (NOP_TRUC_TUYEN, P, RECEIVED, "option concerns online filings only"),
        # Per procedure: the postmark (e.g. tax filings, Luat QLT 38/2019, TT 80/2021)
        (DAU_BUU_DIEN, P, POSTMARK, "procedure's own regulation"),
        (DAU_BUU_DIEN, ON, RECEIVED, "option concerns postal filings only"),
        (DAU_BUU_DIEN, C, RECEIVED, "option concerns postal filings only"),
    ],
)
def test_clock_start_instant(policy, channel, expected, source):
    got = clock_start_instant(
        policy=policy, channel=channel, received_at=RECEIVED,
        submitted_at=SUBMITTED, postmarked_at=POSTMARK,
    )  # fmt: skip
    assert got == expected, source


def test_the_default_is_reception():
    assert DEFAULT_POLICY == TIEP_NHAN


@pytest.mark.parametrize(
    "policy, channel, kw, message",
    [
        (DAU_BUU_DIEN, P, {}, "chưa nhập ngày trên dấu bưu điện"),
        (NOP_TRUC_TUYEN, ON, {}, "chưa nhập thời điểm nộp trực tuyến"),
        (DAU_BUU_DIEN, P, {"postmarked_at": RECEIVED + dt.timedelta(days=1)}, "không thể sau"),
        (NOP_TRUC_TUYEN, ON, {"submitted_at": RECEIVED + dt.timedelta(seconds=1)}, "không thể sau"),
        ("\x00", C, {}, "không hợp lệ"),
    ],
)
def test_bad_input_gets_a_vietnamese_message(policy, channel, kw, message):
    with pytest.raises(ClockPolicyError, match=message):
        clock_start_instant(policy=policy, channel=channel, received_at=RECEIVED, **kw)


# Financial obligation (ND 43/2014 d.61 k.4, carried into ND 101/2024, check): the clock pauses
# only for an obligation notified while the dossier is processed; a fee fixed in the catalogue
# is paid at filing and cannot open a pause.
@pytest.mark.parametrize(
    "state, allowed",
    [
        (Status.PROCESSING, True),
        (Status.NEW, False),
        (Status.RECEIVED, False),
        (Status.SUPPLEMENT_REQUESTED, False),
        (Status.PAYMENT_REQUESTED, False),
    ],
)
def test_a_payment_request_pauses_the_clock_only_during_processing(state, allowed):
    if allowed:
        d = transition_check(state=state, action=Action.REQUEST_PAYMENT, roles=["chuyen_vien"])
        assert d.pauses_clock and d.to_state == Status.PAYMENT_REQUESTED
        back = transition_check(state=d.to_state, action=Action.PAYMENT_RECEIVED, roles=["mot_cua"])
        assert back.resumes_clock and back.to_state == Status.PROCESSING
    else:
        with pytest.raises(TransitionNotAllowed):
            transition_check(state=state, action=Action.REQUEST_PAYMENT, roles=["chuyen_vien"])


# --- the policy applied at reception (dossier services) --------------------------------------


@pytest.fixture
def postmark_procedure(procedure):
    from motcua.catalogue.models import ProcedureVersion

    ProcedureVersion.objects.filter(pk=procedure.pk).update(clock_start_policy=DAU_BUU_DIEN)
    procedure.refresh_from_db()
    return procedure


def test_a_postal_dossier_of_a_postmark_procedure_runs_from_the_postmark(
    db, receive, postmark_procedure
):
    from tests.dossiers.conftest import vn

    # Stamped Monday 3/3, received by the desk Wednesday 5/3 09:00: the clock runs from the
    # first working moment of Monday, so the due instant is the one of a counter receipt then.
    postal = receive(
        at=vn(5, 9), channel=Channel.POSTAL, postal_receipt_no="BN1", postmarked_at=vn(3, 0)
    )
    monday_counter = receive(at=vn(3, 7, 30))
    assert postal.received_at == vn(5, 9) and postal.postmarked_at == vn(3, 0)
    assert postal.clock_start == monday_counter.clock_start == vn(3, 7, 30)
    assert postal.due_at == monday_counter.due_at
    # the same procedure at the counter, and a postal item without a postmark policy: reception
    counter = receive(at=vn(5, 9))
    assert counter.clock_start == vn(5, 9)


def test_the_default_policy_ignores_a_postmark(db, receive):
    from tests.dossiers.conftest import vn

    postal = receive(
        at=vn(5, 9), channel=Channel.POSTAL, postal_receipt_no="BN1", postmarked_at=vn(3, 0)
    )
    assert postal.clock_start == vn(5, 9)


def test_a_postmark_procedure_needs_the_postmark(db, receive, postmark_procedure):
    from motcua.dossiers.domain.errors import DossierError
    from motcua.dossiers.models import Dossier
    from tests.dossiers.conftest import vn

    with pytest.raises(DossierError, match="chưa nhập ngày trên dấu bưu điện"):
        receive(at=vn(5, 9), channel=Channel.POSTAL, postal_receipt_no="BN1")
    with pytest.raises(DossierError, match="không thể sau thời điểm tiếp nhận"):
        receive(
            at=vn(5, 9), channel=Channel.POSTAL, postal_receipt_no="BN1", postmarked_at=vn(6, 0)
        )
    assert not Dossier.objects.exists()


@pytest.mark.parametrize(
    "policy, expected_start",
    [
        # default: the desk's acceptance (Wednesday 5/3 09:00)
        (TIEP_NHAN, (5, 9, 0)),
        # the procedure counts from the online submission: Saturday 1/3 21:00 is moved to the
        # next legal working moment, Monday 3/3 07:30
        (NOP_TRUC_TUYEN, (3, 7, 30)),
    ],
)
def test_an_online_filing_starts_the_clock_as_its_procedure_says(make_user, policy, expected_start):
    from motcua.catalogue.models import ProcedureVersion
    from motcua.dossiers import services
    from tests.portal import tracking_data as data

    world = data.make_world(make_user)
    ProcedureVersion.objects.filter(pk=world["procedure"].pk).update(clock_start_policy=policy)
    world["procedure"].refresh_from_db()
    dossier = services.dossier_submit(
        procedure_version=world["procedure"],
        unit=world["units"]["desk"],
        applicant=data.APPLICANT,
        components=[{"name": "Tờ khai", "file": data.pdf("to-khai.pdf")}],
        submitted_by=world["citizen"],
        submitted_at=data.vn(1, 21),
    )
    dossier = services.dossier_accept(dossier=dossier, actor=world["desk"], at=data.vn(5, 9))
    day, hour, minute = expected_start
    assert dossier.received_at == data.vn(5, 9)
    assert dossier.clock_start == data.vn(day, hour, minute)
