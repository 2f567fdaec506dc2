"""The native REST API at /api/v1/phan-anh/: submit (signed in or not), read, act; and the
access matrix: a citizen never reads another's petition, an officer only their units'."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from motcua.petitions.models import Petition
from tests.petitions.conftest import SENDER

URL = "/api/v1/phan-anh/"


@pytest.fixture
def api(db):
    def _client(user=None):
        client = APIClient()
        if user is not None:
            token, _ = Token.objects.get_or_create(user=user)
            client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return _client


def body(units, **kw):
    data = {
        "unit": units["ward"].code,
        "subject": "regulation",
        "title": "Lệ phí chứng thực",
        "content": "Đề nghị công khai mức lệ phí.",
        "sender": SENDER,
    }
    data.update(kw)
    return data


def test_submit_without_an_account_and_read_as_officer(api, units, people):
    r = api().post(URL, body(units), format="json")
    assert r.status_code == 201, r.content
    code = r.json()["code"]
    assert r.json()["lookup_key"] and r.json()["status"] == "received"
    assert Petition.objects.get(code=code).channel == "api"
    r = api(people["desk"]).get(f"{URL}{code}/")
    assert r.status_code == 200 and r.json()["sender_email"] == SENDER["email"]
    r = api(people["specialist"]).post(f"{URL}{code}/accept/", {}, format="json")
    assert r.status_code == 200 and r.json()["status"] == "in_scope"
    r = api(people["specialist"]).post(f"{URL}{code}/answer/", {}, format="json")
    assert r.status_code == 409 and "cần ghi rõ" in r.json()["detail"]


@pytest.mark.parametrize(
    "override, words",
    [
        ({"unit": "khong-co"}, "Không có đơn vị"),
        ({"kind": "khieu_nai"}, "feedback"),
        ({"content": "a\x00b"}, "NUL"),
        ({"sender": {"name": "A"}}, "số điện thoại hoặc thư điện tử"),
    ],
)
def test_bad_input(api, units, override, words):
    r = api().post(URL, body(units, **override), format="json")
    assert r.status_code == 400
    assert words in str(r.json())
    assert not Petition.objects.exists()


# who reads, whose petition, visible?
MATRIX = [
    ("citizen", True),  # the sender
    ("citizen2", False),  # another citizen
    ("desk", True),  # the ward's desk
    ("specialist", True),
    ("other_desk", False),  # another ward's desk
    ("supervisor", True),  # the city's supervisor sees its wards
]


@pytest.mark.parametrize("who, visible", MATRIX)
def test_access_matrix(api, units, people, who, visible):
    code = api(people["citizen"]).post(URL, body(units), format="json").json()["code"]
    r = api(people[who]).get(f"{URL}{code}/")
    assert r.status_code == (200 if visible else 404)
    listed = [p["code"] for p in api(people[who]).get(URL).json()["results"]]
    assert (code in listed) is visible


def test_anonymous_cannot_list(api, db):
    assert api().get(URL).status_code in (401, 403)


def test_list_query_count_does_not_grow(api, units, people, django_assert_max_num_queries):
    for _ in range(5):
        api(people["citizen"]).post(URL, body(units), format="json")
    client = api(people["desk"])
    with django_assert_max_num_queries(8):
        r = client.get(URL)
    assert r.json()["count"] == 5
