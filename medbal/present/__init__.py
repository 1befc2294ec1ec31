"""Views of results and the formats that show them; the one present step."""
