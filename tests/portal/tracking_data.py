"""Dossiers of a citizen at every stage tracking deals with, built through the services
(used by tests/portal/test_tracking_*, tests/payments, tests/feedback, browser tests).

A ward (agency code 000.00.20.H01) with its one-stop desk and justice section; a 3-working-day
procedure (reception, appraisal, return) with a flat fee of 50.000 đồng. Online filings are
submitted by the citizen Monday 3/3/2025 07:30 and received by the desk at 08:00 (due
Thursday 6/3 08:00), then assigned to the specialist at 09:00.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.accounts.roles import Role
from motcua.catalogue.models import Field
from motcua.catalogue.services import procedure_create
from motcua.dossiers import services
from motcua.org.models import OrgUnit
from tests.support.clock import VN, vn  # noqa: F401 - one vn() for the suite

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
HTML = b"<!doctype html><html><body>not a scan</body></html>"
APPLICANT = {
    "kind": "person",
    "name": "Trần Thị Lan",
    "id_number": "074190005678",
    "phone": "0987654321",
    "email": "lan@example.vn",
    "address": "5 Bạch Đằng, phường Phú Cường",
}
SUPPLEMENT_REASON = "- Bản sao giấy khai sinh\n- Sơ đồ vị trí thửa đất"


def pdf(name="tep.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def make_world(make_user):
    city = OrgUnit.objects.create(
        code="718", name="Thành phố Thủ Dầu Một", kind="district", agency_code="000.00.18.H01"
    )
    ward = OrgUnit.objects.create(
        code="25747", name="Phường Phú Cường", kind="ward", parent=city,
        agency_code="000.00.20.H01",
    )  # fmt: skip
    desk = OrgUnit.objects.create(
        code="25747.MC", name="Bộ phận Một cửa phường Phú Cường", kind="one_stop_desk",
        parent=ward,
    )  # fmt: skip
    tp = OrgUnit.objects.create(
        code="25747.TP", name="Tư pháp - Hộ tịch", kind="department", parent=ward
    )
    field = Field.objects.create(code="DD", name="Đất đai")
    procedure = procedure_create(
        national_code="1.004227",
        field=field,
        name="Đăng ký biến động quyền sử dụng đất",
        level="commune",
        time_unit="working_days",
        time_value=3,
        online_level="toan_trinh",
        eligible_full_online=True,
        components=[{"name": "Tờ khai", "form": "original"}],
        fees=[{"description": "Lệ phí đăng ký", "amount": 50000}],
        steps=[
            {"name": "Tiếp nhận hồ sơ", "role": Role.ONE_STOP_OFFICER, "allotted_minutes": 120},
            {"name": "Thẩm định hồ sơ", "role": Role.SPECIALIST, "allotted_minutes": 1200},
            {"name": "Trả kết quả", "role": Role.ONE_STOP_OFFICER, "allotted_minutes": 120},
        ],
        units=[ward],
        publish=True,
    )
    return {
        "units": {"city": city, "ward": ward, "desk": desk, "tp": tp},
        "procedure": procedure,
        "desk": make_user("motcua", Role.ONE_STOP_OFFICER, desk),
        "specialist": make_user("chuyenvien", Role.SPECIALIST, tp),
        "citizen": make_user("congdan", Role.CITIZEN, full_name="Trần Thị Lan"),
        "citizen2": make_user("congdan2", Role.CITIZEN, full_name="Lê Văn Hùng"),
    }


def filed(world, *, citizen=None, applicant=None, delivery="electronic"):
    """An online filing received by the desk and assigned to the specialist (status 4)."""
    dossier = services.dossier_submit(
        procedure_version=world["procedure"],
        unit=world["units"]["desk"],
        applicant=applicant or APPLICANT,
        components=[{"name": "Tờ khai", "file": pdf("to-khai.pdf")}],
        submitted_by=citizen or world["citizen"],
        submitted_at=vn(3, 7, 30),
        result_delivery=delivery,
    )
    services.dossier_accept(dossier=dossier, actor=world["desk"], at=vn(3, 8))
    return services.dossier_assign(
        dossier=dossier, actor=world["desk"], assignee=world["specialist"], at=vn(3, 9)
    )


def supplement_requested(world, **kw):
    dossier = filed(world, **kw)
    return services.dossier_request_supplement(
        dossier=dossier, actor=world["specialist"], reason=SUPPLEMENT_REASON, at=vn(4, 9)
    )


def payment_requested(world, *, amount=50000, **kw):
    dossier = filed(world, **kw)
    return services.dossier_request_payment(
        dossier=dossier,
        actor=world["specialist"],
        amount=amount,
        note="Nộp lệ phí đăng ký biến động",
        at=vn(4, 10),
    )


def resolved(world, *, with_result=True, **kw):
    """Result ready (status 9), with its electronic result attached."""
    dossier = filed(world, **kw)
    if with_result:
        services.dossier_result_attach(
            dossier=dossier,
            actor=world["specialist"],
            file=pdf("giay-chung-nhan.pdf", PDF + b"%ket-qua\n"),
            name="Giấy chứng nhận đăng ký biến động",
            at=vn(4, 14),
        )
    return services.dossier_mark_result_ready(
        dossier=dossier, actor=world["specialist"], at=vn(4, 15)
    )


def returned(world, **kw):
    dossier = resolved(world, **kw)
    return services.dossier_return_result(
        dossier=dossier, actor=world["desk"], result_delivery="electronic", at=vn(5, 8)
    )
