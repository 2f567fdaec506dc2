"""English, second language: after the header's switch the main pages read in English, and the
committed catalogue (django.po → django.mo) is complete and compiled.

Vietnamese stays the default (tests/core/test_vietnamese_first.py); here a person chooses English
with the language switch (POST /i18n/setlang/) and the pages they see first are checked.
"""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.urls import reverse

import motcua
from motcua.accounts.roles import Role
from tests.dossiers.conftest import people, procedure, receive, units  # noqa: F401
from tests.portal.data import make_catalogue, make_wards

LOCALE = Path(motcua.__file__).resolve().parent / "locale" / "en" / "LC_MESSAGES"


def _choose(client, language):
    response = client.post("/i18n/setlang/", {"language": language, "next": "/"}, follow=True)
    assert response.status_code == 200


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _english(client, url, *, present, absent):
    _choose(client, "en")
    text = _page(client, url)
    assert 'lang="en"' in text
    for phrase in present:
        assert phrase in text, f"{url}: {phrase!r} missing"
    for phrase in absent:
        assert phrase not in text, f"{url}: {phrase!r} still in Vietnamese"
    return text


# --- portal (citizens) -------------------------------------------------------------------------


@pytest.fixture
def portal_catalogue(db):
    return make_catalogue(make_wards())


def test_portal_home(client, portal_catalogue):
    _english(
        client,
        reverse("portal:home"),
        present=["Public service portal", "Find a procedure, prepare your documents"],
        absent=["Tìm thủ tục, chuẩn bị giấy tờ", "Danh mục thủ tục hành chính"],
    )


def test_procedure_search(client, portal_catalogue):
    text = _english(
        client,
        reverse("portal:procedures") + "?q=chung+thuc",
        present=["Find an administrative procedure", "1 procedure", "Fully online"],
        absent=["Tìm thủ tục hành chính", "Trực tuyến toàn trình"],
    )
    # the procedure's own name is data: it stays as published
    assert "Chứng thực bản sao từ bản chính" in text


def test_procedure_page(client, portal_catalogue):
    _english(
        client,
        reverse("portal:procedure", args=["2.000815"]),
        present=["General information", "Procedure code", "Processing time limit", "Legal basis"],
        absent=["Thông tin chung", "Căn cứ pháp lý"],
    )


def test_tracking_page(client, db):
    _english(
        client,
        reverse("portal:track"),
        present=["Track the status of a dossier", "Dossier code"],
        absent=["Tra cứu tình trạng hồ sơ"],
    )


# --- officers ----------------------------------------------------------------------------------


def test_login_page(client, db):
    _english(
        client,
        reverse("accounts:login"),
        present=["Sign in", "Password", "Username, e-mail or phone number"],
        absent=["Đăng nhập", "Mật khẩu"],
    )


def test_officer_home(client, people):  # noqa: F811
    client.force_login(people["desk"])
    _english(
        client,
        reverse("core:home"),
        present=["Hello, ", "Role and unit", "One-stop desk officer", "Receive dossiers"],
        absent=["Xin chào", "Vai trò và đơn vị"],
    )


def test_worklist(client, people, receive):  # noqa: F811
    receive()
    client.force_login(people["desk"])
    _english(
        client,
        reverse("dossiers:worklist") + "?tab=tat-ca",
        present=["Dossier list", "Receive a dossier at the desk", "Awaiting receipt", "Due date"],
        absent=["Danh sách hồ sơ", "Chờ tiếp nhận", "Hạn giải quyết"],
    )


def test_intake_page(client, people, procedure):  # noqa: F811
    client.force_login(people["desk"])
    _english(
        client,
        reverse("dossiers:intake") + f"?thu_tuc={procedure.pk}",
        present=["Receive a dossier at the desk", "Dossier components received", "Applicant"],
        absent=["Tiếp nhận hồ sơ tại quầy", "Thành phần hồ sơ đã nhận"],
    )


def test_dossier_page(client, people, receive):  # noqa: F811
    dossier = receive()
    client.force_login(people["desk"])
    _english(
        client,
        reverse("dossiers:detail", args=[dossier.code]),
        present=["Dossier details", "Processing history", "Actions available to you"],
        absent=["Thông tin hồ sơ", "Quá trình xử lý"],
    )


def test_catalogue_pages(client, people, procedure):  # noqa: F811
    client.force_login(people["desk"])
    _english(
        client,
        reverse("catalogue:list"),
        present=["Administrative procedure catalogue", "Procedure name"],
        absent=["Danh mục thủ tục hành chính", "Tên thủ tục"],
    )
    _english(
        client,
        reverse("catalogue:detail", args=[procedure.procedure.national_code]),
        present=["General information", "Internal workflow", "Version history"],
        absent=["Thông tin chung", "Quy trình nội bộ"],
    )


def test_calendar_page(client, make_user):
    client.force_login(make_user("quantri", Role.ADMINISTRATOR))
    _english(
        client,
        reverse("clock:calendar") + "?thang=2025-03",
        present=["Working calendar:", "March 2025", "Office hours", "Working days in the month:"],
        absent=["Lịch làm việc:", "Tháng 3 năm 2025"],
    )


def test_switching_back_to_vietnamese(client, db):
    _choose(client, "en")
    _choose(client, "vi")
    text = _page(client, reverse("accounts:login"))
    assert 'lang="vi"' in text and "Đăng nhập" in text and "Sign in" not in text


# --- the catalogue itself ----------------------------------------------------------------------


def _po_entries(path: Path) -> list[dict]:
    """A small .po reader (no extra dependency): msgid, msgid_plural, msgstr[n], flags."""
    entries, entry, key = [], None, None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if entry is not None:
                entries.append(entry)
            entry, key = None, None
            continue
        if line.startswith("#~"):  # obsolete
            continue
        entry = entry if entry is not None else {"flags": set(), "msgstr": {}}
        if line.startswith("#,"):
            entry["flags"] |= {f.strip() for f in line[2:].split(",")}
            continue
        if line.startswith("#"):
            continue
        m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$', line)
        if m:
            name = m.group(1)
            key = ("msgstr", int(m.group(2) or 0)) if name.startswith("msgstr") else name
            value = ast.literal_eval(m.group(3))
        else:
            value = ast.literal_eval(line)
        if isinstance(key, tuple):
            entry["msgstr"][key[1]] = entry["msgstr"].get(key[1], "") + value
        else:
            entry[key] = entry.get(key, "") + value
    return [e for e in entries if "msgid" in e]


def test_every_message_is_translated_and_not_fuzzy():
    entries = [e for e in _po_entries(LOCALE / "django.po") if e["msgid"]]
    assert len(entries) > 500
    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"].values())]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []


def test_placeholders_are_kept():
    for e in _po_entries(LOCALE / "django.po"):
        wanted = sorted(re.findall(r"%\(\w+\)s|%s|\{\w*\}", e["msgid"]))
        for text in e["msgstr"].values():
            assert sorted(re.findall(r"%\(\w+\)s|%s|\{\w*\}", text)) == wanted, e["msgid"]


def test_compiled_catalogue_matches_the_po():
    """The committed django.mo holds exactly the .po's translations (recompile after editing)."""
    with (LOCALE / "django.mo").open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)._catalog
    expected = {}
    for e in _po_entries(LOCALE / "django.po"):
        if "msgid_plural" in e:
            for n, text in e["msgstr"].items():
                expected[(e["msgid"], n)] = text
        else:
            expected[e["msgid"]] = e["msgstr"][0]
    compiled.pop("", None)
    expected.pop("", None)
    assert compiled == expected
