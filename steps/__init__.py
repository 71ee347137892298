"""pytest-bdd step definitions: customer words (English and Italian) to storefront actions and checks."""
