"""The journeys' world: exactly the data `make run` loads (`motcua demo-data`, the same
loader; the 2021–2023 history of `--profile tdm` is left out: it only feeds the reports),
loaded ONCE for the whole folder with the clock on Tuesday 1 December 2026, 10:00 in Vietnam.

The journeys share it, in file order, like a working day: each one only moves forward the
server's clock (`world.advance`), and finds its own dossiers. The database is emptied again
after the folder, so the other browser tests start from nothing as usual.

Screenshots go to `var/journeys-shots/` (or `$MOTCUA_SCREENSHOTS`) for review.
"""

import datetime as dt
import io
import os
import re
from pathlib import Path
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.test import override_settings
from pypdf import PdfReader

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=VN)
SHOTS = Path(__file__).resolve().parents[3] / "var" / "journeys-shots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


class Clock:
    """The server's `timezone.now()`: set by the journeys, never backwards."""

    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now

    def advance(self, **delta):
        self.now += dt.timedelta(**delta)
        return self.now


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker):
    clock = Clock(NOW)
    # The tests' password hasher (tests/conftest.py sets it per test, after this loads).
    md5 = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with mock.patch("django.utils.timezone.now", side_effect=clock):
        with django_db_blocker.unblock(), md5:
            call_command("demo-data", "--quiet", stdout=io.StringIO())
        yield clock
        with django_db_blocker.unblock():
            call_command("flush", "--no-input", verbosity=0)


@pytest.fixture(autouse=True)
def _live_server_helper(request, django_db_blocker):
    """pytest-django's helper of the same name empties the database after every test that
    uses the live server; here the folder's world is kept between journeys (emptied once at
    the end, by `world`). Database access for the test and the server's threads."""
    with django_db_blocker.unblock():
        if "live_server" not in request.fixturenames:
            yield
            return
        live_server = request.getfixturevalue("live_server")
        live_server._live_server_modified_settings.enable()
        yield
        live_server._live_server_modified_settings.disable()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.journey_failed = report.failed
    return report


@pytest.fixture
def as_user(request, browser, live_server, login):
    """`as_user("motcua")`: a page in its own browser context, signed in on the officers'
    login (None: not signed in); `phone=True`: 390 px wide, touch."""
    contexts = []
    signed_in = {}  # one page per officer and width in a journey: signing in once is enough

    def _open(username, *, phone=False):
        if username and (username, phone) in signed_in:
            return signed_in[username, phone]
        context = browser.new_context(
            base_url=live_server.url,
            locale="vi-VN",
            timezone_id="Asia/Ho_Chi_Minh",
            viewport=PHONE if phone else DESKTOP,
            is_mobile=phone,
            has_touch=phone,
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        if username:
            login(page, username)
            signed_in[username, phone] = page
        return page

    yield _open
    for i, c in enumerate(contexts):
        if getattr(request.node, "journey_failed", False):  # what each page showed, for review
            for page in c.pages:
                SHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SHOTS / f"failed-{request.node.name}-{i}.png"))
        c.close()


def portal_login(page, username, password="motcua-demo"):
    page.goto("/cong-dan/dang-nhap/")
    page.get_by_label("Số điện thoại, thư điện tử hoặc tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng nhập").click()


def pdf_text(page, href) -> str:
    """The text of the PDF at `href`, fetched with the page's session, spaces collapsed."""
    response = page.request.get(href)
    assert response.ok, f"{href}: {response.status}"
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def printed(page, link_name) -> str:
    """Open the printed form behind the dossier page's link `link_name`; its text."""
    return pdf_text(page, page.get_by_role("link", name=link_name).get_attribute("href"))


def shot(page, name, tmp_path=None):
    """Save a screenshot for review and check the page does not scroll sideways."""
    folder = Path(os.environ.get("MOTCUA_SCREENSHOTS") or SHOTS)
    folder.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    suffix = "phone" if width < 600 else "desktop"
    page.screenshot(path=str(folder / f"{name}-{suffix}.png"), full_page=True)
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{name}: {scroll}px wide on a {width}px screen"


def open_dossier(page, code):
    page.goto(f"/ho-so/{code}/")
    page.get_by_test_id("status").wait_for()
