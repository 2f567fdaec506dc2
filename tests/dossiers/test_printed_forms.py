"""Printed forms of a dossier at /ho-so/<code>/in/<form>/: PDF built from the dossier and its
audit trail, with the rule set of its reception, only for officers of its units."""

import pytest
from django.urls import reverse
from django.utils import timezone

from motcua.dossiers import services
from motcua.dossiers.printed_forms import control_sheet_data, receipt_data

from .conftest import APPLICANT, COMPONENTS, vn
from .printed_forms_support import documents_urls, pdf_text  # noqa: F401 - fixture

NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"


def form_url(dossier, form):
    return reverse("dossier_documents:form", kwargs={"code": dossier.code, "form": form})


def get_pdf(client, user, dossier, form):
    client.force_login(user)
    response = client.get(form_url(dossier, form))
    assert response.status_code == 200, response.content.decode()[:300]
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{dossier.code}-{form}.pdf"'
    return pdf_text(response.content)


def offers_form(client, user, dossier, form) -> bool:
    """The dossier page links to the printed form (the notices as they occur)."""
    client.force_login(user)
    page = client.get(reverse("dossiers:detail", args=[dossier.code])).content.decode()
    return f'href="{form_url(dossier, form)}"' in page


def _walk_to_result(dossier, people, at):
    services.dossier_forward(dossier=dossier, actor=people["specialist"], at=at)
    services.dossier_approve(dossier=dossier, actor=people["head"], at=at)
    services.dossier_sign(dossier=dossier, actor=people["leader"], at=at)
    services.dossier_mark_result_ready(dossier=dossier, actor=people["leader"], at=at)


def test_receipt_prints_code_appointment_components(client, receive, people):
    dossier = receive()
    text = get_pdf(client, people["desk"], dossier, "receipt")
    assert NATIONAL in text
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert f"Mã hồ sơ: {dossier.code}" in text
    assert (
        "UỶ BAN NHÂN DÂN PHƯỜNG HIỆP THÀNH" in text or "ỦY BAN NHÂN DÂN PHƯỜNG HIỆP THÀNH" in text
    )
    assert "Hiệp Thành, ngày 03 tháng 03 năm 2025" in text
    assert "Thời gian nhận hồ sơ: 08 giờ 00 phút, ngày 03/03/2025" in text
    assert "08 giờ 00 phút, ngày 06/03/2025" in text  # the appointment
    assert "Tờ khai Bản chính 01" in text
    assert "Giấy chứng nhận quyền sử dụng đất Bản sao chứng thực 01" in text
    assert "Nguyễn Văn Bình" in text
    assert "Đăng ký biến động quyền sử dụng đất" in text
    assert f"Mã tra cứu: {dossier.lookup_key}" in text
    # The QR code and the printed link lead to the citizen tracking page.
    url = f"http://testserver/tra-cuu/?ma={dossier.code}&khoa={dossier.lookup_key}"
    assert url in text.replace(" ", "")


def test_control_sheet_prints_right_after_intake(client, receive, people):
    dossier = receive()
    text = get_pdf(client, people["desk"], dossier, "control_sheet")
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text
    assert f"Mã hồ sơ: {dossier.code}" in text
    assert "Thời gian nhận hồ sơ: 08 giờ 00 phút, ngày 03/03/2025" in text
    assert text.count("Giao:") == 4  # rows the officers fill in as it moves


def test_receipt_keeps_the_appointment_given_at_reception(receive, people):
    dossier = receive()
    services.dossier_assign(
        dossier=dossier, actor=people["desk"], assignee=people["specialist"], at=vn(3, 9)
    )
    services.dossier_request_supplement(
        dossier=dossier, actor=people["specialist"], reason="Thiếu", at=vn(4, 9)
    )
    services.dossier_receive_supplement(dossier=dossier, actor=people["desk"], at=vn(6, 9))
    assert dossier.due_at == vn(10, 8)
    data = receipt_data(dossier, status_url="https://x.vn/tra-cuu/")
    assert data.due_at == vn(6, 8)


