"""The generated permission matrix (issue 9): every situation × every actor (every role, in
every relation to the dossier: own unit / other unit, owner / other citizen, assisted / not
assisted, assignee / not assignee, carried by post / not) × every action, tried through

- the service (`dossiers/services.py`),
- the officer page's action endpoint (`/ho-so/<code>/thao-tac/<action>/`, HTMX post),
- the REST API (`/api/v1/ho-so/<code>/<action>/`),

and checked against the policy (`domain/policy.decide`): allowed exactly when the policy
allows, refused otherwise (with the policy's own reason from the service). The dossier page
must offer, and the API's `actions` field list, exactly the allowed actions.

One database setup per situation; each attempt runs in a savepoint that is rolled back, so
every attempt starts from the same dossier.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from motcua.accounts.roles import Role
from motcua.dossiers import permissions, services
from motcua.dossiers.api import TRANSITION_APIS
from motcua.dossiers.domain import policy
from motcua.dossiers.domain.errors import DossierError
from motcua.dossiers.domain.workflow import TRANSITIONS, Action, actions_available
from motcua.dossiers.models import Dossier
from motcua.dossiers.views import SERVICES

from .permission_world import (
    ACTORS,
    REASON,
    SITUATIONS,
    dossier_make,
    people_make,
    procedure_make,
    units_make,
)

SLUGS = {api.action: slug for slug, api in TRANSITION_APIS.items()}
ALL_ROLES = frozenset(r.value for r in Role)
ANONYMOUS = "anonymous"
# Dossier B (filed alone, at the counter) is tried with the actors whose answer depends on it.
B_ACTORS = ("desk", "postal", "digital_assisted", "citizen_owner", "other_citizen")


ROLE_OF = {key: role.value for key, (role, _unit) in ACTORS.items()}


def _walkers(action: Action, situation, which: str) -> set[str]:
    """Who tries `action` through the three surfaces.

    The policy answers in a fixed order (status, then role, then the relation to the
    dossier, then the step), each proved on its own from tables in test_policy.py; the
    surfaces are walked where the answer can change:
    - the action is possible from this status: every actor holding one of the workflow
      table's roles for it, in every relation (own unit / other unit, owner / other
      citizen, assisted / not, assignee / not, carried by post / not), and one actor
      holding none of them (supervisor, or anonymous on dossier A);
    - otherwise (refused by status whoever asks): one actor holding a table role.
    """
    rule = TRANSITIONS[action]
    holders = [k for k, role in ROLE_OF.items() if role in rule.roles]
    if which == "B":
        holders = [k for k in holders if k in B_ACTORS]
    if situation.status not in rule.sources:
        return set(holders[:1])
    others = {"supervisor", ANONYMOUS} if which == "A" else {"postal"}
    return set(holders) | others


def _service_kwargs(action: Action, d: Dossier, units, people) -> dict:
    kw: dict = {}
    if action in (
        Action.REFUSE,
        Action.SEND_BACK,
        Action.REQUEST_SUPPLEMENT,
        Action.STOP,
        Action.WITHDRAW,
        Action.APOLOGISE,
    ):
        kw["reason"] = REASON
    if action is Action.APOLOGISE:
        kw["new_appointment"] = _new_appointment(d)
    if action is Action.TRANSFER:
        kw["to_unit"] = _transfer_to(d, units)
    if action is Action.ASSIGN:
        kw["assignee"] = people["specialist_assignee"]
    if action is Action.REQUEST_PAYMENT:
        kw["amount"] = 50000
    return kw


def _new_appointment(d: Dossier) -> dt.datetime:
    base = d.due_at or timezone.now()
    return (base + dt.timedelta(days=2)).replace(second=0, microsecond=0)


def _transfer_to(d: Dossier, units):
    return units["tp"] if d.current_unit_id == units["city_tnmt"].pk else units["city_tnmt"]


def _html_data(action: Action, d: Dossier, units, people) -> dict:
    kw = _service_kwargs(action, d, units, people)
    data = {"expected_version": d.version}
    if "reason" in kw:
        data["reason"] = kw["reason"]
    if "new_appointment" in kw:
        data["new_appointment"] = timezone.localtime(kw["new_appointment"]).strftime(
            "%Y-%m-%dT%H:%M"
        )
    if "to_unit" in kw:
        data["to_unit"] = kw["to_unit"].pk
    if "assignee" in kw:
        data["assignee"] = kw["assignee"].pk
    if "amount" in kw:
        data["amount"] = kw["amount"]
    if action is Action.RETURN_RESULT:
        data["result_delivery"] = d.result_delivery
    return data


def _api_body(action: Action, d: Dossier, units, people) -> dict:
    kw = _service_kwargs(action, d, units, people)
    body: dict = {"expected_version": d.version}
    if "reason" in kw:
        body["reason"] = kw["reason"]
    if "new_appointment" in kw:
        body["new_appointment"] = kw["new_appointment"].isoformat()
    if "to_unit" in kw:
        body["to_unit"] = kw["to_unit"].code
    if "assignee" in kw:
        body["assignee"] = kw["assignee"].username
    if "amount" in kw:
        body["amount"] = kw["amount"]
    return body


def _rolled_back(fn):
    """Run `fn` in a savepoint that is always rolled back; return its result or exception."""
    try:
        with transaction.atomic():
            try:
                return fn(), None
            finally:
                transaction.set_rollback(True)
    except DossierError as exc:
        return None, exc


@pytest.mark.parametrize("situation", SITUATIONS)
def test_service_page_and_api_agree_with_the_policy(situation, make_user):
    units = units_make()
    people = people_make(make_user, units)
    procedure = procedure_make(units)
    dossiers = {
        which: dossier_make(situation, which=which, procedure=procedure, units=units, people=people)
        for which in ("A", "B")
    }
    html = {key: Client() for key in [*ACTORS, ANONYMOUS]}
    api = {key: APIClient() for key in [*ACTORS, ANONYMOUS]}
    for key, user in people.items():
        html[key].force_login(user)
        api[key].credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")

    disagreements: list[str] = []
    tried = tried_surfaces = 0
    for which, original in dossiers.items():
        keys = [*ACTORS, ANONYMOUS] if which == "A" else list(B_ACTORS)
        for key in keys:
            user = people.get(key)
            actor = permissions.actor_for(user) if user else policy.ANONYMOUS
            situation_ = permissions.situation_for(original)
            now = timezone.now()
            expected_set = set(policy.actions_allowed(actor, situation_, now=now))
            table_actions = set(actions_available(state=situation_.status, roles=ALL_ROLES))
            for action in Action:
                tried += 1
                if key not in _walkers(action, situation_, which):
                    continue
                verdict = policy.decide(actor, situation_, action, now=now)
                label = f"{situation}/{which} {key} {action.value}"
                # 1. the service
                if user is not None:
                    fresh = Dossier.objects.get(pk=original.pk)
                    _, error = _rolled_back(
                        lambda fresh=fresh, action=action, user=user: SERVICES[action](
                            dossier=fresh,
                            actor=user,
                            **_service_kwargs(action, fresh, units, people),
                        )
                    )
                    if verdict.allowed and error is not None:
                        disagreements.append(f"{label} service refused: {error.message}")
                    elif not verdict.allowed and error is None:
                        disagreements.append(f"{label} service allowed ({verdict.reason})")
                    elif not verdict.allowed and error.message != verdict.reason:
                        disagreements.append(
                            f"{label} service said {error.message!r}, policy {verdict.reason!r}"
                        )
                tried_surfaces += 1
                # 2. the officer page's endpoint
                url = reverse("dossiers:action", args=[original.code, action.value])
                data = _html_data(action, original, units, people)
                response, _ = _rolled_back(
                    lambda url=url, data=data, key=key: html[key].post(
                        url, data, HTTP_HX_REQUEST="true"
                    )
                )
                done = response.status_code == 204 and "HX-Redirect" in response
                if done != verdict.allowed:
                    disagreements.append(
                        f"{label} page answered {response.status_code}, policy "
                        f"{verdict.allowed} ({verdict.reason})"
                    )
                # 3. the API
                url = f"/api/v1/ho-so/{original.code}/{SLUGS[action]}/"
                body = _api_body(action, original, units, people)
                response, _ = _rolled_back(
                    lambda url=url, body=body, key=key: api[key].post(url, body, format="json")
                )
                if (response.status_code == 200) != verdict.allowed:
                    disagreements.append(
                        f"{label} API answered {response.status_code} "
                        f"{response.content[:200]!r}, policy {verdict.allowed} ({verdict.reason})"
                    )
            # What the page offers and what the API lists: exactly the allowed actions.
            if user is not None and which == "A" and policy.may_read(actor, situation_):
                page = html[key].get(reverse("dossiers:detail", args=[original.code]))
                offered = {
                    Action(a)
                    for a in _offered(page.content.decode())
                    if a in {x.value for x in Action}
                }
                if page.status_code != 200 or offered != expected_set:
                    disagreements.append(
                        f"{situation}/{which} {key} page {page.status_code} offers "
                        f"{sorted(offered)}, policy {sorted(expected_set)}"
                    )
                listed = api[key].get(f"/api/v1/ho-so/{original.code}/").json()["actions"]
                if set(listed) != {SLUGS[a] for a in expected_set}:
                    disagreements.append(
                        f"{situation}/{which} {key} API actions {listed}, policy "
                        f"{sorted(expected_set)}"
                    )
    assert tried == (len(ACTORS) + 1 + len(B_ACTORS)) * len(Action)
    assert tried_surfaces >= len(table_actions)
    assert disagreements == [], "\n".join(disagreements)


def _offered(body: str) -> set[str]:
    import re

    return set(re.findall(r'data-testid="action-([a-z_]+)"', body))


def test_the_matrix_allows_something_in_every_open_situation(make_user):
    """The matrix cannot pass by refusing everything: each working role does its part."""
    units = units_make()
    people = people_make(make_user, units)
    procedure = procedure_make(units)
    allowed = {}
    for situation in ("received", "processing_appraisal", "processing_signing", "resolved"):
        d = dossier_make(situation, which="A", procedure=procedure, units=units, people=people)
        s = permissions.situation_for(d)
        allowed[situation] = {
            key: set(policy.actions_allowed(permissions.actor_for(u), s, now=timezone.now()))
            for key, u in people.items()
        }
    assert Action.ASSIGN in allowed["received"]["desk"]
    assert Action.FORWARD in allowed["processing_appraisal"]["specialist_assignee"]
    assert Action.SIGN in allowed["processing_signing"]["leader"]
    assert Action.MARK_RESULT_READY not in allowed["processing_signing"]["specialist_assignee"]
    assert Action.RETURN_RESULT in allowed["resolved"]["postal"]  # the post carries A's result
    assert allowed["resolved"]["other_desk"] == set()
    assert allowed["processing_appraisal"]["supervisor"] == set()
    assert allowed["processing_appraisal"]["citizen_owner"] == {Action.WITHDRAW}
    assert services.dossier_accept  # the services the matrix drives are the page's
