"""A small world built through the services, as the system builds it.

A ward (agency code 000.00.20.H01) with its one-stop desk, justice section and leader; a
district-level agency that takes part of the work by transfer (liên thông); a second ward
whose desk must not touch the first ward's dossiers. A 3-working-day procedure whose internal
process is: reception (desk, 2h) → appraisal (specialist, 1.5 days) → approval (department
head, 0.5 day) → signature (leader, 0.5 day) → return (desk, 2h).

`dossier_in(status, ...)` walks a dossier to any status with the real services, so a test
starts where it needs to without writing rows the services own.
"""

from __future__ import annotations

from motcua.accounts.roles import Role
from motcua.catalogue.models import Field
from motcua.catalogue.services import procedure_create
from motcua.dossiers import services
from motcua.dossiers.domain.workflow import Status
from motcua.org.models import OrgUnit
from tests.support.clock import vn

AGENCY = "000.00.20.H01"

COMPONENTS = [
    {"name": "Tờ khai", "form": "original"},
    {"name": "Giấy chứng nhận quyền sử dụng đất", "form": "certified_copy"},
    {"name": "Văn bản ủy quyền", "form": "original", "required": False},
]
STEPS = [
    {"name": "Tiếp nhận hồ sơ", "role": Role.ONE_STOP_OFFICER, "allotted_minutes": 120},
    {"name": "Thẩm định hồ sơ", "role": Role.SPECIALIST, "allotted_minutes": 720},
    {"name": "Duyệt kết quả", "role": Role.DEPARTMENT_HEAD, "allotted_minutes": 240},
    {"name": "Ký kết quả", "role": Role.SIGNING_LEADER, "allotted_minutes": 240},
    {"name": "Trả kết quả", "role": Role.ONE_STOP_OFFICER, "allotted_minutes": 120},
]
APPLICANT = {
    "kind": "person",
    "name": "Nguyễn Văn Bình",
    "id_number": "074089001234",
    "phone": "0912345678",
    "email": "binh@example.vn",
    "address": "12 Yersin, phường Hiệp Thành",
}


def units_build() -> dict[str, OrgUnit]:
    def make(code, name, kind, parent=None, agency_code=""):
        return OrgUnit.objects.create(
            code=code, name=name, kind=kind, parent=parent, agency_code=agency_code
        )

    city = make("718", "Thành phố Thủ Dầu Một", "district", agency_code="000.00.18.H01")
    ward = make("25741", "Phường Hiệp Thành", "ward", city, agency_code=AGENCY)
    other = make("25744", "Phường Phú Lợi", "ward", city, agency_code="000.00.21.H01")
    return {
        "city": city,
        "city_tnmt": make("718.TNMT", "Phòng Tài nguyên và Môi trường", "department", city),
        "ward": ward,
        "desk": make("25741.MC", "Bộ phận Một cửa phường Hiệp Thành", "one_stop_desk", ward),
        "tp": make("25741.TP", "Tư pháp - Hộ tịch", "department", ward),
        "other": other,
        "other_desk": make("25744.MC", "Bộ phận Một cửa phường Phú Lợi", "one_stop_desk", other),
    }


def people_build(units: dict[str, OrgUnit], make_user) -> dict:
    """`make_user(username, role, unit)`: the root conftest's fixture."""
    return {
        "desk": make_user("motcua", Role.ONE_STOP_OFFICER, units["desk"]),
        "specialist": make_user("chuyenvien", Role.SPECIALIST, units["tp"]),
        "specialist2": make_user("chuyenvien2", Role.SPECIALIST, units["tp"]),
        "head": make_user("lanhdaophong", Role.DEPARTMENT_HEAD, units["tp"]),
        "leader": make_user("lanhdao", Role.SIGNING_LEADER, units["ward"]),
        "postal": make_user("buuchinh", Role.POSTAL_CLERK, units["ward"]),
        "digital": make_user("congnghe", Role.DIGITAL_TEAM, units["ward"]),
        "city_specialist": make_user("tnmt", Role.SPECIALIST, units["city_tnmt"]),
        "other_desk": make_user("motcua2", Role.ONE_STOP_OFFICER, units["other_desk"]),
        "citizen": make_user("congdan", Role.CITIZEN),
        "citizen2": make_user("congdan2", Role.CITIZEN),
        "supervisor": make_user("giamsat", Role.SUPERVISOR, units["city"]),
    }


def procedure_build(units: dict[str, OrgUnit]):
    field = Field.objects.create(code="DD", name="Đất đai")
    return procedure_create(
        national_code="1.000001",
        field=field,
        name="Đăng ký biến động quyền sử dụng đất",
        level="commune",
        time_unit="working_days",
        time_value=3,
        components=COMPONENTS,
        steps=STEPS,
        units=[units["ward"]],
        publish=True,
    )


def dossier_receive(*, procedure, units, people, at=None, **kw):
    """A complete dossier received at the ward's desk (Monday 3/3/2025 08:00 by default)."""
    kw.setdefault("procedure_version", procedure)
    kw.setdefault("unit", units["desk"])
    kw.setdefault("applicant", APPLICANT)
    kw.setdefault("channel", 1)
    kw.setdefault("components", [{"name": c["name"]} for c in COMPONENTS[:2]])
    kw.setdefault("received_by", people["desk"])
    return services.dossier_receive(received_at=at or vn(3, 8), **kw)


def dossier_in(status: Status, *, procedure, units, people):
    """A dossier of the ward in `status`, walked there by the services: received Monday 08:00,
    assigned at 09:00, then each further action an hour apart on Tuesday."""
    walks = {
        Status.PROCESSING: [],
        Status.SUPPLEMENT_REQUESTED: [
            (services.dossier_request_supplement, "specialist", {"reason": "Thiếu giấy tờ."})
        ],
        Status.PAYMENT_REQUESTED: [(services.dossier_request_payment, "specialist", {})],
        Status.STOPPED: [(services.dossier_stop, "specialist", {"reason": "Dừng theo luật."})],
        Status.WITHDRAWN: [(services.dossier_withdraw, "desk", {"reason": "Công dân rút."})],
        Status.RESOLVED: [
            (services.dossier_forward, "specialist", {}),
            (services.dossier_approve, "head", {}),
            (services.dossier_sign, "leader", {}),
            (services.dossier_mark_result_ready, "leader", {}),
        ],
    }
    walks[Status.RETURNED] = [*walks[Status.RESOLVED], (services.dossier_return_result, "desk", {})]
    if status not in walks and status is not Status.RECEIVED:
        raise ValueError(f"dossier_in: no walk to {status!r} yet")
    dossier = dossier_receive(procedure=procedure, units=units, people=people)
    if status is Status.RECEIVED:
        return dossier
    services.dossier_assign(
        dossier=dossier, actor=people["desk"], assignee=people["specialist"], at=vn(3, 9)
    )
    for hour, (service, who, kw) in enumerate(walks[status], start=8):
        service(dossier=dossier, actor=people[who], at=vn(4, hour), **kw)
    dossier.refresh_from_db()
    return dossier
