"""Officer pages and admin: login required, search with and without HTMX, versions in admin."""

import pytest
from django.urls import reverse

from motcua.accounts.roles import Role
from motcua.catalogue.models import ProcedureVersion


@pytest.fixture
def officer(make_user, units, client):
    user = make_user("motcua_a", Role.ONE_STOP_OFFICER, unit=units["a"])
    client.force_login(user)
    return user


def test_list_requires_login(client, db):
    response = client.get(reverse("catalogue:list"))
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


def test_search_without_js_renders_the_whole_page(officer, client, birth, copies):
    response = client.get(reverse("catalogue:list"), {"q": "dang ky khai sinh"})
    html = response.content.decode()
    assert "<html" in html and "Thủ tục đăng ký khai sinh" in html
    assert "Chứng thực bản sao" not in html


def test_search_with_htmx_returns_only_the_results(officer, client, birth, copies):
    response = client.get(
        reverse("catalogue:list"), {"q": "chung thuc ban sao"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "<html" not in html and "Chứng thực bản sao từ bản chính" in html


def test_my_unit_filter(client, make_user, birth, copies, units):
    client.force_login(make_user("motcua_b", Role.ONE_STOP_OFFICER, unit=units["b"]))
    everything = client.get(reverse("catalogue:list")).context["versions"]
    mine = client.get(reverse("catalogue:list"), {"don_vi": "1"}).context["versions"]
    assert {v.national_code for v in everything} == {"1.001193", "2.000815"}
    assert [v.national_code for v in mine] == ["1.001193"]


def test_detail_shows_steps_fees_and_history(officer, client, birth):
    from motcua.catalogue.services import procedure_version_publish, procedure_version_revise

    procedure_version_publish(version=procedure_version_revise(version=birth, name="Khai sinh v2"))
    html = client.get(reverse("catalogue:detail", args=["1.001193"])).content.decode()
    assert "Khai sinh v2" in html and "Thẩm định, trình ký" in html and "Phiên bản 1" in html
    old = client.get(reverse("catalogue:version", args=["1.001193", 1])).content.decode()
    assert "Thủ tục đăng ký khai sinh" in old and "Đã được thay thế" in old


def test_unknown_procedure_is_404(officer, client):
    assert client.get(reverse("catalogue:detail", args=["9.999999"])).status_code == 404


@pytest.fixture
def admin_client(client, make_user):
    user = make_user("quantri", Role.ADMINISTRATOR)
    user.is_superuser = True
    user.save()
    client.force_login(user)
    return client


def test_admin_revise_button_creates_a_new_draft_and_leaves_the_published_one(admin_client, birth):
    url = reverse("admin:catalogue_procedureversion_change", args=[birth.pk])
    page = admin_client.get(url).content.decode()
    assert "Tạo phiên bản mới để sửa" in page
    response = admin_client.post(url, {"_revise": "1"})
    draft = ProcedureVersion.objects.get(procedure=birth.procedure, version=2)
    assert response.status_code == 302 and str(draft.pk) in response["Location"]
    birth.refresh_from_db()
    assert birth.status == "published" and draft.status == "draft"


def test_admin_pages_render(admin_client, birth):
    for name in ("field", "procedure", "procedureversion"):
        assert admin_client.get(reverse(f"admin:catalogue_{name}_changelist")).status_code == 200
    draft_url = reverse("admin:catalogue_procedureversion_change", args=[birth.pk])
    assert admin_client.get(draft_url).status_code == 200


def test_admin_scopes_versions_to_the_officers_unit(client, make_user, birth, copies, units):
    from django.contrib.auth.models import Permission

    user = make_user("cb_b", Role.ADMINISTRATOR, unit=units["b"])
    user.user_permissions.add(Permission.objects.get(codename="view_procedureversion"))
    client.force_login(user)
    response = client.get(reverse("admin:catalogue_procedureversion_changelist"))
    shown = {v.national_code for v in response.context["cl"].queryset}
    assert shown == {"1.001193"}  # ward B runs birth registration only
    other = reverse("admin:catalogue_procedureversion_change", args=[copies.pk])
    assert client.get(other).status_code == 302  # not visible: redirected to the list
