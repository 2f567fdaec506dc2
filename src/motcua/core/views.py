from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse

from motcua.accounts.roles import ROLE_TASKS, Role


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
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
