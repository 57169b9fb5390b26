#!/usr/bin/env python3
"""Regenerates Sources/Understanding/FoldTable.swift from Python's unicodedata.

    python3 scripts/fold-table.py [--check]

`TextNormalizer.folded` reads a line scalar by scalar with Swift's own Unicode properties (lowercase
mapping, general category) and these tables, which correct those properties wherever Foundation's
`String.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)`
(swift-corelibs-foundation, CFStringFold) folds differently. The rules below are that folding's, one
scalar at a time:

- width: a scalar in U+FF00...U+FFEF becomes its compatibility decomposition when that is one scalar;
- diacritics: a canonically decomposable scalar whose decomposition starts below U+0510 (Latin,
  Greek, Cyrillic) becomes that first scalar; other decomposable scalars stay as they are;
- case: then full case folding, except where Foundation's fold table predates Unicode 8 and 9: the
  Cherokee letters and the Cyrillic letter variants U+1C80...U+1C88 fold to their lowercase;
- marks: after a character, nonspacing and enclosing marks are removed, and so are the other
  grapheme extenders (trailing parts of canonical decompositions that are spacing marks, the
  zero-width non-joiner, the Hangul tone marks, the halfwidth sound marks, tags, skin tones), unless
  the character was mapped above to a scalar at or past U+0510.

A fold that is canonically equivalent to the scalar's lowercase mapping needs no entry. The tables
follow the Unicode version of this Python (`unicodedata.unidata_version`), named in the header.
`--check` exits 1 when the file is not what this script writes, so the table cannot drift from its rules.
"""

import argparse
import os
import re
import sys
import unicodedata as ud

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLE = os.path.join(ROOT, "Sources", "Understanding", "FoldTable.swift")

# Where folding stops removing marks: decompositions and folds starting here are not Latin, Greek or Cyrillic.
SCRIPT_LIMIT = 0x510
# Case folds Foundation's table does not have (added in Unicode 8 and 9): these scalars fold to their lowercase.
LOWERCASE_FOLD = [(0x13A0, 0x13FF), (0xAB70, 0xABBF), (0x1C80, 0x1C88)]
# Grapheme extenders that are neither nonspacing nor enclosing marks nor trailing parts of a canonical
# decomposition (Other_Grapheme_Extend and Emoji_Modifier, which unicodedata does not carry).
OTHER_EXTENDERS = [(0x200C, 0x200C), (0x302E, 0x302F), (0xFF9E, 0xFF9F), (0x1F3FB, 0x1F3FF), (0xE0020, 0xE007F)]


def within(c, ranges):
    return any(lo <= c <= hi for lo, hi in ranges)


def scalars():
    """Every assigned scalar past ASCII."""
    for c in range(0x80, 0x110000):
        if not 0xD800 <= c <= 0xDFFF and ud.category(chr(c)) != "Cn":
            yield c


def is_canonically_decomposable(c):
    d = ud.decomposition(chr(c))
    return d != "" and not d.startswith("<")


def fold(c):
    """Foundation's fold of scalar `c`, and whether folding mapped it (so the marks after it are kept
    when the result is past SCRIPT_LIMIT)."""
    mapped = None
    ch = c
    if 0xFF00 <= c <= 0xFFEF:
        wide = ud.normalize("NFKD", chr(c))
        if len(wide) == 1:
            ch = ord(wide)
        mapped = [ch]
    if is_canonically_decomposable(ch):
        first = ord(ud.normalize("NFD", chr(ch))[0])
        if first < SCRIPT_LIMIT:
            ch = first
            mapped = [ch]
    folded = chr(ch).lower() if within(ch, LOWERCASE_FOLD) else chr(ch).casefold()
    if folded != chr(ch):
        mapped = [ord(x) for x in folded]
    return (mapped if mapped is not None else [c]), mapped is not None


