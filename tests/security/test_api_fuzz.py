"""Hole 8 of issue 9, "done when": a bounded schemathesis run over the whole API (openapi.yaml)
with an officer's and a citizen's token gives 0 server errors.

Bounded and deterministic: Hypothesis derandomised (fixed seed), no example database, a few
examples per operation and generation mode; half of them aim at a real dossier (its code as
the path parameter) so the handlers do real work, not only 404s.
"""

from pathlib import Path

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode

from motcua.accounts.roles import Role

pytestmark = pytest.mark.django_db

SCHEMA = Path(__file__).resolve().parents[2] / "openapi.yaml"
EXAMPLES = 6
BOUNDED = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


def _operations():
    schema = schemathesis.openapi.from_path(str(SCHEMA))
    return [result.ok() for result in schema.get_all_operations()]


CALLS = [0]


def _runner(strategy, *, app, headers, user, out):
    @BOUNDED
    @given(case=strategy)
    def run(case):
        response = case.call(app=app, headers=headers)
        CALLS[0] += 1
        if response.status_code >= 500:
            out.append((user.username, case.method, case.formatted_path, response.status_code))

    return run


def test_the_whole_api_gives_no_server_error(receive, people, make_user):
    dossier = receive()
    citizen = make_user("chu_ho_so", Role.CITIZEN, phone="0911111111")
    dossier.applicant_user = citizen
    dossier.save(update_fields=["applicant_user"])
    app = get_wsgi_application()
    # The WSGI handler fires request_started/finished, whose close_old_connections would close
    # the test's connection inside its wrapping transaction (PostgreSQL); Django's own test
    # client disconnects it the same way.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        _fuzz(dossier, people, citizen, app)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _fuzz(dossier, people, citizen, app):
    operations = _operations()
    assert len(operations) >= 20
    errors = []
    CALLS[0] = 0
    for user in (people["desk"], citizen):
        headers = {"Authorization": f"Token {Token.objects.get_or_create(user=user)[0].key}"}
        for operation in operations:
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                fixed = {"code": dossier.code} if "{code}" in operation.path else None
                for path_parameters in [None] if fixed is None else [None, "real"]:
                    strategy = operation.as_strategy(
                        generation_mode=mode,
                        path_parameters=fixed if path_parameters == "real" else None,
                    )

                    run = _runner(strategy, app=app, headers=headers, user=user, out=errors)
                    try:
                        run()
                    except Unsatisfiable:
                        # Some operations have (almost) nothing to make invalid: a path
                        # parameter that accepts any text and no body.
                        assert mode is GenerationMode.NEGATIVE, operation.label
    assert CALLS[0] > 200
    assert errors == []
