"""Root conftest: a router that loads the fixtures and the step libraries."""

pytest_plugins = [
    "fixtures.customers",
    "fixtures.mailbox",
    "fixtures.site",
    "fixtures.clock",
    "fixtures.browsers",
    "fixtures.remote",
    "fixtures.journeys",
    "fixtures.verdicts",
    "steps.booking",
    "steps.devices",
    "steps.ease",
    "steps.promises",
]
