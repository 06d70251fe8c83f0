"""Static public-information site generator for no-wait administrative procedures."""

__version__ = "0.1.0"
