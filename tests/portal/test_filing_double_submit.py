"""A double click or a retried request creates exactly one dossier: the draft is locked and
marked submitted in the dossier's transaction; the second request shows the same dossier."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from motcua.accounts.roles import Role
from motcua.dossiers.models import Dossier, DossierCodeSequence
from motcua.portal.filing import services as services_filing
from motcua.portal.models import FilingDraft
from tests.documents.filing import PDF, draft_post, draft_start, upload


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _ready_draft(client, make_user, catalogue, wards):
    citizen = make_user("0912345678", Role.CITIZEN, phone="0912345678")
    client.force_login(citizen)
    draft = draft_start(client)
    component = catalogue["copy"].components.get()
    draft_post(client, draft, unit=wards["phu_cuong"], files={component.pk: upload("a.pdf", PDF)})
    draft.refresh_from_db()
    return citizen, draft


@pytest.mark.django_db
def test_two_posts_of_the_review_page_create_one_dossier(client, make_user, catalogue, wards):
    citizen, draft = _ready_draft(client, make_user, catalogue, wards)
    url = reverse("portal:draft_review", args=[draft.pk])
    first = client.post(url, {"token": str(draft.token)})
    second = client.post(url, {"token": str(draft.token)})  # the same page, clicked again
    done = reverse("portal:draft_done", args=[draft.pk])
    assert (first.status_code, first.url) == (302, done)
    assert (second.status_code, second.url) == (302, done)
    assert Dossier.objects.count() == 1
    assert DossierCodeSequence.objects.get().last == 1  # no code was spent on the retry
    dossier = Dossier.objects.get()
    assert dossier.code in client.get(done).content.decode()


@pytest.mark.django_db
def test_the_service_returns_the_same_dossier_on_a_retry(client, make_user, catalogue, wards):
    citizen, draft = _ready_draft(client, make_user, catalogue, wards)
    d1, created1 = services_filing.draft_submit(draft_id=draft.pk, user=citizen, token=draft.token)
    d2, created2 = services_filing.draft_submit(draft_id=draft.pk, user=citizen, token=draft.token)
    assert (created1, created2) == (True, False) and d1.pk == d2.pk


@pytest.mark.django_db
def test_a_review_page_older_than_the_last_edit_is_not_submitted(
    client, make_user, catalogue, wards
):
    citizen, draft = _ready_draft(client, make_user, catalogue, wards)
    old_token = draft.token
    draft_post(client, draft, unit=wards["hiep_thanh"])  # edited in another tab
    r = client.post(reverse("portal:draft_review", args=[draft.pk]), {"token": str(old_token)})
    assert r.status_code == 400
    assert "Bản nháp đã thay đổi sau khi bạn xem lại" in r.content.decode()
    assert not Dossier.objects.exists()
    draft.refresh_from_db()
    assert draft.status == FilingDraft.Status.DRAFT and draft.token != old_token


@pytest.mark.django_db
def test_a_submitted_draft_can_no_longer_be_edited(client, make_user, catalogue, wards):
    citizen, draft = _ready_draft(client, make_user, catalogue, wards)
    services_filing.draft_submit(draft_id=draft.pk, user=citizen, token=draft.token)
    r = draft_post(client, draft, unit=wards["hiep_thanh"])
    assert r.status_code == 302 and r.url == reverse("portal:draft_done", args=[draft.pk])
    assert Dossier.objects.get().unit == wards["phu_cuong"]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submissions_create_one_dossier(client, make_user, catalogue, wards):
    citizen, draft = _ready_draft(client, make_user, catalogue, wards)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def submit():
        try:
            barrier.wait()
            results.append(
                services_filing.draft_submit(draft_id=draft.pk, user=citizen, token=draft.token)
            )
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    assert sorted(created for _, created in results) == [False, True]
    assert len({d.pk for d, _ in results}) == 1
    assert Dossier.objects.count() == 1
    assert DossierCodeSequence.objects.get().last == 1
