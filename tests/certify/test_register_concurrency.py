"""Certification numbers stay unique and gapless when officers certify at the same instant
(PostgreSQL: the counter row is locked until each copy's transaction ends)."""

import threading

import pytest
from django.db import connection

from motcua.certify.models import SignedDocument
from motcua.certify.services import certified_copy_create
from tests.certify.conftest import scan_png


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_certifications_get_gapless_unique_numbers(tree):
    unit = tree["A"]
    workers = 6
    barrier = threading.Barrier(workers)
    errors = []
    # Distinct originals so the signed files differ; rendered before the race.
    sources = [scan_png(f"Bản chính số {i}") for i in range(workers)]

    def run(i):
        try:
            barrier.wait()
            certified_copy_create(
                unit=unit,
                source=sources[i],
                source_name=f"{i}.png",
                title=f"Giấy tờ {i}",
                compared_with_original=True,
            )
        except Exception as exc:  # noqa: BLE001 - the test reports any failure
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    numbers = sorted(SignedDocument.objects.filter(unit=unit).values_list("number", flat=True))
    assert numbers == list(range(1, workers + 1))
