"""The report page in the admin: the figures of a period (live) or of a frozen period, their
downloads (each written to the audit log), freezing a period, and the start page's link.

Registered under the frozen reports' admin (reports/admin.py), as an admin view: staff with the
`reports.view_reports` permission (Coordinators) may open it; freezing needs
`reports.add_frozenreport`.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from audit.log import record
from audit.models import AuditEntry

from .exports import FORMATS, export
from .figures import PARTICIPANT_RULE, figures
from .forms import PeriodForm
from .models import FrozenReport
from .rows import report_rows
from .tables import column_headings, tables, total

VIEW_PERMISSION = "reports.view_reports"
FREEZE_PERMISSION = "reports.add_frozenreport"


def may_view(request):
    return request.user.has_perm(VIEW_PERMISSION)


def require_view(request):
    if not may_view(request):
        raise PermissionDenied


def period_figures(start, end):
    return figures(report_rows(start, end), start, end)


def download_links(query: dict):
    """[(label, url)] of the four downloads of a report."""
    url = reverse("admin:reports_download")
    links = []
    for file_format in FORMATS:
        for publication, label in (
            (False, _("%(format)s, all counts")),
            (True, _("%(format)s, for publication (counts under 5 hidden)")),
        ):
            parameters = query | {"format": file_format}
            if publication:
                parameters["publication"] = "1"
            name = label % {"format": file_format.upper()}
            links.append((name, f"{url}?{urlencode(parameters)}"))
    return links


def report_context(site, request, report_figures, query, **extra):
    return (
        site.each_context(request)
        | {
            "title": _("Reports"),
            "rule": PARTICIPANT_RULE,
            "figures": report_figures,
            "tables": tables(report_figures) if report_figures else [],
            "total": total(report_figures) if report_figures else [],
            "columns": column_headings(),
            "downloads": download_links(query) if report_figures else [],
            "frozen_reports": FrozenReport.objects.all()[:50],
            "may_freeze": request.user.has_perm(FREEZE_PERMISSION),
        }
        | extra
    )


def report_view(request, site):
    """GET: the figures of the period asked for (the project's whole period at first)."""
    require_view(request)
    form = PeriodForm.from_query(request.GET)
    report_figures = query = None
    if form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        report_figures = period_figures(start, end)
        query = {"start": start.isoformat(), "end": end.isoformat()}
    context = report_context(site, request, report_figures, query or {}, form=form)
    return TemplateResponse(request, "admin/reports/report.html", context)


def frozen_view(request, site, pk):
    require_view(request)
    frozen = get_object_or_404(FrozenReport, pk=pk)
    context = report_context(
        site, request, frozen.figures, {"frozen": frozen.pk}, frozen=frozen, form=PeriodForm()
    )
    context["title"] = _("Frozen report")
    return TemplateResponse(request, "admin/reports/report.html", context)


def freeze_view(request, site):
    """POST: store the figures of the period as they are now."""
    if request.method != "POST" or not request.user.has_perm(FREEZE_PERMISSION):
        raise PermissionDenied
    form = PeriodForm(request.POST)
    if not form.is_valid():
        context = report_context(site, request, None, {}, form=form)
        return TemplateResponse(request, "admin/reports/report.html", context)
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    frozen = FrozenReport.objects.create(
        period_start=start,
        period_end=end,
        frozen_by=request.user,
        frozen_by_name=request.user.get_username(),
        figures=period_figures(start, end),
    )
    record(request, AuditEntry.Action.FROZE_REPORT, frozen)
    messages.success(request, _("The figures of the period are frozen."))
    return redirect("admin:reports_frozen", pk=frozen.pk)


def download_view(request, site):
    """A report as CSV or XLSX: the period's live figures, or a frozen report's."""
    require_view(request)
    file_format = request.GET.get("format")
    if file_format not in FORMATS:
        return redirect("admin:reports_report")
    publication = request.GET.get("publication") == "1"
    frozen = None
    if "frozen" in request.GET:
        frozen_id = request.GET["frozen"]
        frozen = get_object_or_404(FrozenReport, pk=frozen_id if frozen_id.isdigit() else 0)
        report_figures = frozen.figures
    else:
        form = PeriodForm(request.GET)
        if not form.is_valid():
            return redirect(f"{reverse('admin:reports_report')}?{request.GET.urlencode()}")
        report_figures = period_figures(form.cleaned_data["start"], form.cleaned_data["end"])
    period = f"{report_figures['start']}–{report_figures['end']}"
    kind = " publication" if publication else ""
    record(request, AuditEntry.Action.EXPORTED_REPORT, frozen, f"{period} {file_format}{kind}")
    name = f"participants_{report_figures['start']}_{report_figures['end']}"
    name += "_publication" if publication else ""
    response = HttpResponse(export(report_figures, file_format, publication), FORMATS[file_format])
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response


def reports_section(request, site):
    """The start page's link to the report page, for those who may open it."""
    if not may_view(request):
        return None
    return {"url": reverse("admin:reports_report"), "frozen": FrozenReport.objects.count()}
