"""The audit log in the admin: a list to read, never to add to, change or delete from."""

from django.contrib import admin

from core.read_only_admin import PermanentRecordAdmin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(PermanentRecordAdmin):
    list_display = ("at", "username", "action", "what", "address")
    list_filter = ("action", ("at", admin.DateFieldListFilter))
    date_hierarchy = "at"
    search_fields = ("username", "what")
    fields = ("at", "username", "action", "what", "object_type", "object_id", "address")
    readonly_fields = fields
