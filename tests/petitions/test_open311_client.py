"""A real Open311 client library from PyPI (georeport 0.3.1) against the running server.

georeport reads services, service definitions and requests (JSON and XML) but cannot create
requests, so the POST goes through `requests`, as a generic client would send it."""

import pytest
import requests
from georeport import GeoReport

from motcua.petitions.models import Petition
from motcua.petitions.services import open311_key_create, petition_transition


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("output_format", ["json", "xml"])
def test_georeport_client(live_server, units, people, output_format):
    key = open311_key_create(name="georeport")[1]
    root = f"{live_server.url}/open311/v2"
    client = GeoReport(
        root, jurisdiction=units["ward"].code, api_key=key, output_format=output_format
    )

    services = client.get_service_list()
    assert [s["service_code"] for s in services] == [
        "regulation",
        "procedure",
        "dossier",
        "conduct",
    ]
    assert client.get_service_definition("regulation")["service_code"] == "regulation"

    r = requests.post(
        f"{root}/requests.json",
        data={
            "api_key": key, "jurisdiction_id": units["ward"].code, "service_code": "regulation",
            "description": "Quy định về lệ phí chứng thực chưa rõ.", "email": "an@example.vn",
            "lat": "10.98", "long": "106.65",
        },
        timeout=10,
    )  # fmt: skip
    assert r.status_code == 201, r.text
    code = r.json()[0]["service_request_id"]

    p = Petition.objects.get(code=code)
    for action, who, text in [
        ("accept", "specialist", ""),
        ("answer", "specialist", "Lệ phí theo Thông tư 226/2016/TT-BTC."),
        ("publish", "head", ""),
    ]:
        p = petition_transition(petition=p, action=action, actor=people[who], reason=text)

    one = client.get_service_request(code)
    assert one["service_request_id"] == code and one["status"] == "closed"
    assert "Thông tư 226/2016/TT-BTC" in one["status_notes"]
    many = client.get_service_requests(service_request_id=code)
    many = many if isinstance(many, list) else [many]  # xmltodict: one element is a dict
    assert [m["service_request_id"] for m in many] == [code]
