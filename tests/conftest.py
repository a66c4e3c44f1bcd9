"""Shared pytest hooks."""
import pytest


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item (``item.rep_call``), so fixtures can see a failure."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
