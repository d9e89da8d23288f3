"""Pressing keys as a keyboard user does, checking after every Tab that focus is visible."""

from tests.support import colours, page_checks

MAX_TAB_STOPS = 60


def focus_problem(focus) -> str | None:
    """Why the reader cannot see where the focus is, or None when they can.

    Some part of the focus style must differ from the unfocused look and stand out from what is
    behind it by 3:1 (WCAG 1.4.11): an outline or a shadow at least 2 px thick, or a background
    change; and the element must be in the window, uncovered (WCAG 2.4.7, 2.4.11).
    """
    where = f'{focus["element"]} "{focus["text"]}"'
    if not focus["inWindow"] or not focus["uncovered"]:
        return f"{where} is focused but hidden or covered"
    now, before, backdrop = focus["focused"], focus["unfocused"], focus["backdrop"]
    if before is None:
        return f"{where} was not on the page when it loaded"
    indicators = []
    if now["outline"] != before["outline"] and now["outlineStyle"] != "none":
        indicators.append((now["outlineColor"], now["outlineWidth"]))
    if now["boxShadow"] != before["boxShadow"]:
        indicators += colours.shadows(now["boxShadow"])
    backgrounds = [backdrop]
    if colours.parse(now["background"])[3] == 1:
        backgrounds.append(now["background"])  # an inset shadow is drawn on the element itself
    if any(
        width >= 2 and max(colours.contrast(colour, back) for back in backgrounds) >= 3
        for colour, width in indicators
    ):
        return None
    if now["background"] != before["background"]:
        new = "rgb({}, {}, {})".format(*colours.over(now["background"], backdrop))
        if colours.contrast(before["background"], new) >= 3 or colours.contrast(backdrop, new) >= 3:
            return None
    return f"{where} has no visible focus indicator ({now}, unfocused {before})"


class Keyboard:
    """Presses keys as a keyboard user does, checking after every Tab that focus is visible."""

    def __init__(self, page):
        self.page = page
        self.remember_look()

    def remember_look(self):
        self.page.evaluate(page_checks.REMEMBER_UNFOCUSED_LOOK)

    def focus(self):
        return self.page.evaluate(page_checks.FOCUSED)

    def press(self, key, may_leave_page=False):
        self.page.keyboard.press(key)
        focus = self.focus()
        if focus is None and may_leave_page:
            return None
        assert focus is not None, f"{key} left nothing focused"
        problem = focus_problem(focus)
        assert problem is None, problem
        return focus

    def tab_through_page(self, limit=MAX_TAB_STOPS):
        """Tab past every link and control, to the end of the page; returns how many."""
        for stops in range(limit):
            if self.press("Tab", may_leave_page=True) is None:
                return stops
        raise AssertionError(f"Tab never left {self.page.url}")

    def tab_to(self, wanted, limit=MAX_TAB_STOPS):
        for _ in range(limit):
            focus = self.press("Tab")
            if wanted(focus):
                return focus
        raise AssertionError(f"Tab never reached the wanted control on {self.page.url}")

    def activate(self, key="Enter"):
        """Press a button or link that loads a new page."""
        with self.page.expect_navigation():
            self.page.keyboard.press(key)
        self.remember_look()
