"""The storefront of any shop that has a site profile (`profiles/*.toml`): no Python per site."""

from pages.profiled.storefront import ProfiledStorefront

__all__ = ["ProfiledStorefront"]
