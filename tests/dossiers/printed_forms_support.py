"""Helpers for the printed-forms tests: mount the URLs as the project does, read PDFs."""

import io
import unicodedata

import pytest
from django.urls import include, path
from pypdf import PdfReader


def pdf_text(pdf: bytes) -> str:
    """All pages' text, NFC-normalised, whitespace collapsed to single spaces."""
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(unicodedata.normalize("NFC", text).split())


# The project's URL map with this app's printed forms mounted before the dossier pages, for runs
# where src/motcua/urls.py does not include them yet; identical routes once it does.
def _urlpatterns():
    from motcua import urls as project

    mounted = any(
        getattr(p, "app_name", None) == "dossier_documents"
        or getattr(getattr(p, "urlconf_module", None), "app_name", None) == "dossier_documents"
        for p in project.urlpatterns
    )
    if mounted:
        return project.urlpatterns
    return [path("ho-so/", include("motcua.dossiers.urls_printed_forms")), *project.urlpatterns]


urlpatterns = _urlpatterns()


@pytest.fixture(autouse=True)
def documents_urls(settings):
    settings.ROOT_URLCONF = __name__
