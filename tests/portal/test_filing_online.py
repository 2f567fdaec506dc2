"""Online filing by a citizen: draft on the server, files checked by content, review, submit
through dossier_submit (channel online, status 1), acknowledgement, documents kept."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from motcua.accounts.roles import Role
from motcua.documents.models import CitizenDocument
from motcua.dossiers import services as dossier_services
from motcua.dossiers.domain.workflow import Channel, Status
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.notifications.models import Notification
from motcua.portal.models import FilingDraft, FilingDraftFile
from tests.documents.filing import PDF, PNG, draft_post, draft_start, draft_submit, upload
from tests.support.clock import clock_at

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def citizen(make_user):
    return make_user(
        "0912345678", Role.CITIZEN, full_name="Nguyễn Thị Hoà", phone="0912345678",
        email="hoa@example.vn",
    )  # fmt: skip


@pytest.fixture
def client_citizen(client, citizen):
    client.force_login(citizen)
    return client


def _component(catalogue):
    return catalogue["copy"].components.get()


def test_start_prefills_the_draft_from_the_account(client_citizen, catalogue, citizen):
    draft = draft_start(client_citizen)
    assert (draft.owner, draft.citizen, draft.procedure_version) == (
        citizen,
        citizen,
        catalogue["copy"],
    )
    assert (draft.applicant_name, draft.applicant_phone, draft.applicant_email) == (
        "Nguyễn Thị Hoà", "0912345678", "hoa@example.vn"
    )  # fmt: skip
    assert draft.unit is None  # two wards run it: the citizen chooses
    page = client_citizen.get(reverse("portal:draft", args=[draft.pk])).content.decode()
    assert "Phường Phú Cường" in page and "Phường Hiệp Thành" in page
    assert 'accept=".pdf,.jpg,.jpeg,.png' in page


def test_file_online_end_to_end(
    client_citizen, catalogue, wards, citizen, media, django_capture_on_commit_callbacks
):
    draft = draft_start(client_citizen)
    component = _component(catalogue)
    r = draft_post(
        client_citizen, draft, unit=wards["phu_cuong"],
        files={component.pk: upload("ban-chinh.pdf", PDF)}, action="review",
    )  # fmt: skip
    assert r.status_code == 302 and r.url == reverse("portal:draft_review", args=[draft.pk])
    review = client_citizen.get(r.url).content.decode()
    assert "ban-chinh.pdf" in review and "Nộp hồ sơ" in review and "Phường Phú Cường" in review

    at = dt.datetime(2025, 7, 18, 19, 30, tzinfo=VN)  # a Friday evening, after office hours
    with clock_at(at), django_capture_on_commit_callbacks(execute=True):
        r = draft_submit(client_citizen, draft)
    assert r.status_code == 302 and r.url == reverse("portal:draft_done", args=[draft.pk])

    dossier = Dossier.objects.get()
    assert dossier.channel == Channel.ONLINE and dossier.status == Status.NEW
    assert dossier.applicant_user == citizen and dossier.assisted_by is None
    assert dossier.unit == wards["phu_cuong"] and dossier.result_delivery == "electronic"
    assert dossier.applicant_id_number == "074190000123"
    # The clock has not started: it starts when the desk receives the filing.
    assert dossier.received_at is None and dossier.due_at is None
    stored = dossier.components.get()
    assert stored.name == component.name and stored.file.name.startswith("ho-so/")
    assert stored.file.read() == PDF
    submit = DossierEvent.objects.get(dossier=dossier)
    assert (submit.action, submit.actor, submit.at) == ("submit", citizen, at)

    draft.refresh_from_db()
    assert draft.status == FilingDraft.Status.SUBMITTED and draft.dossier == dossier
    # The draft's own copy is removed once the dossier has its file.
    assert not list((media / "ban-nhap").rglob("*.pdf"))

    doc = CitizenDocument.objects.get()
    assert (doc.owner, doc.name, doc.kind, doc.source_dossier) == (
        citizen,
        component.name,
        "component",
        dossier,
    )
    assert doc.file.name == stored.file.name  # the same stored file, no copy

    acks = Notification.objects.filter(event="dossier.submitted", ref_id=dossier.code)
    assert sorted(acks.values_list("channel", flat=True)) == ["email", "sms"]
    sms = acks.get(channel="sms")
    assert sms.recipient == "0912345678" and dossier.code in sms.body

    done = client_citizen.get(r.url).content.decode()
    assert dossier.code in done and dossier.lookup_key in done
    mine = client_citizen.get(reverse("portal:my_dossiers")).content.decode()
    assert dossier.code in mine


def test_clock_starts_at_the_next_opening_when_the_desk_accepts_after_hours(
    client_citizen, catalogue, wards, make_user
):
    draft = draft_start(client_citizen)
    draft_post(
        client_citizen, draft, unit=wards["phu_cuong"],
        files={_component(catalogue).pk: upload("a.pdf", PDF)},
    )  # fmt: skip
    draft_submit(client_citizen, draft)
    dossier = Dossier.objects.get()
    desk = make_user("motcua", Role.ONE_STOP_OFFICER, unit=wards["phu_cuong"])
    saturday_night = dt.datetime(2025, 7, 19, 21, 0, tzinfo=VN)
    dossier_services.dossier_accept(dossier=dossier, actor=desk, at=saturday_night)
    dossier.refresh_from_db()
    assert dossier.status == Status.RECEIVED
    assert dossier.received_at == saturday_night
    # Monday 21/07/2025 07:30 is the next opening; a same-day procedure is due at its closing.
    assert dossier.clock_start.astimezone(VN) == dt.datetime(2025, 7, 21, 7, 30, tzinfo=VN)
    assert dossier.due_at.astimezone(VN).date() == dt.date(2025, 7, 21)


def test_post_delivery_needs_an_address(client_citizen, catalogue, wards):
    draft = draft_start(client_citizen)
    r = draft_post(
        client_citizen, draft, unit=wards["phu_cuong"], result_delivery="post",
        files={_component(catalogue).pk: upload("a.png", PNG, "image/png")}, action="review",
    )  # fmt: skip
    page = client_citizen.get(r.url).content.decode()
    assert "Chưa nhập địa chỉ nhận kết quả qua bưu chính." in page
    assert 'name="token"' not in page  # no submit form while something is missing
    draft_post(
        client_citizen, draft, unit=wards["phu_cuong"], result_delivery="post",
        delivery_address="5 Bạch Đằng, Phú Cường",
    )  # fmt: skip
    draft_submit(client_citizen, draft)
    dossier = Dossier.objects.get()
    assert dossier.result_delivery == "post"
    assert dossier.components.get().file.read() == PNG


def test_a_missing_required_component_is_listed_and_nothing_is_submitted(
    client_citizen, catalogue, wards
):
    draft = draft_start(client_citizen)
    draft_post(client_citizen, draft, unit=wards["phu_cuong"])
    page = client_citizen.get(reverse("portal:draft_review", args=[draft.pk])).content.decode()
    assert "Chưa có tệp của thành phần bắt buộc: Bản chính giấy tờ." in page
    r = draft_submit(client_citizen, draft)
    assert r.status_code == 400
    assert "Chưa có tệp của thành phần bắt buộc: Bản chính giấy tờ." in r.content.decode()
    assert not Dossier.objects.exists()
    draft.refresh_from_db()
    assert draft.status == FilingDraft.Status.DRAFT


def test_a_new_upload_replaces_the_old_one_and_removing_works(
    client_citizen, catalogue, wards, media, django_capture_on_commit_callbacks
):
    draft = draft_start(client_citizen)
    c = _component(catalogue)
    draft_post(client_citizen, draft, unit=wards["phu_cuong"], files={c.pk: upload("a.pdf", PDF)})
    with django_capture_on_commit_callbacks(execute=True):
        draft_post(
            client_citizen, draft, unit=wards["phu_cuong"],
            files={c.pk: upload("b.png", PNG, "image/png")},
        )  # fmt: skip
    assert list(FilingDraftFile.objects.values_list("original_name", flat=True)) == ["b.png"]
    assert [p.name for p in media.rglob("*") if p.is_file()] == ["b.png"]
    draft_post(client_citizen, draft, unit=wards["phu_cuong"], action=f"remove:{c.pk}")
    assert not FilingDraftFile.objects.exists()


def test_only_online_public_procedures_can_be_filed(client_citizen, catalogue):
    for code in ("1.013225", "1.000001", "1.000002", "9.999999"):  # none, hidden, draft, unknown
        assert client_citizen.get(reverse("portal:file_start", args=[code])).status_code == 404


def test_who_may_file(client, catalogue, make_user, wards):
    url = reverse("portal:file_start", args=["2.000815"])
    r = client.get(url)
    assert r.status_code == 302 and r.url.startswith(reverse("portal:login"))
    client.force_login(make_user("motcua", Role.ONE_STOP_OFFICER, unit=wards["phu_cuong"]))
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert not FilingDraft.objects.exists()


def test_the_procedure_page_links_to_online_filing(client, catalogue):
    page = client.get(reverse("portal:procedure", args=["2.000815"])).content.decode()
    assert reverse("portal:file_start", args=["2.000815"]) in page


def test_delete_a_draft_and_its_files(
    client_citizen, catalogue, wards, media, django_capture_on_commit_callbacks
):
    draft = draft_start(client_citizen)
    draft_post(
        client_citizen, draft, unit=wards["phu_cuong"],
        files={_component(catalogue).pk: upload("a.pdf", PDF)},
    )  # fmt: skip
    url = reverse("portal:draft_delete", args=[draft.pk])
    assert "Xóa bản nháp" in client_citizen.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        r = client_citizen.post(url)
    assert r.status_code == 302 and r.url == reverse("portal:drafts")
    assert not FilingDraft.objects.exists() and not FilingDraftFile.objects.exists()
    assert [p for p in media.rglob("*") if p.is_file()] == []
