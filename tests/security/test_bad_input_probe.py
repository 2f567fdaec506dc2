"""Hole 8 of issue 9: bad input is a 400 (or 413), never a 500, on every URL pattern.

The probe walks Django's URL resolver (every pattern, the admin's included), fills the path
parameters with real values from the test data (a received dossier, its procedure, component,
the reader's draft...), and sends, as anonymous, an officer and a superuser: a NUL byte in the
query string, in the path, in a form field and in a JSON body, and a body whose Content-Length
is over the cap (refused before it is read). Reproductions of the issue are named tests below.
"""

import json
import re
import uuid

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from motcua.core import hygiene

pytestmark = pytest.mark.django_db

UUID_VALUE = uuid.UUID("00000000-0000-4000-8000-000000000000")


def _patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = namespace
            if p.namespace:
                ns = f"{namespace}{p.namespace}:"
            yield from _patterns(p, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{namespace}{p.name}", list(p.pattern.regex.groupindex)


@pytest.fixture
def values(receive, procedure, people):
    from motcua.accounts.models import User

    dossier = receive()
    component = procedure.components.first()
    return {
        "code": dossier.code,
        "national_code": procedure.procedure.national_code,
        "version": procedure.version if hasattr(procedure, "version") else 1,
        "component_id": component.pk,
        "form": "phieu-tiep-nhan",
        "action": "assign",
        "reference": "TT-0001",
        "draft_id": uuid.uuid4(),
        "pk": people["desk"].pk,
        "result_id": 1,
        "uidb64": "MQ",
        "token": "abc-def",
        "app_label": "accounts",
        "model_name": "user",
        "object_id": str(User.objects.first().pk),
        "content_type_id": "1",
        "id": "1",
        "url": "x",
        "fmt": "json",
        "rid": "1",
    }


def _urls(values):
    urls = []
    for name, params in _patterns():
        kwargs = {p: values[p] for p in params if p in values}
        try:
            urls.append(reverse(name, kwargs=kwargs))
            continue
        except Exception:  # noqa: BLE001 - a pattern needing another shape of value
            pass
        # Patterns typed as UUIDs (e.g. a certified copy's verification token).
        kwargs = {p: UUID_VALUE if p in ("token", "id") else v for p, v in kwargs.items()}
        try:
            urls.append(reverse(name, kwargs=kwargs))
        except Exception:  # noqa: BLE001 - a pattern needing a value the map lacks
            pytest.fail(f"no value to build {name} {params}")
    return sorted(set(urls))


def _probes(url):
    """(description, method, path, extra) for every bad input sent to `url`."""
    base = url.rstrip("/")
    return [
        ("NUL in query", "get", f"{url}?q=%00&ma=a%00b&unit=%00", {}),
        ("NUL in path", "get", f"{base}%00/", {}),
        ("control char in query", "get", f"{url}?q=%1b%5b", {}),
        ("NUL in form", "post", url, {"data": {"username": "a\x00", "q": "\x00"}}),
        (
            "NUL in JSON",
            "post",
            url,
            {"data": json.dumps({"assignee": "\u0000"}), "content_type": "application/json"},
        ),
        (
            "oversize",
            "post",
            url,
            {"data": b"", "content_type": "application/json", "CONTENT_LENGTH": str(512 << 20)},
        ),
    ]


def test_every_url_pattern_answers_bad_input_with_400_or_413(values, people):
    from motcua.accounts.models import User

    urls = _urls(values)
    assert len(urls) > 150  # the whole site, admin included
    root = User.objects.create_superuser("root", "root@example.vn", "mat-khau-quan-tri-9")
    failures = []
    for who in [None, people["desk"], root]:
        client = Client(raise_request_exception=False)
        if who is not None:
            client.force_login(who)
        for url in urls:
            for what, method, path, extra in _probes(url):
                response = getattr(client, method)(path, **extra)
                expected = 413 if what == "oversize" else 400
                if what == "NUL in form" and url.startswith("/api/"):
                    # The API takes JSON only: a form is refused before it is read (401, 405
                    # or 415), never parsed.
                    ok = 400 <= response.status_code < 500
                else:
                    ok = response.status_code == expected
                if not ok:
                    failures.append((who and who.username, what, path, response.status_code))
    assert failures == []


def test_public_search_with_nul_is_a_clear_vietnamese_400(client):
    response = client.get("/cong-dan/thu-tuc/?q=%00")
    assert response.status_code == 400
    assert "ký tự không hợp lệ" in response.content.decode()
    assert response["Content-Type"].startswith("text/html")


def test_api_with_nul_answers_json(client, people):
    client.force_login(people["desk"])
    response = client.get("/api/v1/ho-so/?unit=%00")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_characters"
    response = client.post(
        "/api/v1/ho-so/X/assign/",
        data=json.dumps({"assignee": "\u0000"}),
        content_type="application/json",
    )
    assert response.status_code == 400 and "ký tự không hợp lệ" in response.json()["detail"]


def test_oversize_body_is_refused_before_it_is_read(rf):
    class Unreadable:
        def read(self, *args):
            raise AssertionError("the body was read")

    request = rf.post("/api/v1/ho-so/", data=b"", content_type="application/json")
    request.META["CONTENT_LENGTH"] = str(512 << 20)
    request.META["wsgi.input"] = Unreadable()
    request._stream = Unreadable()
    response = hygiene.RequestHygieneMiddleware(lambda r: pytest.fail("view reached"))(request)
    assert response.status_code == 413
    assert "quá lớn" in json.loads(response.content)["detail"]


@pytest.mark.parametrize(
    "value, bad",
    [
        ("Nguyễn Văn A", False),
        ("dòng 1\ndòng 2\tcột\r\n", False),
        ("a\x00b", True),
        ("\x1b[31m", True),
        ("\x7f", True),
        ("\ud800", True),
        ({"a": ["x", {"b": "\x00"}]}, True),
        ({"\x00": 1}, True),
        ([1, 2.5, None, True], False),
    ],
)
def test_bad_characters_table(value, bad):
    assert hygiene.has_bad_chars(value) is bad


def test_clean_requests_pass_through(client):
    response = client.get("/cong-dan/thu-tuc/?q=khai+sinh")
    assert response.status_code == 200
    assert re.search("khai sinh", response.content.decode(), re.I)


def test_the_refusal_speaks_english_when_the_visitor_chose_it(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/cong-dan/thu-tuc/?q=%00")
    assert response.status_code == 400
    assert "invalid characters" in response.content.decode()
    assert response["Content-Language"] == "en"
