"""Fill the English catalogue from en_translations.py, then compile it.

Run from the repository root after `motcua makemessages -l en --no-obsolete` (in src/motcua):

    .venv/bin/python src/motcua/locale/fill_en.py          # fill, report, compile django.mo
    .venv/bin/python src/motcua/locale/fill_en.py --check  # exit 1 if anything is untranslated

Every entry that is empty or fuzzy and has a translation in the dictionary gets it (fuzzy flag
removed); entries already translated in the .po are kept as they are. Entries still missing are
listed so they can be added to en_translations.py. Needs `polib` and gettext's `msgfmt`.
"""

import subprocess
import sys
from pathlib import Path

import polib

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from en_translations import TRANSLATIONS  # noqa: E402

PO = HERE / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def _needs_work(entry: polib.POEntry) -> bool:
    return entry.fuzzy or not entry.translated()


def fill(po: polib.POFile) -> tuple[int, list[str]]:
    filled, missing = 0, []
    for entry in po:
        if entry.obsolete or not _needs_work(entry):
            continue
        value = TRANSLATIONS.get(entry.msgid)
        if value is None:
            missing.append(entry.msgid)
            continue
        if entry.msgid_plural:
            singular, plural = value if isinstance(value, tuple) else (value, value)
            entry.msgstr_plural = {0: singular, 1: plural}
        else:
            entry.msgstr = value if isinstance(value, str) else value[0]
        if entry.fuzzy:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        filled += 1
    return filled, missing


HEADER = {
    "Project-Id-Version": "motcua",
    "PO-Revision-Date": "2026-11-28 23:30+0700",
    "Last-Translator": "motcua developers",
    "Language-Team": "English (motcua)",
}


def main(argv: list[str]) -> int:
    po = polib.pofile(str(PO), wrapwidth=79)
    po.metadata.update(HEADER)
    if "--check" in argv:
        missing = [e.msgid for e in po if not e.obsolete and _needs_work(e)]
    else:
        filled, missing = fill(po)
        po.save(str(PO))
        subprocess.run(["msgfmt", "--check", "-o", str(MO), str(PO)], check=True)
        print(f"filled {filled}; {len(po.translated_entries())} translated in {PO.name}")
    for msgid in missing:
        print("MISSING:", repr(msgid))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
