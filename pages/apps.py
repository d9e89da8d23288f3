from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Site content")

    def ready(self):
        from staff.start_page import Section, add_section

        from .start_page import drafts_section

        add_section(Section("drafts", "admin/start_page/drafts.html", drafts_section, order=20))
