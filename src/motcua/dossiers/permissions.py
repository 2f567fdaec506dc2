"""The dossier policy (`domain/policy.py`) applied to Django objects.

`actor_for(user)` and `situation_for(dossier)` turn a user and a dossier into the policy's
plain values; `action_check` raises the policy's refusal as the dossier errors the surfaces
already map (state → 409, role or scope → 403); `read_filter` is the read scope as a query
filter for every selector that lists dossiers; `assignee_candidates` is who may receive a
dossier on a hand-over (the page's picker and the services' check).
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from motcua.accounts.scoping import scope_is_global, scope_units
from motcua.dossiers.domain import policy
from motcua.dossiers.domain.errors import ActionForbidden, OutOfScope, TransitionNotAllowed
from motcua.dossiers.domain.policy import Actor, Refusal, Situation, Step, Verdict, Via
from motcua.dossiers.domain.workflow import MOT_CUA, Action, Channel, Status

ASSIGNEE_ROLE_FIXED = {Action.ASSIGN: "chuyen_vien"}


def actor_for(user) -> Actor:
    """The policy's view of `user` (cached on the instance, like `user.roles`)."""
    if user is None or not user.is_authenticated:
        return policy.ANONYMOUS
    cached = getattr(user, "_policy_actor", None)
    if cached is not None:
        return cached
    if scope_is_global(user):
        unit_ids = None
    elif user.unit_id is None:
        unit_ids = frozenset()
    else:
        unit_ids = frozenset(scope_units(user).values_list("pk", flat=True))
    actor = Actor(id=user.pk, roles=frozenset(r.value for r in user.roles), unit_ids=unit_ids)
    user._policy_actor = actor
    return actor


def transfer_pending(dossier, events=None) -> bool:
    """Transferred (liên thông) and not yet returned; `events` when already loaded."""
    if events is None:
        events = dossier.events.filter(action__in=[Action.TRANSFER, Action.TRANSFER_RETURN])
        rows = events.order_by("at", "id").values_list("action", flat=True)
    else:
        rows = [e.action for e in events]
    depth = 0
    for action in rows:
        if action == Action.TRANSFER:
            depth += 1
        elif action == Action.TRANSFER_RETURN and depth:
            depth -= 1
    return depth > 0


def situation_for(dossier, *, steps=None, events=None) -> Situation:
    """The policy's view of `dossier`. `steps` (the procedure's steps) and `events` (its
    audit events) when the caller has them loaded; otherwise one query each."""
    if steps is None:
        steps = list(dossier.procedure_version.steps.order_by("order"))
    return Situation(
        code=dossier.code,
        status=Status(dossier.status),
        channel=Channel(dossier.channel),
        unit_id=dossier.unit_id,
        current_unit_id=dossier.current_unit_id,
        result_delivery=dossier.result_delivery,
        applicant_user_id=dossier.applicant_user_id,
        assisted_by_id=dossier.assisted_by_id,
        assignee_id=dossier.assignee_id,
        current_step=dossier.current_step,
        steps=tuple(Step(order=s.order, name=s.name, role=s.role or "") for s in steps),
        transfer_pending=transfer_pending(dossier, events),
        due_at=dossier.due_at,
        apologised=dossier.apologised,
    )


def refusal_raise(verdict: Verdict) -> None:
    if verdict.allowed:
        return
    if verdict.refusal is Refusal.SCOPE:
        raise OutOfScope(verdict.reason)
    if verdict.refusal is Refusal.ROLE:
        raise ActionForbidden(verdict.reason)
    raise TransitionNotAllowed(verdict.reason)


def action_decide(
    *, user, dossier, action, via: Via = Via.DESK, now: dt.datetime | None = None, **loaded
) -> Verdict:
    return policy.decide(
        actor_for(user), situation_for(dossier, **loaded), action, via=via, now=now
    )


def action_check(*, user, dossier, action, via: Via = Via.DESK, now=None, **loaded) -> None:
    """Raise the policy's refusal (`OutOfScope`, `ActionForbidden`, `TransitionNotAllowed`)."""
    refusal_raise(
        action_decide(user=user, dossier=dossier, action=action, via=via, now=now, **loaded)
    )


