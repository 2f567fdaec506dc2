"""The citizen landing page and the citizen's own dossiers."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from motcua.dossiers.models import Dossier
from motcua.portal.tracking import selectors
from motcua.portal.tracking.views import dossier_context

PAGE_SIZE = 10


def _dossier_page(request):
    return Paginator(selectors.citizen_dossiers(user=request.user), PAGE_SIZE).get_page(
        request.GET.get("trang")
    )


def home(request):
    context = {}
    if request.user.is_authenticated:
        context["page"] = _dossier_page(request)
    return render(request, "portal/home.html", context)


@login_required(login_url="portal:login")
def my_dossiers(request):
    return render(request, "portal/dossiers/list.html", {"page": _dossier_page(request)})


@login_required(login_url="portal:login")
def dossier_detail(request, code: str):
    # Only the citizen's own dossier: anyone else's code is "not found", never "forbidden".
    try:
        dossier = selectors.citizen_dossier_get(user=request.user, code=code)
    except Dossier.DoesNotExist as exc:
        raise Http404("Không tìm thấy hồ sơ.") from exc
    # Status, steps, and what the citizen can do now (supplement, pay, download, rate).
    return render(request, "portal/dossiers/detail.html", dossier_context(dossier))
