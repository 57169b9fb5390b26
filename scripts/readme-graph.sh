#!/usr/bin/env bash
# Regenerates the Mermaid overview of the shipped conversation in README.md (between the
# "graph:begin" and "graph:end" markers) from `second-opinion graph`, so the picture never goes
# stale. --check fails when README.md is out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/debug/second-opinion
[ -x "$bin" ] || swift build >/dev/null
block=$(printf '<!-- graph:begin -->\n```mermaid\n%s\n```\n<!-- graph:end -->' "$("$bin" graph --format mermaid --dialog main --dialogs Dialogs)")
python3 - "$block" "${1:-}" <<'PY'
import re, sys
block, mode = sys.argv[1], sys.argv[2]
text = open("README.md", encoding="utf-8").read()
new = re.sub(r"<!-- graph:begin -->.*?<!-- graph:end -->", lambda _: block, text, flags=re.S)
if mode == "--check":
    if new != text:
        print("README.md graph is out of date: run bash scripts/readme-graph.sh")
        sys.exit(1)
    print("README.md graph is up to date")
else:
    open("README.md", "w", encoding="utf-8").write(new)
    print("updated README.md")
PY
