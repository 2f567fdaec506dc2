"""Import checks every row first, reports row numbers and reasons, and is all or nothing."""

import copy
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from motcua.catalogue.models import Field, Procedure, ProcedureVersion
from motcua.catalogue.services import CatalogueImportError, catalogue_export, catalogue_import

GOOD = {
    "format": "motcua.catalogue",
    "fields": [{"code": "HT", "name": "Hộ tịch"}],
    "procedures": [
        {
            "national_code": "1.004873",
            "name": "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân",
            "field": "HT",
            "level": "commune",
            "units": ["kind:ward"],
            "time_unit": "working_days",
            "time_value": 3,
            "steps": [
                {"name": "Tiếp nhận", "role": "mot_cua", "allotted_minutes": 120},
                {"name": "Thẩm định", "role": "chuyen_vien", "allotted_minutes": 1200},
                {"name": "Ký", "role": "lanh_dao_ky", "allotted_minutes": 120},
            ],
        },
        {
            "national_code": "2.000635",
            "name": "Cấp bản sao Trích lục hộ tịch",
            "field": "HT",
            "level": "commune",
            "units": ["25741"],
            "time_unit": "same_day",
            "same_day_cutoff": "15:00",
            "fees": [{"description": "Phí cấp bản sao", "amount": 8000, "unit": "bản"}],
            "steps": [{"name": "Cấp bản sao", "role": "mot_cua", "allotted_minutes": 480}],
        },
    ],
}


def broken(index, **changes):
    data = copy.deepcopy(GOOD)
    for key, value in changes.items():
        if value is None:
            data["procedures"][index].pop(key, None)
        else:
            data["procedures"][index][key] = value
    return data


@pytest.mark.parametrize(
    ("data", "row", "reason"),
    [
        (broken(0, name=None), "1", "Thiếu tên thủ tục"),
        (broken(1, national_code=""), "2", "Thiếu mã thủ tục"),
        (broken(1, national_code="1 001 193"), "2", "không được chứa khoảng trắng"),
        (broken(0, field="XX"), "1", "Lĩnh vực “XX” không có"),
        (broken(0, level="village"), "1", "Cấp thực hiện “village” không hợp lệ"),
        (broken(0, time_value=-2), "1", "phải là số dương"),
        (broken(0, time_unit="weeks"), "1", "Đơn vị thời hạn “weeks” không hợp lệ"),
        (broken(0, units=["99999"]), "1", "Không tìm thấy đơn vị có mã “99999”"),
        (broken(0, same_day_cutoff="15:00"), "1", "Chỉ khai báo giờ tiếp nhận muộn nhất"),
        (broken(1, same_day_cutoff="25:99"), "2", "phải có dạng HH:MM"),
        (
            broken(0, steps=[{"name": "Tiếp nhận", "role": "mot_cua", "allotted_minutes": 60}]),
            "1",
            "là 60 phút (1 giờ làm việc), phải bằng đúng thời hạn giải quyết theo quy định là "
            "1440 phút (3 ngày làm việc)",
        ),
        (
            broken(1, steps=[{"name": "Cấp", "role": "thu_ky", "allotted_minutes": 480}]),
            "2",
            "vai trò “thu_ky” không hợp lệ",
        ),
        (broken(1, fees=[{"description": "Phí", "amount": "tám nghìn"}]), "2", "Mức thu"),
        (
            broken(1, components=[{"name": "Tờ khai", "form": "scan"}]),
            "2",
            "loại bản “scan” không hợp lệ",
        ),
        (broken(0, online_level="toan_trinh"), "1", "eligible_full_online = true"),
        (broken(0, version=0), "1", "Phiên bản phải là số nguyên dương"),
    ],
)
def test_bad_row_is_reported_with_row_and_reason_and_nothing_is_imported(
    units, birth, data, row, reason
):
    before = catalogue_export()
    with pytest.raises(CatalogueImportError) as exc:
        catalogue_import(data=data)
    messages = [str(e) for e in exc.value.errors]
    assert any(e.row == row and reason in e.message for e in exc.value.errors), messages
    assert all(m.startswith("Dòng ") for m in messages)
    assert catalogue_export() == before
    assert not Procedure.objects.filter(national_code__in=["1.004873", "2.000635"]).exists()


def test_every_bad_row_is_listed_not_just_the_first(units):
    data = broken(0, name=None)
    data["procedures"][1]["level"] = "xóm"
    with pytest.raises(CatalogueImportError) as exc:
        catalogue_import(data=data)
    assert [e.row for e in exc.value.errors] == ["1", "2"]
    assert not Field.objects.exists()  # the fields of a rejected file are not created either


def test_not_a_catalogue_file(db):
    with pytest.raises(CatalogueImportError, match="procedures"):
        catalogue_import(data=[1, 2, 3])


def test_good_file_imports_and_links_units_by_kind(units):
    result = catalogue_import(data=GOOD)
    assert (result.created, result.unchanged, result.fields_created) == (2, 0, 1)
    marital = ProcedureVersion.objects.get(procedure__national_code="1.004873")
    assert marital.status == "published" and marital.version == 1
    assert sorted(u.code for u in marital.units.all()) == ["25741", "25744"]
    assert marital.legal_minutes == 1440


def test_importing_twice_changes_nothing_and_a_changed_row_becomes_a_new_version(units):
    catalogue_import(data=GOOD)
    again = catalogue_import(data=GOOD)
    assert (again.created, again.unchanged) == (0, 2)

    changed = copy.deepcopy(GOOD)
    changed["procedures"][1]["fees"][0]["amount"] = 10000
    result = catalogue_import(data=changed)
    assert (result.created, result.unchanged) == (1, 1)
    versions = ProcedureVersion.objects.filter(procedure__national_code="2.000635")
    assert [(v.version, v.status) for v in versions.order_by("version")] == [
        (1, "superseded"),
        (2, "published"),
    ]
    assert versions.get(version=1).fees.get().amount == 8000


def test_cli_import_reports_errors_on_stderr_and_exits_non_zero(units, tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(broken(0, name=None), ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CommandError) as exc:
        call_command("catalogue", "import", str(path))
    assert exc.value.returncode == 1
    assert "Không nhập gì: 1 lỗi" in str(exc.value)
    assert "Dòng 1: (mã 1.004873) Thiếu tên thủ tục." in capsys.readouterr().err
    assert not Procedure.objects.exists()
