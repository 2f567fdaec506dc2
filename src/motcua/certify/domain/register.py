"""How a certification number is written in the register (sổ chứng thực).

Decree 23/2015/NĐ-CP art. 13 and Circular 01/2020/TT-BTP: each kind of certification has its
own register, numbered from 1 each year at each certifying body; the number on the copy is the
register number followed by the year and the register's symbol. We use "SCBS-ĐT" for the
register of electronic copies certified from the original.
"""

REGISTER_SYMBOL = "SCBS-ĐT"


def register_number_format(*, number: int, year: int) -> str:
    if number < 1:
        raise ValueError("Số chứng thực bắt đầu từ 1.")
    return f"{number:d}/{year:d}/{REGISTER_SYMBOL}"
