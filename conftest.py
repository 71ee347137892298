"""Root conftest: a router that loads the fixtures and the step libraries."""

pytest_plugins = [
    "fixtures.site",
    "fixtures.customers",
    "fixtures.clock",
    "fixtures.browsers",
    "fixtures.journeys",
    "fixtures.bank",
    "steps.booking",
    "steps.promises",
]
