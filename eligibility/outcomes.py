"""The result page's presenter: the engine's decision in words, one outcome per target group,
with the link to each group's page."""

from dataclasses import dataclass

from measure.rules import Decision, Group
from pages.models import GROUP_NAMES, Page, TargetGroup

from .reasons import date_notes, reason_text

# Reasons about the project period are the same for every group: the page says them once.
PROJECT_PERIOD_REASONS = ("project_not_started", "project_ended")


@dataclass(frozen=True)
class GroupOutcome:
    """One group on the result page, in words."""

    code: Group
    name: str
    url: str | None
    eligible: bool
    reasons: list[str]
    notes: list[str]  # the dates that matter: until when, from when, what comes next


def group_outcomes(decision: Decision) -> list[GroupOutcome]:
    index = Page.objects.published().target_groups_index()
    groups = TargetGroup.linked(list(TargetGroup.objects.published()), index) if index else []
    urls = {group.code: group.url for group in groups}
    return [
        GroupOutcome(
            code=result.group,
            name=GROUP_NAMES[result.group],
            url=urls.get(result.group),
            eligible=result.eligible,
            reasons=[
                reason_text(reason)
                for reason in result.reasons
                if reason.code not in PROJECT_PERIOD_REASONS
            ],
            notes=date_notes(result),
        )
        for result in decision.results
    ]


def project_notice(decision: Decision) -> str | None:
    """Outside the project period: the one sentence saying the project is not running."""
    for reason in decision.results[0].reasons:
        if reason.code in PROJECT_PERIOD_REASONS:
            return reason_text(reason)
    return None
