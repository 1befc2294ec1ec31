"""English: the words medbal itself says (the sections are described in __init__.py)."""

from medbal.i18n.words import Marks

MARKS = Marks(
    name="English",
    colon=": ",
    clauses="; ",
    items=", ",
    sentences=" ",
    quotes=("'", "'"),
    aside="{} ({})",
    plural="s",
    html="en",
    han=False,
    numerals="arabic",
    date="{day} {month} {year}",
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
)

INTERFACE: dict[str, str] = {
    # headings shared by outcome and checklist renderers
    "pooled_fund": "The pooled fund",
    "next_steps": "What to do next",
    "where_to_check": "Where to check",
    "caveat": "Keep in mind",
    # Laws and official documents, then the web articles read as background.
    "sources": "Based on",
    "channels": "Official channels",
    "reading": "Background reading",
    "reading_note": "Background only: your local medical-insurance agency has the final word.",
    "answers": "Your answers",
    "dropped": "Answers not needed for this result:",
    "reproduce": "The same result as one command:",
    "question_n": "Question {n}",
    "needs_answer": "An answer is needed to go on:",
    "help": "How to find out",
    # interactive prompts
    "keys": "Type a number, or ? help, b back, r restart, q quit",
    "keys_end": "Type an answer's number to change it, r to restart, or q to quit",
    "default": "Enter keeps: {value}",
    "not_an_option": "{entry!q} is not one of the options; type 1 to {n}.",
    "type_a_number": "Type a number from 1 to {n}, or ? for help.",
    "no_help": "This question has no extra help.",
    "first_question": "This is the first question.",
    "no_such_answer": "There is no answer {entry}; type 1 to {n}.",
    "bye": "Stopped. Nothing was saved.",
    # checklists
    # The short name is English: a Chinese heading and table show the number only.
    "category": "Category {n} · {slug}",
    "no": "No.",
    "slug": "Short name",
    "title": "Situation",
    "deadline": "Deadline to claim",
    "no_claim_deadlines": (
        "Ask the agency whether these claims have a deadline, and how long it is; claim soon. "
        "Each sheet lists its own time limits."
    ),
    "deadlines": "Deadlines and conditions",
    "deadlines_shared": "Both claims: deadlines and conditions",
    "deadlines_of": "{title}: deadlines and conditions",
    "applies_when": "When this applies",
    "conditions": "Conditions",
    "documents": "Documents for this situation",
    "variant": "If: {title}",
    "common_documents": "Also bring",
    "claim_steps": "How the claim goes",
    "notes": "Notes",
    "legal_basis": "Legal basis",
    "region": "Rules of",
    "region_line": "This checklist follows the rules of {region}. {note}",
    "applicant_name": "Applicant's name",
    "id_number": "ID number",
    "date": "Date",
    "staff": "Staff member",
    # The command first: at any width it starts a line, so it is never split.
    "checklist_command": "medbal docs {n} lists the documents to bring.",
    "checklist_next_page": "The documents to bring are on the next page.",
    "printed_on": "Printed on {date} by medbal. This is guidance, not a decision of the agency.",
    # `medbal tree show`: ids for the authors in English, the texts alone in Chinese
    "outline_question": "{id}: {text}",
    "outline_root": "{id}: {title}",
    "outline_option": "[{value}] {label}",
    "outline_outcome": "= {id}: {title}",
    "outline_seen": "-> {id} (above)",
    "show_checklist": "; d shows the documents to bring",
    # estimate
    # Only costs within the policy scope (政策范围内) count: the title says so, and every
    # figure carries its unit (in a table, the column's head).
    "est_title": "Estimate for {bill} yuan of inpatient costs within the policy scope: {region}",
    "est_title_items": (
        "Estimate for {total} yuan of inpatient costs within the policy scope ({bill} yuan in the "
        "bands, {items} yuan in separately rated items): {region}"
    ),
    "est_band": "Band (yuan)",
    # A band's bounds: a spaced hyphen in English, a full-width tilde in Chinese.
    "est_range": "{start} - {end}",
    "est_amount": "Amount (yuan)",
    "est_rate": "Rate",
    "est_paid": "Paid (yuan)",
    "est_money": "{amount} yuan",
    "est_total": "The pooled fund pays about",
    "est_own": "You pay about",
    "est_no_threshold": (
        "This example gives no threshold figure and none was given with --threshold, so nothing "
        "was deducted: the real payment is lower."
    ),
    "est_threshold": "Threshold deducted: {threshold} yuan.",
    "est_no_cap": "This example gives no payment cap, so none was applied.",
    "est_cap": "The payment cap of {cap} yuan applies (before the cap: {before}).",
    "est_cap_known": "Payment cap: {cap} yuan, not reached.",
    "est_reading": "How the rates are read",
    "est_notice": (
        "This is an estimate, not a decision. Only costs within the policy scope (the drug "
        "catalogue, the listed treatments and the service standards) are paid at these rates; "
        "items outside it are yours to pay. The agency decides what is paid."
    ),
    "est_applies": "For: {what}",
    "more": "For one checklist: medbal docs NUMBER",
    "answer_add": "Add the --answer that fits to this command and run it again:",
    # Regional rules, named beside the rule (medbal.present.views.region_tag); the regions'
    # own words are medbal.i18n.sources.REGIONS.  An outcome that leads to two categories.
    "region_tag": "{rule}; confirm locally",
    "region_rule_of": "rule of {name}",
    "national_tag": "national rule",
    "national_name": "national",  # the name of `region: national` (medbal.files.regions)
    "checklists_below": (
        "The documents to bring are listed below, a sheet for each category; printed, they follow "
        "this page."
    ),
    "checklist_command_of": "medbal docs {n} lists the documents to bring for category {n}.",
    "checklist_next_pages": (
        "The documents to bring are on the next pages, one sheet for each category."
    ),
    # Deadlines in a table (medbal.present.pages.deadline_summary); the plural rule is
    # medbal.i18n.typeset.counted.
    "unit_day": "day",
    "unit_month": "month",
    "unit_year": "year",
    "deadline_within": "within {count}",
    "deadline_at_least": "at least {count}",
    "deadline_not_stated": "not stated: ask",
    # A question that asks for a date (medbal.present.kinds.date), and the day a deadline
    # counted from it falls on (medbal.present.views: the region's tag is added after).
    "keys_date": "Type the date as YYYY-MM-DD, 0 without it, or ? help, b back, r restart, q quit",
    "type_a_date": (
        "Type the date as YYYY-MM-DD (for example 2026-11-20), 0 to go on without it, or "
        "? for help."
    ),
    "date_asked": "A date, written YYYY-MM-DD (for example 2026-11-20)",
    "date_asked_of": "Give {what}, written YYYY-MM-DD (for example 2026-11-20)",
    "due_heading": "Deadline worked out from the date you gave",
    "due_by": "Do it by {date} at the latest.",
    "due_passed": "The deadline, {date}, has passed.",
    # Articles of the Social Insurance Law (medbal.i18n.sources.law_label), cited under one
    # name: {article} is one article's number as law_article writes it, {articles} all but
    # the last, joined as a list of names.
    "law_article": "{n}",
    "law_one": "Social Insurance Law of the PRC, Art. {article}",
    "law_many": "Social Insurance Law of the PRC, Arts. {articles} and {last}",
    # `medbal tree list` (medbal.present.authoring): its columns, a file's size in units
    # (counted as medbal.i18n.typeset.counted: "7 questions"), where it comes from
    "list_id": "ID",
    "list_kind": "KIND",
    "list_title": "TITLE",
    "list_size": "SIZE",
    "list_from": "FROM",
    "list_file": "FILE",
    "unit_question": "question",
    "unit_outcome": "outcome",
    "unit_checklist": "checklist",
    "unit_region": "region",
    "unit_problem": "problem",
    "kind_invalid": "invalid",
    "origin_overlay": "overlay",
    "origin_shipped": "shipped",
    "origin_replaces": "replaces shipped",
    "origin_patches": "patches shipped",
    "origin_replaced": "replaced by overlay",
    "origin_patched": "patched by overlay",
    "origin_patch_of": "patch of {id}",
    # `medbal tree validate`, after the file's name (its problems are the loaders' own)
    "kind_tree": "tree",
    "kind_checklists": "checklists",
    "kind_rates": "rates",
    "file_valid": ": valid ({kind} {id!q})",
    "file_valid_patch": ": valid ({kind} {id!q}, a patch over {base})",
}

