"""Downloading the electronic result from the citizen's dossier page: only once the result is
ready or returned, only with electronic delivery, only the owner (404 for anyone else or a
result id of another dossier)."""

import pytest

from tests.portal import tracking_data as data

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return data.make_world(make_user)


def test_the_owner_downloads_the_result(client, world, django_assert_num_queries):
    d = data.resolved(world)
    result = d.results.get()
    client.force_login(world["citizen"])
    # session, user, roles, dossier, events, payments, results
    with django_assert_num_queries(7):
        page = client.get(f"/cong-dan/ho-so/{d.code}/").content.decode()
    url = f"/cong-dan/ho-so/{d.code}/ket-qua/{result.pk}/"
    assert f'href="{url}"' in page and "Giấy chứng nhận đăng ký biến động" in page
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data.PDF + b"%ket-qua\n"
    assert "attachment" in response["Content-Disposition"]


def test_no_download_before_the_result_is_ready(client, world):
    from motcua.dossiers import services

    d = data.filed(world)
    result = services.dossier_result_attach(
        dossier=d, actor=world["specialist"], file=data.pdf(), name="Kết quả", at=data.vn(4, 9)
    )
    client.force_login(world["citizen"])
    assert client.get(f"/cong-dan/ho-so/{d.code}/ket-qua/{result.pk}/").status_code == 404
    assert "ket-qua/" not in client.get(f"/cong-dan/ho-so/{d.code}/").content.decode()


def test_no_download_when_the_result_is_returned_on_paper(client, world):
    d = data.resolved(world, delivery="counter")
    client.force_login(world["citizen"])
    url = f"/cong-dan/ho-so/{d.code}/ket-qua/{d.results.get().pk}/"
    assert client.get(url).status_code == 404


def test_another_citizen_gets_404_for_the_result(client, world):
    mine = data.resolved(world)
    theirs = data.resolved(world, citizen=world["citizen2"])
    client.force_login(world["citizen2"])
    # my result through my code, and my result's id through their own code
    assert (
        client.get(f"/cong-dan/ho-so/{mine.code}/ket-qua/{mine.results.get().pk}/").status_code
        == 404
    )
    assert (
        client.get(f"/cong-dan/ho-so/{theirs.code}/ket-qua/{mine.results.get().pk}/").status_code
        == 404
    )
    assert (
        client.get(f"/cong-dan/ho-so/{theirs.code}/ket-qua/{theirs.results.get().pk}/").status_code
        == 200
    )


def test_anonymous_visitors_must_sign_in(client, world):
    d = data.resolved(world)
    response = client.get(f"/cong-dan/ho-so/{d.code}/ket-qua/{d.results.get().pk}/")
    assert response.status_code == 302 and "/cong-dan/dang-nhap/" in response["Location"]
