"""Demo feedback and petitions: a few in the demo ward, one at each stage of the lifecycle."""

from django.utils import timezone

from motcua.accounts.models import User
from motcua.org.models import OrgUnit
from motcua.petitions.models import Petition
from motcua.petitions.services import petition_intake, petition_submit, petition_transition

WARD = "79.25747"  # Phường Thủ Dầu Một (since 1/7/2025), where the demo staff work
SENDER = {"name": "Ngô Văn An", "phone": "0912000001", "email": "congdan@demo.motcua.vn"}


def load() -> int:
    """Create the demo petitions once (nothing when any exists or the demo ward is missing)."""
    ward = OrgUnit.objects.filter(code=WARD).first()
    names = ["motcua", "chuyenvien", "lanhdao", "congdan"]
    users = {u.username: u for u in User.objects.filter(username__in=names)}
    if ward is None or Petition.objects.exists() or len(users) < 4:
        return 0
    now = timezone.now()
    base = {"unit": ward, "sender": SENDER, "user": users["congdan"]}
    answered = petition_submit(
        subject="procedure", title="Đăng ký khai sinh phải nộp bản sao giấy chứng sinh?",
        content="Đề nghị cho biết có bắt buộc nộp bản sao giấy chứng sinh không.", **base,
    )  # fmt: skip
    petition_transition(petition=answered, action="accept", actor=users["chuyenvien"])
    petition_transition(
        petition=answered, action="answer", actor=users["chuyenvien"],
        reason="Nộp bản chính giấy chứng sinh; không cần bản sao (Luật Hộ tịch 2014, Điều 16).",
    )  # fmt: skip
    petition_transition(petition=answered, action="publish", actor=users["lanhdao"])
    asked = petition_submit(
        subject="regulation", title="Quy định lệ phí chứng thực",
        content="Mức lệ phí chứng thực bản sao tại phường có thay đổi không?", **base,
    )  # fmt: skip
    petition_transition(petition=asked, action="accept", actor=users["motcua"])
    petition_transition(
        petition=asked, action="request_info", actor=users["chuyenvien"],
        reason="Ông/Bà hỏi về chứng thực bản sao từ bản chính hay chứng thực chữ ký?",
    )  # fmt: skip
    petition_intake(
        actor=users["motcua"], unit=ward, channel="letter", kind="petition",
        subject="conduct", title="Thư góp ý thái độ tiếp dân",
        content="Công chức tiếp nhận hướng dẫn chưa rõ ràng.",
        sender={"name": "Lê Thị Bích", "phone": "0912000002"}, at=now,
    )  # fmt: skip
    return 3
