"""The read matrix (issue 9): every URL pattern of the site and every API route, fetched by
the anonymous visitor and by every role (in the relations that change what they may read),
leaks nothing of a dossier the policy (`policy.may_read`) does not let them read.

Two dossiers carry unique personal data: A, of ward Hiệp Thành (filed by the digital team
for `citizen_owner`, sent by post), and S, of ward Phú Lợi (filed alone at the counter by
`other_citizen`, then stopped). Each URL pattern is filled in with the dossier's code, a
known form, a national code..., fetched with GET, and the answer — HTML, JSON, XLSX cells or
PDF text — must not contain the applicant's name, ID number, phone, email or the lookup key
of a dossier the reader may not read. Lists and searches are asked for that dossier's ID number too.
"""

from __future__ import annotations

import io
import uuid

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from rest_framework.authtoken.models import Token

from motcua.accounts.roles import Role
from motcua.dossiers import permissions, services
from motcua.dossiers.domain import policy
from motcua.dossiers.models import Dossier

from .permission_world import (
    APPLICANT_A,
    APPLICANT_B,
    dossier_make,
    people_make,
    procedure_make,
    units_make,
)

READERS = (
    "anonymous",
    "desk",
    "specialist_assignee",
    "head",
    "leader",
    "postal",
    "digital_assisted",
    "digital_not_assisted",
    "supervisor",
    "other_supervisor",
    "admin",
    "citizen_owner",
    "other_citizen",
    "other_desk",
    "other_postal",
)


def _patterns(patterns=None, prefix=""):
    for p in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(p, URLResolver):
            yield from _patterns(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern)


# Issue 9 hole 1 (the outbox page shows every ward's messages) belongs to the "harden" branch;
# `test_outbox_leaks_nothing` below holds it until that branch is merged.
OUTBOX = "thong-bao/"


def _admin_wanted(route: str) -> bool:
    """The admin's dossier pages (its other pages show no dossier)."""
    if route == OUTBOX:
        return False
    return not route.startswith("quan-tri/") or route.startswith("quan-tri/dossiers/")


def _fill(route: str, dossier: Dossier) -> str | None:
    """The route with its parameters filled in for `dossier`; None for regex routes."""
    import re

    if route.startswith("^") or "(?P" in route:
        if route.startswith("quan-tri/dossiers/dossier/"):
            return None
        return None
    values = {
        "code": dossier.code,
        "action": "withdraw",
        "form": "receipt",
        "national_code": dossier.procedure_version.procedure.national_code,
        "component_id": str(dossier.components.first().pk),
        "pk": str(dossier.components.first().pk),
        "result_id": "1",
        "draft_id": str(uuid.uuid4()),
        "uidb64": "MQ",
        "token": "abc-def",
        "reference": "X",
        "object_id": str(dossier.pk),
        "app_label": "dossiers",
        "model_name": "dossier",
    }

    def sub(match):
        name = match.group(2)
        return values.get(name, "1")

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", sub, route)


def _text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if "spreadsheet" in kind:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(body), read_only=True)
        return " ".join(
            str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row
        )
    if "pdf" in kind:
        from pypdf import PdfReader

        return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(body)).pages)
    return body.decode("utf-8", "replace")


def _markers(d: Dossier, applicant: dict) -> list[str]:
    return [
        applicant["name"],
        applicant["id_number"],
        applicant["phone"],
        applicant["email"],
        d.lookup_key,
    ]


@pytest.fixture
def world(make_user):
    units = units_make()
    people = people_make(make_user, units)
    procedure = procedure_make(units)
    a = dossier_make(
        "processing_appraisal", which="A", procedure=procedure, units=units, people=people
    )
    # S: the other ward's own dossier, filed alone at its counter (the procedure is the
    # other ward's too).
    procedure.units.add(units["other"])
    s = services.dossier_receive(
        procedure_version=procedure,
        unit=units["other_desk"],
        applicant={**APPLICANT_B},
        channel=1,
        components=[{"name": c.name} for c in procedure.components.all() if c.required],
        received_by=people["other_desk"],
        applicant_user=people["other_citizen"],
    )
    # ...and stopped with a reason, so it also shows in the reports of returned dossiers.
    services.dossier_assign(
        dossier=s, actor=people["other_desk"], assignee=people["other_specialist"]
    )
    services.dossier_stop(dossier=s, actor=people["other_specialist"], reason="Hồ sơ giả mạo")
    return {"people": people, "dossiers": {"A": (a, APPLICANT_A), "S": (s, APPLICANT_B)}}


@pytest.mark.parametrize("reader", READERS)
def test_no_page_or_api_route_leaks_a_dossier_the_reader_may_not_read(reader, world, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    people = world["people"]
    user = people.get(reader)
    client = Client()
    api_headers = {}
    if user is not None:
        client.force_login(user)
        api_headers["HTTP_AUTHORIZATION"] = f"Token {Token.objects.create(user=user).key}"
    actor = permissions.actor_for(user) if user else policy.ANONYMOUS
    hidden = {
        key: (d, applicant)
        for key, (d, applicant) in world["dossiers"].items()
        if not policy.may_read(actor, permissions.situation_for(d))
    }
    shown = [k for k in world["dossiers"] if k not in hidden]
    today = timezone.localdate().isoformat()
    leaks, fetched = [], 0
    routes = [r for r in _patterns() if _admin_wanted(r)]
    for route in routes:
        targets = (
            list(hidden.values())
            if "<" in route and "code" in route
            else [next(iter(world["dossiers"].values()))]
        )
        for d, _applicant in targets:
            url = _fill(route, d)
            if url is None:
                continue
            queries = [{}]
            if "<" not in route:  # lists and searches: also asked for the hidden ID numbers
                queries += [
                    {"q": a["id_number"], "tu": "2020-01-01", "den": today, "tab": "tat-ca"}
                    for _d, a in hidden.values()
                ]
            for query in queries:
                extra = api_headers if url.startswith("/api/") else {}
                response = client.get(url, query, **extra)
                fetched += 1
                # The health check answers 503 while no worker beats (none runs in tests);
                # its body is still read for leaks below.
                health = url.startswith("/suc-khoe") and response.status_code == 503
                if response.status_code >= 500 and not health:
                    leaks.append(f"{reader} {url} {query}: {response.status_code}")
                    continue
                text = _text(response)
                for key, (hd, applicant) in hidden.items():
                    for marker in _markers(hd, applicant):
                        if marker in query.values():
                            continue  # the search box shows what was asked: not a leak
                        if marker and marker in text:
                            leaks.append(f"{reader} {url} {query}: dossier {key} ({marker})")
    assert fetched >= sum(1 for r in routes if "<" not in r)
    assert leaks == [], "\n".join(leaks)
    # The matrix is not vacuous: what the reader may read, they can open.
    if user is not None and Role.CITIZEN not in user.roles and shown:
        d = world["dossiers"][shown[0]][0]
        assert client.get(f"/ho-so/{d.code}/").status_code == 200


def test_outbox_leaks_nothing(world):
    client = Client()
    client.force_login(world["people"]["desk"])
    s, applicant = world["dossiers"]["S"]
    text = _text(client.get(f"/{OUTBOX}"))
    assert not [m for m in _markers(s, applicant) if m in text]
