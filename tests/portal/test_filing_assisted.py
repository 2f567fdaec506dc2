"""Assisted filing: a community digital team member files for a citizen (found or created by
phone) with the citizen's consent recorded; the citizen owns the dossier, the helper is
recorded as `assisted_by` and sees it under "Hồ sơ đã hỗ trợ"."""

import pytest
from django.urls import reverse

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.documents.models import CitizenDocument
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.portal.models import FilingDraft
from tests.documents.filing import PDF, draft_post, draft_start, draft_submit, upload

pytestmark = pytest.mark.django_db
START = reverse("portal:file_start", args=["2.000815"])


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def helper(client, make_user, wards):
    user = make_user("congnghe", Role.DIGITAL_TEAM, unit=wards["phu_cuong"], full_name="Lê Văn Tổ")
    client.force_login(user)
    return user


def _file(client, draft, catalogue, wards):
    component = catalogue["copy"].components.get()
    draft_post(
        client, draft, unit=wards["phu_cuong"], files={component.pk: upload("a.pdf", PDF)},
        applicant_name=draft.citizen.full_name, applicant_phone=draft.citizen.phone,
        applicant_email="",
    )  # fmt: skip
    r = draft_submit(client, draft)
    assert r.status_code == 302, r.content.decode()[:3000]
    return Dossier.objects.get()


def test_consent_is_required(client, helper, catalogue):
    r = client.post(START, {"phone": "0912345678", "full_name": "Trần Thị Mai"})
    assert r.status_code == 400
    assert "Cần ghi nhận sự đồng ý của công dân trước khi nộp thay." in r.content.decode()
    assert not FilingDraft.objects.exists() and not User.objects.filter(phone="0912345678")


def test_a_new_citizen_is_created_and_owns_the_dossier(client, helper, catalogue, wards):
    page = client.get(START).content.decode()
    assert "Số điện thoại của công dân" in page
    draft = draft_start(
        client, phone="0912 345 678", full_name="Trần Thị Mai", consent="on",
        consent_note="Đồng ý trực tiếp tại điểm hỗ trợ phường",
    )  # fmt: skip
    citizen = User.objects.get(phone="0912345678")
    assert Role.CITIZEN in citizen.roles and not citizen.has_usable_password()
    assert (draft.owner, draft.citizen, draft.consent) == (helper, citizen, True)
    assert draft.applicant_name == "Trần Thị Mai"
    # The helper does not browse the citizen's stored documents.
    assert (
        "Dùng lại giấy tờ đã lưu"
        not in client.get(reverse("portal:draft", args=[draft.pk])).content.decode()
    )

    dossier = _file(client, draft, catalogue, wards)
    assert (dossier.applicant_user, dossier.assisted_by) == (citizen, helper)
    event = DossierEvent.objects.get(dossier=dossier, action="submit")
    assert event.actor == helper
    assert event.data["consent"]["citizen"] == "0912345678"
    assert event.data["consent"]["note"] == "Đồng ý trực tiếp tại điểm hỗ trợ phường"
    # The citizen's store gets the file, not the helper's.
    assert CitizenDocument.objects.get().owner == citizen

    listed = client.get(reverse("portal:assisted")).content.decode()
    assert dossier.code in listed and "Trần Thị Mai" in listed
    client.force_login(citizen)
    assert dossier.code in client.get(reverse("portal:my_dossiers")).content.decode()
    assert client.get(reverse("portal:dossier", args=[dossier.code])).status_code == 200


def test_an_existing_citizen_is_found_by_phone(client, helper, make_user, catalogue):
    hoa = make_user("hoa", Role.CITIZEN, phone="0912345678", full_name="Nguyễn Thị Hoà")
    draft = draft_start(client, phone="+84912345678", consent="on")
    assert draft.citizen == hoa and User.objects.filter(phone="0912345678").count() == 1


def test_an_officer_phone_is_not_taken_as_a_citizen(client, helper, make_user, wards, catalogue):
    make_user("motcua", Role.ONE_STOP_OFFICER, unit=wards["phu_cuong"], phone="0912345678")
    r = client.post(START, {"phone": "0912345678", "full_name": "X", "consent": "on"})
    assert r.status_code == 400 and "không phải công dân" in r.content.decode()
    assert not FilingDraft.objects.exists()


def test_assisted_list_is_for_the_digital_team_only(client, make_user, catalogue):
    client.force_login(make_user("0912345678", Role.CITIZEN, phone="0912345678"))
    assert client.get(reverse("portal:assisted")).status_code == 403
