"""The base of the errors whose `message` is Vietnamese and shown to the person as is."""


class MessageError(Exception):
    """A refusal with a Vietnamese `message`; `http_status` is the API's answer (None: the
    endpoint's default)."""

    http_status: int | None = None

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
