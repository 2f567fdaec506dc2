"""The committed OpenAPI schema (openapi.yaml at the repository root) is the API's contract:
it must match what the code generates, and be a valid OpenAPI document without warnings."""

import difflib
import io
from pathlib import Path

from django.core.management import call_command

SCHEMA = Path(__file__).resolve().parents[2] / "openapi.yaml"
REGENERATE = (
    "MOTCUA_ENV=development .venv/bin/motcua spectacular --lang vi --validate --fail-on-warn "
    "--file openapi.yaml"
)


def test_openapi_yaml_is_up_to_date_and_valid():
    out = io.StringIO()
    # --validate checks the document against the OpenAPI 3 schema; --fail-on-warn turns any
    # generator warning (unguessable field type, duplicate component name...) into an error.
    call_command("spectacular", "--lang", "vi", "--validate", "--fail-on-warn", stdout=out)
    generated = out.getvalue()
    committed = SCHEMA.read_text(encoding="utf-8") if SCHEMA.exists() else ""
    if generated != committed:
        diff = "".join(
            list(
                difflib.unified_diff(
                    committed.splitlines(keepends=True),
                    generated.splitlines(keepends=True),
                    "openapi.yaml (committed)",
                    "openapi.yaml (generated from the code)",
                )
            )[:60]
        )
        raise AssertionError(
            "openapi.yaml is out of date with the API code. Regenerate it and commit it:\n"
            f"    {REGENERATE}\n\nFirst lines of the difference:\n{diff}"
        )


def test_schema_is_served(api, people):
    r = api(people["desk"]).get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi")
    assert r.status_code == 200
    assert b"/api/v1/ho-so/{code}/return-result/:" in r.content


def test_docs_page_is_served_without_a_cdn(client):
    r = client.get("/api/docs/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "swagger-ui" in html and "/api/schema/" in html
    assert "cdn.jsdelivr.net" not in html and "unpkg.com" not in html
