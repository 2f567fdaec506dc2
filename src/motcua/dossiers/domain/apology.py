"""Apology and new appointment (thư xin lỗi và hẹn lại ngày trả kết quả): the legal rules.

Sources (issue 13, item 4):
- Decree 61/2018/NĐ-CP art. 19(3)(c), as amended by Decree 107/2021/NĐ-CP art. 1: for a
  dossier that will be late, the handling agency notifies the one-stop desk in writing and
  sends the citizen an apology stating the reason and the proposed new date (Mẫu 04 of
  Circular 01/2018/TT-VPCP), "chậm nhất 01 ngày trước ngày hết hạn"; "việc hẹn lại ngày trả
  kết quả được thực hiện không quá một lần" (the new appointment is given at most once).
- From 1/7/2025 Decree 118/2025/NĐ-CP keeps the apology with a request to extend ("văn bản
  xin lỗi và đề nghị gia hạn", form of Circular 03/2025/TT-VPCP).
  The article numbers and the one-day notice could not be confirmed against the primary texts
  from this machine: the notice is a setting (`MOTCUA_APOLOGY_NOTICE_WORKING_MINUTES`, default
  0 = "before the due instant"; 480 enforces one working day), the once-only rule is fixed.
- Which appointment counts for the on-time classification: the legal due instant, never the
  apology's new appointment. Decision 766/QĐ-TTg and the portal's method count an apologised
  dossier finished after its legal due instant as late; the apology only tells the citizen
  when to come back (`Dossier.due_at` never moves for an apology; `appointment_at` does).

Plain Python: the caller passes the working minutes left before the due instant.
"""

from __future__ import annotations

import datetime as dt

from motcua.dossiers.domain.errors import DossierError

MAX_NEW_APPOINTMENTS = 1


class ApologyRefused(DossierError):
    """The apology breaks one of the rules above; the message says which."""


def apology_refusal(
    *, now: dt.datetime | None, due_at: dt.datetime | None, apologies_given: int
) -> str | None:
    """Why no apology may be given now (None: it may). The one home of the rule, asked by the
    permission policy (what the page offers) and by `apology_check` (what the service does)."""
    if due_at is None:
        return "Hồ sơ chưa có hạn trả kết quả nên không thể xin lỗi, hẹn lại."
    if apologies_given >= MAX_NEW_APPOINTMENTS:
        return (
            "Hồ sơ đã được xin lỗi và hẹn lại ngày trả kết quả một lần; việc hẹn lại chỉ được "
            "thực hiện không quá một lần (Nghị định 61/2018/NĐ-CP, Điều 19, sửa đổi bởi Nghị "
            "định 107/2021/NĐ-CP)."
        )
    if now is not None and now >= due_at:
        return (
            "Văn bản xin lỗi và hẹn lại ngày trả kết quả phải được ban hành trước thời điểm "
            "hết hạn giải quyết; hồ sơ này đã quá hạn."
        )
    return None


def apology_check(
    *,
    now: dt.datetime,
    due_at: dt.datetime | None,
    new_appointment: dt.datetime | None,
    apologies_given: int,
    working_minutes_left: int | None = None,
    notice_minutes: int = 0,
) -> None:
    """Raise `ApologyRefused` unless a new appointment may be given now."""
    reason = apology_refusal(now=now, due_at=due_at, apologies_given=apologies_given)
    if reason:
        raise ApologyRefused(reason)
    if notice_minutes and working_minutes_left is not None:
        if working_minutes_left < notice_minutes:
            raise ApologyRefused(
                "Văn bản xin lỗi phải được gửi chậm nhất "
                f"{notice_minutes // 60} giờ làm việc trước thời điểm hết hạn giải quyết; "
                f"hồ sơ này chỉ còn {working_minutes_left} phút làm việc."
            )
    if new_appointment is None or new_appointment <= due_at:
        raise ApologyRefused("Ngày hẹn mới phải sau hạn giải quyết hiện tại của hồ sơ.")
