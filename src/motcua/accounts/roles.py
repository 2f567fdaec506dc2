"""The roles of domain.md §1. Each role is a Django group whose name is the role's code."""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Role(StrEnum):
    ONE_STOP_OFFICER = "mot_cua"
    SPECIALIST = "chuyen_vien"
    DEPARTMENT_HEAD = "lanh_dao_phong"
    SIGNING_LEADER = "lanh_dao_ky"
    POSTAL_CLERK = "buu_chinh"
    DIGITAL_TEAM = "to_cong_nghe_so"
    SUPERVISOR = "giam_sat"
    ADMINISTRATOR = "quan_tri"
    CITIZEN = "cong_dan"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.ONE_STOP_OFFICER: _("Công chức tiếp nhận (Bộ phận Một cửa)"),
    Role.SPECIALIST: _("Chuyên viên xử lý"),
    Role.DEPARTMENT_HEAD: _("Lãnh đạo phòng"),
    Role.SIGNING_LEADER: _("Lãnh đạo UBND ký kết quả"),
    Role.POSTAL_CLERK: _("Nhân viên bưu chính công ích"),
    Role.DIGITAL_TEAM: _("Thành viên Tổ công nghệ số cộng đồng"),
    Role.SUPERVISOR: _("Giám sát (HĐND, thanh tra)"),
    Role.ADMINISTRATOR: _("Quản trị hệ thống"),
    Role.CITIZEN: _("Công dân, tổ chức"),
}

# Roles whose members work inside a unit and see only that unit's data.
STAFF_ROLES = frozenset(
    {
        Role.ONE_STOP_OFFICER,
        Role.SPECIALIST,
        Role.DEPARTMENT_HEAD,
        Role.SIGNING_LEADER,
        Role.POSTAL_CLERK,
        Role.DIGITAL_TEAM,
        Role.ADMINISTRATOR,
        Role.SUPERVISOR,
    }
)

# What each role can do next, shown on the home page (title, description, url name — with an
# optional "?query" — or None while the part is still being built).
ROLE_TASKS: dict[Role, list[tuple[str, str, str | None]]] = {
    Role.ONE_STOP_OFFICER: [
        (
            _("Tiếp nhận hồ sơ"),
            _("Tiếp nhận hồ sơ tại quầy hoặc qua bưu chính."),
            "dossiers:intake",
        ),
        (_("Trả kết quả"), _("Trả kết quả cho công dân."), "dossiers:worklist?tab=cho-tra-ket-qua"),
        (_("Tra cứu thủ tục"), _("Xem danh mục thủ tục hành chính của đơn vị."), "catalogue:list"),
        (
            _("Chứng thực bản sao điện tử"),
            _("Chứng thực bản sao điện tử từ bản chính, có ký số và mã QR kiểm tra."),
            "certify:copy_new",
        ),
        (_("Tìm hồ sơ đã số hóa"), _("Tìm theo nội dung bản quét (OCR)."), "certify:search"),
    ],
    Role.SPECIALIST: [
        (
            _("Hồ sơ cần xử lý"),
            _("Thẩm định hồ sơ được phân công."),
            "dossiers:worklist?tab=can-xu-ly",
        ),
        (_("Tra cứu thủ tục"), _("Xem quy trình nội bộ của từng thủ tục."), "catalogue:list"),
    ],
    Role.DEPARTMENT_HEAD: [
        (
            _("Hồ sơ cần phân công, duyệt"),
            _("Phân công chuyên viên và duyệt kết quả."),
            "dossiers:worklist?tab=cho-duyet",
        ),
    ],
    Role.SIGNING_LEADER: [
        (_("Hồ sơ chờ ký"), _("Ký kết quả giải quyết thủ tục."), "dossiers:worklist?tab=cho-ky")
    ],
    Role.POSTAL_CLERK: [
        # The desk receives what the post brings (intake is the desk's); the clerk collects the
        # results to deliver by post and hands in the supplements citizens posted.
        (
            _("Kết quả chuyển phát qua bưu chính"),
            _("Nhận kết quả tại Bộ phận Một cửa để chuyển phát cho công dân."),
            "dossiers:worklist?tab=cho-tra-ket-qua",
        ),
        (
            _("Hồ sơ bổ sung gửi qua bưu chính"),
            _("Chuyển giấy tờ bổ sung công dân gửi qua bưu chính cho Bộ phận Một cửa."),
            "dossiers:worklist?tab=cho-bo-sung",
        ),
    ],
    Role.DIGITAL_TEAM: [
        (
            _("Hỗ trợ nộp hồ sơ trực tuyến"),
            _("Nộp hồ sơ thay công dân (có sự đồng ý)."),
            "portal:procedures",
        ),
        (_("Tra cứu thủ tục"), _("Tìm thủ tục và thành phần hồ sơ."), "catalogue:list"),
    ],
    Role.SUPERVISOR: [
        (_("Báo cáo đúng hạn"), _("Tỷ lệ giải quyết đúng hạn theo kỳ, đơn vị."), "reports:index"),
        (_("Tra cứu thủ tục"), _("Danh mục thủ tục và mức độ trực tuyến."), "catalogue:list"),
        (
            _("Lộ trình không nhận hồ sơ giấy"),
            _("Tỷ lệ hồ sơ số hóa đầy đủ theo đơn vị, thủ tục và tháng."),
            "certify:paperless",
        ),
    ],
    Role.ADMINISTRATOR: [
        (_("Quản trị"), _("Đơn vị, người dùng, vai trò và danh mục thủ tục."), "admin:index"),
        (_("Lịch làm việc"), _("Giờ làm việc và ngày nghỉ, ngày làm bù."), "clock:calendar"),
    ],
    Role.CITIZEN: [
        (_("Tìm thủ tục"), _("Tìm thủ tục và chuẩn bị hồ sơ."), "portal:procedures"),
        (_("Hồ sơ của tôi"), _("Theo dõi hồ sơ đã nộp."), "portal:my_dossiers"),
    ],
}
