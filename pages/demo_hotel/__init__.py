"""Page objects of the bundled demo hotel site."""

from pages.demo_hotel.storefront import DemoHotel

__all__ = ["DemoHotel"]
