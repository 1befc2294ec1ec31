"""The bilingual words of the interface and the rules of Chinese typesetting."""
