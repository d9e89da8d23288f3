from django.contrib.admin.apps import AdminConfig


class StaffAdminConfig(AdminConfig):
    """Django's admin, with the site every `admin.register` uses replaced by ours."""

    default_site = "staff.admin_site.StaffAdminSite"

    def ready(self):
        super().ready()  # discovers every app's admin module
        from django.contrib import admin

        from .admin_words import use_our_words
        from .missing_translations import missing_translations_section
        from .sign_in_admin import replace_third_party_admins
        from .start_page import Section, add_section

        replace_third_party_admins(admin.site)
        use_our_words(admin.site)
        add_section(
            Section(
                "missing-translations",
                "admin/start_page/missing_translations.html",
                missing_translations_section,
                order=10,
            )
        )
