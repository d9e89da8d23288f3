"""What a test needs from the machine (a browser, a database server's binaries).

Absent on a developer's machine, the test is skipped with the reason; absent in CI (CI=true), it
fails: a proof must not vanish silently where it is meant to run.
"""

import os

import pytest


def missing_tool(message):
    """Skip the calling test with `message`, or fail it in CI."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)
