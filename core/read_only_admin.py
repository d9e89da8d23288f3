"""A model admin for records that are written by the site and only read in the admin (the audit
log, frozen reports): nobody adds, changes or deletes one there, superusers included."""

from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
