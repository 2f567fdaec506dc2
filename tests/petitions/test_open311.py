"""Open311 GeoReport v2 at /open311/v2/: the spec's documented requests replayed against our
server with the documented response shapes (wiki.open311.org/GeoReport_v2: GET Service List,
GET Service Definition, POST Service Request, GET Service Requests, GET Service Request, and
the error object), the filters, bad input, and who may see what."""

import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command

from motcua.accounts.roles import Role
from motcua.petitions.models import Open311ApiKey, Petition, api_key_hash
from motcua.petitions.services import open311_key_create
from tests.petitions.conftest import vn

BASE = "/open311/v2"
# Keys of the spec's documented responses (GeoReport v2, "Sample Response" of each method).
SERVICE_KEYS = {
    "service_code",
    "service_name",
    "description",
    "metadata",
    "type",
    "keywords",
    "group",
}
REQUEST_KEYS = {
    "service_request_id", "status", "status_notes", "service_name", "service_code",
    "description", "agency_responsible", "service_notice", "requested_datetime",
    "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat",
    "long", "media_url",
}  # fmt: skip


@pytest.fixture
def key(db):
    return open311_key_create(name="Ứng dụng phản ánh")[1]


@pytest.fixture
def post(client, units, key):
    def _post(fmt="json", **data):
        body = {
            "api_key": key,
            "jurisdiction_id": units["ward"].code,
            "service_code": "procedure",
            "description": "Thủ tục chứng thực yêu cầu quá nhiều bản sao.",
            "first_name": "Mai",
            "last_name": "Trần",
            "email": "mai@example.vn",
            "phone": "0987654321",
            "lat": "10.980000",
            "long": "106.650000",
            "address_string": "5 Nguyễn Trãi, Thủ Dầu Một",
            "media_url": "https://example.vn/anh.jpg",
        }
        body.update(data)
        return client.post(
            f"{BASE}/requests.{fmt}", {k: v for k, v in body.items() if v is not None}
        )

    return _post


def test_service_list_json_and_xml(client, db):
    r = client.get(f"{BASE}/services.json")
    assert r.status_code == 200 and r["Content-Type"] == "application/json"
    services = r.json()
    assert [s["service_code"] for s in services] == [
        "regulation",
        "procedure",
        "dossier",
        "conduct",
    ]
    assert all(set(s) == SERVICE_KEYS for s in services)
    assert services[0]["metadata"] is False and services[0]["type"] == "batch"
    root = ET.fromstring(client.get(f"{BASE}/services.xml").content)
    assert root.tag == "services"
    assert [s.findtext("service_code") for s in root.findall("service")][:2] == [
        "regulation", "procedure",
    ]  # fmt: skip
    assert root.find("service/metadata").text == "false"


def test_service_definition(client, db):
    assert client.get(f"{BASE}/services/conduct.json").json() == {
        "service_code": "conduct",
        "attributes": [],
    }
    root = ET.fromstring(client.get(f"{BASE}/services/conduct.xml").content)
    assert root.tag == "service_definition" and root.findtext("service_code") == "conduct"
    r = client.get(f"{BASE}/services/khong-co.json")
    assert r.status_code == 404
    assert r.json() == [{"code": 404, "description": "Không có service_code “khong-co”."}]


def test_post_then_read_as_the_posting_application(client, post, key):
    r = post()
    assert r.status_code == 201
    (created,) = r.json()
    assert set(created) == {"service_request_id", "service_notice", "account_id"}
    p = Petition.objects.get(code=created["service_request_id"])
    assert p.channel == "open311" and p.sender_name == "Mai Trần" and p.latitude is not None
    (row,) = client.get(f"{BASE}/requests/{p.code}.json", {"api_key": key}).json()
    assert set(row) == REQUEST_KEYS
    assert row["status"] == "open" and row["service_code"] == "procedure"
    assert row["agency_responsible"] == "Phường Hiệp Thành"
    assert row["requested_datetime"].endswith("+07:00")
    assert dt.datetime.fromisoformat(row["expected_datetime"]) == p.classify_due_at
    assert row["address"] == "5 Nguyễn Trãi, Thủ Dầu Một" and row["lat"] == 10.98
    # Never the sender's identity.
    text = json.dumps(row, ensure_ascii=False)
    assert "Mai" not in text and "0987654321" not in text and "mai@example.vn" not in text


def test_xml_post_and_request(client, post, key):
    r = post(fmt="xml")
    assert r.status_code == 201 and r["Content-Type"].startswith("text/xml")
    root = ET.fromstring(r.content)
    code = root.findtext("request/service_request_id")
    root = ET.fromstring(client.get(f"{BASE}/requests/{code}.xml", {"api_key": key}).content)
    assert root.tag == "service_requests" and root.findtext("request/status") == "open"


