"""motcua — one-stop (một cửa, một cửa liên thông) handling of administrative procedures."""

__version__ = "0.1.0"
