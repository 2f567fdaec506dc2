"""File storage that writes an upload only when its transaction commits (issue 9, hole 9).

Django's FileField writes the file while the model is saved, inside the transaction; when the
transaction is rolled back (a refused post, e.g. a draft's `action=reuse:abc`), the row is gone
but the file stays on disk with nothing pointing at it. `CommitFileSystemStorage` keeps the
content in a spooled temporary file instead (memory up to 1 MB, then an anonymous temporary
file that disappears by itself) and writes it under its name in `transaction.on_commit`. A
rolled-back transaction drops the callback and the spool: nothing reaches MEDIA_ROOT.

Until the commit the name is reserved (no other upload gets it) and the storage answers
`exists`, `size` and `open` for it from the spool, so code running in the same transaction
(e.g. the citizen's document store reading a component it has just saved) sees the file.

Outside a transaction (autocommit) the file is written at once, as usual. Under a test's own
wrapping transaction (Django's `TestCase`, pytest-django's `db`), which never commits, the file
is written at once and deleted again when the application's transaction rolls back (checked
before the next save and at the end of each request): same outcome, no orphan.
"""

import logging
import os
import tempfile
import threading

from django.core.files.base import ContentFile, File
from django.core.files.storage import FileSystemStorage
from django.core.signals import request_finished
from django.db import connection, transaction
from django.utils.crypto import get_random_string

logger = logging.getLogger(__name__)

SPOOL_MEMORY = 1024 * 1024

# Per thread, like database connections and their transactions: (location, name) → (spool,
# the on_commit callback that will write it).
_local = threading.local()


def _pending() -> dict:
    if not hasattr(_local, "pending"):
        _local.pending = {}
    return _local.pending


def _provisional() -> dict:
    if not hasattr(_local, "provisional"):
        _local.provisional = {}
    return _local.provisional


def pending_purge() -> None:
    """Drop what a rolled-back transaction stored: its spools (their callback is no longer
    queued on the connection) and, under a test's wrapping transaction, the files written
    provisionally. Called before each save and at the end of each request."""
    queued = {id(func) for _, func, _ in connection.run_on_commit}
    pending = _pending()
    for key, (spool, func) in list(pending.items()):
        if id(func) not in queued:
            del pending[key]
            spool.close()
    provisional = _provisional()
    for (storage, name), func in list(provisional.items()):
        if id(func) not in queued:
            del provisional[(storage, name)]
            FileSystemStorage.delete(storage, name)


def _in_test_transaction() -> bool:
    return bool(connection.atomic_blocks) and getattr(
        connection.atomic_blocks[0], "_from_testcase", False
    )


def _in_application_transaction() -> bool:
    return connection.in_atomic_block and not all(
        getattr(block, "_from_testcase", False) for block in connection.atomic_blocks
    )


class CommitFileSystemStorage(FileSystemStorage):
    def _pending_key(self, name: str) -> tuple[str, str]:
        return (str(self.location), name)

    def _spool(self, name: str):
        entry = _pending().get(self._pending_key(name))
        return entry[0] if entry else None

    def get_available_name(self, name, max_length=None):
        if _in_application_transaction() and not _in_test_transaction():
            # Written only at commit: a random folder makes the name unique without a look at
            # the disk, where another transaction's upload may not have arrived yet; the file
            # keeps its own name (the download's name).
            folder, base = os.path.split(name)
            name = os.path.join(folder, get_random_string(12).lower(), base)
        return super().get_available_name(name, max_length=max_length)

    def exists(self, name):
        return self._spool(name) is not None or super().exists(name)

    def size(self, name):
        spool = self._spool(name)
        if spool is not None:
            return spool.seek(0, 2)
        return super().size(name)

    def _open(self, name, mode="rb"):
        spool = self._spool(name)
        if spool is not None:
            spool.seek(0)
            return ContentFile(spool.read(), name=name)
        return super()._open(name, mode)

    def delete(self, name):
        entry = _pending().pop(self._pending_key(name), None)
        if entry is not None:
            entry[0].close()
            return
        super().delete(name)

    def _save(self, name, content):
        if not _in_application_transaction():
            return super()._save(name, content)
        pending_purge()
        if _in_test_transaction():
            # The test's own transaction never commits, so no callback would ever write: the
            # file is written now and deleted if the application's transaction rolls back.
            name = super()._save(name, content)

            def keep():
                _provisional().pop((self, name), None)

            _provisional()[(self, name)] = keep
            transaction.on_commit(keep)
            return name
        spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY)
        if hasattr(content, "seek"):
            content.seek(0)
        for chunk in content.chunks() if hasattr(content, "chunks") else [content.read()]:
            spool.write(chunk)

        def write():
            self._write_pending(name)

        _pending()[self._pending_key(name)] = (spool, write)
        transaction.on_commit(write)
        return name

    def _write_pending(self, name: str) -> None:
        entry = _pending().pop(self._pending_key(name), None)
        if entry is None:  # deleted before the commit
            return
        spool = entry[0]
        try:
            spool.seek(0)
            written = super()._save(name, File(spool, name=name))
        finally:
            spool.close()
        if written != name:  # a file of that name appeared meanwhile: never overwrite it
            logger.error("Tệp %s đã được lưu với tên khác: %s", name, written)


def _purge_after_request(**kwargs) -> None:
    pending_purge()


request_finished.connect(_purge_after_request, dispatch_uid="motcua.core.storage.purge")
