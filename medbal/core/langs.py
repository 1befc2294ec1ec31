"""The languages and the character ranges every layer shares.

Kept apart from medbal.core.model, with no imports at all: the words of an error
(medbal.i18n) need these, and an error that comes while the model is still being
imported, a Ctrl-C say, must not import the model (and Python's decimal) again.
"""

LANGS = ("en", "zh")
# Han characters and CJK punctuation (、。，：；（）…), as a regex character range.
CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
# Control and direction-override characters: refused in every text a file holds (by
# medbal.files.yamlread when loading, by medbal.files.cache when reading a stored entry back).
UNSAFE_TEXT = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
