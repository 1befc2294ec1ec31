"""The bounds of the format's values, named once: the field table (medbal.files.spec)
gives them to the loaders and the JSON Schemas, and medbal.files.invariants checks a
cached tree against them without importing the table (a one-shot call reads its trees
from the cache and never needs the rest of it)."""

ID_PATTERN = "^[a-z0-9][a-z0-9-]*$"
SOURCE_PATTERN = (
    r"^(seed-\d{3}|law-art-\d+|local:.+|gov-\d{4}-\d+|nhsa-[a-z0-9-]+|reform-\d{4}"
    r"|scope-in-policy)$"
)
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
CATEGORY_NUMBER = (1, 99)  # what people type after `medbal docs`
CHECKLIST = CATEGORY_NUMBER  # an outcome's category
DEADLINE_AMOUNT = (1, 1000)
REVIEW_MONTHS = (1, 120)