ERRORS: dict[str, str] = {
    # medbal.process: the program as a whole
    "interrupted": "interrupted.",
    "terminated": "terminated.",
    "bug": (
        "internal error ({what}); please report it, and run again with MEDBAL_DEBUG=1 for the "
        "details"
    ),
    "lossy": (
        "this terminal's encoding ({encoding}) cannot show some characters; they appear as '?'. "
        "Use a UTF-8 locale (for example LANG=C.UTF-8) to see them"
    ),
    "stdout_failed": "cannot write to standard output: {reason}",
    # medbal.commands.click_errors: Click's usage errors, rebuilt from their parts
    "click_no_option": "there is no option {name}",
    "click_no_option_dym": "there is no option {name}; did you mean {best}?",
    "click_missing": "{name} is missing",
    "click_needs_value": "{name} needs a value",
    "click_takes_no_value": "{name} takes no value",
    "click_bad_usage": "{name}: {message}",
    "click_no_command": "there is no command {word!q}; the commands are: {names}",
    "click_no_command_dym": (
        "there is no command {word!q}; did you mean {best!q}? The commands are: {names}"
    ),
    "click_extra": "unexpected extra words: {words}",
    "click_not_one_of": "{name} {given!q} is not one of: {allowed}",
    "click_bad_value": "{name}: {message}",
    "click_help_hint": "Try {command!q} for help.",
    # options and their values
    "lang_invalid": "{where} is {value!q}; choose one of: {langs}",
    "answer_form": (
        "--answer {pair!q} should look like QUESTION=VALUE, for example --answer scheme=employer"
    ),
    # A date answer (medbal.core.kinds.date): each names the form to write it in.
    "date_form": (
        "{value!q} is not a date for {asked}: write it as {form}, for example {example}, "
        "or {skip} if you do not know it"
    ),
    "date_no_such_day": (
        "{value!q} is not a real date ({asked}): give a date that exists, as {form}, "
        "for example {example}"
    ),
    "date_future": (
        "{value!q} is after today ({today}): {asked} needs today's date or an earlier one, "
        "written {form}"
    ),
    "date_range": (
        "{value!q} is before {first}: {asked} needs a date from {first} on, written {form}"
    ),
    # a question named in a message: its id, as typed on the command line
    "asked": "{qid!q}",
    "answer_twice": (
        "--answer {qid!q} is given twice ({first!q} and {second!q}); give each question one answer"
    ),
    "item_form": "--item {pair!q} should look like ITEM=AMOUNT, for example --item class-b=1200",
    "region_empty": "--region is empty; its regions are: {regions}",
    "no_region": "no region {region!q} in {path}; its regions are: {regions}",
    # the same, where no file of the machine is named (medbal serve)
    "no_region_in_rates": "no region {region!q} in the rates file; its regions are: {regions}",
    "as_of_form": "--as-of {value!q} should be a date written YYYY-MM-DD",
    "category_and_all": "give a category or --all, not both",
    "page_needs_output": (
        "the page is HTML for a browser, not for this terminal: give the file to write "
        "with --output FILE (for example --output medbal.html), or redirect: medbal page "
        "> medbal.html"
    ),
    # `-`: standard input in place of a file (medbal.commands.common)
    "stdin_twice": (
        "standard input can be read only once: give - to one of {first} and {second}, "
        "and a saved file to the other"
    ),
    "batch_stdin_tree": "with --batch, TREE is a tree id or a saved file, not - (standard input)",
    "none_listed": "none",  # in place of an empty list of ids
    # a value a person types, with what it means where the value is an English word
    "named_value": "{value}",
    "category_named": "{n}",
    # amounts (medbal.core.estimate)
    "the_amount": "the amount",
    "amount_negative": "{what} {text!q} is negative; amounts are 0 or more",
    "amount_invalid": (
        "{what} {text!q} is not an amount; write it in yuan, for example 8000, 8,000 or 8000.50"
    ),
    "amount_too_large": "{what} {text!q} is more than any bill (at most 100,000,000 yuan)",
    "threshold_above_bill": (
        "the threshold ({start} yuan) is above the bill ({bill} yuan): the pooled fund pays "
        "nothing below the threshold, so there is nothing to estimate"
    ),
    "no_item": "region {region!q} has no item {item!q}; its items are: {items}",
    # trees, categories and answers
    "no_category": "no category {name!q}; choose a number or short name: {valid}",
    "no_question": "tree {tree!q} has no question {qid!q}; its questions are: {ids}",
    "not_an_answer": "{value!q} is not an answer to {asked}; choose one of: {values}",
    "no_tree": "no tree named {name!q}; known trees: {known}",
    "no_tree_file": "no tree file at {name!q}",
    "tree_name_unusable": "{name!q} cannot be used as a tree name or file ({reason})",
    "no_home": "no such home folder",
    "name_nul": "it holds a null character",
    "not_a_tree": "{name!q} ({path}) is not a decision tree; use {other!q} for it",
    "wrong_kind": "{path} should hold kind: {kind}",
    "trees_not_folder": (
        "{where} names {raw!q}, which is not a folder; give a folder that holds .yaml tree files"
    ),
    "trees_unreadable": "{where} names {raw!q}, which cannot be read ({reason})",
    "too_many_paths": (
        "tree {tree!q} has {paths} ({answers:,} answers in all); 'tree paths' lists at most "
        "{max_paths:,} paths and {max_answers:,} answers. Review it as a graph: medbal tree export"
    ),
    "paths_count": "{count:,} paths",
    "paths_beyond": "more than 10**18 paths",
    "reserved_question": (
        "tree {tree!q} has a question named {name!q}, which the page keeps for itself; rename the "
        "question"
    ),
    "tree_twice": "tree {tree!q} is given twice",
    # files a person names (medbal.files.bounded: said after the file's name)
    "file_unreadable": "cannot be read ({reason})",
    "file_is_folder": "is a folder, expected a .yaml file",
    "file_not_regular": (
        "is not a saved file (a pipe, device or socket): give - and pass it on standard "
        "input instead, or save it to a file first"
    ),
    "file_too_large": "is too large ({size:,} bytes; at most {limit:,})",
    "file_grew_too_large": "is too large (more than {limit:,} bytes)",
    "answers_file_unreadable": "--answers-file {path!q} {why}",
    "answers_stdin_unreadable": "--answers-file - {why}",
    "answers_file_problems": "{problems}",
    # --output (medbal.files.write)
    "output_empty": "--output needs a file name (or - for standard output)",
    "output_is_folder": "--output {target!q} is a folder; give a file name",
    "output_not_regular": (
        "--output {target!q} is not a regular file (a device or a pipe); use --output - for "
        "standard output"
    ),
    "output_no_folder": "cannot write {target!q}: the folder {folder!q} does not exist",
    "output_failed": "cannot write {target!q}: {reason}",
    # --batch (medbal.commands.batch, medbal.api.batch): the input, and each line's errors
    "batch_unreadable": "--batch {source!q} cannot be read ({why})",
    "batch_no_stdin": "no stdin",
    "batch_device": "a device, not a file or a pipe",
    "batch_no_line_break": "no line break in 64 MiB",
    "batch_conflict": (
        "--batch takes the answers from each line and writes to stdout; leave out {option}"
    ),
    "batch_format": "--batch always writes JSON lines; leave out --format or give --format json",
    "batch_encoding": "the line is not UTF-8 text",
    "batch_not_json": "the line is not JSON (column {column}: {why})",
    # json's own complaints, in the person's language (medbal.api.batch)
    "json_expecting_value": "a value is expected",
    "json_expecting_comma": "a comma is expected",
    "json_expecting_colon": "a colon is expected",
    "json_expecting_name": "a key in double quotes is expected",
    "json_unterminated": "a string is not closed",
    "json_control": "a control character inside a string",
    "json_escape": "a backslash escape is not valid",
    "json_extra": "more text after the object",
    "json_invalid": "not valid here",
    "json_at": "{why}, line {line} column {column}",  # where, in a body of many lines
    "batch_too_deep": "the line nests arrays and objects more than {limit} levels deep",
    "batch_lone_surrogate": (
        "the line holds {value}, half of a character (a lone surrogate), which no text can hold"
    ),
    "batch_key_twice": "the key {name!q} is given twice in the line; give each key once",
    "batch_number_as_written": (
        "the number {value} would come back as {written}; write it as {written}, or as a string"
    ),
    "batch_not_a_number": "the line is not JSON ({value} is not a JSON number)",
    "batch_too_large": "the line is not JSON ({value} is too large for a JSON number)",
    "batch_not_object": (
        'the line should be a JSON object, for example {{"answers": {{"scheme": '
        '"employer"}}, "id": 1}}'
    ),
    "batch_unknown_key": "the line has an unknown key {name!q}; a line may have: {keys}",
    "batch_unknown_key_dym": (
        "the line has an unknown key {name!q}; did you mean {best!q}? A line may have: {keys}"
    ),
    "batch_tree": "'tree' should be the id of a tree (a file is named on the command line)",
    "batch_lang": "'lang' is {value}; choose one of: {langs}",
    "batch_answers": "'answers' should be an object of QUESTION: VALUE, both text",
    "batch_internal": "this line could not be answered ({why}); please report it",
    "batch_too_long": "the line is longer than {limit} bytes and was skipped",
    # did you mean (medbal.i18n.suggest)
    "dym_category": (
        "no category {name!q}; did you mean {best!q}? Choose a number or short name: {valid}"
    ),
    "dym_tree": "no tree named {name!q}; did you mean {best!q}? Known trees: {known}",
    "dym_question": (
        "tree {tree!q} has no question {qid!q}; did you mean {best!q}? Its questions are: {ids}"
    ),
    "dym_value": (
        "{value!q} is not an answer to {asked}; did you mean {best!q}? Choose one of: {values}"
    ),
    "end_of_input": (
        "end of input before an answer; run again, or use --answer ID=VALUE to answer without "
        "prompts"
    ),
    "no_format": "the {kind!q} view has no format {fmt!q}; its formats are: {formats}",
    "no_view_kind": "there is no view {kind!q}; the views are: {kinds}",
    "view_mismatch": "the view does not have the shape of a {kind!q} view ({why})",
    "document_needs_outcome": (
        "a page to take home needs an outcome: answer the open question first"
    ),
    # the Python API's arguments (medbal.api.checks): what each should be
    "api_argument": "{name} should be {expected}, not {given}",
    "arg_text": "text (a str)",
    "arg_lang": "a language (one of {langs}; a str), or None",
    "arg_folder": "a folder's path (a str or a Path), or None",
    "arg_tree": "a tree's id or a YAML file's path (a str or a Path), or a Tree",
    "arg_answers": "a mapping of question ids to answer values, both text",
    "arg_amount": "an amount in yuan (a str, an int or a Decimal)",
    "arg_items": "a list of ITEM=AMOUNT texts, or a mapping of item ids to amounts",
    "arg_category": "a category's number or short name (an int or a str), or None",
    "arg_whole": "a whole number (an int)",
    "arg_date": "a date written YYYY-MM-DD (a str or a datetime.date), or None",
    "arg_view": "a view (a mapping, as medbal.api returns it)",
    "arg_cases": "an iterable of cases (mappings, or lines of JSON)",
    "arg_names": "a list of tree ids, YAML files' paths or Trees",
    "arg_outcome": "an outcome of the tree",
    "arg_flag": "True or False (a bool)",
    "arg_naming": "options (--threshold) or keys (threshold)",
    # api.Session (medbal.api.session)
    "session_done": (
        "the conversation has reached an outcome: there is no question to answer; change an answer "
        "or restart"
    ),
    "not_answered": "{qid!q} has no answer to change; the answers are to: {answered}",
    # shell completion (medbal.commands.complete)
    "complete_instruction": (
        "_MEDBAL_COMPLETE is {value!q}; it should be source_SHELL or complete_SHELL, SHELL one of: "
        "{shells}"
    ),
    "complete_environment": (
        "shell completion needs COMP_WORDS and a number in COMP_CWORD (it is {value!q})"
    ),
    # medbal serve: the command, and the errors of the HTTP API (medbal.serve)
    "serve_needs_extra": (
        "medbal serve needs its extra 'serve': in the clone, run {command} (or "
        "{checkout}, to run it with uv run)"
    ),
    "serve_cannot_listen": "cannot listen on {address}: {reason}",
    "serve_encoding": "the request body is not UTF-8 text",
    "serve_lone_surrogate": (
        "the request body holds {value}, half of a character (a lone surrogate), which "
        "no text can hold"
    ),
    "serve_not_json": "the request body is not JSON ({why})",
    "serve_too_deep": "nested too deeply",
    "serve_not_a_number": "{value} is not a JSON number",
    "serve_number_too_large": "{value} is too large for a JSON number",
    "serve_not_object": "the request body should be a JSON object",
    "serve_not_array": "the request body should be a JSON array of cases",
    "serve_too_many_cases": "a batch has at most {limit} cases; this one has {count}",
    "serve_unknown_key": "the request body has an unknown key {name!q}; it may have: {keys}",
    "serve_unknown_key_dym": (
        "the request body has an unknown key {name!q}; did you mean {best!q}? It may have: {keys}"
    ),
    "serve_missing_key": "the request body needs {name!q}",
    "serve_wrong_type": "{where!q} should be {expected}",
    "serve_a_text": "text",
    "serve_a_number": "a number",
    "serve_an_object": "an object",
    "serve_an_amount": 'an amount in yuan, a number or text such as "8,000"',
    "serve_not_one_of": "{where!q} is {value}; choose one of: {values}",
    "serve_unknown_query": "there is no query parameter {name!q}; a query may have: {names}",
    "serve_not_found": "there is nothing at {path!q}; GET /openapi.json describes every endpoint",
    "serve_method": "{path!q} does not take {method}; it takes: {allowed}",
    "serve_too_large": "the request body is larger than {limit} bytes",
    "serve_media_type": "the request body should be JSON, sent with Content-Type: application/json",
    "serve_slow": "the request body did not arrive within {seconds} seconds",
    "serve_internal": "internal error ({what}); please report it",
    "serve_started": "serving {trees} at {url} with {workers}; Ctrl-C stops it",
    "serve_worker": "worker",
    "serve_workers_failed": "the worker processes stopped on their own; the lines above say why",
}

