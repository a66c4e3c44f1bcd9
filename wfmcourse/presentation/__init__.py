"""Presentation layer: Dutch number formatting and parsing, the Dutch message table keyed on
typed errors, charts and the Excel writer. Builds on domain and data; knows no widgets."""
