"""Another citizen cannot open your draft, document or dossier by changing an id: 404."""

import pytest
from django.urls import reverse

from motcua.accounts.roles import Role
from motcua.documents.models import CitizenDocument
from motcua.dossiers.models import Dossier
from motcua.portal.models import FilingDraft
from tests.documents.filing import PDF, draft_post, draft_start, draft_submit, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def filed(client, make_user, catalogue, wards):
    """Hoà filed one dossier and keeps a second draft open."""
    hoa = make_user("0912345678", Role.CITIZEN, phone="0912345678")
    client.force_login(hoa)
    component = catalogue["copy"].components.get()
    draft = draft_start(client)
    draft_post(client, draft, unit=wards["phu_cuong"], files={component.pk: upload("a.pdf", PDF)})
    draft_submit(client, draft)
    open_draft = draft_start(client)
    client.logout()
    return {
        "submitted": draft,
        "open": open_draft,
        "dossier": Dossier.objects.get(),
        "document": CitizenDocument.objects.get(),
    }


def test_other_citizen_gets_404_everywhere(client, make_user, filed, wards):
    client.force_login(make_user("0987654321", Role.CITIZEN, phone="0987654321"))
    urls = [
        reverse("portal:draft", args=[filed["open"].pk]),
        reverse("portal:draft_review", args=[filed["open"].pk]),
        reverse("portal:draft_delete", args=[filed["open"].pk]),
        reverse("portal:draft_done", args=[filed["submitted"].pk]),
        reverse("portal:document", args=[filed["document"].pk]),
        reverse("portal:dossier", args=[filed["dossier"].code]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"token": str(filed["open"].token)}).status_code in (404, 405), url
    assert FilingDraft.objects.filter(pk=filed["open"].pk).exists()
    assert Dossier.objects.count() == 1
    assert filed["dossier"].code not in client.get(reverse("portal:my_dossiers")).content.decode()
    assert client.get(reverse("portal:documents")).content.decode().count("<tbody>") == 0


def test_the_owner_downloads_the_document(client, filed):
    client.force_login(filed["dossier"].applicant_user)
    r = client.get(reverse("portal:document", args=[filed["document"].pk]))
    assert r.status_code == 200 and b"".join(r.streaming_content) == PDF
