"""Reception at the counter or by post (Mẫu 01): code, clock start, appointment, audit."""

import datetime as dt

import pytest

from motcua.dossiers.domain.errors import (
    AgencyCodeMissing,
    CodeSequenceExhausted,
    DossierError,
    DossierIncomplete,
    OutOfScope,
    TransitionNotAllowed,
)
from motcua.dossiers.domain.workflow import Status
from motcua.dossiers.models import Dossier, DossierCodeSequence, DossierEvent
from motcua.dossiers.services import dossier_code_allocate
from motcua.notifications.models import Notification

from .conftest import AGENCY, DUE, MON_0800, last_event, vn
from .outbox import outbox


def test_receive_complete_dossier(receive, people, units, procedure):
    dossier = receive()
    dossier.refresh_from_db()
    assert dossier.status == Status.RECEIVED
    assert dossier.code == f"{AGENCY}-250303-0001"
    assert len(dossier.lookup_key) == 8
    assert dossier.procedure_version == procedure
    assert dossier.unit == dossier.current_unit == units["desk"]
    assert dossier.received_at == MON_0800
    assert dossier.clock_start == MON_0800
    assert dossier.due_at == DUE == dossier.appointment_at
    assert dossier.duration_minutes == 1440
    # The procedure starts with the desk's own reception step.
    assert dossier.current_step == 1
    assert dossier.received_by == people["desk"]
    assert dossier.applicant_name == "Nguyễn Văn Bình"
    assert [c.name for c in dossier.components.all()] == [
        "Tờ khai",
        "Giấy chứng nhận quyền sử dụng đất",
    ]
    assert dossier.components.get(name="Tờ khai").form == "original"
    event = last_event(dossier)
    assert (event.action, event.actor, event.at) == ("receive", people["desk"], MON_0800)
    assert (event.from_status, event.to_status) == (Status.NEW, Status.RECEIVED)
    assert event.data["channel"] == 1
    # The applicant is told, by e-mail and SMS, with the code and the appointment.
    sent = outbox(dossier, "dossier.received")
    assert (sent["email"].recipient, sent["sms"].recipient) == ("binh@example.vn", "0912345678")
    assert f"Mã hồ sơ: {dossier.code}" in sent["email"].body
    assert "Hẹn trả kết quả: 08:00 ngày 06/03/2025" in sent["email"].body
    assert sent["sms"].body.startswith(f"Ho so {dossier.code} da tiep nhan, hen tra ")


def test_codes_follow_each_other_per_agency_per_day(receive):
    first, second = receive(), receive(at=vn(3, 10))
    tuesday = receive(at=vn(4, 8))
    assert first.code.endswith("-250303-0001")
    assert second.code.endswith("-250303-0002")
    assert tuesday.code == f"{AGENCY}-250304-0001"


def test_code_day_is_the_vietnamese_day(receive):
    # 06:30 on 4/3 in Vietnam is still 3/3 in UTC.
    dossier = receive(at=vn(4, 6, 30))
    assert dossier.code == f"{AGENCY}-250304-0001"
    assert dossier.clock_start == vn(4, 7, 30)


def test_received_on_saturday_starts_the_clock_on_monday(receive):
    dossier = receive(at=vn(8, 9))
    assert dossier.clock_start == vn(10, 7, 30)
    assert dossier.due_at == vn(12, 17)


def test_incomplete_dossier_lists_every_missing_component_and_saves_nothing(receive):
    with pytest.raises(DossierIncomplete) as exc:
        receive(components=[{"name": "Văn bản ủy quyền"}])
    assert exc.value.missing == ["Tờ khai", "Giấy chứng nhận quyền sử dụng đất"]
    assert "còn thiếu 2 thành phần" in exc.value.message
    assert "- Tờ khai" in exc.value.message
    assert not Dossier.objects.exists()
    assert not DossierCodeSequence.objects.exists()
    assert not DossierEvent.objects.exists()
    assert not Notification.objects.exists()


def test_component_names_match_whatever_the_case(receive):
    names = ["tờ khai", " GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT"]
    dossier = receive(components=[{"name": n} for n in names])
    assert dossier.status == Status.RECEIVED


