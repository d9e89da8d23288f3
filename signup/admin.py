"""Sign-ups for staff: who signed up for an event and how their e-mails went, signing people up
by phone or in person (the same rules as the website: signup.booking), marking attendance.

Names and contacts are shown only to users with "Can see participants' names and contacts"
(signup.view_participants); every place that shows them calls participants_seen().
"""

from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from audit import log as audit_log
from audit.models import AuditEntry
from outbox.queries import messages_about

from . import booking
from .models import Registration
from .texts import REFUSALS

STAFF_CHANNELS = [
    (Registration.Channel.PHONE, Registration.Channel.PHONE.label),
    (Registration.Channel.IN_PERSON, Registration.Channel.IN_PERSON.label),
]


CHANGE_FIELDS = ["event", "status", "channel", "name", "email", "phone", "language", "children"]
CHANGE_FIELDS += ["needs", "target_groups", "created_at", "anonymised_at", "emails"]


def participants_seen(request, queryset_or_obj):
    """Wherever participants' names and contacts are shown, the audit log records who saw them
    (only those with the permission see them at all)."""
    if request.user.has_perm("signup.view_participants"):
        audit_log.record(request, AuditEntry.Action.VIEWED_PARTICIPANTS, queryset_or_obj)


class StaffSignupForm(forms.ModelForm):
    channel = forms.ChoiceField(label=_("signed up"), choices=STAFF_CHANNELS)
    needs = forms.MultipleChoiceField(
        label=_("needs"),
        required=False,
        choices=Registration.Need.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Registration
        fields = ["event", "channel", "name", "email", "phone", "language"]
        fields += ["children", "needs", "target_groups"]
        widgets = {"target_groups": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = self.fields["event"].queryset.filter(capacity__isnull=False)
        self.fields["name"].required = True

    def _post_clean(self):
        """The sign-up itself, with the website's rules, so that a refusal shows on the form.
        It runs inside the admin's transaction: a later error undoes it."""
        super()._post_clean()
        data = self.cleaned_data
        if self.errors:
            return
        if not data.get("email") and not data.get("phone"):
            self.add_error("phone", _("Enter an e-mail address or a phone number"))
            return
        person = booking.Person(
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            language=data["language"],
            children=data["children"] or 0,
            needs=tuple(data["needs"]),
            target_groups=tuple(data["target_groups"]),
        )
        try:
            self.instance, _created = booking.sign_up(
                data["event"].pk, person, channel=data["channel"]
            )
        except booking.Refused as refused:
            self.add_error(None, REFUSALS[refused.reason])


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ("name", "event", "status", "channel", "children", "language", "created_at")
    list_filter = ("status", "channel", "language")
    list_select_related = ("event",)
    search_fields = ("name", "email", "phone")
    date_hierarchy = "created_at"
    actions = ["mark_attended", "cancel_signups"]
    readonly_fields = ("emails",)
    raw_id_fields = ()

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("signup.view_participants") and super().has_view_permission(
            request, obj
        )

    def has_add_permission(self, request):
        return request.user.has_perm("signup.view_participants") and super().has_add_permission(
            request
        )

    def has_change_permission(self, request, obj=None):
        return self.has_view_permission(request, obj) and super().has_change_permission(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return False  # personal data goes by anonymising, the counts stay

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = StaffSignupForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return StaffSignupForm.Meta.fields
        return CHANGE_FIELDS

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else self.get_fields(request, obj)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("channel", Registration.Channel.PHONE)
        return initial

    def save_model(self, request, obj, form, change):
        if change:  # everything is read-only: status changes go through the actions
            return
        participants_seen(request, obj)

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        if hasattr(response, "context_data") and "cl" in response.context_data:
            participants_seen(request, response.context_data["cl"].result_list)
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        original = getattr(response, "context_data", {}).get("original")
        if original is not None:
            participants_seen(request, original)
        return response

    @admin.display(description=_("e-mails"))
    def emails(self, registration):
        sent = messages_about(registration)
        if not sent:
            return _("none")
        return format_html_join(
            "",
            "<div>{} – {} ({})</div>",
            ((email.created_at, email.kind, email.get_status_display()) for email in sent),
        )

    @admin.action(description=_("Mark attended"))
    def mark_attended(self, request, queryset):
        marked = queryset.filter(status=Registration.Status.CONFIRMED).update(
            status=Registration.Status.ATTENDED
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d sign-up marked attended.", "%(count)d sign-ups marked attended.", marked
            )
            % {"count": marked},
            messages.SUCCESS,
        )

    @admin.action(description=_("Cancel the sign-ups (the places go to those waiting)"))
    def cancel_signups(self, request, queryset):
        cancelled = sum(
            booking.cancel(pk) is not None for pk in queryset.values_list("pk", flat=True)
        )
        self.message_user(
            request,
            ngettext("%(count)d sign-up cancelled.", "%(count)d sign-ups cancelled.", cancelled)
            % {"count": cancelled},
            messages.SUCCESS,
        )
