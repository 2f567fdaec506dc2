"""The roles of domain.md §1. Each role is a Django group whose name is the role's code."""

from enum import StrEnum


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
    Role.ONE_STOP_OFFICER: "Công chức tiếp nhận (Bộ phận Một cửa)",
    Role.SPECIALIST: "Chuyên viên xử lý",
    Role.DEPARTMENT_HEAD: "Lãnh đạo phòng",
    Role.SIGNING_LEADER: "Lãnh đạo UBND ký kết quả",
    Role.POSTAL_CLERK: "Nhân viên bưu chính công ích",
    Role.DIGITAL_TEAM: "Thành viên Tổ công nghệ số cộng đồng",
    Role.SUPERVISOR: "Giám sát (HĐND, thanh tra)",
    Role.ADMINISTRATOR: "Quản trị hệ thống",
    Role.CITIZEN: "Công dân, tổ chức",
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

# What each role can do next, shown on the home page (title, description, url name or None
# while the part is still being built).
ROLE_TASKS: dict[Role, list[tuple[str, str, str | None]]] = {
    Role.ONE_STOP_OFFICER: [
        ("Tiếp nhận hồ sơ", "Tiếp nhận hồ sơ tại quầy hoặc qua bưu chính.", None),
        ("Trả kết quả", "Trả kết quả cho công dân.", None),
        ("Tra cứu thủ tục", "Xem danh mục thủ tục hành chính của đơn vị.", "catalogue:list"),
    ],
    Role.SPECIALIST: [
        ("Hồ sơ cần xử lý", "Thẩm định hồ sơ được phân công.", None),
        ("Tra cứu thủ tục", "Xem quy trình nội bộ của từng thủ tục.", "catalogue:list"),
    ],
    Role.DEPARTMENT_HEAD: [
        ("Hồ sơ cần phân công, duyệt", "Phân công chuyên viên và duyệt kết quả.", None),
    ],
    Role.SIGNING_LEADER: [("Hồ sơ chờ ký", "Ký kết quả giải quyết thủ tục.", None)],
    Role.POSTAL_CLERK: [
        ("Nhận hồ sơ qua bưu chính", "Kiểm tra, niêm phong và chuyển hồ sơ.", None),
    ],
    Role.DIGITAL_TEAM: [
        ("Hỗ trợ nộp hồ sơ trực tuyến", "Nộp hồ sơ thay công dân (có sự đồng ý).", None),
        ("Tra cứu thủ tục", "Tìm thủ tục và thành phần hồ sơ.", "catalogue:list"),
    ],
    Role.SUPERVISOR: [
        ("Báo cáo đúng hạn", "Tỷ lệ giải quyết đúng hạn theo kỳ, đơn vị.", None),
        ("Tra cứu thủ tục", "Danh mục thủ tục và mức độ trực tuyến.", "catalogue:list"),
    ],
    Role.ADMINISTRATOR: [
        ("Quản trị", "Đơn vị, người dùng, vai trò và danh mục thủ tục.", "admin:index"),
        ("Lịch làm việc", "Giờ làm việc và ngày nghỉ, ngày làm bù.", "clock:calendar"),
    ],
    Role.CITIZEN: [
        ("Tìm thủ tục", "Tìm thủ tục và chuẩn bị hồ sơ.", "catalogue:list"),
        ("Hồ sơ của tôi", "Theo dõi hồ sơ đã nộp.", None),
    ],
}
