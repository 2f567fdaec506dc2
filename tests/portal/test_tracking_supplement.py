"""The citizen answers a supplement request online: sees exactly what is missing, uploads one
file per item, and the clock resumes on submission (the due instant moves by the working time
paused). Wrong-type or oversize files are refused with a clear message and change nothing."""

import pytest

from motcua.documents.models import CitizenDocument
from motcua.dossiers import services
from motcua.dossiers.domain.workflow import Status
from tests.portal import tracking_data as data

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return data.make_world(make_user)


@pytest.fixture
def asked(world):
    return data.supplement_requested(world)


def _url(d, suffix=""):
    return f"/cong-dan/ho-so/{d.code}/{suffix}"


def _files(tmp_path):
    return sorted(p.name for p in tmp_path.rglob("*") if p.is_file())


def test_the_dossier_page_lists_what_is_missing(client, world, asked, django_assert_num_queries):
    client.force_login(world["citizen"])
    # session, user, roles (navigation), dossier, events, payments
    with django_assert_num_queries(6):
        response = client.get(_url(asked))
    text = response.content.decode()
    assert 'action="/cong-dan/ho-so/' + asked.code + '/bo-sung/"' in text
    assert '<label for="id_tep_1">Bản sao giấy khai sinh</label>' in text
    assert '<label for="id_tep_2">Sơ đồ vị trí thửa đất</label>' in text
    # The hidden version field carries no stray label ("Phien ban").
    assert 'name="phien_ban"' in text and "Phien ban" not in text


def test_sending_the_supplement_resumes_the_clock(client, world, asked, monkeypatch):
    # The citizen answers Thursday 6/3 09:00: paused from Tuesday 09:00, two working days.
    monkeypatch.setattr(services, "_now", lambda at: at or data.vn(6, 9))
    assert asked.due_at == data.vn(6, 8)
    client.force_login(world["citizen"])
    response = client.post(
        _url(asked, "bo-sung/"),
        {
            "phien_ban": asked.version,
            "tep_1": data.pdf("khai-sinh.pdf"),
            "tep_2": data.pdf("so-do.png", data.PNG),
            "ghi_chu": "Gửi bổ sung",
        },
    )
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.status == Status.PROCESSING
    # Thursday 08:00 + 960 paused working minutes = Monday 10/3 08:00
    assert asked.due_at == data.vn(10, 8) and asked.appointment_at == data.vn(10, 8)
    added = list(asked.components.filter(supplement=True).order_by("id"))
    assert [c.name for c in added] == ["Bản sao giấy khai sinh", "Sơ đồ vị trí thửa đất"]
    assert all(c.file for c in added)
    # each file is kept in the citizen's e-data store for later filings
    stored = CitizenDocument.objects.filter(owner=world["citizen"], source_dossier=asked)
    assert sorted(stored.values_list("name", flat=True)) == [c.name for c in added]
    event = asked.events.order_by("-id").first()
    assert (event.action, event.actor) == ("receive_supplement", world["citizen"])
    page = client.get(_url(asked)).content.decode()
    assert "Đã gửi hồ sơ bổ sung" in page
    assert '<dd data-testid="hen-tra">08:00 10/03/2025</dd>' in page


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: data.pdf("trang.pdf", data.HTML), "không phải tệp PDF, JPEG"),
        (lambda: data.pdf("lon.pdf", data.PDF + b"0" * 2048), "vượt quá giới hạn"),
    ],
    ids=["html-renamed-pdf", "oversize"],
)
def test_a_refused_file_changes_nothing(client, world, asked, settings, tmp_path, upload, message):
    settings.MOTCUA_UPLOAD_MAX_BYTES = 1024
    client.force_login(world["citizen"])
    version, files_before = asked.version, _files(tmp_path)
    response = client.post(
        _url(asked, "bo-sung/"),
        {"phien_ban": version, "tep_1": upload(), "tep_2": data.pdf("so-do.pdf")},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    asked.refresh_from_db()
    assert (asked.status, asked.version) == (Status.SUPPLEMENT_REQUESTED, version)
    assert not asked.components.filter(supplement=True).exists()
    assert not CitizenDocument.objects.filter(source_dossier=asked).exists()
    assert _files(tmp_path) == files_before


def test_every_item_needs_its_file(client, world, asked):
    client.force_login(world["citizen"])
    response = client.post(
        _url(asked, "bo-sung/"), {"phien_ban": asked.version, "tep_1": data.pdf()}
    )
    assert response.status_code == 400
    assert "Vui lòng chọn tệp cho giấy tờ này." in response.content.decode()
    asked.refresh_from_db()
    assert asked.status == Status.SUPPLEMENT_REQUESTED


def test_a_stale_page_gets_the_conflict_message(client, world, asked):
    client.force_login(world["citizen"])
    files = {"tep_1": data.pdf(), "tep_2": data.pdf()}
    response = client.post(_url(asked, "bo-sung/"), {"phien_ban": asked.version - 1, **files})
    assert response.status_code == 400
    assert "đã được người khác cập nhật" in response.content.decode()


def test_another_citizen_cannot_answer_or_see_it(client, world, asked):
    client.force_login(world["citizen2"])
    assert client.get(_url(asked)).status_code == 404
    files = {"tep_1": data.pdf(), "tep_2": data.pdf()}
    response = client.post(_url(asked, "bo-sung/"), {"phien_ban": asked.version, **files})
    assert response.status_code == 404
    asked.refresh_from_db()
    assert asked.status == Status.SUPPLEMENT_REQUESTED


def test_no_request_no_form(client, world):
    d = data.filed(world)
    client.force_login(world["citizen"])
    assert "bo-sung/" not in client.get(_url(d)).content.decode()
    response = client.post(_url(d, "bo-sung/"), {"phien_ban": d.version}, follow=True)
    assert "Hồ sơ hiện không có yêu cầu bổ sung nào." in response.content.decode()