def trailing_spacing_marks():
    """Spacing marks that are a later part of some canonical decomposition (Other_Grapheme_Extend's rule)."""
    found = set()
    for c in scalars():
        if is_canonically_decomposable(c):
            for x in ud.decomposition(chr(c)).split()[1:]:
                if ud.category(chr(int(x, 16))) == "Mc":
                    found.add(int(x, 16))
    return found


def tables():
    trailing = trailing_spacing_marks()
    removed = [
        c for c in scalars() if ud.category(chr(c)) not in ("Mn", "Me") and (c in trailing or within(c, OTHER_EXTENDERS))
    ]
    extenders = set(removed)
    keys, values, keep_after = [], [], []
    for c in scalars():
        folded, mapped = fold(c)
        if ud.normalize("NFD", "".join(map(chr, folded))) != ud.normalize("NFD", chr(c).lower()):
            assert len(folded) <= 3, hex(c)
            keys.append(c)
            values.append(sum(x << (21 * i) for i, x in enumerate(folded)))
        # Marks and extenders are never the character the marks after them follow.
        if mapped and folded[0] >= SCRIPT_LIMIT and ud.category(chr(c)) not in ("Mn", "Me") and c not in extenders:
            keep_after.append(c)
    # Every nonspacing and enclosing mark this Unicode version knows is one folding removes.
    kept_marks = []
    return keys, values, kept_marks, keep_after, removed


def array(name, kind, doc, items, per_line):
    lines = [f"    /// {doc}", f"    package static let {name}: [{kind}] = ["]
    for i in range(0, len(items), per_line):
        lines.append("        " + " ".join(f"0x{x:X}," for x in items[i : i + per_line]))
    lines.append("    ]")
    return "\n".join(lines)


def render():
    keys, values, kept_marks, keep_after, removed = tables()
    header = (
        "// Generated by scripts/fold-table.py from Python's unicodedata (Unicode "
        + ud.unidata_version
        + "), following Foundation's\n"
        "// `String.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)`\n"
        "// scalar by scalar, so `TextNormalizer.folded` gives the same tokens without loading Foundation.\n"
        "// Do not edit by hand: change the script and run it.\n"
    )
    parts = [
        array("foldKeys", "UInt32", "Scalars whose fold is not their plain lowercase mapping, ascending (binary-searched).", keys, 10),
        array(
            "foldValues", "UInt64",
            "The fold of each of `foldKeys`: up to three scalars of 21 bits each, first in the low bits; 0 ends.", values, 6),
        array("keptMarks", "UInt32", "Nonspacing and enclosing marks that folding keeps after another character, ascending.", kept_marks, 10),
        array("keepMarksAfter", "UInt32", "Characters after which folding keeps the marks that follow, ascending.", keep_after, 10),
        array(
            "removedAfterCharacter", "UInt32",
            "Other scalars that folding removes after another character (spacing marks, joiners, modifiers), ascending.",
            removed, 10),
    ]
    return header + "\nextension TextNormalizer {\n" + "\n\n".join(parts) + "\n}\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when FoldTable.swift is not current")
    args = parser.parse_args()
    text = render()
    current = open(TABLE, encoding="utf-8").read() if os.path.exists(TABLE) else ""
    if args.check:
        if current != text:
            written = re.search(r"unicodedata \(Unicode ([0-9.]+)\)", current)
            if written and written.group(1) != ud.unidata_version:
                print(
                    f"FoldTable.swift was generated with Unicode {written.group(1)}, this Python has "
                    f"{ud.unidata_version}: run the check with that Python, or regenerate and test",
                    file=sys.stderr)
            else:
                print(f"{os.path.relpath(TABLE, ROOT)} is not what scripts/fold-table.py writes; run it", file=sys.stderr)
            return 1
        print(f"{os.path.relpath(TABLE, ROOT)} is current (Unicode {ud.unidata_version})")
        return 0
    if current != text:
        with open(TABLE, "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
