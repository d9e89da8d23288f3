"""The admin of staff sign-in: locked-out sign-ins (django-axes) and authenticator apps
(django-otp), in the staff member's language.

Both libraries register admin pages of their own whose labels are partly never marked for
translation (django-otp's field names, fieldsets and help texts; django-axes' "3 Attempt
Remaining") and whose translations lack Estonian. These replace them with what staff need, every
word from our catalogs: who is locked out, until when, and a way to lift it (delete); whose
authenticator app is set up, and a way to remove a lost phone's (delete). django-axes' access
log and access-failure log are switched off in the settings (AXES_DISABLE_ACCESS_LOG,
AXES_ENABLE_ACCESS_FAILURE_LOG), so their always-empty pages are not shown.
"""

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.read_only_admin import ReadOnlyAdmin


def replace_third_party_admins(site):
    """Called once the admin has discovered every app's admin module (staff.apps)."""
    from axes.models import AccessAttempt, AccessAttemptExpiration, AccessFailureLog, AccessLog
    from django_otp.plugins.otp_totp.models import TOTPDevice

    for model in (AccessAttempt, AccessFailureLog, AccessLog, TOTPDevice):
        if site.is_registered(model):
            site.unregister(model)
    name_in_our_words(
        AccessAttempt, "axes", _("locked-out sign-in"), _("locked-out sign-ins"), _("Sign-in")
    )
    # Shown in the lists of permissions (users, groups).
    name_in_our_words(AccessAttemptExpiration, "axes", _("end of a lockout"), _("ends of lockouts"))
    name_in_our_words(AccessLog, "axes", _("sign-in record"), _("sign-in records"))
    name_in_our_words(
        AccessFailureLog, "axes", _("failed sign-in record"), _("failed sign-in records")
    )
    # django-axes names an attempt "Attempted Access: <the time as Python prints it>".
    AccessAttempt.__str__ = lambda attempt: attempt.username or "—"
    name_in_our_words(
        TOTPDevice,
        "otp_totp",
        _("authenticator app"),
        _("authenticator apps"),
        _("Two-factor authentication"),
    )
    site.register(AccessAttempt, LockedOutSignInAdmin)
    site.register(TOTPDevice, AuthenticatorAppAdmin)


def name_in_our_words(model, app_label, singular, plural, app_name=None):
    # Only the names the admin shows: migrations read Meta's original attributes, not these.
    model._meta.verbose_name = singular
    model._meta.verbose_name_plural = plural
    if app_name is not None:
        apps.get_app_config(app_label).verbose_name = app_name


class LockedOutSignInAdmin(ReadOnlyAdmin):
    list_display = ("who", "when", "failures", "state")
    fields = ("who", "when", "failures", "state")
    readonly_fields = fields
    search_fields = ("username",)
    ordering = ("-attempt_time",)

    @admin.display(description=_("user name"), ordering="username")
    def who(self, attempt):
        return attempt.username

    @admin.display(description=_("last failed sign-in"), ordering="attempt_time")
    def when(self, attempt):
        return attempt.attempt_time

    @admin.display(description=_("failed sign-ins"), ordering="failures_since_start")
    def failures(self, attempt):
        return attempt.failures_since_start

    @admin.display(description=_("state"))
    def state(self, attempt):
        left = settings.AXES_FAILURE_LIMIT - attempt.failures_since_start
        if left > 0:
            return ngettext(
                "%(count)s more failed sign-in before a lockout",
                "%(count)s more failed sign-ins before a lockout",
                left,
            ) % {"count": left}
        until = timezone.localtime(attempt.attempt_time + settings.AXES_COOLOFF_TIME)
        if until <= timezone.localtime():
            return _("The lockout is over")
        return _("Locked out until %(time)s; delete this to lift it now") % {
            "time": formats.time_format(until, "TIME_FORMAT")
        }


class AuthenticatorAppAdmin(ReadOnlyAdmin):
    list_display = ("owner", "confirmed_app", "added", "last_used")
    fields = list_display
    readonly_fields = fields
    search_fields = ("user__username",)
    list_select_related = ("user",)

    @admin.display(description=_("staff member"), ordering="user__username")
    def owner(self, device):
        return device.user.get_username()

    @admin.display(description=_("set up"), boolean=True, ordering="confirmed")
    def confirmed_app(self, device):
        return device.confirmed

    @admin.display(description=_("added"), ordering="created_at")
    def added(self, device):
        return device.created_at

    @admin.display(description=_("last used"), ordering="last_used_at")
    def last_used(self, device):
        return device.last_used_at or _("never")
