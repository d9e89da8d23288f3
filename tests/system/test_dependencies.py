"""Dependencies: every one pinned exactly, and the installed set consistent."""

import re
import subprocess
import sys

from tests.support.servers import ROOT

REQUIREMENT = re.compile(r"^[A-Za-z0-9._\[\]-]+==[^=\s]+(\s+#.*)?$")


def test_pip_check_finds_no_broken_or_missing_requirements():
    result = subprocess.run(
        [sys.executable, "-m", "pip", "check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_requirement_is_pinned_exactly():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / name).read_text().splitlines():
            line = line.strip()
            if line and not line.startswith(("#", "-r ")):
                assert REQUIREMENT.match(line), f"{name}: {line}"