@pytest.mark.parametrize(
    "data, status, words",
    [
        ({"api_key": "sai"}, 403, "api_key không hợp lệ"),
        ({"api_key": None}, 403, "api_key"),
        ({"service_code": None}, 400, "Thiếu service_code"),
        ({"service_code": "xyz"}, 404, "Không có service_code"),
        ({"description": " "}, 400, "Thiếu description"),
        ({"lat": "abc"}, 400, "lat phải là số"),
        ({"lat": "95", "long": "100"}, 400, "ngoài khoảng"),
        ({"long": None}, 400, "Cần cả lat và long"),
        ({"media_url": "javascript:alert(1)"}, 400, "media_url"),
        ({"description": "a\x00b"}, 400, "NUL"),
        ({"jurisdiction_id": "khong-co"}, 404, "jurisdiction_id"),
        ({"email": "khong-hop-le"}, 400, "thư điện tử không hợp lệ"),
    ],
)
def test_bad_post_gets_the_spec_error_object(post, data, status, words):
    r = post(**data)
    assert r.status_code == status
    (err,) = r.json()
    assert set(err) == {"code", "description"} and err["code"] == status
    assert words in err["description"]
    assert not Petition.objects.exists()


def test_errors_in_xml(post):
    root = ET.fromstring(post(fmt="xml", api_key="sai").content)
    assert root.tag == "errors" and root.findtext("error/code") == "403"


def test_revoked_key_is_refused(post, key):
    Open311ApiKey.objects.filter(key_hash=api_key_hash(key)).update(active=False)
    assert post().status_code == 403


def test_another_application_or_the_public_cannot_read_an_unpublished_request(client, post, act):
    code = post().json()[0]["service_request_id"]
    other = open311_key_create(name="Ứng dụng khác")[1]
    for params in ({}, {"api_key": other}):
        assert client.get(f"{BASE}/requests/{code}.json", params).status_code == 404
        assert client.get(f"{BASE}/requests.json", params).json() == []
    # Once answered and published, everyone sees it, without the address of the sender.
    p = Petition.objects.get(code=code)
    act(p, "accept", "specialist")
    act(p, "answer", "specialist", "Chỉ cần một bản sao.")
    act(p, "publish", "head")
    (row,) = client.get(f"{BASE}/requests/{code}.json").json()
    assert row["status"] == "closed" and "Chỉ cần một bản sao." in row["status_notes"]
    assert row["address"] == "" and row["lat"] is None


def test_request_filters(client, submit, act, key):
    published = []
    for day, subject in [(3, "procedure"), (4, "regulation"), (5, "procedure")]:
        p = submit(subject=subject, at=vn(day, 8))
        act(p, "accept", "specialist", at=vn(day, 9))
        act(p, "answer", "specialist", "Trả lời", at=vn(day, 10))
        published.append(act(p, "publish", "head", at=vn(day, 11)))
    act(published[2], "disagree", "citizen", "Chưa thỏa đáng", at=vn(6, 8))

    def codes(**params):
        r = client.get(f"{BASE}/requests.json", params)
        assert r.status_code == 200, r.content
        return [row["service_request_id"] for row in r.json()]

    window = {"start_date": "2025-03-01T00:00:00Z", "end_date": "2025-03-10T00:00:00Z"}
    a, b, c = (p.code for p in published)
    assert codes(**window) == [c, b, a]
    assert codes(service_code="procedure", **window) == [c, a]
    assert codes(status="open", **window) == [c]  # disagreed: the agency owes an answer again
    assert codes(status="closed", **window) == [b, a]
    assert codes(start_date="2025-03-04T00:00:00+07:00", end_date="2025-03-05T00:00:00+07:00") == [
        b
    ]
    assert codes(service_request_id=f"{a},{c}") == [c, a]
    assert codes() == []  # the default window is the last 90 days: nothing in March 2025


@pytest.mark.parametrize(
    "params, words",
    [
        ({"start_date": "hom qua"}, "ISO 8601"),
        ({"start_date": "2025-01-01T00:00:00Z", "end_date": "2025-06-01T00:00:00Z"}, "90 ngày"),
        (
            {"start_date": "2025-03-02T00:00:00Z", "end_date": "2025-03-01T00:00:00Z"},
            "sau start_date",
        ),
        ({"status": "pending"}, "open hoặc closed"),
        ({"service_code": "x"}, "service_code không hợp lệ"),
    ],
)
def test_bad_filters(client, db, params, words):
    r = client.get(f"{BASE}/requests.json", params)
    assert r.status_code == 400 and words in r.json()[0]["description"]


