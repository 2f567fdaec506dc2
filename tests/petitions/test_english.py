"""The petition pages in English, the second language."""

from tests.core.test_english import _english


def test_public_answers_and_form_in_english(client, units):
    _english(
        client,
        "/phan-anh/",
        present=[
            "Answers to feedback and petitions on administrative regulations",
            "Search the answers",
        ],
        absent=["Trả lời phản ánh, kiến nghị về quy định hành chính"],
    )
    _english(
        client,
        "/phan-anh/gui/",
        present=["Send feedback or a petition on administrative regulations", "Send anonymously"],
        absent=["Gửi ẩn danh", "Tiêu đề"],
    )


def test_officer_page_in_english(client, people, submit):
    p = submit()
    client.force_login(people["specialist"])
    _english(
        client,
        f"/phan-anh/xu-ly/{p.code}/",
        present=["Newly received", "Classify: within our competence", "Processing log"],
        absent=["Mới tiếp nhận", "Nhật ký xử lý"],
    )


def test_sender_account_language_chooses_the_messages(people, submit):
    """A petition sent from an account reading in English is acknowledged in English; without
    an account (or in Vietnamese) the messages stay Vietnamese."""
    from motcua.notifications.models import Notification

    citizen = people["citizen"]
    citizen.language = "en"
    citizen.save(update_fields=["language"])
    p = submit()
    email = Notification.objects.get(event="petition.received", ref_id=p.code, channel="email")
    assert email.subject == f"Petition {p.code} received"
    assert email.body.startswith("Dear ")
    q = submit(user=None)
    email = Notification.objects.get(event="petition.received", ref_id=q.code, channel="email")
    assert email.subject == f"Đã tiếp nhận phản ánh, kiến nghị {q.code}"
