"""Catalog modules: one per section of the app, each defining EN and ZH with the same keys."""
