import pytest

from tests.support.outbox import send_through
from tests.support.smtp import SmtpServer


@pytest.fixture
def smtp(settings):
    """A real SMTP server on loopback that this process's e-mail goes to."""
    with SmtpServer() as server:
        send_through(settings, server)
        yield server
