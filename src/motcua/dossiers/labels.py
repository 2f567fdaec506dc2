"""The labels that `domain/workflow.py` and the models keep as plain Vietnamese text (the domain
stays framework-free), listed for the translation catalogue: `makemessages` finds them here and
the templates translate the value they show (`{% translate d.get_status_display %}`).
`tests/core/test_english_labels.py` checks this list against the enums, so it cannot drift.
"""

from django.utils.translation import gettext_noop

LABELS = (
    gettext_noop("Mới đăng ký"),
    gettext_noop("Được tiếp nhận"),
    gettext_noop("Không được tiếp nhận"),
    gettext_noop("Đang xử lý"),
    gettext_noop("Yêu cầu bổ sung"),
    gettext_noop("Yêu cầu thực hiện nghĩa vụ tài chính"),
    gettext_noop("Công dân rút hồ sơ"),
    gettext_noop("Dừng xử lý"),
    gettext_noop("Đã xử lý xong"),
    gettext_noop("Đã trả kết quả"),
    gettext_noop("Trực tiếp"),
    gettext_noop("Trực tuyến"),
    gettext_noop("Bưu chính công ích"),
    gettext_noop("Tiếp nhận hồ sơ"),
    gettext_noop("Từ chối tiếp nhận"),
    gettext_noop("Chuyển xử lý / phân công"),
    gettext_noop("Chuyển bước tiếp theo"),
    gettext_noop("Chuyển liên thông"),
    gettext_noop("Trả lại đơn vị chuyển liên thông"),
    gettext_noop("Trả lại bước trước"),
    gettext_noop("Yêu cầu bổ sung hồ sơ"),
    gettext_noop("Nhận hồ sơ bổ sung"),
    gettext_noop("Đã thực hiện nghĩa vụ tài chính"),
    gettext_noop("Duyệt kết quả"),
    gettext_noop("Ký kết quả"),
    gettext_noop("Có kết quả, chuyển Bộ phận Một cửa"),
    gettext_noop("Xin lỗi và hẹn lại ngày trả kết quả"),
    gettext_noop("Trả kết quả"),
    gettext_noop("Nộp hồ sơ trực tuyến"),
    gettext_noop("Đính kèm kết quả điện tử"),
    gettext_noop("Nhận tại Bộ phận Một cửa"),
    gettext_noop("Nhận qua dịch vụ bưu chính công ích"),
    gettext_noop("Nhận kết quả điện tử"),
    gettext_noop("Cá nhân"),
    gettext_noop("Tổ chức, doanh nghiệp"),
    gettext_noop("Trước hạn"),
    gettext_noop("Đúng hạn"),
    gettext_noop("Quá hạn"),
    gettext_noop("Thực hiện nghĩa vụ tài chính"),
    gettext_noop("Email"),
    gettext_noop("SMS"),
    gettext_noop("Chờ gửi"),
    gettext_noop("Đang gửi"),
    gettext_noop("Đã gửi"),
    gettext_noop("Gửi không thành công"),
    # the catalogue's component forms, shown on the dossier page
    gettext_noop("Bản chính"),
    gettext_noop("Bản sao chứng thực"),
    gettext_noop("Bản chụp"),
)
