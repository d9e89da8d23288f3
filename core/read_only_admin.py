"""Model admins for records the site writes by itself, only read in the admin:

- ReadOnlyAdmin: nobody adds or changes one there (staff may delete, e.g. a sign-in lockout);
- PermanentRecordAdmin: nor deletes one, superusers included (the audit log, frozen reports).
"""

from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class PermanentRecordAdmin(ReadOnlyAdmin):
    def has_delete_permission(self, request, obj=None):
        return False
