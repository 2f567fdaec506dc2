"""The events the applicant is told about, and the context each one's templates need.

Templates live in `templates/notifications/<event with "." → "_">/` as `subject.txt` (e-mail
subject), `email.txt` and `sms.txt`. Every event accepts `applicant_name`, `procedure`, `unit`
(the body that handles the dossier) and `status_url` (the citizen's status page) when known.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Event:
    key: str
    label: str
    required: frozenset[str]
    # Context keys that are secrets (one-time codes): the outbox row keeps them masked and the
    # real text only sealed (encrypted) until it is sent; see notifications/sealing.py.
    secret: frozenset[str] = frozenset()

    @property
    def template_dir(self) -> str:
        return "notifications/" + self.key.replace(".", "_")


EVENTS: dict[str, Event] = {
    e.key: e
    for e in [
        # An online filing arrived (not yet received by the desk); submitted_at optional.
        Event("dossier.submitted", "Đã nộp hồ sơ trực tuyến", frozenset({"code"})),
        # appointment: the promised result time (aware datetime); received_at optional.
        Event("dossier.received", "Tiếp nhận hồ sơ", frozenset({"code", "appointment"})),
        # items: what to supplement (list of text); note optional.
        Event(
            "dossier.supplement_requested",
            "Yêu cầu bổ sung hồ sơ",
            frozenset({"code", "items"}),
        ),
        # appointment: the missed one; new_appointment: the new one; reason: why late.
        Event(
            "dossier.apology",
            "Thư xin lỗi, hẹn lại ngày trả kết quả",
            frozenset({"code", "appointment", "new_appointment", "reason"}),
        ),
        # amount: what to pay, in đồng (int, optional); note optional (what the money is for).
        Event(
            "dossier.payment_requested",
            "Yêu cầu thực hiện nghĩa vụ tài chính",
            frozenset({"code"}),
        ),
        # delivery: where or how the result is returned (text); fee optional.
        Event("dossier.result_ready", "Có kết quả giải quyết", frozenset({"code"})),
        # reasons: list of text.
        Event("dossier.refused", "Từ chối tiếp nhận hồ sơ", frozenset({"code", "reasons"})),
        Event("dossier.stopped", "Dừng xử lý hồ sơ", frozenset({"code", "reasons"})),
        # A one-time code to the citizen's phone (portal accounts). code: the 6 digits;
        # purpose ("Xác thực số điện thoại", "Đặt lại mật khẩu") and minutes (validity) optional.
        Event("account.otp", "Mã xác thực tài khoản", frozenset({"code"}), frozenset({"code"})),
    ]
}
