"""Bad input gets a clear Vietnamese message naming the field, and no PDF."""

import dataclasses
from datetime import datetime

import pytest

from motcua.printing import Component, FormDataError, Handover, render_form

from .conftest import TZ


def test_missing_dossier_code_names_the_form_and_the_field(receipt):
    data = dataclasses.replace(receipt, dossier_code="  ")

    with pytest.raises(FormDataError) as err:
        render_form(rule_set="tt01_2018", form="receipt", data=data)

    msg = str(err.value)
    assert "Không in được Mẫu số 01 – Giấy tiếp nhận hồ sơ và hẹn trả kết quả" in msg
    assert "thiếu Mã hồ sơ (dossier_code)" in msg


def test_every_missing_field_is_listed_at_once(receipt):
    data = dataclasses.replace(receipt, applicant_name="", components=[], status_url="")

    with pytest.raises(FormDataError) as err:
        render_form(rule_set="tt01_2018", form="receipt", data=data)

    msg = str(err.value)
    for label in ("Họ tên người nộp hồ sơ", "Thành phần hồ sơ", "Địa chỉ tra cứu hồ sơ"):
        assert label in msg


def test_component_without_a_name(receipt):
    data = dataclasses.replace(receipt, components=[Component(name="", form="Bản chính")])

    with pytest.raises(FormDataError, match=r"Thành phần hồ sơ thứ 1: Tên giấy tờ \(name\)"):
        render_form(rule_set="tt01_2018", form="receipt", data=data)


def test_appointment_before_reception(receipt):
    data = dataclasses.replace(receipt, due_at=datetime(2024, 2, 6, 8, 0, tzinfo=TZ))

    with pytest.raises(FormDataError, match="thời gian trả kết quả trước thời gian nhận hồ sơ"):
        render_form(rule_set="tt01_2018", form="receipt", data=data)


def test_date_given_as_text(receipt):
    data = dataclasses.replace(receipt, received_at="07/02/2024")

    with pytest.raises(FormDataError, match=r"Thời gian nhận hồ sơ \(received_at\) phải là"):
        render_form(rule_set="tt01_2018", form="receipt", data=data)


def test_status_url_must_be_a_web_address(receipt):
    data = dataclasses.replace(receipt, status_url="tra-cuu/123")

    with pytest.raises(FormDataError, match="phải bắt đầu bằng https://"):
        render_form(rule_set="tt01_2018", form="receipt", data=data)


def test_new_appointment_must_come_after_the_missed_one(apology):
    data = dataclasses.replace(apology, new_due_at=apology.due_at)

    with pytest.raises(FormDataError, match="thời gian hẹn lại phải sau thời hạn"):
        render_form(rule_set="tt01_2018", form="apology", data=data)


def test_step_result_must_be_early_on_time_or_late(control_sheet):
    bad = Handover(
        step="Thẩm định",
        giver_unit="A",
        giver_name="B",
        receiver_unit="C",
        receiver_name="D",
        at=datetime(2024, 2, 8, 8, 0, tzinfo=TZ),
        result="chậm",
    )
    data = dataclasses.replace(control_sheet, handovers=[bad])

    with pytest.raises(FormDataError, match="trước hạn, đúng hạn, quá hạn"):
        render_form(rule_set="tt01_2018", form="control_sheet", data=data)


def test_wrong_data_for_the_form(receipt):
    with pytest.raises(FormDataError, match="cần dữ liệu SupplementData, nhận được ReceiptData"):
        render_form(rule_set="tt01_2018", form="supplement", data=receipt)


def test_unknown_rule_set(receipt):
    with pytest.raises(FormDataError, match="Không có bộ biểu mẫu 'tt99_2030'"):
        render_form(rule_set="tt99_2030", form="receipt", data=receipt)


def test_unknown_form(receipt):
    with pytest.raises(FormDataError, match="không có mẫu 'bien_lai'"):
        render_form(rule_set="tt03_2025", form="bien_lai", data=receipt)
