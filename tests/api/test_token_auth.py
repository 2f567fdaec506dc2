"""Authentication: `Authorization: Token <key>` for systems, the session for the browser."""

from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from .conftest import LIST_URL, detail_url, intake_body


def test_token_header_authenticates(people, processing):
    token = Token.objects.create(user=people["desk"])
    client = APIClient()
    r = client.get(detail_url(processing.code), HTTP_AUTHORIZATION=f"Token {token.key}")
    assert r.status_code == 200
    assert r.json()["code"] == processing.code


def test_wrong_token_is_401_in_vietnamese(people, processing):
    Token.objects.create(user=people["desk"])
    r = APIClient().get(detail_url(processing.code), HTTP_AUTHORIZATION="Token sai-khoa")
    assert r.status_code == 401
    assert r.json()["detail"] == (
        "Xác thực không thành công: token không hợp lệ hoặc tài khoản đã bị khóa."
    )


def test_inactive_user_token_is_refused(people, processing):
    token = Token.objects.create(user=people["desk"])
    people["desk"].is_active = False
    people["desk"].save()
    r = APIClient().get(detail_url(processing.code), HTTP_AUTHORIZATION=f"Token {token.key}")
    assert r.status_code == 401


def test_session_login_works_and_needs_csrf_for_writes(people, procedure, password):
    client = APIClient(enforce_csrf_checks=True)
    assert client.login(username="motcua", password=password)
    assert client.get(LIST_URL).status_code == 200
    r = client.post(LIST_URL, intake_body(), format="json")
    assert r.status_code == 403
    assert r.json()["detail"].startswith("Thiếu hoặc sai mã CSRF")
