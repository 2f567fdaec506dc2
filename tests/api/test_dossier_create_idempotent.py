"""`Idempotency-Key` on POST /api/v1/ho-so/: a retried intake never makes a second dossier."""

import datetime as dt
import threading

import pytest
from django.db import connection
from django.utils import timezone

from motcua.accounts.roles import Role
from motcua.core.models import IdempotencyRecord
from motcua.dossiers.models import Dossier

from .conftest import LIST_URL, intake_body


def _post(client, body, key):
    return client.post(LIST_URL, body, format="json", HTTP_IDEMPOTENCY_KEY=key)


def test_two_identical_posts_make_one_dossier(api, people, procedure):
    client = api(people["desk"])
    first = _post(client, intake_body(), "2f1c-aa")
    second = _post(client, intake_body(), "2f1c-aa")
    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second["Idempotent-Replayed"] == "true"
    assert second["ETag"] == first["ETag"]
    assert "Idempotent-Replayed" not in first
    assert Dossier.objects.count() == 1
    assert Dossier.objects.get().events.count() == 1


def test_key_order_in_the_body_does_not_matter(api, people, procedure):
    client = api(people["desk"])
    body = intake_body()
    reordered = dict(reversed(list(body.items())))
    assert _post(client, body, "k1").status_code == 201
    assert _post(client, reordered, "k1")["Idempotent-Replayed"] == "true"
    assert Dossier.objects.count() == 1


def test_same_key_with_another_body_is_422(api, people, procedure):
    client = api(people["desk"])
    assert _post(client, intake_body(), "k2").status_code == 201
    other = intake_body(applicant={"name": "Lê Văn Khác"})
    r = _post(client, other, "k2")
    assert r.status_code == 422
    assert r.json()["detail"].startswith("Idempotency-Key này đã được dùng cho một yêu cầu khác")
    assert Dossier.objects.count() == 1


def test_keys_belong_to_their_user(api, people, units, make_user, procedure):
    colleague = make_user("motcua3", Role.ONE_STOP_OFFICER, units["desk"])
    assert _post(api(people["desk"]), intake_body(), "same").status_code == 201
    assert _post(api(colleague), intake_body(), "same").status_code == 201
    assert Dossier.objects.count() == 2


def test_failed_create_is_not_remembered(api, people, procedure):
    client = api(people["desk"])
    r = _post(client, intake_body(components=[]), "k3")
    assert r.status_code == 400
    assert not IdempotencyRecord.objects.exists()
    r = _post(client, intake_body(), "k3")  # corrected, same key
    assert r.status_code == 201 and "Idempotent-Replayed" not in r
    assert Dossier.objects.count() == 1


def test_keys_expire_after_24_hours(api, people, procedure):
    client = api(people["desk"])
    assert _post(client, intake_body(), "k4").status_code == 201
    record = IdempotencyRecord.objects.get()
    record.created_at = timezone.now() - dt.timedelta(hours=24, seconds=1)
    record.save()
    r = _post(client, intake_body(), "k4")
    assert r.status_code == 201 and "Idempotent-Replayed" not in r
    assert Dossier.objects.count() == 2
    assert IdempotencyRecord.objects.count() == 1


@pytest.mark.parametrize("key", ["", "có dấu", "x" * 256, "a b"])
def test_invalid_key_is_400(api, people, procedure, key):
    r = _post(api(people["desk"]), intake_body(), key)
    assert r.status_code == 400
    assert r.json()["detail"].startswith("Giá trị Idempotency-Key không hợp lệ")
    assert not Dossier.objects.exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_duplicates_make_exactly_one_dossier(api, people, procedure):
    """Two requests with the same key at the same instant, each on its own connection: the
    second waits on the (user, key) row, then replays the first one's response."""
    barrier = threading.Barrier(2)
    responses = [None, None]

    def run(i):
        try:
            client = api(people["desk"])
            barrier.wait()
            responses[i] = _post(client, intake_body(), "race-1")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.status_code for r in responses] == [201, 201]
    assert responses[0].json() == responses[1].json()
    assert sorted(r.get("Idempotent-Replayed", "") for r in responses) == ["", "true"]
    assert Dossier.objects.count() == 1
