"""A small public catalogue for portal tests (unit and browser), built through the services:
two wards of Thủ Dầu Một, two public procedures, one hidden from the portal, one draft."""

import datetime as dt

from motcua.accounts.roles import Role
from motcua.catalogue.models import Field
from motcua.catalogue.services import procedure_create
from motcua.org.models import OrgUnit

STEPS_1_DAY = [
    {"name": "Tiếp nhận, kiểm tra hồ sơ", "role": Role.ONE_STOP_OFFICER, "allotted_minutes": 120},
    {"name": "Xem xét, ký chứng thực", "role": Role.SIGNING_LEADER, "allotted_minutes": 240},
    {"name": "Trả kết quả", "role": Role.ONE_STOP_OFFICER, "allotted_minutes": 120},
]
STEPS_5_DAYS = [
    {"name": "Tiếp nhận hồ sơ", "role": Role.ONE_STOP_OFFICER, "allotted_minutes": 480},
    {"name": "Thẩm định hồ sơ", "role": Role.SPECIALIST, "allotted_minutes": 1440},
    {"name": "Ký kết quả", "role": Role.SIGNING_LEADER, "allotted_minutes": 480},
]


def make_wards():
    city = OrgUnit.objects.create(code="718", name="Thành phố Thủ Dầu Một", kind="district")
    return {
        "city": city,
        "phu_cuong": OrgUnit.objects.create(
            code="25747",
            name="Phường Phú Cường",
            kind="ward",
            parent=city,
            agency_code="000.00.22.H01",
        ),
        "hiep_thanh": OrgUnit.objects.create(
            code="25741",
            name="Phường Hiệp Thành",
            kind="ward",
            parent=city,
            agency_code="000.00.20.H01",
        ),
    }


def make_catalogue(wards):
    """Four procedures: two public, one hidden from the portal, one still a draft."""
    ct = Field.objects.create(code="CT", name="Chứng thực")
    ht = Field.objects.create(code="HT", name="Hộ tịch")
    xd = Field.objects.create(code="XD", name="Hoạt động xây dựng")
    copy = procedure_create(
        national_code="2.000815",
        name="Chứng thực bản sao từ bản chính giấy tờ, văn bản",
        field=ct,
        level="commune",
        agency="Ủy ban nhân dân cấp xã",
        time_unit="same_day",
        time_value=1,
        same_day_cutoff=dt.time(15, 0),
        online_level="toan_trinh",
        eligible_full_online=True,
        legal_basis="Nghị định số 23/2015/NĐ-CP",
        units=[wards["phu_cuong"], wards["hiep_thanh"]],
        fees=[{"description": "Phí chứng thực bản sao", "amount": 2000, "unit": "trang"}],
        components=[{"name": "Bản chính giấy tờ", "form": "original"}],
        steps=STEPS_1_DAY,
        publish=True,
    )
    build = procedure_create(
        national_code="1.013225",
        name="Cấp giấy phép xây dựng nhà ở riêng lẻ",
        field=xd,
        level="district",
        agency="Ủy ban nhân dân cấp huyện",
        time_unit="working_days",
        time_value=5,
        online_level="none",
        postal_excluded=True,
        units=[wards["city"]],
        fees=[{"description": "Lệ phí cấp giấy phép", "amount": 50000}],
        components=[
            {"name": "Đơn đề nghị cấp giấy phép xây dựng", "template_name": "Mẫu 01"},
            {"name": "Bản vẽ thiết kế", "form": "photocopy", "copies": 2},
        ],
        steps=STEPS_5_DAYS,
        publish=True,
    )
    hidden = procedure_create(
        national_code="1.000001",
        name="Đăng ký khai sinh nội bộ",
        field=ht,
        level="commune",
        time_unit="same_day",
        time_value=1,
        published_on_portal=False,
        units=[wards["phu_cuong"]],
        steps=STEPS_1_DAY,
        publish=True,
    )
    draft = procedure_create(
        national_code="1.000002",
        name="Đăng ký khai tử dự thảo",
        field=ht,
        level="commune",
        time_unit="same_day",
        time_value=1,
        units=[wards["phu_cuong"]],
        steps=STEPS_1_DAY,
    )
    return {"copy": copy, "build": build, "hidden": hidden, "draft": draft}
