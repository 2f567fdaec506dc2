"""Background tasks (Django's tasks API through the django-tasks backport)."""

from django_tasks import task

from motcua.certify.digitise import ocr_run


@task()
def ocr(digitisation_id: int) -> int:
    """OCR of one digitised component; returns its progress (100 when done)."""
    return ocr_run(digitisation_id=digitisation_id).ocr_progress
