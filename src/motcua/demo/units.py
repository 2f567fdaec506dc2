"""Demo organisation: Thủ Dầu Một city before 1 July 2025 and its successors after."""

from pathlib import Path

from motcua.org.models import OrgUnit
from motcua.org.services import units_load_file

DATA_FILE = Path(__file__).resolve().parent / "data" / "tdm.json"

# Only 000.00.00.H29 (Hồ Chí Minh City) could be confirmed (see tdm.json's notes): the other
# administrative units get a visibly provisional demo identifier so that each can receive with
# its own code sequence. A real deployment enters the official identifiers instead: a unit
# without one cannot receive (motcua.dossiers.domain.codes.agency_code_resolve).
DEMO_PREFIX = "DEMO."


def load() -> int:
    count = units_load_file(path=DATA_FILE)
    for unit in OrgUnit.objects.filter(
        agency_code="", kind__in=["province", "district", "ward", "commune"]
    ):
        unit.agency_code = f"{DEMO_PREFIX}{unit.code}"
        unit.save(update_fields=["agency_code"])
    return count
