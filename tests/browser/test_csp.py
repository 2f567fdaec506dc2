"""The Content-Security-Policy forbids inline scripts, yet the pages still work in a real browser:
the language switch (formerly an inline onchange) switches, the calendar's styles (a nonce'd
<style>) apply, the health page renders — and the browser reports no CSP violation."""

import pytest

from motcua.accounts.roles import Role
from motcua.core.health import heartbeat_beat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def violations(page):
    seen = []
    page.on(
        "console",
        lambda msg: seen.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    return seen


def test_pages_work_under_the_csp(page, login, make_user, violations, settings, tmp_path):
    from django.utils import timezone

    settings.MEDIA_ROOT = tmp_path / "media"
    heartbeat_beat(worker_id="w", hostname="h", started_at=timezone.now())
    make_user("quantri", Role.ADMINISTRATOR)
    login(page, "quantri")

    response = page.goto("/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("style-src-attr")[0]
    assert response.headers["permissions-policy"].startswith("camera=()")
    assert response.headers["referrer-policy"] == "same-origin"

    # The language select submits itself (static motcua.js, no inline handler).
    with page.expect_navigation():
        page.select_option("#lang-select", "en")
    assert page.locator("html").get_attribute("lang") == "en"
    with page.expect_navigation():
        page.select_option("#lang-select", "vi")
    assert page.locator("html").get_attribute("lang") == "vi"

    # The calendar's inline <style> carries the nonce and applies.
    page.goto("/lich-lam-viec/")
    height = page.evaluate(
        "() => { const t = document.querySelector('.cal-grid td');"
        " return t ? getComputedStyle(t).height : null; }"
    )
    assert height is not None and float(height.rstrip("px")) >= 60  # 4.5rem

    page.goto("/quan-ly/suc-khoe/")
    assert page.get_by_role("heading", level=1).inner_text() == "Tình trạng hệ thống"

    assert violations == []
