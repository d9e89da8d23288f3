from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class SignupConfig(AppConfig):
    name = "signup"
    verbose_name = _("Sign-ups")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from activities.models import Event

        from .signals import event_saved

        post_save.connect(event_saved, sender=Event, dispatch_uid="signup-event-saved")
