#!/usr/bin/env python3
"""Checks schema/dialog.schema.json against the shipped dialogs and the broken corpus.

    python3 scripts/check-schema.py [-v]

- `messages.json` files (a folder's messages) are checked against schema/messages.schema.json instead,
  `sources.json` files (a folder's sources) against schema/sources.schema.json, and the language data
  (`language/<lang>/*.json`, `data/*.json`) against schema/language.schema.json.
- Every `Dialogs/*.json` (and every language file beside them) must pass the schema (comments, `//` and `/* */`, are stripped first, as
  the loader allows them).
- Every case in `Tests/DialogEngineTests/Fixtures/broken/` whose `expected` file has the line
  `schema: fail` must FAIL it (at least one of the case's files is rejected).
- Every other case must pass it (files that are not well-formed JSON are skipped: malformed JSON
  is the loader's business), so the `schema: fail` markers stay honest.

Exits 0 when all of that holds, 1 otherwise, 2 when it cannot run (no jsonschema, bad schema).
"""

import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA = os.path.join(ROOT, "schema", "dialog.schema.json")
MESSAGES_SCHEMA = os.path.join(ROOT, "schema", "messages.schema.json")
MESSAGES_VALIDATOR = None
SOURCES_SCHEMA = os.path.join(ROOT, "schema", "sources.schema.json")
SOURCES_VALIDATOR = None
LANGUAGE_SCHEMA = os.path.join(ROOT, "schema", "language.schema.json")
LANGUAGE_VALIDATOR = None
DIALOGS = os.path.join(ROOT, "Dialogs")
BROKEN = os.path.join(ROOT, "Tests", "DialogEngineTests", "Fixtures", "broken")

EXPECTED_LINE = re.compile(r"^[EW]\d{3} [^\s:]+:\d+:\d+$")
SCHEMA_FAIL = "schema: fail"


def rel(path):
    return os.path.relpath(path, ROOT)


def load_validator(path=SCHEMA):
    try:
        import jsonschema
    except ImportError:
        sys.stderr.write(
            "check-schema: the Python package 'jsonschema' is missing.\n"
            "Install it with:  python3 -m pip install jsonschema\n")
        sys.exit(2)
    try:
        with open(path, encoding="utf-8") as f:
            schema = json.load(f)
    except (OSError, ValueError) as e:
        sys.stderr.write("check-schema: cannot read %s: %s\n" % (rel(path), e))
        sys.exit(2)
    cls = jsonschema.Draft202012Validator
    try:
        cls.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        sys.stderr.write("check-schema: %s is not a valid draft 2020-12 schema: %s\n" % (rel(path), e.message))
        sys.exit(2)
    return cls(schema)


def pointer(error):
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in error.absolute_path)


def strip_comments(text):
    """The text with `//` and `/* */` comments (JSONC, as the loader allows) replaced by spaces,
    strings left alone; an unterminated `/*` is left in, so json.loads rejects the file."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("//", i):
            j = i
            while j < n and text[j] not in "\r\n":
                j += 1
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            if j < 0:
                out.append(text[i:])
                break
            out.append("".join(ch if ch in "\r\n" else " " for ch in text[i:j + 2]))
            i = j + 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def schema_errors(validator, path):
    """Returns (parsed, [messages]); parsed is False when the file is not well-formed JSON."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.loads(strip_comments(f.read()))
    except (OSError, UnicodeDecodeError, ValueError) as e:
        return False, ["not well-formed JSON: %s" % e]
    if os.path.basename(path) == "messages.json" and MESSAGES_VALIDATOR is not None:
        validator = MESSAGES_VALIDATOR
    if os.path.basename(path) == "sources.json" and SOURCES_VALIDATOR is not None:
        validator = SOURCES_VALIDATOR
    if is_language_file(path) and LANGUAGE_VALIDATOR is not None:
        validator = LANGUAGE_VALIDATOR
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    return True, ["%s: %s" % (pointer(e), e.message) for e in errors]


def json_files(directory):
    return sorted(os.path.join(directory, n) for n in os.listdir(directory) if n.endswith(".json"))


def is_language_file(path):
    """As the loader decides: `.../language/<lang>/x.json` or `.../data/x.json`."""
    parts = os.path.normpath(path).split(os.sep)
    return (len(parts) >= 3 and parts[-3] == "language") or (len(parts) >= 2 and parts[-2] == "data")


def language_files(directory):
    """The language data the loader reads beside the dialogs in `directory`: language/<lang>/*.json, data/*.json."""
    found = []
    language = os.path.join(directory, "language")
    if os.path.isdir(language):
        for lang in sorted(os.listdir(language)):
            if os.path.isdir(os.path.join(language, lang)):
                found += json_files(os.path.join(language, lang))
    if os.path.isdir(os.path.join(directory, "data")):
        found += json_files(os.path.join(directory, "data"))
    return found


