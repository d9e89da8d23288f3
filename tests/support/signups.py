"""Sign-ups made for a test directly with the ORM, as the sign-up form would leave them."""

from datetime import timedelta

from django.utils import timezone

from pages.models import TargetGroup
from signup.models import Registration
from tests.support.activities import make_event


def make_registration(event, *, groups=(), **fields):
    values = {
        "name": "Olena Testiva",
        "email": "olena@example.org",
        "language": "uk",
        "status": Registration.Status.CONFIRMED,
    } | fields
    registration = Registration.objects.create(event=event, **values)
    registration.target_groups.set(TargetGroup.objects.filter(code__in=groups))
    return registration


def past_event(title, days_ago, **fields):
    """An event that ended `days_ago` days ago (it lasted an hour)."""
    ends_at = timezone.now() - timedelta(days=days_ago)
    return make_event(title, ends_at - timedelta(hours=1), ends_at, **fields)