PAGE: dict[str, str] = {
    "language": "Language",  # the name of the language switch, said in every language
    "app_title": "medbal: your medical-insurance account and claiming costs back",
    "start_heading": (
        "Why does my personal account show 0, and what do I bring to claim costs back?"
    ),
    "start_intro": (
        "Choose a topic, then answer one question at a time. Your answers stay in this page: "
        "nothing is sent anywhere."
    ),
    "topics": "Topics",
    "help_toggle": "How do I find out?",
    "progress": "Question {n} of at most {total}",
    "earlier": "your earlier answer",
    "back": "Back",
    "restart": "Start again",
    "home": "Other topics",
    "change": "Change",
    # A "Change" button's name for a screen reader: which answer it changes.
    "change_named": "Change: {question}",
    "print": "Print",
    "made": (
        "Made on {date} with medbal {version}: guidance, not a decision of the medical-insurance "
        "agency."
    ),
    "printed": "Printed on {date}.",
    "checklist_below": (
        "The documents to bring are listed below; printed, they start on the next sheet."
    ),
    # Nothing of the address is shown: a link can carry any text (a false warning, a
    # phone number, a bidi override), and only the page's own words are trusted.
    "bad_link": "Part of this link does not fit these questions and was left out.",
    "sheet_link": "Category {n}: {title}",
    # Shared with the printed sheets (medbal/present/pages.py): the heading of an outcome's
    # explanation, which follows what to do; a sheet's kicker without the short name.
    "why": "Why this answer",
    "category_n": "Category {n}",
    # A date question (medbal/present/page_assets/page.js drawDate): the field, and why
    # a date is refused, as the engine refuses it (medbal.core.kinds.date).
    "date_give": "Give the date",
    "date_give_of": "Give {what}",
    "date_next": "Next",
    "date_field_bad": (
        "This is not a date. Give a day that exists, written YYYY-MM-DD, for example 2026-11-20."
    ),
    "date_field_future": "This day has not come yet. Give a day up to today, written YYYY-MM-DD.",
    "date_field_early": "Give a date from 1900-01-01 on, written YYYY-MM-DD.",
    "noscript": "This page needs JavaScript. Open it in a browser with JavaScript turned on.",
}

