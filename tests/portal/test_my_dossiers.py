"""A citizen sees only their own dossiers; someone else's code gives "not found"."""

import pytest

from motcua.accounts.roles import Role
from motcua.dossiers.services import dossier_submit

pytestmark = pytest.mark.django_db

APPLICANT = {"kind": "person", "name": "Nguyễn Văn Bình", "id_number": "074089001234"}


@pytest.fixture
def filed(catalogue, wards, make_user):
    wards["phu_cuong"].agency_code = "000.00.25.H57"
    wards["phu_cuong"].save()
    mine, other = make_user("dan", Role.CITIZEN), make_user("dan2", Role.CITIZEN)

    def submit(user):
        return dossier_submit(
            procedure_version=catalogue["copy"],
            unit=wards["phu_cuong"],
            applicant={**APPLICANT, "name": user.full_name},
            components=[{"name": "Bản chính giấy tờ"}],
            submitted_by=user,
        )

    return {
        "mine": mine,
        "other": other,
        "my_dossiers": [submit(mine) for _ in range(12)],
        "other_dossier": submit(other),
    }


def test_list_is_mine_only_paginated_with_pinned_queries(client, filed, django_assert_num_queries):
    client.force_login(filed["mine"])
    # session, user, the user's roles (navigation), count, page
    with django_assert_num_queries(5):
        response = client.get("/cong-dan/ho-so/")
    text = response.content.decode()
    assert text.count('href="/cong-dan/ho-so/000.00.25.H57-') == 10
    assert filed["other_dossier"].code not in text
    assert "Trang 1/2" in text
    page2 = client.get("/cong-dan/ho-so/", {"trang": 2}).content.decode()
    assert page2.count('href="/cong-dan/ho-so/000.00.25.H57-') == 2
    assert filed["other_dossier"].code not in page2


def test_landing_page_shows_my_dossiers(client, filed, django_assert_num_queries):
    client.force_login(filed["mine"])
    # session, user, roles (navigation), count, page
    with django_assert_num_queries(5):
        text = client.get("/cong-dan/").content.decode()
    assert "Hồ sơ của tôi" in text
    assert filed["my_dossiers"][-1].code in text
    assert filed["other_dossier"].code not in text


def test_changing_the_code_in_the_url_shows_nothing(client, filed):
    client.force_login(filed["mine"])
    mine = filed["my_dossiers"][0]
    response = client.get(f"/cong-dan/ho-so/{mine.code}/")
    assert response.status_code == 200 and "Nguyễn" not in mine.code
    assert "Mới đăng ký" in response.content.decode() or response.context["d"] == mine
    other = client.get(f"/cong-dan/ho-so/{filed['other_dossier'].code}/")
    assert other.status_code == 404
    assert filed["other"].full_name not in other.content.decode()


def test_anonymous_visitors_are_sent_to_the_portal_login(client, filed):
    code = filed["my_dossiers"][0].code
    for url in ("/cong-dan/ho-so/", f"/cong-dan/ho-so/{code}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/cong-dan/dang-nhap/?next=")
