"""Admin widgets that name each of their inputs for assistive technology."""

from django.contrib.admin.widgets import AdminSplitDateTime


class LabelledSplitDateTime(AdminSplitDateTime):
    """Django's date and time inputs, each named after its field ("Starts: Date"): Django's own
    pair has visible "Date:" and "Time:" words but no label for either input, and the field's
    label points at neither (a label belongs to one input)."""

    def __init__(self, label, attrs=None):
        self.label = label
        super().__init__(attrs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        parts = (context["date_label"], context["time_label"])
        for subwidget, part in zip(context["widget"]["subwidgets"], parts, strict=True):
            subwidget["attrs"]["aria-label"] = f"{self.label}: {str(part).rstrip(':')}"
        return context
