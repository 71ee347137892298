"""Tests of the demo hotel site over real HTTP: the journey, the gateway, the test endpoints and every fault."""
