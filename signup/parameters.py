"""The sign-up's fixed durations and limits, in one place (the environment's are in settings)."""

from datetime import timedelta

# The reminder goes this long before an event starts, to those signed up before that moment.
REMINDER_BEFORE = timedelta(days=1)
# How long the link in a sign-up's e-mails (to see, cancel or delete it) keeps working after the
# event has ended; after it, the page says the link has expired.
MANAGE_LINK_VALID_AFTER_EVENT = timedelta(days=30)
# The rate limit's window (settings.SIGNUP_RATE_LIMIT sign-ups per address in it).
RATE_LIMIT_WINDOW_SECONDS = 60 * 60
# At most this many accompanying children on one sign-up.
MAX_CHILDREN = 10
# How many next sessions of the same service are offered when sign-up is not possible.
ALTERNATIVES_SHOWN = 3
# The privacy notice the form's consent sentence links: its slug in the source language
# (pages/migrations/0002_initial_content.py).
PRIVACY_NOTICE_SLUG = "privaatsus"
