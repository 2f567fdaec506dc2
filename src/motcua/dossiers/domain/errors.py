"""Errors raised by the dossier rules: each carries a message an officer can read as is, and
the HTTP status the API answers with (`http_status`; None: the endpoint's default, a bad
request on creation and a conflict with the dossier's state on a transition). The API maps
them in one place (`dossiers.api.domain_error`)."""

from motcua.core.errors import MessageError


class DossierError(MessageError):
    """A dossier rule refused the operation; `message` is in Vietnamese, for the officer."""


class TransitionNotAllowed(DossierError):
    """The action is not allowed in this state, for these roles, or without a reason."""

    http_status = 409


class ActionForbidden(TransitionNotAllowed):
    """The policy refuses the action to this actor (role, or a step that needs a role)."""

    http_status = 403


class DossierIncomplete(DossierError):
    """Required components are missing at reception; `missing` lists every one of them."""

    http_status = 400

    def __init__(self, missing: list[str]):
        self.missing = list(missing)
        lines = "\n".join(f"- {name}" for name in self.missing)
        super().__init__(f"Hồ sơ chưa đầy đủ, còn thiếu {len(self.missing)} thành phần:\n{lines}")


class ConcurrentUpdate(DossierError):
    """Someone else changed the dossier between reading it and writing it."""

    http_status = 409

    def __init__(self, code: str = ""):
        which = f" {code}" if code else ""
        super().__init__(
            f"Hồ sơ{which} đã được người khác cập nhật trong lúc bạn thao tác. "
            "Vui lòng tải lại trang để xem trạng thái mới nhất rồi thực hiện lại."
        )


class AgencyCodeMissing(DossierError):
    """The receiving unit has no agency identifier of its own: it cannot receive yet."""


class CodeSequenceExhausted(DossierError):
    """More than 9999 dossiers in one day for one agency: the code format has no room left."""


class OutOfScope(DossierError):
    """The officer's unit scope does not include the dossier's unit (or the dossier is not
    the citizen's own, or not one the digital-team member assisted)."""

    http_status = 403


class IntakeRefused(DossierError):
    """The filing cannot be made as given (channel, receiving unit, the scans of an online
    filing); `missing` lists the components filed online without their file."""

    http_status = 400

    def __init__(self, message: str, missing: list[str] | None = None):
        super().__init__(message)
        self.missing = list(missing or [])


class IntakeForbidden(DossierError):
    """This account may not file or receive a dossier this way."""

    http_status = 403