def task_decide(*, user, dossier, task, **loaded) -> Verdict:
    """A desk task that is not a transition (the electronic result, cash at the counter)."""
    return policy.task_decide(actor_for(user), situation_for(dossier, **loaded), task)


def task_check(*, user, dossier, task, **loaded) -> None:
    refusal_raise(task_decide(user=user, dossier=dossier, task=task, **loaded))


def actions_allowed(*, user, dossier, now=None, via: Via = Via.DESK, **loaded) -> list[Action]:
    return policy.actions_allowed(
        actor_for(user), situation_for(dossier, **loaded), via=via, now=now
    )


def _read_parts(user) -> list[Q] | None:
    """The read scope (`policy.read_scope`) as the filters whose OR it is, each on one column
    so that an index serves it. None: everything."""
    scope = policy.read_scope(actor_for(user))
    if scope.everything:
        return None
    parts = []
    if scope.owner_id is not None:
        parts.append(Q(applicant_user_id=scope.owner_id))
    if scope.assisted_id is not None:
        parts.append(Q(assisted_by_id=scope.assisted_id))
    if scope.unit_ids:
        ids = sorted(scope.unit_ids)
        parts += [Q(unit_id__in=ids), Q(current_unit_id__in=ids)]
    if scope.postal_unit_ids:
        ids = sorted(scope.postal_unit_ids)
        post = Q(channel=Channel.POSTAL) | Q(result_delivery=policy.POST)
        parts += [Q(unit_id__in=ids) & post, Q(current_unit_id__in=ids) & post]
    return parts


def read_filter(user) -> Q | None:
    """The read scope as a filter on Dossier; None: everything. (An impossible filter for
    nobody.)"""
    parts = _read_parts(user)
    if parts is None:
        return None
    q = Q(pk__in=[])
    for part in parts:
        q |= part
    return q


def read_branches(user) -> list[Q] | None:
    """The same scope as `read_filter`, as disjoint filters without an OR between columns
    (the second excludes what the first matched...): counting each through its own index
    and adding up gives the count of `read_filter` without scanning the table
    (`selectors.dossier_count_visible`). None: everything; [] for nobody."""
    parts = _read_parts(user)
    if parts is None:
        return None
    branches, seen = [], None
    for part in parts:
        branches.append(part if seen is None else part & ~seen)
        seen = part if seen is None else seen | part
    return branches


def may_read(*, user, dossier) -> bool:
    return policy.may_read(actor_for(user), situation_for(dossier, steps=(), events=()))


# --- hand-overs -----------------------------------------------------------------------------


def assignee_role(*, situation: Situation, action: Action) -> str | None:
    """The role of the person a hand-over may name, or None when it names nobody."""
    if action is Action.ASSIGN:
        return ASSIGNEE_ROLE_FIXED[action]
    if action in (Action.FORWARD, Action.APPROVE, Action.SIGN):
        nxt = situation.next_step
        if nxt is not None and nxt.role and nxt.role != MOT_CUA:
            return nxt.role
    return None


def assignee_candidates(*, user, situation: Situation, action: Action) -> QuerySet | None:
    """Active users with the role the hand-over needs, in the actor's units (the page's
    picker; the services refuse anyone else). None: this hand-over names nobody."""
    role = assignee_role(situation=situation, action=action)
    if role is None:
        return None
    actor = actor_for(user)
    qs = get_user_model().objects.filter(is_active=True, groups__name=role)
    if actor.unit_ids is not None:
        qs = qs.filter(unit_id__in=sorted(actor.unit_ids))
    else:
        qs = qs.filter(unit__isnull=False)
    return qs.select_related("unit").order_by("unit__name", "full_name", "username").distinct()


ASSIGNEE_INVALID = (
    "Người nhận hồ sơ không hợp lệ: hãy chọn một người đang làm việc, có vai trò phù hợp với "
    "bước tiếp theo, thuộc đơn vị trong phạm vi của bạn."
)
