"""One-time codes as an authenticator app computes them, independently of django-otp."""

import hashlib
import hmac
import struct
import time
from base64 import b32decode


def totp(key_base32: str, at: float | None = None) -> str:
    """RFC 6238 (SHA-1, 30 s, 6 digits), as an authenticator app computes it."""
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(b32decode(key_base32), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"
