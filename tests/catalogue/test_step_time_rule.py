"""The internal process must use exactly the legal processing time."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from motcua.catalogue import domain
from motcua.catalogue.services import procedure_create, procedure_version_revise

from .conftest import birth_contents


@pytest.mark.parametrize(
    ("unit", "value", "minutes"),
    [
        ("working_days", 1, 480),
        ("working_days", 3, 1440),
        ("working_days", Decimal("0.5"), 240),
        ("working_days", 15, 7200),
        ("working_hours", 4, 240),
        ("working_hours", Decimal("1.5"), 90),
        ("same_day", 1, 480),
        ("same_day", None, 480),
    ],
)
def test_legal_minutes(unit, value, minutes):
    assert domain.legal_minutes(unit, value) == minutes


@pytest.mark.parametrize(
    ("legal", "steps", "expected"),
    [
        (480, [60, 360, 60], None),
        (1440, [480, 960], None),
        (
            480,
            [60, 60],
            "là 120 phút (2 giờ làm việc), phải bằng đúng thời hạn giải quyết "
            "theo quy định là 480 phút (1 ngày làm việc)",
        ),
        (1440, [480, 480, 600], "1560 phút (3,25 ngày làm việc)"),
        (480, [], "ít nhất một bước"),
    ],
)
def test_steps_time_error(legal, steps, expected):
    error = domain.steps_time_error(legal, steps)
    if expected is None:
        assert error is None
    else:
        assert expected in error


def test_create_rejects_steps_not_summing_to_legal_time(civil_status):
    contents = birth_contents(time_unit="working_days", time_value=3, same_day_cutoff=None)
    with pytest.raises(ValidationError) as exc:
        procedure_create(national_code="1.004884", field=civil_status, **contents)
    message = " ".join(exc.value.messages)
    assert "480 phút" in message and "1440 phút" in message


def test_revise_checks_the_new_time_against_the_copied_steps(birth):
    with pytest.raises(ValidationError, match="1440 phút"):
        procedure_version_revise(
            version=birth, time_unit="working_days", time_value=3, same_day_cutoff=None
        )
    birth.refresh_from_db()
    assert birth.procedure.versions.count() == 1  # the failed revision left nothing behind


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đăng ký khai sinh", "dang ky khai sinh"),
        ("ĐĂNG KÝ  KẾT HÔN", "dang ky ket hon"),
        ("Chứng thực bản sao từ bản chính", "chung thuc ban sao tu ban chinh"),
        (
            "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân",
            "thu tuc cap giay xac nhan tinh trang hon nhan",
        ),
    ],
)
def test_fold(text, folded):
    assert domain.fold(text) == folded
