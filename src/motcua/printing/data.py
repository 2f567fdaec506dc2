"""What each printed form needs: plain dataclasses, no Django model import.

The dossier app builds these from its models; tests build them by hand. Every field that the
legal template prints is here; the wording around them lives in the `.typ` templates. A field's
`label` metadata is its Vietnamese name, used in error messages.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime


class FormDataError(ValueError):
    """Bad input for a form: the message is Vietnamese and names the fields."""


def _f(label: str, default=dataclasses.MISSING, *, optional: bool = False, factory=None):
    meta = {"label": label, "optional": optional}
    if factory is not None:
        return field(default_factory=factory, metadata=meta)
    if default is dataclasses.MISSING:
        return field(metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(frozen=True, kw_only=True)
class Component:
    """A dossier component (thành phần hồ sơ) as received or missing."""

    name: str = _f("Tên giấy tờ")
    form: str = _f("Hình thức (bản chính, bản sao)", "", optional=True)
    copies: int = _f("Số lượng", 1)


@dataclass(frozen=True, kw_only=True)
class FormHeader:
    """The left block of the national header and the place/date line."""

    agency_name: str = _f("Tên cơ quan chủ quản")
    unit_name: str = _f("Tên cơ quan, bộ phận lập phiếu")
    place: str = _f("Địa danh")
    issued_on: date = _f("Ngày lập")
    document_number: str = _f("Số văn bản", "", optional=True)


@dataclass(frozen=True, kw_only=True)
class Applicant:
    applicant_name: str = _f("Họ tên người nộp hồ sơ")
    applicant_address: str = _f("Địa chỉ", "", optional=True)
    phone: str = _f("Số điện thoại", "", optional=True)
    email: str = _f("Email", "", optional=True)


@dataclass(frozen=True, kw_only=True)
class ReceiptData(FormHeader, Applicant):
    """Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)."""

    dossier_code: str = _f("Mã hồ sơ")
    procedure_name: str = _f("Tên thủ tục hành chính")
    components: list[Component] = _f("Thành phần hồ sơ", factory=list)
    dossier_sets: int = _f("Số lượng hồ sơ (bộ)", 1)
    processing_time: str = _f("Thời gian giải quyết theo quy định")
    received_at: datetime = _f("Thời gian nhận hồ sơ")
    due_at: datetime = _f("Thời gian trả kết quả")
    result_delivery: str = _f("Nơi đăng ký nhận kết quả")
    lookup_key: str = _f("Mã tra cứu")
    status_url: str = _f("Địa chỉ tra cứu hồ sơ")
    officer_name: str = _f("Người tiếp nhận hồ sơ")
    fees: str = _f("Phí, lệ phí", "", optional=True)
    log_book: str = _f("Quyển số", "", optional=True)
    log_number: str = _f("Số thứ tự", "", optional=True)


@dataclass(frozen=True, kw_only=True)
class SupplementData(FormHeader, Applicant):
    """Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02): every missing item, once."""

    procedure_name: str = _f("Tên thủ tục hành chính")
    missing: list[str] = _f("Nội dung yêu cầu bổ sung, hoàn thiện", factory=list)
    reason: str = _f("Lý do")
    contact_name: str = _f("Người liên hệ hướng dẫn")
    contact_phone: str = _f("Số điện thoại liên hệ")
    officer_name: str = _f("Người hướng dẫn")
    dossier_code: str = _f("Mã hồ sơ", "", optional=True)


@dataclass(frozen=True, kw_only=True)
class RefusalData(FormHeader, Applicant):
    """Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)."""

    procedure_name: str = _f("Tên thủ tục hành chính")
    legal_basis: str = _f("Căn cứ pháp lý")
    reasons: list[str] = _f("Lý do từ chối", factory=list)
    officer_name: str = _f("Người tiếp nhận hồ sơ")
    dossier_code: str = _f("Mã hồ sơ", "", optional=True)


@dataclass(frozen=True, kw_only=True)
class ApologyData(FormHeader, Applicant):
    """Phiếu xin lỗi và hẹn lại ngày trả kết quả (TT 01/2018 Mẫu 04); under TT 03/2025
    Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (Mẫu 04)."""

    issuer_name: str = _f("Tên cơ quan xin lỗi (trong nội dung)")
    dossier_code: str = _f("Mã hồ sơ")
    procedure_name: str = _f("Tên thủ tục hành chính")
    received_at: datetime = _f("Thời gian nhận hồ sơ")
    due_at: datetime = _f("Thời hạn trả kết quả")
    reason: str = _f("Lý do chậm trả kết quả")
    new_due_at: datetime = _f("Thời gian hẹn lại trả kết quả")
    signer_title: str = _f("Chức danh người ký")
    signer_name: str = _f("Họ tên người ký")


@dataclass(frozen=True, kw_only=True)
class StopData(FormHeader, Applicant):
    """Thông báo dừng giải quyết hồ sơ (TT 03/2025 Mẫu 05)."""

    issuer_name: str = _f("Tên cơ quan thông báo (trong nội dung)")
    dossier_code: str = _f("Mã hồ sơ")
    procedure_name: str = _f("Tên thủ tục hành chính")
    received_at: datetime = _f("Thời gian nhận hồ sơ")
    legal_basis: str = _f("Căn cứ pháp lý")
    reasons: list[str] = _f("Lý do dừng giải quyết", factory=list)
    signer_title: str = _f("Chức danh người ký")
    signer_name: str = _f("Họ tên người ký")


RESULTS = ("trước hạn", "đúng hạn", "quá hạn")


@dataclass(frozen=True, kw_only=True)
class Handover:
    """One hand-over on the control sheet: who gave, who received, when, and the step's result
    against its allotted time (trước hạn / đúng hạn / quá hạn; empty while in progress)."""

    step: str = _f("Bước")
    giver_unit: str = _f("Bên giao")
    giver_name: str = _f("Người giao")
    receiver_unit: str = _f("Bên nhận")
    receiver_name: str = _f("Người nhận")
    at: datetime = _f("Thời gian giao, nhận")
    result: str = _f("Kết quả", "", optional=True)
    note: str = _f("Ghi chú", "", optional=True)


@dataclass(frozen=True, kw_only=True)
class ControlSheetData(FormHeader):
    """Phiếu kiểm soát quá trình giải quyết hồ sơ (TT 01/2018 Mẫu 05, TT 03/2025 Mẫu 06)."""

    dossier_code: str = _f("Mã hồ sơ")
    applicant_name: str = _f("Họ tên người nộp hồ sơ")
    procedure_name: str = _f("Tên thủ tục hành chính")
    handling_body: str = _f("Cơ quan (bộ phận) giải quyết hồ sơ")
    coordinating_bodies: list[str] = _f("Cơ quan phối hợp", factory=list, optional=True)
    received_at: datetime = _f("Thời gian nhận hồ sơ")
    due_at: datetime = _f("Thời gian trả kết quả")
    # Empty right after intake: the sheet is printed then and filled in by hand.
    handovers: list[Handover] = _f("Quá trình giao, nhận hồ sơ", factory=list, optional=True)
    receipt_number: str = _f("Số giấy tiếp nhận", "", optional=True)


@dataclass(frozen=True, kw_only=True)
class LogRow:
    """One line of the dossier log (Sổ theo dõi hồ sơ: TT 01/2018 Mẫu 06, TT 03/2025 Mẫu 07)."""

    dossier_code: str = _f("Mã hồ sơ")
    procedure_name: str = _f("Tên thủ tục hành chính")
    applicant_name: str = _f("Tên cá nhân, tổ chức")
    received_at: datetime = _f("Ngày nhận hồ sơ")
    due_at: datetime = _f("Ngày hẹn trả kết quả")
    dossier_sets: int = _f("Số lượng hồ sơ (bộ)", 1)
    applicant_address: str = _f("Địa chỉ", "", optional=True)
    phone: str = _f("Số điện thoại", "", optional=True)
    handling_body: str = _f("Cơ quan chủ trì giải quyết", "", optional=True)
    transferred_at: datetime | None = _f("Ngày chuyển hồ sơ", None, optional=True)
    result_received_at: datetime | None = _f("Ngày nhận kết quả", None, optional=True)
    returned_at: datetime | None = _f("Ngày trả kết quả", None, optional=True)
    channel: str = _f("Kênh tiếp nhận", "", optional=True)
    note: str = _f("Ghi chú", "", optional=True)


@dataclass(frozen=True, kw_only=True)
class LogPeriod:
    """The date range (inclusive) and the unit whose log this is."""

    start: date = _f("Từ ngày")
    end: date = _f("Đến ngày")
    agency_name: str = _f("Tên cơ quan chủ quản", "", optional=True)
    unit_name: str = _f("Tên bộ phận", "", optional=True)


FormData = ReceiptData | SupplementData | RefusalData | ApologyData | StopData | ControlSheetData
