"""Shared pytest hooks and the Hypothesis profiles."""
import os

import pytest
from hypothesis import settings


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item (``item.rep_call``), so fixtures can see a failure."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


# Hypothesis: the normal run is repeatable (the same examples every time, so a green run stays green)
# and has no per-example deadline (a wall-clock limit would make a loaded machine fail a correct test);
# authors hunt for new edge cases with HYPOTHESIS_PROFILE=explore (random, many more examples).
settings.register_profile("repeatable", derandomize=True, print_blob=True, deadline=None)
settings.register_profile("explore", derandomize=False, max_examples=1000, print_blob=True, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
