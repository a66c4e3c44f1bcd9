"""Helper package for the WFM course."""
__version__ = "0.1.0"