def test_unknown_format_is_not_served(client, db):
    assert client.get(f"{BASE}/services.csv").status_code == 404


def test_key_command_prints_the_key_on_the_last_line(db, capsys):
    call_command("open311", "key", "create", "FixMyStreet Việt Nam")
    key = capsys.readouterr().out.strip().splitlines()[-1]
    row = Open311ApiKey.objects.get()
    assert row.name == "FixMyStreet Việt Nam" and row.key_hash == api_key_hash(key)
    assert key not in row.key_hash


def test_admin_issues_a_key_shown_once(client, make_user):
    admin = make_user("quantri", Role.ADMINISTRATOR)
    client.force_login(admin)
    r = client.post(
        "/quan-tri/petitions/open311apikey/add/",
        {"name": "Ứng dụng B", "active": "on"},
        follow=True,
    )
    assert r.status_code == 200
    row = Open311ApiKey.objects.get()
    shown = [str(m) for m in r.context["messages"]]
    (message,) = [m for m in shown if "chỉ hiển thị một lần" in m]
    key = message.rsplit(" ", 1)[-1]
    assert row.key_hash == api_key_hash(key) and row.prefix == key[:8]
    # The list never shows it again.
    assert key not in client.get("/quan-tri/petitions/open311apikey/").content.decode()


def test_replay_the_spec_sample_post_and_get(client, units, key):
    # GeoReport v2 "POST Service Request" sample, our service code and jurisdiction in place
    # of the sample's; extra fields the spec allows (device_id, account_id) are accepted.
    r = client.post(
        f"{BASE}/requests.json",
        {
            "api_key": key, "jurisdiction_id": units["ward"].code, "service_code": "conduct",
            "lat": "37.76524078", "long": "-122.4212043",
            "address_string": "1234 5th street", "email": "smit333@sfgov.edu",
            "device_id": "tt222111", "account_id": "123456", "first_name": "john",
            "last_name": "smith", "phone": "111111111",
            "description": "A large sinkhole is destroying the street",
            "media_url": "http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg",
        },
    )  # fmt: skip
    assert r.status_code == 201
    (created,) = r.json()
    assert list(created) == ["service_request_id", "service_notice", "account_id"]
    code = created["service_request_id"]
    # The sample "GET Service Requests" with service_request_id, by the posting application.
    rows = client.get(f"{BASE}/requests.json", {"service_request_id": code, "api_key": key}).json()
    (row,) = rows
    assert list(row) == [
        "service_request_id", "status", "status_notes", "service_name", "service_code",
        "description", "agency_responsible", "service_notice", "requested_datetime",
        "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat",
        "long", "media_url",
    ]  # fmt: skip
    assert row["lat"] == 37.765241 and row["long"] == -122.421204
    assert row["description"] == "A large sinkhole is destroying the street"
    assert row["media_url"].endswith("5ed477a060.jpg") and row["address"] == "1234 5th street"
    assert code in [
        x["service_request_id"]
        for x in client.get(f"{BASE}/requests.json", {"api_key": key}).json()
    ]
    # The sample error: [{"code": 403, "description": "..."}] / <errors><error>...
    r = client.post(f"{BASE}/requests.xml", {"api_key": "xyz", "service_code": "conduct"})
    assert r.status_code == 403
    root = ET.fromstring(r.content)
    assert [child.tag for child in root.find("error")] == ["code", "description"]


def test_jurisdiction_filters_and_unknown_jurisdiction_is_an_error(client, submit, act, units, key):
    p = submit()
    for action, who, text in [("accept", "specialist", ""), ("answer", "specialist", "Đã trả lời"),
                              ("publish", "head", "")]:  # fmt: skip
        act(p, action, who, text)

    def ids(jurisdiction):
        window = {"start_date": "2025-03-01T00:00:00Z", "end_date": "2025-03-10T00:00:00Z"}
        r = client.get(f"{BASE}/requests.json", {"jurisdiction_id": jurisdiction, **window})
        return r.status_code, [
            row["service_request_id"] for row in r.json()
        ] if r.status_code == 200 else r.json()

    assert ids(units["ward"].code) == (200, [p.code])
    assert ids(units["city"].code) == (200, [p.code])  # the city covers its wards
    assert ids(units["other"].code) == (200, [])
    status, body = ids("khong-co")
    assert status == 404 and body[0]["code"] == 404
    assert client.get(f"{BASE}/services.xml", {"jurisdiction_id": "khong-co"}).status_code == 404
