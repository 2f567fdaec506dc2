"""Demo catalogue: 45 real ward- and city-level procedures of Thủ Dầu Một (before 7/2025).

Civil status, certification, household businesses, construction, land, social protection.
Read from `data/procedures.json` through the ordinary importer. Ward-level procedures are
linked to every ward and city-level ones to the district-level city (`kind:ward`,
`kind:district` in the file), so the file works with whatever unit codes the organisation
data uses. Running it twice changes nothing.
"""

import json
from pathlib import Path

from motcua.catalogue.services import ImportResult, catalogue_import

DATA_FILE = Path(__file__).resolve().parent / "data" / "procedures.json"


def load() -> ImportResult:
    return catalogue_import(data=json.loads(DATA_FILE.read_text(encoding="utf-8")))
