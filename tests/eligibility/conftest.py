import pytest

from tests.support.flow_client import CHECKER_TODAY, travel_to


@pytest.fixture
def checker_today():
    """The checker's "today", fixed at noon in Tallinn, so that every date on its pages is exact."""
    with travel_to(CHECKER_TODAY):
        yield CHECKER_TODAY
