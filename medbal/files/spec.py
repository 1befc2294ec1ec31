"""The tree file format, as data: which fields each object has, of which type.

The builders are driven by this table: every value field (text, id, a whole number
with its bounds, a date, an amount, a choice, sources, a list of texts or ids, a
region, an outcome's categories) is read by its type (medbal.files.fields.READERS)
into the model field of the same name, and an unknown or a missing field is judged
by it (Reader.mapping).  The builders add only lists and maps of objects and the
rules between fields.  `medbal tree schema` turns the same table into the JSON
Schemas committed under trees/schema/ for editors (medbal.files.schema), so a new
value field is one line here (and the model's field); a test fails while a
committed schema lags behind.
"""

from __future__ import annotations

import functools

from medbal.core.kinds import KINDS
from medbal.core.model import LANGS, Record
from medbal.files.limits import (
    CATEGORY_NUMBER,
    CHECKLIST,
    DEADLINE_AMOUNT,
    REVIEW_MONTHS,
)


class Field(Record, frozen=True):
    name: str
    type: str  # a key of medbal.files.fields.READERS, "list:OBJ", "map:OBJ", "object:OBJ"
    # (one object of the table) or "enum:A|B"
    required: bool
    doc: str
    low: int = 0  # an int's bounds, for the loader and the schema alike
    high: int = 10**9


def _f(
    name: str, type_: str, doc: str, required: bool = True, low: int = 0, high: int = 10**9
) -> Field:
    return Field(name, type_, required, doc, low, high)


_DATED = (
    _f("reference", "text", "The legal or official document this rests on.", False),
    _f("reviewed", "date", "When this was last checked against its sources (YYYY-MM-DD).", False),
    _f("valid_from", "date", "The first day this rule applies (YYYY-MM-DD).", False),
    _f("valid_until", "date", "The last day this rule applies (YYYY-MM-DD).", False),
)


def _region(doc: str, required: bool = False) -> Field:
    return _f(
        "region",
        "region",
        doc + " An id of REGIONS (medbal/i18n/sources.py: xiamen, zigui, older-local, "
        "many-places), "
        "a name {" + ", ".join(f"{la}: ..." for la in LANGS) + "}, or national.",
        required,
    )


_FILE_DATES = (
    _f(
        "reviewed", "date", "When the whole file was last checked (default for its entries).", False
    ),
    _f(
        "review_months",
        "int",
        "How many months a review holds before validate warns (default 12).",
        False,
        *REVIEW_MONTHS,
    ),
)

