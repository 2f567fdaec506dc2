"""An English browser still gets Vietnamese until the person chooses English."""

import pytest


@pytest.mark.django_db
def test_accept_language_english_still_gets_vietnamese(client):
    page = client.get("/tai-khoan/dang-nhap/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert 'lang="vi"' in page.content.decode()
    assert "Đăng nhập" in page.content.decode()


@pytest.mark.django_db
def test_choosing_english_switches(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/tai-khoan/dang-nhap/").content.decode()
    assert 'lang="en"' in page and "Sign in" in page
