"""The report arithmetic stays plain Python: importing it must not pull Django in."""

import subprocess
import sys


def test_domain_imports_without_django():
    code = (
        "import sys, motcua.reports.domain.ontime, motcua.reports.domain.indicators; "
        "assert 'django' not in sys.modules, sorted(m for m in sys.modules if 'django' in m)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
