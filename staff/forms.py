"""The forms of staff sign-in: password (and one-time code), and confirming a new authenticator."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device
from django_otp.admin import OTPAdminAuthenticationForm
from django_otp.plugins.otp_totp.models import TOTPDevice


class StaffAuthenticationForm(OTPAdminAuthenticationForm):
    """User name and password; the one-time code too, for staff who have two-factor on."""

    otp_token = forms.CharField(
        required=False,
        label=_("Code from your authenticator app"),
        help_text=_("Only if you have turned on two-factor authentication."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def _chosen_device(self, user):
        # Staff have one authenticator app each (set up on the two-factor page): no device menu.
        chosen = super()._chosen_device(user)
        return chosen or TOTPDevice.objects.devices_for_user(user, confirmed=True).first()

    def clean(self):
        self.cleaned_data = AdminAuthenticationForm.clean(self)
        user = self.get_user()
        if user is not None and user_has_device(user):
            self.clean_otp(user)
        return self.cleaned_data


class ConfirmCodeForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = self.cleaned_data["token"].strip().replace(" ", "")
        if not self.device.verify_token(token):
            raise forms.ValidationError(
                _("That code is not right. Enter the code your app shows now."), code="invalid"
            )
        return token
