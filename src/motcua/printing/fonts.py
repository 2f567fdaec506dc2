"""Find a Liberation Serif that really has the Vietnamese letters.

Debian 12's `fonts-liberation` is Liberation 1.07 (no Ộ, Ủ, ệ...: typst silently drops them);
Liberation 2 has them and ships as `fonts-liberation2` on Debian 12 (directory `liberation2`)
and as `fonts-liberation` from Debian 13 (directory `liberation`). We check the font's
character map instead of trusting a package name, and never fall back to system fonts.
"""

from __future__ import annotations

import functools
import struct
from pathlib import Path

from django.conf import settings

FONT_DIR_ENV = "MOTCUA_FONT_DIR"
CANDIDATE_DIRS = (
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/truetype/liberation",
)
SERIF_FILE = "LiberationSerif-Regular.ttf"
# Ộ ủ ệ ữ đ: letters that Liberation 1.x lacks or that a careless font might.
PROBE = (0x1ED8, 0x1EE7, 0x1EC7, 0x1EEF, 0x0111)


class FontMissingError(RuntimeError):
    pass


def _cmap_has(path: Path, codepoints: tuple[int, ...]) -> bool:
    data = path.read_bytes()
    num_tables = struct.unpack_from(">H", data, 4)[0]
    cmap_off = None
    for i in range(num_tables):
        tag, _, offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if tag == b"cmap":
            cmap_off = offset
            break
    if cmap_off is None:
        return False
    count = struct.unpack_from(">H", data, cmap_off + 2)[0]
    found: set[int] = set()
    for i in range(count):
        platform, encoding, sub = struct.unpack_from(">HHI", data, cmap_off + 4 + 8 * i)
        base = cmap_off + sub
        fmt = struct.unpack_from(">H", data, base)[0]
        if platform == 3 and encoding == 1 and fmt == 4:
            seg2 = struct.unpack_from(">H", data, base + 6)[0]
            ends = struct.unpack_from(f">{seg2 // 2}H", data, base + 14)
            starts = struct.unpack_from(f">{seg2 // 2}H", data, base + 16 + seg2)
            deltas = struct.unpack_from(f">{seg2 // 2}h", data, base + 16 + 2 * seg2)
            ro_base = base + 16 + 3 * seg2
            ranges = struct.unpack_from(f">{seg2 // 2}H", data, ro_base)
            for cp in codepoints:
                for k, (s, e) in enumerate(zip(starts, ends, strict=True)):
                    if s <= cp <= e:
                        if ranges[k] == 0:
                            glyph = (cp + deltas[k]) & 0xFFFF
                        else:
                            addr = ro_base + 2 * k + ranges[k] + 2 * (cp - s)
                            glyph = struct.unpack_from(">H", data, addr)[0]
                        if glyph:
                            found.add(cp)
                        break
        elif fmt == 12:
            n = struct.unpack_from(">I", data, base + 12)[0]
            for j in range(n):
                s, e, _g = struct.unpack_from(">III", data, base + 16 + 12 * j)
                found.update(cp for cp in codepoints if s <= cp <= e)
    return all(cp in found for cp in codepoints)


@functools.cache
def font_dir() -> Path:
    """The first candidate directory whose Liberation Serif covers Vietnamese."""
    candidates = [settings.MOTCUA_FONT_DIR] if settings.MOTCUA_FONT_DIR else []
    candidates += CANDIDATE_DIRS
    for d in candidates:
        path = Path(d) / SERIF_FILE
        if path.is_file() and _cmap_has(path, PROBE):
            return Path(d)
    raise FontMissingError(
        "Không tìm thấy phông Liberation Serif có đủ chữ tiếng Việt để in biểu mẫu "
        f"(đã tìm trong: {', '.join(candidates)}). Cài gói Debian 'fonts-liberation2' "
        "(Debian 12) hoặc 'fonts-liberation' (Debian 13 trở đi), hoặc đặt biến môi trường "
        f"{FONT_DIR_ENV} trỏ tới thư mục chứa {SERIF_FILE} bản 2.x."
    )
