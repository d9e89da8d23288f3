"""The sign-up form, for residents on the website and (with a channel) for staff."""

import re
import secrets

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from pages.models import TargetGroup

from .booking import Person
from .models import Registration
from .parameters import MAX_CHILDREN

PHONE = re.compile(r"^\+?[0-9 ()-]{5,30}$")
MIN_PHONE_DIGITS = 5


def group_choices():
    groups = TargetGroup.objects.published().order_by("ordering", "pk")
    return [(group.code, group.title) for group in groups]


class SignupForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        error_messages={"required": _("Enter your name")},
        widget=forms.TextInput(attrs={"autocomplete": "name", "class": "input"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Enter an e-mail address like name@example.com")},
        widget=forms.EmailInput(
            attrs={"autocomplete": "email", "spellcheck": "false", "class": "input"}
        ),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel", "class": "input"}),
    )
    language = forms.ChoiceField(
        label=_("Language we should write to you in"),
        choices=settings.LANGUAGES,
        widget=forms.Select(attrs={"class": "input"}),
    )
    children = forms.IntegerField(
        label=_("Accompanying children (optional)"),
        required=False,
        min_value=0,
        max_value=MAX_CHILDREN,
        error_messages={
            "invalid": _("Enter the number of children as a whole number, like 2"),
            "min_value": _("The number of children cannot be below 0"),
            "max_value": _("You can sign up at most %(limit_value)s children"),
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "input input--width-2"}),
    )
    needs = forms.MultipleChoiceField(
        label=_("Do you need any of these? (optional)"),
        required=False,
        choices=Registration.Need.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Which of these groups do you belong to? (optional)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # A double click sends the same key twice: the second finds the first sign-up.
    form_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    # The honeypot: hidden from people (and from screen readers), filled in by scripts.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    def __init__(self, *args, language=None, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_groups"].choices = group_choices()
        self.fields["language"].initial = language or get_language()
        self.fields["target_groups"].initial = list(groups)
        self.fields["form_key"].initial = secrets.token_urlsafe(24)

    def describe_fields(self, hints):
        """Point each field at its hint and error message (aria-describedby), as GOV.UK does;
        `hints` is {field name: text}."""
        for name, field in self.fields.items():
            described = [f"{name}-hint"] if name in hints else []
            if self.is_bound and self.errors.get(name):
                described.append(f"{name}-error")
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)
            self[name].hint = hints.get(name)

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = sum(character.isdigit() for character in phone)
        if phone and (not PHONE.match(phone) or digits < MIN_PHONE_DIGITS):
            raise forms.ValidationError(
                _("Enter a phone number with digits only, like +372 5555 5555")
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("email") and not cleaned.get("phone"):
            self.add_error("email", _("Enter an e-mail address or a phone number"))
        return cleaned

    def is_bot(self):
        return bool(self.data.get("website"))

    def person(self):
        data = self.cleaned_data
        groups = TargetGroup.objects.filter(code__in=data["target_groups"])
        return Person(
            name=data["name"].strip(),
            email=data["email"],
            phone=data["phone"],
            language=data["language"],
            children=data["children"] or 0,
            needs=tuple(data["needs"]),
            target_groups=tuple(groups),
        )
