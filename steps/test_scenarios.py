"""Binds every feature file under features/ (English and Italian) as pytest tests."""

from pytest_bdd import scenarios

scenarios("../features")
