"""Downloading a dossier component's file through the application (issue 9, hole 9).

Readers are whoever `selectors.dossier_readable_by` allows (officers in scope, the owner, the
assisting digital-team member); anyone else, anonymous included, gets 404, as if the file did
not exist. The file goes out as an attachment (core/files.py), never from a public URL.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from motcua.core.files import file_response
from motcua.dossiers import selectors
from motcua.dossiers.models import Dossier, DossierComponent

NOT_FOUND = "Không có tệp này hoặc bạn không có quyền xem."


@require_GET
def component_file(request, code: str, component_id: int):
    dossier = Dossier.objects.filter(code=code).first()
    if dossier is None or not selectors.dossier_readable_by(request.user, dossier):
        raise Http404(NOT_FOUND)
    component = get_object_or_404(DossierComponent, pk=component_id, dossier=dossier)
    if not component.file:
        raise Http404(NOT_FOUND)
    return file_response(component.file)
