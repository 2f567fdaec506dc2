"""The signed callback, table-driven: only the exact signed values verify."""

import pytest

from motcua.payments.domain.callback import CallbackInvalid, callback_sign, callback_verify

KEY = b"k" * 32
GOOD = {"ma": "TT01", "so_tien": "50000", "ket_qua": "paid"}


def _signed(**over):
    data = {**GOOD, **over}
    sig = callback_sign(
        key=KEY, reference=data["ma"], amount=int(data["so_tien"]), outcome=data["ket_qua"]
    )
    return {**data, "chu_ky": sig}


def test_a_signed_answer_verifies():
    result = callback_verify(key=KEY, data=_signed())
    assert (result.reference, result.amount, result.paid) == ("TT01", 50000, True)
    assert not callback_verify(key=KEY, data=_signed(ket_qua="declined")).paid


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        ({"ket_qua": "paid"}, "sai chữ ký"),  # a declined answer edited to paid
        ({"so_tien": "5000"}, "sai chữ ký"),
        ({"ma": "TT02"}, "sai chữ ký"),
        ({"chu_ky": "0" * 64}, "sai chữ ký"),
        ({"chu_ky": ""}, "thiếu hoặc sai"),
        ({"ket_qua": "maybe"}, "thiếu hoặc sai"),
        ({"so_tien": "abc"}, "thiếu hoặc sai"),
    ],
)
def test_anything_edited_is_refused(tamper, message):
    data = {**_signed(ket_qua="declined"), **tamper}
    with pytest.raises(CallbackInvalid) as exc:
        callback_verify(key=KEY, data=data)
    assert message in exc.value.message


def test_another_key_does_not_verify():
    with pytest.raises(CallbackInvalid):
        callback_verify(key=b"x" * 32, data=_signed())
