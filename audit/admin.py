"""The audit log in the admin: a list to read, never to add to, change or delete from."""

from django.contrib import admin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("at", "username", "action", "what", "address")
    list_filter = ("action", ("at", admin.DateFieldListFilter))
    date_hierarchy = "at"
    search_fields = ("username", "what")
    fields = ("at", "username", "action", "what", "object_type", "object_id", "address")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
