"""Staff saving an event: a larger capacity moves people up; ticking "cancelled" tells everyone
signed up. Both run in the transaction of the save, so the e-mails go only if it commits."""

from . import booking


def event_saved(sender, instance, raw=False, **kwargs):
    if raw or instance.capacity is None or not instance.registrations.exists():
        return
    if instance.cancelled:
        booking.tell_of_cancellation(instance.pk)
    else:
        booking.capacity_may_have_grown(instance.pk)