SOURCES: dict[str, tuple[str, str]] = {
    # The seed articles are web pages, not rules: a reader sees what each is about and
    # where it was found (no invented Chinese title for the English ones), under the
    # heading of background reading (参考资料), apart from the laws and documents.
    "seed-000": (
        '"Why the balance of social security payments is 0"',
        "web article, machine-translated",
    ),
    "seed-001": (
        '"Medical insurance personal account: why the balance is 0"',
        "collected web answers, machine-translated",
    ),
    "seed-002": (
        '"I paid medical insurance, but the balance was 0"',
        "job-recruitment website, machine-translated",
    ),
    "seed-003": (
        '"Medical-insurance balance goes down for no reason"',
        "Chinese web article, 22 June 2023",
    ),
    "seed-004": (
        '"How to reimburse medical expenses for social security in a different place"',
        "job-recruitment website, machine-translated",
    ),
    "gov-2021-14": (
        (
            "Guiding Opinions of the General Office of the State Council on Establishing an "
            "Outpatient Mutual-Aid Mechanism for Employee Basic Medical Insurance"
        ),
        "Guo Ban Fa [2021] No. 14",
    ),
    "gov-2024-38": (
        (
            "Guiding Opinions of the General Office of the State Council on a Long-Term Mechanism "
            "for Enrolment in Basic Medical Insurance"
        ),
        "Guo Ban Fa [2024] No. 38",
    ),
    "gov-2019-10": (
        (
            "Opinions of the General Office of the State Council on Fully Merging Maternity "
            "Insurance with Employee Basic Medical Insurance"
        ),
        "Guo Ban Fa [2019] No. 10",
    ),
    "gov-1998-44": (
        (
            "Decision of the State Council on Establishing the Basic Medical Insurance System for "
            "Urban Employees"
        ),
        "Guo Fa [1998] No. 44",
    ),
    "scope-in-policy": (
        "Social Insurance Law of the PRC, Art. 28",
        (
            "costs within the policy scope: the drug catalogue, the listed treatments and the "
            "service standards"
        ),
    ),
    "nhsa-2022-22": (
        (
            "Notice on Further Improving Cross-Province Direct Settlement of Basic Medical "
            "Insurance Costs"
        ),
        "Yi Bao Fa [2022] No. 22",
    ),
    "nhsa-12393": (
        "12393, the national medical-insurance service hotline",
        "National Healthcare Security Administration",
    ),
    "nhsa-app": (
        "National Medical Insurance Service Platform app and e-voucher",
        "National Healthcare Security Administration",
    ),
    "reform-2018": (
        (
            "2018 State Council institutional reform, and the move of social-insurance collection "
            "to the tax authorities from 2019"
        ),
        "State Council, 2018",
    ),
}

