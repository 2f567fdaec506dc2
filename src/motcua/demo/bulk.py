"""PostgreSQL COPY text built without a connection, for the demo loader's worker processes
(`demo/history.py`): `copy_text` in a worker, `copy_data` in the parent. Only for rows the
loader has derived with the services' own rules."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence

from django.db import connection, models

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_value(v) -> str:
    if v is None:
        return "\\N"
    if v is True:
        return "t"
    if v is False:
        return "f"
    if isinstance(v, str):
        return v.translate(_ESCAPES)
    if isinstance(v, int):
        return str(int(v))  # enums too
    if isinstance(v, dt.date):  # dates and aware datetimes
        return v.isoformat()
    if isinstance(v, dict | list):
        return json.dumps(v).translate(_ESCAPES)
    return str(v).translate(_ESCAPES)


def copy_text(rows: Iterable[Sequence]) -> bytes:
    """Rows in PostgreSQL's COPY text format, built without a connection (the demo loader's
    worker processes build them; `copy_data` sends them)."""
    lines = ["\t".join(map(_copy_value, row)) for row in rows]
    lines.append("")
    return "\n".join(lines).encode() if len(lines) > 1 else b""


def copy_data(model: type[models.Model], names: Sequence[str], data: bytes) -> None:
    """PostgreSQL: COPY `data` (from `copy_text`, columns in the order of `names`, model field
    names) into `model`'s table."""
    if not data:
        return
    qn = connection.ops.quote_name
    columns = ", ".join(qn(model._meta.get_field(n).column) for n in names)
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {qn(model._meta.db_table)} ({columns}) FROM STDIN") as cp:
            cp.write(data)
