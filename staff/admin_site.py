"""The admin site: at a configurable address, with optional or required two-factor sign-in.

Staff turn on two-factor authentication themselves on the admin's "Two-factor authentication"
page: it shows a QR code (and the key, to type in) for an authenticator app, and switches it on
once a code from the app is confirmed. From then on their sign-in asks for the app's current code
as well as the password (django-otp, TOTP). With ADMIN_REQUIRE_2FA set, every staff member must:
someone who has not set it up yet may, after the password, only open that page.
"""

import io
from base64 import b32encode

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.admin import OTPAdminSite
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

from .forms import ConfirmCodeForm, StaffAuthenticationForm
from .missing_translations import missing_translations_view
from .start_page import shown_sections


def is_signed_in_staff(user) -> bool:
    return user.is_active and user.is_staff


def must_set_up_two_factor(user) -> bool:
    """Signed in with the password, but two-factor is required and not set up yet."""
    return (
        settings.ADMIN_REQUIRE_2FA
        and is_signed_in_staff(user)
        and not user.is_verified()
        and not user_has_device(user)
    )


class StaffAdminSite(OTPAdminSite):
    login_form = StaffAuthenticationForm
    login_template = "admin/staff_login.html"
    # The project's name, not "Django administration", in the staff member's language.
    site_header = settings.SITE_NAME
    site_title = settings.SITE_NAME
    index_title = _("What needs your attention")

    def __init__(self, name="admin"):
        # OTPAdminSite would name itself "otpadmin"; the site replaces Django's own admin.
        super().__init__(name)

    def has_permission(self, request):
        user = request.user
        if not is_signed_in_staff(user):
            return False
        if user.is_verified():
            return True
        return not (settings.ADMIN_REQUIRE_2FA or user_has_device(user))

    def login(self, request, extra_context=None):
        if request.method == "GET" and must_set_up_two_factor(request.user):
            return redirect("admin:two_factor")
        return super().login(request, extra_context)

    def get_urls(self):
        return [
            path("two-factor/", self.staff_view(self.two_factor), name="two_factor"),
            path("two-factor/qr.svg", self.staff_view(self.two_factor_qr), name="two_factor_qr"),
            # Under the pages app's address, where it has been since it was added.
            path(
                "pages/page/missing-translations/",
                self.admin_view(self.missing_translations),
                name="pages_missing_translations",
            ),
            *super().get_urls(),
        ]

    def index(self, request, extra_context=None):
        """The start page: the sections of staff.start_page, then every app's models."""
        sections = shown_sections(request, self)
        return super().index(request, {"attention_sections": sections} | (extra_context or {}))

    def staff_view(self, view):
        """Open to staff signed in with their password, even before two-factor is set up."""

        def staff_only(request, *args, **kwargs):
            if not is_signed_in_staff(request.user):
                return redirect(f"{reverse('admin:login')}?next={request.path}")
            return view(request, *args, **kwargs)

        return never_cache(staff_only)

    def two_factor(self, request):
        user = request.user
        if user_has_device(user):
            context = {**self.each_context(request), "title": _("Two-factor authentication")}
            return TemplateResponse(request, "admin/two_factor_on.html", context)
        device = unconfirmed_device(user)
        form = ConfirmCodeForm(device, request.POST or None)
        if form.is_valid():
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Two-factor authentication is on."))
            return redirect("admin:index")
        context = {
            **self.each_context(request),
            "title": _("Turn on two-factor authentication"),
            "form": form,
            "key": b32encode(device.bin_key).decode(),
            "config_url": device.config_url,
            # each_context's check would send someone still setting up back to the login page.
            "has_permission": self.has_permission(request),
        }
        return TemplateResponse(request, "admin/two_factor_setup.html", context)

    def missing_translations(self, request):
        return missing_translations_view(request, self)

    def two_factor_qr(self, request):
        if user_has_device(request.user):
            return HttpResponse(status=404)
        image = io.BytesIO()
        write_qrcode_image(unconfirmed_device(request.user).config_url, image)
        return HttpResponse(image.getvalue(), content_type="image/svg+xml")


def unconfirmed_device(user) -> TOTPDevice:
    """The key being set up: kept until confirmed, so the QR code and the check agree."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device
