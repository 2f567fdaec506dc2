"""The petition pages: public answers (searchable without diacritics, no personal data), the
online form, the sender's lookup and verdict, the officer worklist with near-due and overdue,
officer intake, the dossier page's list, and the report as XLSX and PDF."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from motcua.petitions.models import Petition
from motcua.petitions.selectors import petition_indicator_counts
from tests.petitions.conftest import SENDER, vn


@pytest.fixture
def published(submit, act):
    p = submit(title="Đăng ký khai sinh cho con", content="Hỏi về giấy tờ cần nộp.")
    act(p, "accept", "specialist", at=vn(3, 9))
    act(p, "answer", "specialist", "Chỉ cần giấy chứng sinh.", at=vn(3, 10))
    return act(p, "publish", "head", at=vn(3, 11))


def test_public_answers_are_searchable_without_diacritics_and_show_no_personal_data(
    client, published, submit
):
    unpublished = submit(title="Khai sinh chưa trả lời")
    for q in ("khai sinh", "KHAI SINH", "giay chung sinh", "Giấy chứng sinh"):
        html = client.get("/phan-anh/", {"q": q}).content.decode()
        assert published.title in html, q
        assert unpublished.title not in html
    assert published.title not in client.get("/phan-anh/", {"q": "ho chieu"}).content.decode()
    detail = client.get(f"/phan-anh/cong-khai/{published.code}/").content.decode()
    assert "Chỉ cần giấy chứng sinh." in detail
    for personal in (SENDER["name"], SENDER["phone"], SENDER["email"], SENDER["address"],
                     published.lookup_key):  # fmt: skip
        assert personal not in detail
    assert client.get(f"/phan-anh/cong-khai/{unpublished.code}/").status_code == 404


def test_public_list_query_count(client, published, submit, act, django_assert_max_num_queries):
    for i in range(4):
        p = submit(title=f"Câu hỏi {i}")
        act(p, "accept", "specialist")
        act(p, "answer", "specialist", "Trả lời")
        act(p, "publish", "head")
    with django_assert_max_num_queries(6):
        client.get("/phan-anh/")


def test_online_submission_anonymous_and_with_contact(client, units):
    form = {
        "unit": units["ward"].pk, "kind": "feedback", "subject": "conduct",
        "title": "Thái độ tiếp dân", "content": "Công chức trả lời thiếu tôn trọng.",
        "name": "Lê An", "phone": "0912000111",
    }  # fmt: skip
    r = client.post("/phan-anh/gui/", form)
    p = Petition.objects.get()
    assert p.code in r.content.decode() and p.lookup_key in r.content.decode()
    assert p.sender_name == "Lê An" and p.channel == "online"
    r = client.post("/phan-anh/gui/", {**form, "anonymous": "on", "name": "", "phone": ""})
    assert "không nhận được trả lời riêng" in r.content.decode()
    assert Petition.objects.filter(anonymous=True).count() == 1


def test_online_submission_errors_are_vietnamese(client, units):
    base = {"unit": units["ward"].pk, "kind": "feedback", "subject": "conduct", "title": "T"}
    html = client.post("/phan-anh/gui/", {**base, "content": "x", "name": "A"}).content.decode()
    assert "số điện thoại hoặc thư điện tử" in html
    html = client.post(
        "/phan-anh/gui/", {**base, "content": "a\x00b", "name": "A", "phone": "0912000111"}
    ).content.decode()
    assert "ký tự NUL" in html
    html = client.post(
        "/phan-anh/gui/",
        {**base, "content": "x", "name": "A", "phone": "0912000111",
         "attachment": SimpleUploadedFile("a.pdf", b"MZ\x90\x00 not pdf")},
    ).content.decode()  # fmt: skip
    assert "không phải tệp PDF" in html
    assert not Petition.objects.exists()


def test_lookup_and_verdict_with_code_and_key(client, published):
    url = "/phan-anh/tra-cuu/"
    html = client.get(url, {"ma": published.code, "khoa": "SAIKHOA1"}).content.decode()
    assert "không đúng" in html and "Chỉ cần giấy chứng sinh." not in html
    html = client.get(
        url, {"ma": published.code, "khoa": published.lookup_key.lower()}
    ).content.decode()
    assert "Chỉ cần giấy chứng sinh." in html
    client.post(url, {"ma": published.code, "khoa": published.lookup_key, "action": "agree"})
    published.refresh_from_db()
    assert published.status == "agreed"
    # A wrong key never acts.
    client.post(
        url, {"ma": published.code, "khoa": "SAIKHOA1", "action": "disagree", "reason": "x"}
    )
    published.refresh_from_db()
    assert published.status == "agreed"


def test_worklist_near_due_and_overdue(client, people, submit, act, fake_clock):
    import motcua.petitions.selectors as sel

    old = submit(title="Alpha", at=vn(3, 8))  # classify due Mon 10/3 08:00
    act(old, "accept", "specialist", at=vn(3, 9))  # answer due Mon 24/3 08:00
    submit(title="Beta", at=vn(17, 8))  # classify due Mon 24/3 08:00
    submit(title="Gamma", at=vn(20, 8))  # classify due Thu 27/3 08:00
    asked = submit(title="Delta", at=vn(3, 8))
    act(asked, "accept", "specialist", at=vn(3, 9))
    act(asked, "request_info", "specialist", "Số hồ sơ?", at=vn(3, 10))
    now = dt.datetime(2025, 3, 21, 8, 0, tzinfo=vn(1, 0).tzinfo)
    fake_clock.at = now
    items = {i.petition.title: i.state for i in sel.petitions_worklist(user=people["desk"])}
    assert items == {
        "Alpha": "near_due", "Beta": "near_due", "Gamma": "in_time", "Delta": "paused"
    }  # fmt: skip
    later = dt.datetime(2025, 3, 25, 8, 0, tzinfo=now.tzinfo)
    fake_clock.at = later
    client.force_login(people["desk"])
    html = client.get("/phan-anh/xu-ly/", {"tab": "overdue"}).content.decode()
    assert "Alpha" in html and "Beta" in html and "Gamma" not in html
    client.force_login(people["other_desk"])
    assert "Alpha" not in client.get("/phan-anh/xu-ly/").content.decode()


def test_worklist_query_count(client, people, submit, django_assert_max_num_queries):
    for i in range(6):
        submit(title=f"P{i}")
    client.force_login(people["desk"])
    with django_assert_max_num_queries(14):
        r = client.get("/phan-anh/xu-ly/")
    assert r.content.decode().count("/phan-anh/xu-ly/PA.") == 6


def test_citizen_cannot_open_the_officer_pages_or_another_petition(client, people, submit):
    p = submit()
    client.force_login(people["citizen2"])
    assert client.get("/phan-anh/xu-ly/").status_code == 403
    assert client.get(f"/phan-anh/xu-ly/{p.code}/").status_code == 404
    client.force_login(people["citizen"])
    assert client.get(f"/phan-anh/xu-ly/{p.code}/").status_code == 200


def test_officer_intake_and_actions_through_the_pages(client, people, units):
    client.force_login(people["desk"])
    r = client.post(
        "/phan-anh/xu-ly/tiep-nhan/",
        {"channel": "letter", "unit": units["ward"].pk, "kind": "petition",
         "subject": "regulation", "title": "Thư kiến nghị", "content": "Nội dung thư.",
         "name": "Phạm Bình", "address": "Thôn 3"},
    )  # fmt: skip
    assert r.status_code == 200 and "số điện thoại hoặc thư điện tử" in r.content.decode()
    r = client.post(
        "/phan-anh/xu-ly/tiep-nhan/",
        {"channel": "letter", "unit": units["ward"].pk, "kind": "petition",
         "subject": "regulation", "title": "Thư kiến nghị", "content": "Nội dung thư.",
         "name": "Phạm Bình", "phone": "0913000222"},
    )  # fmt: skip
    p = Petition.objects.get()
    assert r.status_code == 302 and p.channel == "letter" and p.received_by == people["desk"]
    client.post(f"/phan-anh/xu-ly/{p.code}/accept/")
    p.refresh_from_db()
    assert p.status == "in_scope"
    client.force_login(people["other_desk"])
    client.post(f"/phan-anh/xu-ly/{p.code}/answer/", {"reason": "x"})
    p.refresh_from_db()
    assert p.status == "in_scope"


def test_petition_shows_on_its_dossier_page(client, people, receive, submit):
    dossier = receive()
    p = submit(dossier=dossier, title="Hồ sơ chậm")
    client.force_login(people["desk"])
    html = client.get(f"/ho-so/{dossier.code}/").content.decode()
    assert p.code in html and "Hồ sơ chậm" in html


def test_report_pages_and_files(client, people, published, submit, act):
    q = submit(channel="online", at=vn(4, 8))
    act(q, "refuse", "desk", "Đơn khiếu nại", at=vn(4, 9))
    act(published, "disagree", "citizen", "Chưa rõ", at=vn(5, 8))
    client.force_login(people["head"])
    params = {"tu": "2025-03-01", "den": "2025-03-31", "theo": "channel"}
    html = client.get("/phan-anh/xu-ly/bao-cao/", params).content.decode()
    assert "Trực tuyến" in html
    r = client.get("/phan-anh/xu-ly/bao-cao/", {**params, "dinh_dang": "xlsx"})
    ws = load_workbook(io.BytesIO(r.content)).active
    rows = {row[0]: row for row in ws.iter_rows(min_row=4, values_only=True)}
    total = rows["Tổng cộng"]
    assert total[1:4] == (2, 1, 1) and total[4] == 1.0  # received, answered, on time, rate
    assert total[6] == 1 and total[9] == 1  # refused, disagreed
    r = client.get("/phan-anh/xu-ly/bao-cao/", {**params, "dinh_dang": "pdf"})
    assert r.content.startswith(b"%PDF-")
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(r.content)).pages[0].extract_text()
    assert "PHẢN ÁNH" in text.upper() and "Tổng cộng" in text


def test_indicator_counts(published, submit, act, units):
    act(published, "agree", "citizen", at=vn(4, 8))
    counts = petition_indicator_counts(start=vn(1, 0), end=vn(31, 0))
    assert counts == {
        "received": 1, "answered": 1, "agreed": 1, "disagreed": 0, "dislike_rate": 0,
    }  # fmt: skip
    q = submit(at=vn(5, 8))
    act(q, "accept", "specialist", at=vn(5, 9))
    act(q, "answer", "specialist", "Trả lời", at=vn(5, 10))
    act(q, "disagree", "citizen", "Không rõ", at=vn(6, 8))
    counts = petition_indicator_counts(start=vn(1, 0), end=vn(31, 0))
    assert counts["disagreed"] == 1 and counts["dislike_rate"] == 50
    assert petition_indicator_counts(start=vn(1, 0), end=vn(31, 0), unit=units["other"]) == {
        "received": 0, "answered": 0, "agreed": 0, "disagreed": 0, "dislike_rate": None,
    }  # fmt: skip


def test_report_by_month_and_half_year(people, submit):
    from motcua.petitions.selectors import petition_report

    submit(at=vn(3, 8))
    submit(at=vn(2, 8, month=4))
    submit(at=vn(1, 8, month=7))
    start, end = vn(1, 0, month=1), vn(31, 0, month=12)
    by_month = petition_report(start=start, end=end, by="month", user=people["desk"])
    assert {k: v.received for k, v in by_month.items()} == {
        "03/2025": 1, "04/2025": 1, "07/2025": 1, "Tổng cộng": 3,
    }  # fmt: skip
    halves = petition_report(start=start, end=end, by="half_year")
    assert {k: v.received for k, v in halves.items()} == {
        "6 tháng đầu năm 2025": 2, "6 tháng cuối năm 2025": 1, "Tổng cộng": 3,
    }  # fmt: skip
    # Another ward's officer sees none of them.
    assert (
        petition_report(start=start, end=end, by="month", user=people["other_desk"])[
            "Tổng cộng"
        ].received
        == 0
    )


def test_my_petitions_lists_only_mine(client, people, submit, django_assert_max_num_queries):
    mine = [submit(title=f"Của tôi {i}") for i in range(3)]
    other = submit(title="Của người khác", user=people["citizen2"])
    client.force_login(people["citizen"])
    with django_assert_max_num_queries(6):
        html = client.get("/phan-anh/cua-toi/").content.decode()
    assert all(p.code in html and p.lookup_key in html for p in mine)
    assert other.code not in html


def test_attachment_downloads_only_for_those_who_may_read(
    client, people, submit, settings, tmp_path
):
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 32
    p = submit(attachments=[SimpleUploadedFile("anh.png", png, "image/png")])
    f = p.attachments.get()
    url = f"/phan-anh/xu-ly/{p.code}/tep/{f.pk}/"
    client.force_login(people["specialist"])
    assert client.get(f"/phan-anh/xu-ly/{p.code}/").content.decode().count(url) == 1
    r = client.get(url)
    assert r.status_code == 200 and b"".join(r.streaming_content) == png
    for who in ("citizen2", "other_desk"):
        client.force_login(people[who])
        assert client.get(url).status_code == 404