def test_another_ward_gets_404(client, receive, people):
    dossier = receive()
    client.force_login(people["other_desk"])
    assert client.get(form_url(dossier, "receipt")).status_code == 404


def test_citizen_and_anonymous_cannot_print(client, receive, people):
    dossier = receive(applicant_user=people["citizen"])
    response = client.get(form_url(dossier, "receipt"))
    assert response.status_code == 302 and "dang-nhap" in response["Location"]
    client.force_login(people["citizen"])
    assert client.get(form_url(dossier, "receipt")).status_code == 404


def test_department_holding_the_dossier_can_print_it(client, processing, people):
    text = get_pdf(client, people["specialist"], processing, "control_sheet")
    assert processing.code in text


def test_unknown_form_or_form_without_its_event_is_404(client, processing, people):
    client.force_login(people["desk"])
    assert client.get(form_url(processing, "khong-co")).status_code == 404
    assert client.get(form_url(processing, "apology")).status_code == 404
    # The 2018 set has no stop notice.
    assert client.get(form_url(processing, "stop")).status_code == 404


def test_supplement_slip_lists_each_item(client, processing, people):
    services.dossier_request_supplement(
        dossier=processing,
        actor=people["specialist"],
        reason="- Bản sao chứng thực giấy chứng nhận\n- Sơ đồ thửa đất có xác nhận",
        at=vn(4, 9),
    )
    text = get_pdf(client, people["desk"], processing, "supplement")
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text
    assert f"Mã hồ sơ: {processing.code}" in text
    assert "1. Bản sao chứng thực giấy chứng nhận" in text
    assert "2. Sơ đồ thửa đất có xác nhận" in text
    assert "Hiệp Thành, ngày 04 tháng 03 năm 2025" in text


def test_refusal_of_an_online_filing(client, procedure, units, people):
    dossier = services.dossier_submit(
        procedure_version=procedure,
        unit=units["desk"],
        applicant=APPLICANT,
        components=[{"name": c["name"]} for c in COMPONENTS[:2]],
        submitted_by=people["citizen"],
        submitted_at=vn(1, 21),
    )
    services.dossier_refuse(
        dossier=dossier, actor=people["desk"], reason="Không thuộc thẩm quyền.", at=vn(3, 8)
    )
    assert offers_form(client, people["desk"], dossier, "refusal")
    assert not offers_form(client, people["desk"], dossier, "stop")
    text = get_pdf(client, people["desk"], dossier, "refusal")
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text
    assert "Không thuộc thẩm quyền" in text
    assert "Nguyễn Văn Bình" in text


def test_apology_gives_both_appointments(client, processing, people):
    services.dossier_apologise(
        dossier=processing,
        actor=people["desk"],
        reason="Cần xác minh nguồn gốc đất.",
        new_appointment=vn(11, 16, 30),
        at=vn(5, 16),
    )
    assert offers_form(client, people["desk"], processing, "apology")
    text = get_pdf(client, people["desk"], processing, "apology")
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
    assert "06/03/2025" in text and "11/03/2025" in text
    assert "Cần xác minh nguồn gốc đất" in text


def test_control_sheet_lists_the_handovers_with_step_results(client, processing, people, units):
    services.dossier_transfer(
        dossier=processing,
        actor=people["specialist"],
        to_unit=units["city_tnmt"],
        note="Xác minh nguồn gốc đất",
        at=vn(3, 14),
    )
    services.dossier_transfer_return(
        dossier=processing, actor=people["city_specialist"], at=vn(4, 9)
    )
    _walk_to_result(processing, people, vn(4, 10))
    data = control_sheet_data(processing)
    assert [(h.step, h.giver_unit, h.receiver_unit, h.result) for h in data.handovers[:3]] == [
        ("Tiếp nhận hồ sơ", "Bộ phận Một cửa phường Hiệp Thành", "Tư pháp - Hộ tịch", "đúng hạn"),
        # 5 and 5 working hours out of the step's 12: early.
        ("Thẩm định hồ sơ", "Tư pháp - Hộ tịch", "Phòng Tài nguyên và Môi trường", "trước hạn"),
        ("Thẩm định hồ sơ", "Phòng Tài nguyên và Môi trường", "Tư pháp - Hộ tịch", "trước hạn"),
    ]
    assert data.handovers[0].receiver_name == "Chuyenvien"
    assert data.coordinating_bodies == ["Phòng Tài nguyên và Môi trường"]
    assert data.handling_body == "Tư pháp - Hộ tịch"
    text = get_pdf(client, people["desk"], processing, "control_sheet")
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text
    assert "Thẩm định hồ sơ" in text and "Ký kết quả" in text
    assert "Đúng hạn" in text and "Trước hạn" in text


