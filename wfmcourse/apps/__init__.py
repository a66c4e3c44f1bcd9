"""Apps: the command line, the staffing calculator, the consultant dashboard and the glossary
explorer. Thin layers over presentation, domain and data."""
