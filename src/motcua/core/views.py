from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from motcua.accounts.roles import ROLE_TASKS, Role
from motcua.core.health import health_report


def home(request):
    # A visitor who is not signed in is most likely a citizen: the portal (procedure search,
    # tracking, filing), which links to the officers' sign-in.
    if not request.user.is_authenticated:
        return redirect("portal:home")
    return _home(request)


@login_required
def _home(request):
    user = request.user
    roles = sorted(user.roles, key=lambda r: list(Role).index(r))
    tasks = []
    for role in roles:
        for title, description, url_name in ROLE_TASKS[role]:
            name, _, query = (url_name or "").partition("?")
            try:
                url = reverse(name) + (f"?{query}" if query else "") if name else None
            except NoReverseMatch:
                url = None
            tasks.append({"title": title, "description": description, "url": url})
    return render(
        request,
        "core/home.html",
        {"roles": [r.label for r in roles], "unit": user.unit, "tasks": tasks},
    )


def health(request):
    """For monitors: JSON, 200 when nothing is in error, 503 otherwise. No secrets."""
    report = health_report()
    return JsonResponse(report, status=503 if report["status"] == "error" else 200)


@login_required
def health_page(request):
    """For administrators: the same checks, readable."""
    if not (request.user.is_superuser or Role.ADMINISTRATOR in request.user.roles):
        raise PermissionDenied(_("Chỉ quản trị viên được xem tình trạng hệ thống."))
    report = health_report()
    return render(request, "core/health.html", {"report": report})
