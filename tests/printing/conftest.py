"""Form data built by hand, as the dossier app will build it, and PDF text extraction."""

import io
import unicodedata
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from motcua.printing import (
    ApologyData,
    Component,
    ControlSheetData,
    Handover,
    ReceiptData,
    RefusalData,
    StopData,
    SupplementData,
)

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
CODE = "000.00.25.H06-240207-0001"
CODE_2025 = "000.00.25.H06-251110-0003"
URL = f"https://motcua.example.gov.vn/tra-cuu/{CODE}?k=K7QM2X"

HEADER = dict(
    agency_name="UBND thành phố Thủ Dầu Một",
    unit_name="Bộ phận tiếp nhận và trả kết quả phường Phú Cường",
    place="Thủ Dầu Một",
    issued_on=date(2024, 2, 7),
)
HEADER_2025 = dict(
    agency_name="UBND phường Thủ Dầu Một",
    unit_name="Bộ phận Một cửa phường Thủ Dầu Một",
    place="Thành phố Hồ Chí Minh",
    issued_on=date(2025, 11, 10),
)
APPLICANT = dict(
    applicant_name="Nguyễn Thị Hồng Nhung",
    applicant_address="Số 12 đường Yersin, phường Phú Cường",
    phone="0912 345 678",
)


def pdf_text(pdf: bytes) -> str:
    """All pages' text, NFC-normalised, whitespace collapsed to single spaces."""
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(unicodedata.normalize("NFC", text).split())


def pdf_pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def receipt():
    return ReceiptData(
        **HEADER,
        **APPLICANT,
        document_number="125/TNHS",
        dossier_code=CODE,
        procedure_name="Đăng ký khai sinh",
        components=[
            Component(name="Tờ khai đăng ký khai sinh", form="Bản chính", copies=1),
            Component(name="Giấy chứng sinh", form="Bản chính", copies=1),
            Component(
                name="Giấy chứng nhận kết hôn của cha, mẹ", form="Bản sao chứng thực", copies=2
            ),
        ],
        processing_time="03 ngày làm việc",
        received_at=datetime(2024, 2, 7, 9, 15, tzinfo=TZ),
        due_at=datetime(2024, 2, 21, 16, 30, tzinfo=TZ),
        result_delivery="Bộ phận tiếp nhận và trả kết quả phường Phú Cường",
        lookup_key="K7QM2X",
        status_url=URL,
        officer_name="Trần Văn Bình",
    )


@pytest.fixture
def supplement():
    return SupplementData(
        **HEADER,
        **APPLICANT,
        procedure_name="Đăng ký khai sinh",
        missing=[
            "Giấy chứng sinh (bản chính)",
            "Giấy chứng nhận kết hôn của cha, mẹ (bản sao chứng thực)",
        ],
        reason="Hồ sơ chưa đủ thành phần theo Điều 16 Luật Hộ tịch.",
        contact_name="Trần Văn Bình",
        contact_phone="0274 3822 123",
        officer_name="Trần Văn Bình",
    )


@pytest.fixture
def refusal():
    return RefusalData(
        **HEADER,
        **APPLICANT,
        procedure_name="Đăng ký khai sinh",
        legal_basis="Luật Hộ tịch năm 2014 và Nghị định số 123/2015/NĐ-CP",
        reasons=["Yêu cầu không thuộc thẩm quyền giải quyết của Ủy ban nhân dân phường."],
        officer_name="Trần Văn Bình",
    )


@pytest.fixture
def apology():
    return ApologyData(
        **HEADER,
        **APPLICANT,
        issuer_name="Ủy ban nhân dân phường Phú Cường",
        dossier_code=CODE,
        procedure_name="Đăng ký khai sinh",
        received_at=datetime(2024, 2, 7, 9, 15, tzinfo=TZ),
        due_at=datetime(2024, 2, 21, 16, 30, tzinfo=TZ),
        reason="cần xác minh nơi sinh với Ủy ban nhân dân xã An Tây.",
        new_due_at=datetime(2024, 2, 26, 10, 0, tzinfo=TZ),
        signer_title="Chủ tịch",
        signer_name="Lê Văn Cường",
    )


@pytest.fixture
def stop():
    return StopData(
        **HEADER_2025,
        **APPLICANT,
        issuer_name="Ủy ban nhân dân phường Thủ Dầu Một",
        dossier_code=CODE_2025,
        procedure_name="Đăng ký khai sinh",
        received_at=datetime(2025, 11, 10, 9, 0, tzinfo=TZ),
        legal_basis="Nghị định số 118/2025/NĐ-CP",
        reasons=["Người yêu cầu có văn bản đề nghị dừng giải quyết hồ sơ."],
        signer_title="Chủ tịch",
        signer_name="Lê Văn Cường",
    )


@pytest.fixture
def control_sheet():
    return ControlSheetData(
        **HEADER,
        dossier_code=CODE,
        applicant_name="Nguyễn Thị Hồng Nhung",
        procedure_name="Đăng ký khai sinh",
        handling_body="Tư pháp - Hộ tịch phường Phú Cường",
        coordinating_bodies=["UBND xã An Tây"],
        received_at=datetime(2024, 2, 7, 9, 15, tzinfo=TZ),
        due_at=datetime(2024, 2, 21, 16, 30, tzinfo=TZ),
        handovers=[
            Handover(
                step="Tiếp nhận, chuyển xử lý",
                giver_unit="Bộ phận tiếp nhận và trả kết quả",
                giver_name="Trần Văn Bình",
                receiver_unit="Tư pháp - Hộ tịch",
                receiver_name="Phạm Thị Dung",
                at=datetime(2024, 2, 7, 10, 0, tzinfo=TZ),
                result="trước hạn",
            ),
            Handover(
                step="Thẩm định",
                giver_unit="Tư pháp - Hộ tịch",
                giver_name="Phạm Thị Dung",
                receiver_unit="Lãnh đạo UBND phường",
                receiver_name="Lê Văn Cường",
                at=datetime(2024, 2, 19, 15, 0, tzinfo=TZ),
                result="đúng hạn",
            ),
            Handover(
                step="Ký kết quả",
                giver_unit="Lãnh đạo UBND phường",
                giver_name="Lê Văn Cường",
                receiver_unit="Bộ phận tiếp nhận và trả kết quả",
                receiver_name="Trần Văn Bình",
                at=datetime(2024, 2, 22, 8, 5, tzinfo=TZ),
                result="quá hạn",
                note="Chờ xác minh",
            ),
        ],
    )
