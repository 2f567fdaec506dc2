"""Shared fixtures: demo-like data built through the services, and a real browser."""

import os

import pytest
from django.conf import settings
from django.db import connection

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from the
# test body are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# `fake_clock`: the system's clock replaced for a test (tests/support/clock.py).
pytest_plugins = ["tests.support.clock"]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    # Tests that need two real PostgreSQL connections run in the PostgreSQL pass of CI only:
    # they are deselected (not skipped) on SQLite.
    if connection.vendor == "postgresql":
        return
    keep, drop = [], []
    for item in items:
        (drop if item.get_closest_marker("postgres") else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(scope="session", autouse=True)
def _own_var_dir(tmp_path_factory):
    # Uploaded files and the test CA's keys go to this run's own folder, not the checkout's
    # var/: two runs at once (SQLite and PostgreSQL from the same checkout) otherwise see each
    # other's files in their "nothing was stored" checks and race on the generated keys.
    from django.test import override_settings

    var = tmp_path_factory.mktemp("var")
    with override_settings(MEDIA_ROOT=var / "media", MOTCUA_CERTIFY_DIR=var / "certify"):
        yield var


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Production keeps Django's PBKDF2 default; tests need not pay for it on every user.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate-limit counters live in the cache: every test starts with none.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fresh_calendars():
    # Built unit calendars are cached per process (`clock.selectors.work_calendar_for`): every
    # test builds its own, so query counts do not depend on the tests run before.
    from motcua.clock.selectors import calendar_changed

    calendar_changed()


@pytest.fixture
def password():
    return settings.MOTCUA_DEMO_PASSWORD


@pytest.fixture
def make_user(db, password):
    from motcua.accounts.services import user_create

    def _make(username, role, unit=None, **extra):
        return user_create(
            username=username,
            password=password,
            full_name=extra.pop("full_name", username.title()),
            unit=unit,
            roles=[role] if role else [],
            **extra,
        )

    return _make


@pytest.fixture(scope="session")
def _playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(_playwright):
    browser = _playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh"
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    """A phone-sized viewport (360×740, touch)."""
    context = browser.new_context(
        base_url=live_server.url,
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        has_touch=True,
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def login(password):
    """`login(page, "motcua")` signs in through the real login form."""

    def _login(page, username, pw=None):
        page.goto("/tai-khoan/dang-nhap/")
        page.get_by_label("Tên đăng nhập, email hoặc số điện thoại").fill(username)
        page.get_by_label("Mật khẩu").fill(pw or password)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_load_state()

    return _login