@pytest.fixture
def received_2025(receive):
    """A dossier received on Monday 3/11/2025: the Circular 03/2025 set (in force from
    30/10/2025, printing/templates/tt03_2025/forms.json)."""
    return receive(at=vn(3, 8, month=11))


def _apologise(dossier, people, day, month):
    services.dossier_assign(
        dossier=dossier, actor=people["desk"], assignee=people["specialist"],
        at=vn(day, 9, month=month),
    )  # fmt: skip
    services.dossier_apologise(
        dossier=dossier,
        actor=people["desk"],
        reason="Cần xác minh.",
        new_appointment=dossier.due_at + timezone.timedelta(days=5),
        at=vn(day, 10, month=month),
    )


def test_dossiers_from_the_2025_circular_use_the_2025_set(client, received_2025, people):
    dossier = received_2025
    _apologise(dossier, people, 3, 11)
    text = get_pdf(client, people["desk"], dossier, "apology")
    assert "ĐỀ NGHỊ GIA HẠN" in text.upper()
    due = timezone.localtime(dossier.due_at)
    receipt = get_pdf(client, people["desk"], dossier, "receipt")
    assert f"{due:%H} giờ {due:%M} phút, ngày {due:%d/%m/%Y}" in receipt


def test_stop_notice_of_the_2025_set(client, received_2025, people):
    dossier = received_2025
    services.dossier_stop(
        dossier=dossier,
        actor=people["head"],
        reason="Đất đang có tranh chấp.",
        at=vn(4, 10, month=11),
    )
    assert offers_form(client, people["desk"], dossier, "stop")
    assert not offers_form(client, people["desk"], dossier, "refusal")
    text = get_pdf(client, people["desk"], dossier, "stop")
    assert "THÔNG BÁO" in text and "DỪNG GIẢI QUYẾT HỒ SƠ" in text
    assert dossier.code in text
    assert "Đất đang có tranh chấp" in text


def test_a_dossier_received_before_the_2025_circular_keeps_the_2018_set(client, receive, people):
    # Received Monday 8/9/2025: Decree 118/2025 in force, Circular 03/2025 not yet signed
    # (15/9/2025) nor in force: the dossier keeps the 2018 forms for life.
    dossier = receive(at=vn(8, 8, month=9))
    _apologise(dossier, people, 8, 9)
    text = get_pdf(client, people["desk"], dossier, "apology").upper()
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
    assert "ĐỀ NGHỊ GIA HẠN" not in text


def test_officer_reading_in_english_prints_bilingual(client, receive, people):
    """The officer's language (the site's switch) chooses the print: Vietnamese legal text with
    the English beside it (printing/templates/labels.en.json)."""
    dossier = receive()
    client.force_login(people["desk"])
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    text = get_pdf(client, people["desk"], dossier, "receipt")
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert "Receipt of dossier and appointment for the result" in text
    assert f"Mã hồ sơ (Dossier code): {dossier.code}" in text
    assert "Socialist Republic of Viet Nam" in text
    assert "Tờ khai Bản chính (original) 01" in text  # the component's form, glossed
    client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    assert "Dossier code" not in get_pdf(client, people["desk"], dossier, "receipt")
