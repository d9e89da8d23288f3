"""Settings as production builds them, read in a fresh interpreter."""

import json
import os
import subprocess
import sys

from .servers import ROOT


def production_setting(name, environment):
    """A setting as kjproject.settings builds it under `environment`, in a fresh interpreter."""
    environment = {"SECRET_KEY": "settings-test-only", **os.environ, **environment}
    program = f"import json, kjproject.settings as s; print(json.dumps(s.{name}))"
    result = subprocess.run(  # noqa: S603 - our own settings module
        [sys.executable, "-c", program],
        env=environment,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)
