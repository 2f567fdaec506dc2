"""Pinned query counts of the draft list, the document list and the helper's list: the count
does not grow with the number of rows."""

import pytest
from django.urls import reverse

from motcua.accounts.roles import Role
from motcua.documents.models import CitizenDocument
from motcua.portal.filing import services as services_filing
from tests.documents.filing import PDF

pytestmark = pytest.mark.django_db

# session + user + groups (roles), then the page's count and rows.
DRAFTS_QUERIES = 5
DOCUMENTS_QUERIES = 5
ASSISTED_QUERIES = 5


@pytest.fixture
def citizen(client, make_user):
    user = make_user("0912345678", Role.CITIZEN, phone="0912345678")
    client.force_login(user)
    return user


def _drafts(n, citizen, catalogue):
    for _ in range(n):
        services_filing.draft_create(owner=citizen, procedure_version=catalogue["copy"])


@pytest.mark.parametrize("n", [1, 12])
def test_draft_list(client, citizen, catalogue, n, django_assert_num_queries):
    _drafts(n, citizen, catalogue)
    with django_assert_num_queries(DRAFTS_QUERIES):
        page = client.get(reverse("portal:drafts")).content.decode()
    assert page.count(catalogue["copy"].name) == n


@pytest.mark.parametrize("n", [1, 12])
def test_document_list(
    client, citizen, catalogue, n, django_assert_num_queries, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    for i in range(n):
        CitizenDocument.objects.create(
            owner=citizen, name=f"Giấy tờ {i}", kind="component", file=f"kho/{i}.pdf",
            original_name=f"{i}.pdf", size=len(PDF), sha256=f"{i:064d}",
        )  # fmt: skip
    with django_assert_num_queries(DOCUMENTS_QUERIES):
        page = client.get(reverse("portal:documents")).content.decode()
    assert page.count("Thành phần hồ sơ đã nộp") == n


def test_assisted_list(client, make_user, wards, django_assert_num_queries):
    client.force_login(make_user("congnghe", Role.DIGITAL_TEAM, unit=wards["phu_cuong"]))
    with django_assert_num_queries(ASSISTED_QUERIES - 1):  # nothing to list: no row query
        page = client.get(reverse("portal:assisted")).content.decode()
    assert "Bạn chưa hỗ trợ nộp hồ sơ nào." in page