REGIONS: dict[str, tuple[str, str]] = {
    "xiamen": ("Xiamen, Fujian", "Xiamen rule"),
    "zigui": ("Zigui County, Hubei", "Zigui County rule"),
    # Seed 003's older rules (an approval valid one year, two or three hospitals): the
    # article does not say whose they were.
    "older-local": ("a place the source does not name", "an older rule of one place"),
    # A practice the sources give as common, not as one place's nor as national (a
    # newborn's 90 days: domain.md section 9).
    "many-places": ("many regions", "common in many regions"),
}

HELP: dict[str, str] = {
    # The top-level --help (medbal.commands.helptext): its headings, every exit code and
    # every environment variable
    "help_examples": "Examples",
    "help_exit_codes": "Exit codes",
    "help_environment": "Environment",
    "help_exit_0": (
        "done: an outcome, a checklist, valid files; also q, and a reader that closed "
        "the pipe early"
    ),
    "help_exit_1": (
        "a broken tree file, a failed write, input that ended before an answer, or an "
        "internal error"
    ),
    "help_exit_2": (
        "bad input: an unknown command, option, tree, question, answer or category, or a "
        "malformed value"
    ),
    "help_exit_3": "one-shot diagnose stopped at a question that has no answer yet",
    "help_exit_130": "interrupted (Ctrl-C)",
    "help_exit_143": "terminated (SIGTERM); a file being written is removed",
    "help_env_lang": "the language ({langs}) where --lang is not given",
    "help_env_locale": (
        "then the locale: the first that is set decides (zh... is Chinese), else English"
    ),
    "help_env_trees": "a folder of trees laid over the shipped ones, as --trees",
    "help_env_cache": "0 turns off the cache of checked trees",
    "help_env_xdg": "where the cache is kept: its medbal folder, else ~/.cache/medbal",
    "help_env_debug": "set and not empty: an internal error shows its traceback",
    "help_env_no_color": "set and not empty: no colour; the layout stays",
    "help_env_force_color": "set and not empty: colour even through a pipe (NO_COLOR wins)",
    "help_env_term": "dumb: no colour; the layout stays",
    "help_env_columns": "the width text and help are laid out at (default: the window's)",
}
