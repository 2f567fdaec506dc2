"""Demo organisation: Thủ Dầu Một city before 1 July 2025 and its successors after."""

from motcua.org.services import DATA_DIR, units_load_file


def load() -> int:
    return units_load_file(path=DATA_DIR / "tdm.json")
