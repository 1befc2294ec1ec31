"""Renderers: each turns the same `Page` (see sections.py) into one output format."""
