"""Tests of the engine: money, journeys, promises and findings, mirroring checkout_integrity/."""
