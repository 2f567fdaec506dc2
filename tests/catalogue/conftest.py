"""Catalogue test data, built through the services."""

import pytest

from motcua.accounts.roles import Role
from motcua.catalogue.models import Field
from motcua.catalogue.services import procedure_create
from motcua.org.models import OrgUnit


def birth_contents(**overrides):
    contents = {
        "name": "Thủ tục đăng ký khai sinh",
        "level": "commune",
        "agency": "Ủy ban nhân dân cấp xã",
        "time_unit": "same_day",
        "time_value": 1,
        "same_day_cutoff": "15:00",
        "online_level": "toan_trinh",
        "eligible_full_online": True,
        "legal_basis": "Luật Hộ tịch số 60/2014/QH13",
        "fees": [{"description": "Lệ phí đăng ký khai sinh đúng hạn", "amount": 0, "unit": "lần"}],
        "components": [
            {"name": "Tờ khai đăng ký khai sinh", "form": "original", "template_name": "Tờ khai"},
            {"name": "Giấy chứng sinh", "form": "original"},
        ],
        "steps": [
            {"name": "Tiếp nhận hồ sơ", "role": Role.ONE_STOP_OFFICER, "allotted_minutes": 60},
            {"name": "Thẩm định, trình ký", "role": Role.SPECIALIST, "allotted_minutes": 300},
            {"name": "Ký giấy khai sinh", "role": Role.SIGNING_LEADER, "allotted_minutes": 60},
            {"name": "Trả kết quả", "role": Role.ONE_STOP_OFFICER, "allotted_minutes": 60},
        ],
    }
    contents.update(overrides)
    return contents


@pytest.fixture
def civil_status(db):
    return Field.objects.create(code="HT", name="Hộ tịch")


@pytest.fixture
def certification(db):
    return Field.objects.create(code="CT", name="Chứng thực")


@pytest.fixture
def units(db):
    city = OrgUnit.objects.create(code="718", name="Thành phố Thủ Dầu Một", kind="district")
    ward_a = OrgUnit.objects.create(
        code="25741", name="Phường Hiệp Thành", kind="ward", parent=city
    )
    ward_b = OrgUnit.objects.create(code="25744", name="Phường Phú Lợi", kind="ward", parent=city)
    return {"city": city, "a": ward_a, "b": ward_b}


@pytest.fixture
def birth(civil_status, units):
    return procedure_create(
        national_code="1.001193",
        field=civil_status,
        units=[units["a"], units["b"]],
        publish=True,
        **birth_contents(),
    )


@pytest.fixture
def copies(certification, units):
    return procedure_create(
        national_code="2.000815",
        name="Chứng thực bản sao từ bản chính giấy tờ, văn bản",
        field=certification,
        level="commune",
        time_unit="same_day",
        same_day_cutoff="15:00",
        units=[units["a"]],
        fees=[
            {"description": "Trang thứ nhất, thứ hai", "amount": 2000, "unit": "trang"},
            {"description": "Từ trang thứ ba", "amount": 1000, "unit": "trang"},
        ],
        steps=[
            {
                "name": "Tiếp nhận, chứng thực",
                "role": Role.ONE_STOP_OFFICER,
                "allotted_minutes": 420,
            },
            {"name": "Trả kết quả", "role": Role.ONE_STOP_OFFICER, "allotted_minutes": 60},
        ],
        publish=True,
    )
