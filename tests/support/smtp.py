"""A real SMTP server on loopback (aiosmtpd), for the outbox's tests: it records what it accepts.

    with SmtpServer() as smtp:
        smtp.url                      # EMAIL_URL for a subprocess: smtp://127.0.0.1:PORT
        smtp.wait_for(1)              # the messages it accepted (email.message.EmailMessage)
        smtp.stop(); smtp.start()     # an outage, and the recovery on the same port
        with smtp.stalled("RCPT") as stall:   # the next conversation stops at RCPT …
            stall.reached.wait(...)           # … until the block ends

A stall holds the next message at one step of the conversation: "RCPT" (before the server has
the message: a client that dies there has sent nothing) or "REPLY" (after the server has taken
it, before its 250: the window in which SMTP itself may deliver twice).
"""

import asyncio
import email
import email.policy
import threading
import time
from contextlib import contextmanager

from aiosmtpd.controller import Controller

from .servers import free_port

WAIT_SECONDS = 30


class Stall:
    def __init__(self, step):
        self.step = step
        self.reached = threading.Event()
        self.released = threading.Event()

    async def hold(self):
        self.reached.set()
        while not self.released.is_set():
            await asyncio.sleep(0.02)


class Recorder:
    """aiosmtpd's handler: accepts every message and keeps it, in order of acceptance."""

    def __init__(self):
        self.accepted = []
        self.stall = None

    async def pause_at(self, step):
        stall = self.stall
        if stall is not None and stall.step == step:
            self.stall = None  # once
            await stall.hold()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        await self.pause_at("RCPT")
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.accepted.append(message)  # the server has taken responsibility for it
        await self.pause_at("REPLY")
        return "250 Message accepted for delivery"


class SmtpServer:
    def __init__(self):
        self.port = free_port()
        self.recorder = Recorder()
        self.controller = None

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"

    @property
    def accepted(self):
        return list(self.recorder.accepted)

    def start(self):
        self.controller = Controller(self.recorder, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        self.controller.stop()
        self.controller = None

    @contextmanager
    def stalled(self, step):
        stall = Stall(step)
        self.recorder.stall = stall
        try:
            yield stall
        finally:
            stall.released.set()

    def wait_for(self, count, seconds=WAIT_SECONDS):
        """The accepted messages, once there are at least `count` (else AssertionError)."""
        deadline = time.monotonic() + seconds
        while len(self.recorder.accepted) < count:
            assert time.monotonic() < deadline, f"{len(self.accepted)} of {count} messages came"
            time.sleep(0.05)
        return self.accepted

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc_info):
        if self.controller is not None:
            self.stop()