def check_dialogs(validator, verbose):
    problems = []
    if not os.path.isdir(DIALOGS):
        return ["%s/ does not exist" % rel(DIALOGS)], 0
    files = json_files(DIALOGS)
    if not files:
        return ["%s/ holds no .json files" % rel(DIALOGS)], 0
    files += language_files(DIALOGS)
    for path in files:
        parsed, errors = schema_errors(validator, path)
        if errors:
            problems += ["%s: %s" % (rel(path), m) for m in errors]
        elif verbose:
            print("ok    %s" % rel(path))
    return problems, len(files)


def check_case(validator, case_dir, verbose):
    name = os.path.basename(case_dir)
    expected_path = os.path.join(case_dir, "expected")
    try:
        with open(expected_path, encoding="utf-8") as f:
            lines = [l.strip() for l in f.read().splitlines() if l.strip()]
    except OSError:
        return ["%s: no 'expected' file" % rel(case_dir)], False
    problems = []
    diagnostics = [l for l in lines if l != SCHEMA_FAIL]
    for l in diagnostics:
        if not EXPECTED_LINE.match(l):
            problems.append("%s: malformed line %r (want 'E030 main.json:12:17' or '%s')" % (rel(expected_path), l, SCHEMA_FAIL))
    if not diagnostics:
        problems.append("%s: lists no diagnostic" % rel(expected_path))
    elif not any(name.startswith(l.split()[0] + "-") for l in diagnostics):
        problems.append("%s: the case name's code is not among its diagnostics" % rel(case_dir))
    files = json_files(case_dir)
    if not files:
        problems.append("%s: holds no .json files" % rel(case_dir))
    files += language_files(case_dir)
    for l in diagnostics:
        fname = l.split()[1].rsplit(":", 2)[0]
        # Language data sits in language/<lang>/ inside the case; diagnostics name files by their last component.
        nested = [os.path.join(d, f) for d, _, fs in os.walk(case_dir) for f in fs if f == fname]
        if not os.path.isfile(os.path.join(case_dir, fname)) and not nested:
            problems.append("%s: names %s, which the case does not have" % (rel(expected_path), fname))

    must_fail = SCHEMA_FAIL in lines
    rejected = []  # files the schema rejects (validation errors, not JSON syntax)
    unparsed = 0
    for path in files:
        parsed, errors = schema_errors(validator, path)
        if parsed and errors:
            rejected.append((path, errors))
        unparsed += not parsed
    if must_fail and not rejected:
        problems.append("%s: marked '%s' but the schema accepts every file" % (rel(case_dir), SCHEMA_FAIL))
    if not must_fail and rejected:
        for path, errors in rejected:
            problems.append("%s: not marked '%s' but the schema rejects it: %s" % (rel(path), SCHEMA_FAIL, errors[0]))
    if verbose and not problems:
        if must_fail:
            verdict = "schema rejects it"
        elif unparsed:
            verdict = "not well-formed JSON (left to the loader)"
        else:
            verdict = "schema accepts it"
        print("ok    %-45s %s" % (name, verdict))
    return problems, must_fail


def main():
    global MESSAGES_VALIDATOR, SOURCES_VALIDATOR, LANGUAGE_VALIDATOR
    verbose = "-v" in sys.argv[1:] or "--verbose" in sys.argv[1:]
    validator = load_validator()
    MESSAGES_VALIDATOR = load_validator(MESSAGES_SCHEMA)
    SOURCES_VALIDATOR = load_validator(SOURCES_SCHEMA)
    LANGUAGE_VALIDATOR = load_validator(LANGUAGE_SCHEMA)

    dialog_problems, dialog_count = check_dialogs(validator, verbose)

    case_problems, cases, detectable = [], 0, 0
    if os.path.isdir(BROKEN):
        for n in sorted(os.listdir(BROKEN)):
            d = os.path.join(BROKEN, n)
            if os.path.isdir(d):
                cases += 1
                problems, must_fail = check_case(validator, d, verbose)
                detectable += must_fail
                case_problems += problems
    else:
        case_problems.append("%s/ does not exist" % rel(BROKEN))

    if dialog_problems:
        print("Shipped dialogs that do not pass %s:" % rel(SCHEMA))
        for p in dialog_problems:
            print("  " + p)
    if case_problems:
        print("Broken corpus problems:")
        for p in case_problems:
            print("  " + p)
    if dialog_problems or case_problems:
        print("check-schema: FAILED")
        return 1
    print("check-schema: %d dialog file(s) pass; %d broken case(s) checked, %d rejected by the schema as marked."
          % (dialog_count, cases, detectable))
    return 0


if __name__ == "__main__":
    sys.exit(main())
