from django.contrib.admin.apps import AdminConfig


class StaffAdminConfig(AdminConfig):
    """Django's admin, with the site every `admin.register` uses replaced by ours."""

    default_site = "staff.admin_site.StaffAdminSite"
