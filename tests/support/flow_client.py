"""The eligibility checker driven the way a browser without JavaScript drives it: pressing the
buttons a page shows and sending back the hidden fields its form carries."""

from datetime import date, datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import time_machine

from measure.parameters import TIME_ZONE

# The day the checker's page tests run on (the fixture ``checker_today``).
CHECKER_TODAY = date(2026, 6, 15)


def travel_to(day: date):
    """Fix "today" at noon in Tallinn on ``day``."""
    noon = datetime(day.year, day.month, day.day, 12, tzinfo=ZoneInfo(TIME_ZONE))
    return time_machine.travel(noon, tick=False)


def matching_section(html: str) -> str:
    """The result page's first list of groups: those that apply, when any do."""
    first = html.index("<h2>", html.index('class="result-panel'))
    return html[first : html.index("<h2>", first + 1)]


class Forms(HTMLParser):
    """The forms of a page: their hidden fields, visible inputs and submit buttons."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self.links: list[str] = []
        self.title = ""
        self._in_title = False
        self._button = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.forms.append({**attributes, "inputs": [], "buttons": []})
        elif tag == "input" and self.forms:
            self.forms[-1]["inputs"].append(attributes)
        elif tag == "button" and self.forms:
            self._button = {**attributes, "text": ""}
            self.forms[-1]["buttons"].append(self._button)
        elif tag == "a":
            self.links.append(attributes.get("href", ""))
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "button":
            self._button = None
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._button is not None:
            self._button["text"] += data
        if self._in_title:
            self.title += data


class Browser:
    """Fills in and submits the checker's forms as a browser would, keeping every response."""

    def __init__(self, client, language):
        self.client = client
        self.url = f"/{language}/eligibility/"
        self.responses = []
        self.response = None

    @property
    def html(self) -> str:
        return self.response.content.decode()

    @property
    def page(self) -> Forms:
        return Forms(self.html)

    def _record(self, response):
        assert response.status_code == 200, response.status_code
        self.response = response
        self.responses.append(response)
        return self

    def open(self):
        return self._record(self.client.get(self.url))

    def start(self):
        return self.open().press()

    def _post(self, form, data):
        assert form["method"] == "post"
        return self._record(self.client.post(form["action"], data))

    @staticmethod
    def _hidden(form) -> dict:
        return {i["name"]: i["value"] for i in form["inputs"] if i.get("type") == "hidden"}

    def answer(self, **answers):
        """Fill in the question on the page and press Continue."""
        (form,) = [f for f in self.page.forms if any(i.get("name") == "step" for i in f["inputs"])]
        data = self._hidden(form)
        for name, value in answers.items():
            if isinstance(value, tuple):  # a date as (day, month, year)
                for part, part_value in zip(("day", "month", "year"), value, strict=True):
                    data[f"{name}-{part}"] = str(part_value)
            else:
                data[name] = value
        return self._post(form, data)

    def press(self, value: str | None = None, text: str = ""):
        """Press a button: the one with this value (``go=value``) and text, or the first one."""
        for form in self.page.forms:
            for button in form["buttons"]:
                if (value is None or button.get("value") == value) and button["text"].startswith(
                    text
                ):
                    data = self._hidden(form)
                    if button.get("name"):
                        data[button["name"]] = button["value"]
                    return self._post(form, data)
        raise AssertionError(f"no button {value!r} on the page")

    def radio_values(self) -> list[str]:
        """The values of the radios on the page, in order."""
        return [
            i["value"] for f in self.page.forms for i in f["inputs"] if i.get("type") == "radio"
        ]

    def question(self) -> str:
        (step,) = [
            i["value"] for f in self.page.forms for i in f["inputs"] if i.get("name") == "step"
        ]
        return step


def refugee_two_years(browser):
    return (
        browser.start()
        .answer(estonian_citizen="no")
        .answer(citizenship="third_country")
        .answer(residence_basis="international_protection")
        .answer(protection="refugee")
        .answer(resident_since=(15, 6, 2024))
        .answer(lived_abroad="no")
    )


def returned_citizen(browser, *, returned_on=(15, 3, 2026), adult="yes"):
    return (
        browser.start()
        .answer(estonian_citizen="by_birth")
        .answer(returned="yes")
        .answer(returned_on=returned_on)
        .answer(population_register="yes")
        .answer(adult=adult)
    )
