"""What a test needs from the machine (a browser, Java, npm's tools, a database server's
binaries).

Absent on a developer's machine, the test is skipped with the reason and the command that
installs everything (`make test-dependencies`); absent in CI (CI=true), it fails: a proof must
not vanish silently where it is meant to run.
"""

import os
import shutil

import pytest

INSTALL = "`make test-dependencies` installs it"


def missing_tool(message):
    """Skip the calling test with `message`, or fail it in CI."""
    message = f"{message} ({INSTALL})"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def require_command(command, what):
    if shutil.which(command) is None:
        missing_tool(f"{command} not found: {what}")


def require_file(path, what):
    if not path.exists():
        missing_tool(f"{path.name} not found: {what}")