OBJECTS: dict[str, tuple[Field, ...]] = {
    "decision-tree": (
        _f("kind", "enum:decision-tree", "What this file holds."),
        _f("id", "id", "The tree id; also the file name (ID.yaml)."),
        _f("title", "text", "What the tree answers, as a person would ask it."),
        _f("description", "text", "Shown before the first question.", False),
        _f("start", "id", "The id of the first question (or outcome)."),
        _f("questions", "map:question", "Questions by id."),
        _f("outcomes", "map:outcome", "Outcomes by id."),
        *_FILE_DATES,
    ),
    "question": (
        _f(
            "kind",
            "enum:" + "|".join(KINDS),
            "What the question asks for (medbal/core/kinds): choice, the default, one of "
            "its options; date, a day, answered as YYYY-MM-DD.",
            False,
        ),
        _f("text", "text", "The question."),
        _f("help", "text", "How to find the answer out (shown on '?').", False),
        _f(
            "options",
            "list:option",
            "A choice question's answers: at least two, each leading somewhere.",
            False,
        ),
        _f("next", "id", "Where a date question leads: the question or outcome after it.", False),
        _f(
            "label",
            "text",
            "What a date question's date is (the baby's date of birth), shown with the answer.",
            False,
        ),
        _f(
            "skip",
            "text",
            "A date question's answer for a person who does not know the date or would rather "
            "not give it (--answer QUESTION=not-sure): it leads to 'next' too, and no day is "
            "counted.",
            False,
        ),
    ),
    "option": (
        _f("value", "id", "What a script passes: --answer QUESTION=VALUE. Quote yes/no."),
        _f("label", "text", "What a person reads."),
        _f("next", "id", "The question or outcome this answer leads to."),
    ),
    "outcome": (
        _f("title", "text", "The finding, in a few words."),
        _f("explanation", "text", "What is going on."),
        _f("pooled_fund", "text", "Whether and when the pooled fund still pays.", False),
        _f("next_steps", "list:text", "What to do, in order."),
        _f("where_to_check", "list:text", "Where the person can confirm it."),
        _f("caveat", "text", "What the sources leave vague or disagree on.", False),
        _f(
            "checklist",
            "checklist",
            "The number of the reimbursement category this outcome leads to, or a list of them.",
            False,
            *CHECKLIST,
        ),
        _region("The outcome is one region's rule: the default of its texts."),
        _f(
            "sources",
            "sources",
            "seed-NNN, law-art-N, gov-YYYY-N, nhsa-NAME, "
            "reform-YYYY (medbal/i18n/sources.py) or local:NAME references.",
        ),
        _f(
            "due",
            "object:due",
            "The date a deadline falls on, counted from a date the person gives.",
            False,
        ),
        *_DATED,
    ),
    "due": (
        _f("question", "id", "The date question it counts from, asked on every path here."),
        _f(
            "deadline",
            "id",
            "The id of a deadline, with an amount and a unit, of a category this outcome "
            "leads to ('checklist'): the rule counted, and whose rule it is.",
        ),
        _f(
            "late",
            "text",
            "What is still possible once the date has passed (never that all is lost).",
        ),
    ),
    "checklists": (
        _f("kind", "enum:checklists", "What this file holds."),
        _f("id", "id", "The file's id: 'reimbursement' for the claim checklists."),
        _f("title", "text", "The title of the printed set."),
        _region("Whose rules these are: the default of every entry (national: none).", True),
        _f("region_note", "text", "The reminder that rules vary and to confirm locally."),
        _f("sources", "sources", "Where the whole file comes from."),
        _f(
            "no_deadline",
            "text",
            "The deadline line of a category whose sources give no "
            "deadline for the claim (every category shows one).",
        ),
        _f(
            "common_documents",
            "list:common_document",
            "Documents that several categories need, each for the categories it names.",
        ),
        _f(
            "guidance",
            "list:guidance",
            "Rules shown on the sheets of the categories they name.",
            False,
        ),
        _f("claim_steps", "list:step", "How a claim goes, in order."),
        _f("legal_basis", "list:step", "The law behind claims."),
        _f("categories", "list:category", "The reimbursement categories."),
        *_FILE_DATES,
    ),
    "checklists-patch": (
        _f("kind", "enum:checklists", "What this file holds."),
        _f(
            "extends",
            "id",
            "The id of the checklists file this patch is laid over "
            "('reimbursement'); the patch holds only what changes.",
        ),
        _f("title", "text", "Replaces the title.", False),
        _region("Replaces the file's region: the overlay's own."),
        _f("region_note", "text", "Replaces the region note.", False),
        _f("no_deadline", "text", "Replaces the 'no deadline given' line.", False),
        _f("sources", "sources", "Replaces the file's sources.", False),
        _f("claim_steps", "list:step", "Replaces the claim steps.", False),
        _f("legal_basis", "list:step", "Replaces the legal basis.", False),
        _f("guidance", "list:guidance", "Replaces the guidance, all groups.", False),
        _f("add_common_documents", "list:common_document", "Common documents to add.", False),
        _f("remove_common_documents", "list:id", "Ids of common documents to remove.", False),
        _f("categories", "map:category_patch", "Changes to categories, by slug.", False),
        _f("add_categories", "list:category", "New categories, written out whole.", False),
        *_FILE_DATES,
    ),
    "category_patch": (
        _f("title", "text", "Replaces the title.", False),
        _f("applies_when", "text", "Replaces 'applies_when'.", False),
        _f("deadlines", "list:deadline", "Replaces the deadlines.", False),
        _f("conditions", "list:text", "Replaces the conditions.", False),
        _f("documents", "list:document", "Replaces the documents.", False),
        _f("add_documents", "list:document", "Documents to add after the others.", False),
        _f("remove_documents", "list:id", "Ids of documents to remove.", False),
        _f("variants", "list:variant", "Replaces the variants.", False),
        _f("notes", "list:text", "Replaces the notes.", False),
        _f("sources", "sources", "Replaces the sources.", False),
        _region("Replaces the category's region."),
        *_DATED,
    ),
    "common_document": (
        _f("id", "id", "The document's id."),
        _f("text", "text", "What to bring."),
        _f(
            "sources",
            "sources",
            "Where the sources name it; leave out (and say so in the text) where none does.",
            False,
        ),
        _f(
            "categories",
            "list:id",
            "The slugs of the categories it applies to (default: all).",
            False,
        ),
    ),
    "guidance": (
        _f("id", "id", "The group's id."),
        _f("title", "text", "Its heading on the sheet."),
        _f(
            "categories",
            "list:id",
            "The slugs of the categories it applies to (default: all).",
            False,
        ),
        _f("items", "list:step", "The rules, each with its sources."),
        _region("The group is one region's rules: the default of its items (else the file's)."),
    ),
    "category": (
        _f(
            "number",
            "int",
            "1, 2, ...: what people type after 'medbal docs'.",
            True,
            *CATEGORY_NUMBER,
        ),
        _f("slug", "id", "The short name, for example short-trip."),
        _f("title", "text", "The situation."),
        _f("applies_when", "text", "When this category applies."),
        _f("deadlines", "list:deadline", "Time limits and durations, as data and text.", False),
        _f("conditions", "list:text", "Other conditions.", False),
        _f(
            "documents",
            "list:document",
            "Documents for this category (may be empty when variants list them).",
        ),
        _f("variants", "list:variant", "Cases with documents of their own.", False),
        _f("notes", "list:text", "Anything else to know.", False),
        _region("The category is one region's rule (else the file's region)."),
        _f(
            "sources",
            "sources",
            "seed-NNN, law-art-N, gov-YYYY-N, nhsa-NAME, "
            "reform-YYYY (medbal/i18n/sources.py) or local:NAME references.",
        ),
        *_DATED,
    ),
    "deadline": (
        _f("id", "id", "How an outcome's 'due' names this deadline.", False),
        _f(
            "kind",
            "enum:within|at-least|in-advance|after|claim|not-stated",
            "within N units of an event; at least N units; in advance; after an event; the "
            "claim itself within N units of an event; not stated in the sources.",
        ),
        _f("text", "text", "The rule in words."),
        _f("amount", "int", "N, where the source gives a number.", False, *DEADLINE_AMOUNT),
        _f("unit", "enum:day|month|year", "The unit of amount.", False),
        _f("event", "text", "What the time counts from.", False),
        _region("The deadline is one region's rule (else its category's)."),
        _f("sources", "sources", "Where the deadline comes from (else its category's).", False),
    ),
    "variant": (
        _f("id", "id", "The variant's id."),
        _f("title", "text", "The case."),
        _f("applies_when", "text", "When this case applies."),
        _f("conditions", "list:text", "Conditions of this case.", False),
        _f(
            "documents",
            "list:document",
            "Documents this case needs besides the category's (may be empty).",
        ),
    ),
    "document": (
        _f("id", "id", "The document's id."),
        _f("text", "text", "What to bring."),
        _f("sources", "sources", "seed-NNN or other references.", False),
    ),
    "step": (
        _f("text", "text", "The step or the provision."),
        _f(
            "sources",
            "sources",
            "seed-NNN, law-art-N, gov-YYYY-N, nhsa-NAME, "
            "reform-YYYY (medbal/i18n/sources.py) or local:NAME references.",
        ),
        _region("The step or item is one region's rule (else its group's or file's)."),
    ),
    "rates": (
        _f("kind", "enum:rates", "What this file holds."),
        _f("id", "id", "The file's id: 'rates'."),
        _f("title", "text", "What the rates are for."),
        _f("default_region", "id", "The region used without --region."),
        _f("regions", "list:region", "Each region's rates."),
        *_FILE_DATES,
    ),
    "region": (
        _f("id", "id", "What --region takes."),
        _f("name", "text", "The region, and whose example it is."),
        _f("applies_to", "text", "Which bills these rates are for."),
        _f(
            "threshold",
            "amount",
            "The deductible threshold in yuan; leave out where the source gives none.",
            False,
        ),
        _f(
            "cap",
            "amount",
            "The payment cap in yuan; leave out where the source gives none.",
            False,
        ),
        _f("bands", "list:band", "Bands over the bill, lowest first; the last has no up_to."),
        _f("items", "list:item", "Items paid at a rate of their own, entered separately.", False),
        _f("reading", "text", "How medbal reads the source's rates: say it, do not hide it."),
        _region("The region whose rates these are, as every view names it."),
        _f(
            "sources",
            "sources",
            "seed-NNN, law-art-N, gov-YYYY-N, nhsa-NAME, "
            "reform-YYYY (medbal/i18n/sources.py) or local:NAME references.",
        ),
        *_DATED,
    ),
    "band": (
        _f(
            "up_to",
            "amount",
            "The top of the band in yuan (of the whole bill); leave out for the last band.",
            False,
        ),
        _f("rate", "percent", "The share the pooled fund pays, in percent."),
    ),
    "item": (
        _f("id", "id", "What --item takes: --item ID=AMOUNT."),
        _f("label", "text", "What the item is."),
        _f("rate", "percent", "The share the pooled fund pays, in percent."),
    ),
}


@functools.cache
def field_of(obj: str, name: str) -> Field:
    """One field of an object, by name."""
    (found,) = (f for f in OBJECTS[obj] if f.name == name)
    return found


def bounds(obj: str, name: str) -> tuple[int, int]:
    """The lowest and highest value of a whole-number field."""
    f = field_of(obj, name)
    return f.low, f.high


@functools.cache
def names(obj: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(required, optional) field names of an object."""
    fields = OBJECTS[obj]
    return (
        tuple(f.name for f in fields if f.required),
        tuple(f.name for f in fields if not f.required),
    )