def test_postal_intake_needs_the_postal_receipt_number(receive):
    with pytest.raises(DossierError, match="số biên nhận bưu chính"):
        receive(channel=3)
    dossier = receive(channel=3, postal_receipt_no="EMS123456789VN", result_delivery="post")
    assert dossier.channel == 3
    assert dossier.postal_receipt_no == "EMS123456789VN"
    assert dossier.result_delivery == "post"


def test_filed_with_the_community_digital_team(receive, people):
    dossier = receive(assisted_by=people["digital"])
    assert dossier.assisted_by == people["digital"]
    with pytest.raises(DossierError, match="Tổ công nghệ số"):
        receive(assisted_by=people["specialist"])


def test_only_the_desk_receives(receive, people):
    with pytest.raises(TransitionNotAllowed, match="không có quyền"):
        receive(received_by=people["specialist"])
    assert not Dossier.objects.exists()


def test_desk_cannot_receive_for_another_ward(receive, people, units):
    with pytest.raises(OutOfScope):
        receive(received_by=people["other_desk"])
    assert not Dossier.objects.exists()


def test_procedure_not_handled_by_the_unit_is_not_received(receive, people, units):
    with pytest.raises(DossierError, match="không thuộc thẩm quyền"):
        receive(unit=units["other_desk"], received_by=people["other_desk"])


def test_applicant_name_required(receive):
    with pytest.raises(DossierError, match="tên người nộp"):
        receive(applicant={"name": "  "})


def test_a_ward_without_its_own_identifier_cannot_receive(receive, people, units):
    # Issue 13 item 5: the ward must not borrow its city's identifier (000.00.18.H01) and
    # sequence; it cannot receive until an administrator sets its own.
    units["ward"].agency_code = ""
    units["ward"].save()
    with pytest.raises(AgencyCodeMissing, match="Phường Hiệp Thành.*chưa có mã định danh"):
        receive()
    assert not Dossier.objects.exists()
    assert not DossierCodeSequence.objects.exists()
    units["ward"].agency_code = "000.00.20.H01"
    units["ward"].save()
    assert receive().code == "000.00.20.H01-250303-0001"


def test_each_ward_has_its_own_sequence(receive, people, units, procedure):
    procedure.units.add(units["other"])
    units["other"].agency_code = "000.00.21.H01"
    units["other"].save()
    first = receive()
    other = receive(unit=units["other_desk"], received_by=people["other_desk"])
    assert (first.code, other.code) == ("000.00.20.H01-250303-0001", "000.00.21.H01-250303-0001")


def test_sequence_past_9999_fails_loudly_and_saves_nothing(receive):
    DossierCodeSequence.objects.create(agency_code=AGENCY, day=dt.date(2025, 3, 3), last=9999)
    with pytest.raises(CodeSequenceExhausted, match="quá 9999"):
        receive()
    assert not Dossier.objects.exists()
    assert DossierCodeSequence.objects.get().last == 9999


def test_code_allocation_never_reuses_a_number(db):
    day = dt.date(2025, 3, 3)
    codes = [dossier_code_allocate(agency_code=AGENCY, day=day) for _ in range(3)]
    assert codes == [f"{AGENCY}-250303-000{i}" for i in (1, 2, 3)]


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (vn(3, 14, 59), vn(3, 17)),  # before the 15:00 cutoff: same day
        (vn(3, 15, 1), vn(4, 17)),  # after it: the next working day
        (vn(7, 16), vn(10, 17)),  # Friday afternoon: Monday
    ],
)
def test_same_day_procedure_follows_the_cutoff(receive, units, received, due):
    from motcua.accounts.roles import Role
    from motcua.catalogue.models import Field
    from motcua.catalogue.services import procedure_create

    same_day = procedure_create(
        national_code="2.000815",
        field=Field.objects.create(code="CT", name="Chứng thực"),
        name="Chứng thực bản sao từ bản chính",
        level="commune",
        time_unit="same_day",
        time_value=1,
        same_day_cutoff="15:00",
        components=[{"name": "Bản chính"}],
        steps=[{"name": "Chứng thực", "role": Role.SPECIALIST, "allotted_minutes": 480}],
        units=[units["ward"]],
        publish=True,
    )
    dossier = receive(at=received, procedure_version=same_day, components=[{"name": "Bản chính"}])
    assert dossier.due_at == due
    assert dossier.current_step == 0  # no desk step in this process
