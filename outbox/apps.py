from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    """Outgoing e-mail: stored in the transaction that causes it, sent by the worker."""

    name = "outbox"
    verbose_name = _("Outgoing e-mail")
