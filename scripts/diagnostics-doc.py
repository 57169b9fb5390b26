#!/usr/bin/env python3
"""Regenerates the diagnostic-code table in docs/authoring.md from the broken corpus.

    python3 scripts/diagnostics-doc.py [--check] [--binary .build/debug/second-opinion]

For every case in Tests/DialogEngineTests/Fixtures/broken/ it runs `validate` and writes the code,
the offending line of the broken file and the exact message into the guide, between the
`<!-- diagnostics:begin -->` and `<!-- diagnostics:end -->` markers. `--check` fails (exit 1) when
the guide is out of date, so the guide can never disagree with the loader.
"""

import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BROKEN = os.path.join(ROOT, "Tests", "DialogEngineTests", "Fixtures", "broken")
GUIDE = os.path.join(ROOT, "docs", "authoring.md")
BEGIN, END = "<!-- diagnostics:begin -->", "<!-- diagnostics:end -->"
CODES = os.path.join(ROOT, "Sources", "DialogLoading", "Diagnostics", "DiagnosticCode.swift")


def summaries():
    """code -> one-line summary, from the doc comments in DiagnosticCode.swift."""
    text = open(CODES, encoding="utf-8").read()
    out = {}
    for doc, code in re.findall(r"///\s*(.+?)\n\s*case \w+ = \"(\w\d+)\"", text):
        out[code] = doc.strip()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "second-opinion"))
    args = ap.parse_args()
    docs = summaries()
    lines = ["| code | meaning |", "| --- | --- |"]
    for code in sorted(docs):
        lines.append(f"| `{code}` | {docs[code]} |")
    lines.append("")
    for case in sorted(os.listdir(BROKEN)):
        path = os.path.join(BROKEN, case)
        if not os.path.isdir(path):
            continue
        result = subprocess.run([args.binary, "validate", "."], cwd=path, capture_output=True, text=True)
        messages = [l for l in result.stdout.splitlines() if re.match(r"^\./?[^:]+:\d+:\d+: ", l)]
        if not messages:
            continue
        lines.append(f"**{case}**")
        lines.append("")
        lines.append("```text")
        for m in messages:
            m = m[2:] if m.startswith("./") else m
            file, line, col = m.split(":")[0:3]
            try:
                src = open(os.path.join(path, file), encoding="utf-8", errors="replace").read().splitlines()
                snippet = src[int(line) - 1] if 0 < int(line) <= len(src) else ""
            except OSError:
                snippet = ""
            if len(snippet) > 110:
                snippet = snippet[:107] + "..."
            lines.append(f"{line:>4} | {snippet}")
            lines.append(m)
        lines.append("```")
        lines.append("")
    block = BEGIN + "\n" + "\n".join(lines).rstrip() + "\n" + END
    guide = open(GUIDE, encoding="utf-8").read()
    if BEGIN in guide:
        new = re.sub(re.escape(BEGIN) + r".*?" + re.escape(END), lambda _: block, guide, flags=re.S)
    else:
        new = guide.rstrip() + "\n\n## Diagnostic codes\n\nEvery problem `validate` reports has a stable code. " \
            "Each broken example below is a real file from `Tests/DialogEngineTests/Fixtures/broken/`, " \
            "with the line at fault and the exact message (regenerate with `python3 scripts/diagnostics-doc.py`).\n\n" \
            + block + "\n"
    if args.check:
        if new != guide:
            print("docs/authoring.md is out of date: run python3 scripts/diagnostics-doc.py")
            return 1
        print("docs/authoring.md diagnostic table is up to date")
        return 0
    open(GUIDE, "w", encoding="utf-8").write(new)
    print("updated docs/authoring.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
