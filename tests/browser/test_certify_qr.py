"""Certify → print → scan the QR → the verification page says authentic; a tampered copy is
reported as altered. The QR is really decoded (zxing-cpp) from the printed page rendered to
pixels (PDFium)."""

import pytest
from playwright.sync_api import expect

from motcua.accounts.roles import Role
from tests.browser.axe import assert_accessible
from tests.certify.conftest import scan_png
from tests.factories import small_tree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _qr_urls_on_last_page(pdf: bytes) -> list[str]:
    import pypdfium2
    import zxingcpp

    doc = pypdfium2.PdfDocument(pdf)
    image = doc[len(doc) - 1].render(scale=200 / 72).to_pil()  # printed and scanned at 200 dpi
    return [
        b.text for b in zxingcpp.read_barcodes(image) if b.format == zxingcpp.BarcodeFormat.QRCode
    ]


def test_certify_print_scan_verify_and_tamper(
    page, login, make_user, settings, tmp_path, live_server
):
    settings.MOTCUA_CERTIFY_DIR = tmp_path / "certify"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MOTCUA_PUBLIC_URL = live_server.url
    unit = small_tree()["A"]
    make_user("motcua", Role.ONE_STOP_OFFICER, unit=unit, full_name="Nguyễn Văn Một")
    scan = tmp_path / "ban-chinh.png"
    scan.write_bytes(scan_png("GIẤY KHAI SINH\nHọ tên: Trần Thị Lan"))

    login(page, "motcua")
    page.goto("/chung-thuc/")
    assert_accessible(page)
    page.get_by_label("Cơ quan chứng thực").select_option(label=unit.name)
    page.get_by_label("Tên giấy tờ").fill("Giấy khai sinh")
    page.get_by_label("Bản quét hoặc tệp PDF của bản chính").set_input_files(str(scan))
    page.get_by_label("Tôi đã đối chiếu bản sao với bản chính").check()
    page.get_by_role("button", name="Chứng thực và ký số").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("SCBS-ĐT")
    link = page.get_by_role("link", name="Tải bản sao điện tử đã ký số (PDF) để in hoặc gửi")
    pdf = page.request.get(link.get_attribute("href")).body()
    assert pdf.startswith(b"%PDF-")

    # Print, scan the QR code, open what it says.
    urls = _qr_urls_on_last_page(pdf)
    assert len(urls) == 1 and urls[0].startswith(live_server.url + "/xac-thuc/")
    page.context.clear_cookies()  # anyone, not signed in
    page.goto(urls[0])
    expect(page.get_by_text(unit.name).first).to_be_visible()
    assert_accessible(page)

    copy = tmp_path / "ban-sao.pdf"
    copy.write_bytes(pdf)
    page.get_by_label("Tệp bản sao điện tử (PDF)").set_input_files(str(copy))
    page.get_by_role("button", name="Kiểm tra").click()
    expect(page.get_by_role("status")).to_contain_text("XÁC THỰC: bản sao là bản gốc điện tử")
    expect(page.get_by_role("status")).to_contain_text(f"Đơn vị chứng thực: {unit.name}")

    # One byte changed somewhere in the middle.
    i = len(pdf) // 2
    tampered = tmp_path / "ban-sao-sua.pdf"
    tampered.write_bytes(pdf[:i] + bytes([pdf[i] ^ 0x01]) + pdf[i + 1 :])
    page.get_by_label("Tệp bản sao điện tử (PDF)").set_input_files(str(tampered))
    page.get_by_role("button", name="Kiểm tra").click()
    expect(page.get_by_role("alert")).to_contain_text("KHÔNG XÁC THỰC")
    assert_accessible(page)


def test_desk_digitises_a_component_in_the_browser(page, login, make_user, settings, tmp_path):
    from motcua.dossiers import services
    from tests.portal import tracking_data as data

    settings.MEDIA_ROOT = tmp_path / "media"
    world = data.make_world(make_user)
    dossier = services.dossier_receive(
        procedure_version=world["procedure"],
        unit=world["units"]["desk"],
        applicant=data.APPLICANT,
        channel=1,
        components=[{"name": "Tờ khai"}],
        received_by=world["desk"],
        received_at=data.vn(3, 8),
    )
    scan = tmp_path / "to-khai.png"
    scan.write_bytes(scan_png("Tờ khai"))
    login(page, "motcua")
    page.goto(f"/ho-so/{dossier.code}/")
    page.get_by_role("link", name="Số hóa thành phần, dùng lại giấy tờ đã có").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(dossier.code)
    expect(page.get_by_role("cell", name="Chưa số hóa")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Bản quét “Tờ khai”").set_input_files(str(scan))
    page.get_by_role("button", name="Số hóa").click()
    expect(page.get_by_role("cell", name="Đã số hóa: Motcua")).to_be_visible()
    expect(page.get_by_role("status").first).to_contain_text("Chờ nhận dạng chữ")
    assert_accessible(page)
