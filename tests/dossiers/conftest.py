"""Dossier test data, built through the services.

A ward (agency code 000.00.20.H01) with its one-stop desk, justice section and leader; a
district-level agency that takes part of the work by transfer (liên thông); a second ward
whose desk must not touch the first ward's dossiers. A 3-working-day procedure whose internal
process is: reception (desk, 2h) → appraisal (specialist, 1.5 days) → approval (department
head, 0.5 day) → signature (leader, 0.5 day) → return (desk, 2h) = 1,440 working minutes.

Times are in March 2025 (no holidays): Monday 3/3/2025 08:00 is received, due Thursday 6/3
08:00 (3 × 480 working minutes: Mon 450 + Tue 480 + Wed 480 + Thu 30).
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from motcua.accounts.roles import Role
from motcua.catalogue.models import Field
from motcua.catalogue.services import procedure_create
from motcua.dossiers import services
from motcua.org.models import OrgUnit

VN = ZoneInfo("Asia/Ho_Chi_Minh")
AGENCY = "000.00.20.H01"


def vn(day: int, hour: int, minute: int = 0, month: int = 3) -> dt.datetime:
    return dt.datetime(2025, month, day, hour, minute, tzinfo=VN)


MON_0800 = vn(3, 8)
DUE = vn(6, 8)

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


@pytest.fixture
def units(db):
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


@pytest.fixture
def people(units, make_user):
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


@pytest.fixture
def procedure(units):
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


@pytest.fixture
def receive(procedure, units, people):
    """`receive(at=..., **overrides)`: a complete dossier received at the ward's desk."""

    def _receive(at=MON_0800, **kw):
        kw.setdefault("procedure_version", procedure)
        kw.setdefault("unit", units["desk"])
        kw.setdefault("applicant", APPLICANT)
        kw.setdefault("channel", 1)
        kw.setdefault("components", [{"name": c["name"]} for c in COMPONENTS[:2]])
        kw.setdefault("received_by", people["desk"])
        return services.dossier_receive(received_at=at, **kw)

    return _receive


@pytest.fixture
def processing(receive, people, units):
    """A dossier received Monday 08:00 and assigned at 09:00 to the specialist (step 2)."""
    dossier = receive()
    return services.dossier_assign(
        dossier=dossier, actor=people["desk"], assignee=people["specialist"], at=vn(3, 9)
    )


def last_event(dossier):
    return dossier.events.order_by("-at", "-id").first()
