"""One mapping from the rules' refusals to HTTP (`dossiers.api.domain_error`): the endpoint's
own status for the class, else the status the error carries, else the endpoint's default."""

import pytest

from motcua.core.idempotency import (
    IdempotencyInProgress,
    IdempotencyKeyInvalid,
    IdempotencyKeyReused,
)
from motcua.dossiers.api import DossierListCreateApi, TransitionApi, domain_error
from motcua.dossiers.domain.errors import (
    ActionForbidden,
    AgencyCodeMissing,
    ConcurrentUpdate,
    DossierError,
    DossierIncomplete,
    OutOfScope,
    TransitionNotAllowed,
)

CREATE = DossierListCreateApi
TRANSITION = TransitionApi


@pytest.mark.parametrize(
    "view, exc, status",
    [
        # A transition: a conflict with the dossier's state unless the error says otherwise.
        (TRANSITION, DossierError("x"), 409),
        (TRANSITION, TransitionNotAllowed("x"), 409),
        (TRANSITION, ActionForbidden("x"), 403),
        (TRANSITION, OutOfScope("x"), 403),
        (TRANSITION, ConcurrentUpdate("C"), 409),
        # Creation: a bad request, a role the intake does not allow is forbidden.
        (CREATE, DossierError("x"), 400),
        (CREATE, AgencyCodeMissing("x"), 400),
        (CREATE, TransitionNotAllowed("x"), 403),
        (CREATE, ActionForbidden("x"), 403),
        (CREATE, OutOfScope("x"), 403),
        (CREATE, DossierIncomplete(["Tờ khai"]), 400),
        (CREATE, IdempotencyKeyInvalid("x"), 400),
        (CREATE, IdempotencyKeyReused("x"), 422),
        (CREATE, IdempotencyInProgress("x"), 409),
    ],
)
def test_status_of_each_refusal(view, exc, status):
    error = domain_error(
        exc, statuses=view.domain_error_statuses, default=view.domain_error_default
    )
    assert (error.status_code, str(error.detail)) == (status, exc.message)


def test_an_incomplete_dossier_lists_what_is_missing():
    error = domain_error(DossierIncomplete(["Tờ khai", "Bản sao CCCD"]), default=400)
    assert error.extra == {"missing": ["Tờ khai", "Bản sao CCCD"]}
    assert domain_error(DossierError("x")).extra == {}


def test_every_action_of_the_workflow_table_has_one_endpoint():
    from motcua.dossiers.api import TRANSITION_APIS
    from motcua.dossiers.domain.workflow import TRANSITIONS

    actions = [api.action for api in TRANSITION_APIS.values()]
    assert sorted(actions) == sorted(TRANSITIONS) and len(set(actions)) == len(actions)
