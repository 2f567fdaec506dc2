"""When the legal clock of a dossier starts, and when it pauses for a financial obligation.

Pure functions, no Django: aware datetimes in and out. The per-procedure choice is
`ProcedureVersion.clock_start_policy` (choices from `POLICY_LABELS`); the dossier services
(`dossiers.services._receive_fields`) ask
`clock_start_instant` for the instant handed to the working-time calendar, which then moves it to
the next legal working moment (`WorkCalendar.clock_start`).

Sources (what we apply; "check" marks what we could not read in the text itself):
- Default, every channel: the time limit runs from the reception of a complete, valid dossier
  by the one-stop desk (Decree 61/2018/NĐ-CP art. 19 khoản 1 as amended by Decree
  107/2021/NĐ-CP: the receipt and appointment are issued on reception of a complete dossier;
  kept by Decree 118/2025/NĐ-CP, check the article number). For an online filing that is when
  the desk accepts it after checking, not when the citizen presses "submit" (Decree
  45/2020/NĐ-CP art. 13, check); for a postal filing, when the desk receives the item.
- `NOP_TRUC_TUYEN`: a procedure whose own regulation counts from the online submission of a
  complete dossier (e.g. a fully online service whose appointment the portal sets at
  submission) — the clock starts at the submission instant.
- `DAU_BUU_DIEN`: a procedure whose own regulation takes the postmark date as the filing date
  (e.g. tax filings: Law on Tax Administration 38/2019/QH14 and Circular 80/2021/TT-BTC, the
  date on the postal stamp is the filing date, check) — the clock starts at the postmark.
- Each option applies only to its channel; a counter filing always starts at reception.
- Financial obligations (PAYMENT_REQUESTED): the clock pauses only for an obligation notified
  while the dossier is processed (land use levy, registration fees assessed by the tax office:
  "thời gian thực hiện nghĩa vụ tài chính không tính vào thời gian giải quyết", Decree
  43/2014/NĐ-CP art. 61 khoản 4, carried into Decree 101/2024/NĐ-CP, check). A fee fixed in
  the catalogue is paid at filing and never pauses the clock (the workflow allows the request
  only from "processing": `workflow.TRANSITIONS`).
"""

from __future__ import annotations

import datetime as dt

# Channels as the national portal codes them (= `dossiers.domain.workflow.Channel`).
COUNTER, ONLINE, POSTAL = 1, 2, 3

TIEP_NHAN = "tiep_nhan"
NOP_TRUC_TUYEN = "nop_truc_tuyen"
DAU_BUU_DIEN = "dau_buu_dien"

POLICY_LABELS = {
    TIEP_NHAN: "Khi Bộ phận Một cửa tiếp nhận hồ sơ đầy đủ, hợp lệ (mặc định)",
    NOP_TRUC_TUYEN: "Khi nộp trực tuyến hồ sơ đầy đủ (hồ sơ trực tuyến)",
    DAU_BUU_DIEN: "Theo ngày trên dấu bưu điện (hồ sơ gửi qua bưu chính)",
}
DEFAULT_POLICY = TIEP_NHAN

# The channel each option concerns; other channels start at reception.
_POLICY_CHANNEL = {NOP_TRUC_TUYEN: ONLINE, DAU_BUU_DIEN: POSTAL}


class ClockPolicyError(ValueError):
    """Bad input for the clock start (Vietnamese message, shown as is)."""


def clock_start_instant(
    *,
    policy: str,
    channel: int,
    received_at: dt.datetime,
    submitted_at: dt.datetime | None = None,
    postmarked_at: dt.datetime | None = None,
) -> dt.datetime:
    """The instant from which the legal clock runs (before moving to working time)."""
    if policy not in POLICY_LABELS:
        raise ClockPolicyError(f"Cách tính thời điểm bắt đầu không hợp lệ: {policy}.")
    if _POLICY_CHANNEL.get(policy) != int(channel):
        return received_at
    if policy == NOP_TRUC_TUYEN:
        start, what = submitted_at, "thời điểm nộp trực tuyến"
    else:
        start, what = postmarked_at, "ngày trên dấu bưu điện"
    if start is None:
        raise ClockPolicyError(f"Thủ tục tính thời hạn theo {what}: chưa nhập {what}.")
    if start > received_at:
        raise ClockPolicyError(f"{what.capitalize()} không thể sau thời điểm tiếp nhận.")
    return start
