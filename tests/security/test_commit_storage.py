"""core.storage.CommitFileSystemStorage with real transactions: a file reaches the disk only at
commit, is visible to its own transaction meanwhile, and a rollback leaves nothing."""

import pytest
from django.core.files.base import ContentFile
from django.db import transaction

from motcua.core import storage as commit_storage
from motcua.core.storage import CommitFileSystemStorage

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def store(tmp_path):
    return CommitFileSystemStorage(location=tmp_path)


def _on_disk(tmp_path):
    return sorted(p.name for p in tmp_path.rglob("*") if p.is_file())


def test_written_at_commit_and_readable_before(store, tmp_path):
    with transaction.atomic():
        name = store.save("ho-so/to-khai.pdf", ContentFile(b"%PDF-1.7 a", name="to-khai.pdf"))
        assert _on_disk(tmp_path) == []  # not yet
        assert store.exists(name) and store.size(name) == 10
        with store.open(name) as f:
            assert f.read() == b"%PDF-1.7 a"
        assert name.endswith("/to-khai.pdf") and name != "ho-so/to-khai.pdf"  # random folder
    assert _on_disk(tmp_path) == ["to-khai.pdf"]
    assert (tmp_path / name).read_bytes() == b"%PDF-1.7 a"


def test_rollback_leaves_nothing(store, tmp_path):
    with pytest.raises(RuntimeError), transaction.atomic():
        name = store.save("ho-so/to-khai.pdf", ContentFile(b"x", name="to-khai.pdf"))
        raise RuntimeError("refused")
    commit_storage.pending_purge()
    assert _on_disk(tmp_path) == [] and not store.exists(name)
    assert commit_storage._pending() == {}


def test_inner_savepoint_rolled_back_outer_committed(store, tmp_path):
    with transaction.atomic():
        kept = store.save("a/kept.pdf", ContentFile(b"1", name="kept.pdf"))
        with pytest.raises(RuntimeError), transaction.atomic():
            store.save("a/dropped.pdf", ContentFile(b"2", name="dropped.pdf"))
            raise RuntimeError
    assert _on_disk(tmp_path) == ["kept.pdf"] and store.exists(kept)


def test_outside_a_transaction_written_at_once(store, tmp_path):
    name = store.save("b/now.pdf", ContentFile(b"3", name="now.pdf"))
    assert name == "b/now.pdf" and _on_disk(tmp_path) == ["now.pdf"]
