"""The admin's start page: what needs a staff member's attention, in sections that apps add.

staff/ knows no app: an app adds its section in its AppConfig.ready(), e.g.

    from staff.start_page import Section, add_section

    add_section(Section("drafts", "admin/start_page/drafts.html", drafts, order=20))

`context(request, site)` returns the section template's context, or None when the section has
nothing for this staff member (e.g. they may not see those items). Sections are shown by
`order`, then name; adding a section under a name already taken replaces it (ready() may run
twice in tests).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse


@dataclass(frozen=True)
class Section:
    name: str
    template_name: str
    context: Callable[[HttpRequest, object], dict | None]
    order: int = 50


_sections: dict[str, Section] = {}


def add_section(section: Section) -> None:
    _sections[section.name] = section


def sections() -> list[Section]:
    return sorted(_sections.values(), key=lambda section: (section.order, section.name))


def shown_sections(request, site) -> list[dict]:
    """[{"name", "template_name", "context"}] of the sections this staff member gets."""
    shown = []
    for section in sections():
        context = section.context(request, site)
        if context is not None:
            shown.append(
                {"name": section.name, "template_name": section.template_name, "context": context}
            )
    return shown


def viewable(request, site, model) -> bool:
    """Whether the staff member may see the admin's list of `model` (a section about it is
    shown to them only then)."""
    return site.is_registered(model) and site.get_model_admin(model).has_view_permission(request)


def admin_url(site, model, view, *args) -> str:
    """The address of one of the admin's pages of `model`: "changelist", "change" …"""
    opts = model._meta
    return reverse(f"{site.name}:{opts.app_label}_{opts.model_name}_{view}", args=args)
