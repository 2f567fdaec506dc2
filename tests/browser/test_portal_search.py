"""A citizen on a phone finds a procedure without typing accents (HTMX as they type, and
without JavaScript), opens it and reads time, fees, steps and where to file."""

import pytest
from django.core.cache import cache

from tests.browser.axe import assert_accessible
from tests.portal.data import make_catalogue, make_wards

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def catalogue():
    cache.clear()
    return make_catalogue(make_wards())


def test_search_without_diacritics_then_open_the_procedure(phone_page, catalogue):
    page = phone_page
    page.goto("/cong-dan/")
    assert_accessible(page)
    page.get_by_label("Tìm thủ tục (gõ có dấu hoặc không dấu)").fill("chung thuc ban sao")
    page.get_by_role("button", name="Tìm").click()
    page.wait_for_url("**/cong-dan/thu-tuc/?q=chung+thuc+ban+sao")
    results = page.get_by_test_id("so-ket-qua")
    assert results.inner_text().startswith("1 thủ tục")

    # typing updates the results in place (HTMX), without a new page
    box = page.get_by_label("Tên, mã thủ tục, lĩnh vực hoặc đơn vị", exact=False)
    box.fill("giay phep xay dung")
    page.get_by_role("link", name="Cấp giấy phép xây dựng nhà ở riêng lẻ").wait_for()
    assert page.get_by_role("link", name="Chứng thực bản sao", exact=False).count() == 0
    box.fill("chung thuc ban sao")
    page.get_by_role("link", name="Chứng thực bản sao", exact=False).wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Chứng thực bản sao", exact=False).click()
    page.get_by_role("heading", name="Chứng thực bản sao từ bản chính giấy tờ, văn bản").wait_for()
    assert page.get_by_test_id("thoi-han").inner_text() == "Trong ngày (nộp trước 15:00)"
    assert "2.000 đồng/trang" in page.get_by_test_id("phi").inner_text()
    assert "Xem xét, ký chứng thực" in page.get_by_test_id("trinh-tu").inner_text()
    assert "Phường Phú Cường" in page.get_by_test_id("noi-nop").inner_text()
    assert "toàn trình" in page.get_by_test_id("muc-do").inner_text()
    filing = page.get_by_test_id("nop-truc-tuyen")
    assert filing.inner_text() == "Nộp hồ sơ trực tuyến"
    link = filing.get_by_role("link", name="Nộp hồ sơ trực tuyến")
    assert link.get_attribute("href").endswith("/cong-dan/nop-ho-so/2.000815/")
    assert_accessible(page)


def test_search_works_without_javascript(browser, live_server, catalogue):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/cong-dan/thu-tuc/")
        page.get_by_label("Lĩnh vực", exact=True).select_option(label="Hoạt động xây dựng")
        page.get_by_role("button", name="Tìm").click()
        page.wait_for_url("**linh_vuc=XD**")
        assert page.get_by_test_id("so-ket-qua").inner_text().startswith("1 thủ tục")
        page.get_by_role("link", name="Cấp giấy phép xây dựng nhà ở riêng lẻ").click()
        assert page.get_by_test_id("thoi-han").inner_text() == "05 ngày làm việc"
        assert "50.000 đồng" in page.get_by_test_id("phi").inner_text()
    finally:
        context.close()
