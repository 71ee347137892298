"""Page objects: one package per site, each implementing the `Storefront` of `pages.storefront`."""
